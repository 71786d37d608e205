"""Settings refuse default secrets outside development; the CLI's commands work from a clean data dir."""

from __future__ import annotations

import base64
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


def test_an_unknown_keyword_is_refused_by_name(tmp_path: Path) -> None:
    # A typo (or a setting that no longer exists) must not be silently ignored.
    with pytest.raises(ValidationError, match="answer_silence_s") as caught:
        Settings(environment="development", data_dir=tmp_path, answer_silence_s=1.5)
    assert caught.value.errors()[0]["type"] == "extra_forbidden"


def test_unknown_environment_and_dotenv_keys_do_not_stop_startup(
    chdir_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `.env` is shared with docker compose, and INTERVIEW_ADMIN_PASSWORD is the CLI's, not a setting.
    (chdir_tmp / ".env").write_text(
        "POSTGRES_PASSWORD=compose-only\n"
        "INTERVIEW_ADMIN_PASSWORD=for create-admin\n"
        "INTERVIEW_NOT_A_SETTING=1\n"
        "INTERVIEW_PORT=9001\n"
    )
    monkeypatch.setenv("INTERVIEW_STRAY_VARIABLE", "1")
    monkeypatch.setenv("INTERVIEW_MAX_FOLLOW_UPS", "3")
    settings = Settings()
    assert settings.port == 9001 and settings.max_follow_ups == 3  # the known keys still count


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
    scoped = cli(
        tmp_path,
        "create-admin",
        "iv@example.test",
        "--role",
        "interviewer",
        "--department",
        "Engineering",
        INTERVIEW_ADMIN_PASSWORD="a long enough password",
    )
    assert scoped.returncode == 0 and "interviewer account iv@example.test in Engineering" in scoped.stdout


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


def test_keys_rotate_from_the_command_line_and_a_wrong_key_is_a_sentence(tmp_path: Path) -> None:
    import asyncio
    import base64

    from server.db.engine import make_engine, make_sessionmaker
    from server.db.models import Utterance
    from server.keys.master import load_master_keys
    from server.keys.vault import Vault
    from server.security import Signer
    from server.services.demo import create_demo

    old, new = (base64.b64encode(os.urandom(32)).decode() for _ in range(2))
    keys = {"INTERVIEW_ENVIRONMENT": "test", "INTERVIEW_SECRET_KEY": TEST_SECRET}
    assert cli(tmp_path, "migrate").returncode == 0
    settings = Settings(
        environment="test", secret_key=TEST_SECRET, data_dir=tmp_path / "data", master_key=old
    )

    async def seed() -> None:
        engine = make_engine(settings.db_url)
        async with make_sessionmaker(engine, Vault(load_master_keys(settings))).begin() as s:
            demo = await create_demo(s, Signer(TEST_SECRET, 60, 60), "http://test")
            s.add(
                Utterance(interview_id=demo.interview_id, speaker="candidate", text="hi", start_s=0, end_s=1)
            )
        await engine.dispose()

    asyncio.run(seed())
    rotated = cli(
        tmp_path, "keys", "rotate", **keys, INTERVIEW_MASTER_KEY=new, INTERVIEW_MASTER_KEY_PREVIOUS=old
    )
    assert rotated.returncode == 0, rotated.stderr
    assert "re-wrapped 1 data keys" in rotated.stdout and "can now be removed" in rotated.stdout
    assert (
        "(current): 1 data keys" in cli(tmp_path, "keys", "status", **keys, INTERVIEW_MASTER_KEY=new).stdout
    )
    wrong = cli(tmp_path, "keys", "status", **keys, INTERVIEW_MASTER_KEY=old)
    assert wrong.returncode == 2 and "error: the master key does not match the stored data" in wrong.stderr
    assert "Traceback" not in wrong.stderr


def test_serve_passes_the_http_limits_to_uvicorn(tmp_path: Path) -> None:
    import inspect

    import uvicorn

    from server.cli import uvicorn_options

    settings = Settings(data_dir=tmp_path, http_keep_alive_s=3, http_limit_concurrency=50)
    options = uvicorn_options(settings, None, 9000)
    assert options["port"] == 9000 and options["timeout_keep_alive"] == 3
    assert options["limit_concurrency"] == 50 and options["h11_max_incomplete_event_size"] == 64 * 1024
    accepted = inspect.signature(uvicorn.Config).parameters
    assert set(options) <= set(accepted), set(options) - set(accepted)


def test_https_needs_secure_cookies_outside_development(tmp_path: Path) -> None:
    key = base64.b64encode(bytes(32)).decode()
    base = {
        "secret_key": TEST_SECRET,
        "data_dir": tmp_path,
        "public_url": "https://interviews.example.com",
        "master_key": key,
    }
    with pytest.raises(ValidationError, match="INTERVIEW_COOKIE_SECURE"):
        Settings(environment="production", **base)
    Settings(environment="production", cookie_secure=True, **base)
    Settings(environment="development", **base)  # a developer's https tunnel
    Settings(environment="production", secret_key=TEST_SECRET, data_dir=tmp_path, master_key=key)  # http


def test_the_image_runs_as_a_user_in_production() -> None:
    dockerfile = (Path(__file__).parents[2] / "Dockerfile").read_text()
    assert "INTERVIEW_ENVIRONMENT=production" in dockerfile
    users = [line.split()[1] for line in dockerfile.splitlines() if line.startswith("USER ")]
    assert users and users[-1] not in ("root", "0"), "the server must not run as root"
    compose = (Path(__file__).parents[2] / "docker-compose.yml").read_text()
    assert "INTERVIEW_SECRET_KEY: ${INTERVIEW_SECRET_KEY:?" in compose
