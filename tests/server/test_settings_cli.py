"""Settings refuse default secrets outside development; the CLI's commands work from a clean data dir."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from server.settings import Settings
from tests.conftest import TEST_SECRET


def test_default_secret_is_refused_outside_development(tmp_path: Path) -> None:
    Settings(environment="development", data_dir=tmp_path)
    for env in ("production", "test"):
        with pytest.raises(ValidationError, match="INTERVIEW_SECRET_KEY"):
            Settings(environment=env, data_dir=tmp_path)
    with pytest.raises(ValidationError, match="INTERVIEW_SECRET_KEY"):
        Settings(environment="production", secret_key="short", data_dir=tmp_path)


def cli(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "INTERVIEW_DATA_DIR": str(tmp_path / "data"), **env}
    return subprocess.run(
        [sys.executable, "-m", "server.cli", *args], env=full_env, capture_output=True, text=True
    )


def test_migrate_demo_and_create_admin(tmp_path: Path) -> None:
    assert cli(tmp_path, "migrate").returncode == 0
    demo = cli(tmp_path, "demo", "--json")
    assert demo.returncode == 0, demo.stderr
    links = json.loads(demo.stdout.strip().splitlines()[-1])
    assert links["invite_url"].startswith("http://127.0.0.1:8000/i/")
    assert links["console_url"].endswith(links["interview_id"])
    assert links["login_password"]
    again = cli(tmp_path, "demo")
    assert "Candidate invite link" in again.stdout and "printed by the first" in again.stdout

    ok = cli(tmp_path, "create-admin", "boss@example.test", INTERVIEW_ADMIN_PASSWORD="a long enough password")
    assert ok.returncode == 0 and "created admin account" in ok.stdout
    dup = cli(
        tmp_path, "create-admin", "boss@example.test", INTERVIEW_ADMIN_PASSWORD="a long enough password"
    )
    assert dup.returncode == 1 and "already exists" in dup.stderr
    weak = cli(tmp_path, "create-admin", "x@example.test", INTERVIEW_ADMIN_PASSWORD="short")
    assert weak.returncode == 1 and "at least 10 characters" in weak.stderr


def test_a_bad_configuration_is_reported_not_a_traceback(tmp_path: Path) -> None:
    bad = cli(tmp_path, "migrate", INTERVIEW_ENVIRONMENT="production")
    assert bad.returncode == 2 and "INTERVIEW_SECRET_KEY" in bad.stderr


def test_serve_refuses_to_start_with_a_missing_model(tmp_path: Path) -> None:
    out = cli(
        tmp_path,
        "serve",
        "--port",
        "0",
        INTERVIEW_ENVIRONMENT="test",
        INTERVIEW_SECRET_KEY=TEST_SECRET,
        INTERVIEW_ASR_MODEL_PATH=str(tmp_path / "none"),
    )
    assert out.returncode != 0
    assert "speech recognition model not found" in out.stderr
