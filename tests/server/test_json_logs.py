"""JSON logs (`INTERVIEW_LOG_FORMAT=json`): one object per line, the interview's id on the live call's
records, and never a word of the transcript or of the questions."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI

from server.observability.logs import configure_logging
from tests.conftest import TEST_SECRET
from tests.server.test_monitoring import ANSWER, app, client_for, scripted_call

__all__ = ["app"]  # the fixture, shared with the metrics tests


@pytest.fixture
def json_lines() -> Iterator[io.StringIO]:
    root = logging.getLogger()
    saved, level = list(root.handlers), root.level
    handler = configure_logging("json")
    out = io.StringIO()
    handler.setStream(out)
    try:
        yield out
    finally:
        for h in list(root.handlers):
            root.removeHandler(h)
        for h in saved:
            root.addHandler(h)
        root.setLevel(level)


async def test_the_live_path_logs_json_with_the_interview_id_and_no_transcript(
    app: FastAPI, json_lines: io.StringIO
) -> None:
    async with client_for(app) as client:
        iid, _ = await scripted_call(app, client)
    records = [json.loads(line) for line in json_lines.getvalue().splitlines()]
    assert records and all({"ts", "level", "logger", "message"} <= r.keys() for r in records)
    live_path = ("server.services.live", "server.services.calls", "realtime.webrtc", "realtime.speech")
    live = [r for r in records if r["logger"].startswith(live_path)]
    assert len(live) >= 5
    assert any("end_of_answer" in r["message"] for r in live), "the decision was logged"
    untagged = [r["message"] for r in live if r.get("interview_id") != iid]
    assert not untagged, f"live-path records without the interview id: {untagged}"
    text = json_lines.getvalue().lower()
    for said in ANSWER:
        assert said.text.lower() not in text and "your company" not in text
    assert "led a team" not in text, "a question's text was logged"


def test_the_cli_writes_json_lines_when_asked(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "INTERVIEW_ENVIRONMENT": "test",
        "INTERVIEW_SECRET_KEY": TEST_SECRET,
        "INTERVIEW_DATA_DIR": str(tmp_path),
        "INTERVIEW_LOG_FORMAT": "json",
    }
    env.pop("INTERVIEW_DATABASE_URL", None)
    out = subprocess.run(
        [sys.executable, "-m", "server.cli", "migrate"], env=env, capture_output=True, text=True, check=True
    )
    lines = out.stderr.splitlines()
    assert lines and all(json.loads(line)["level"] for line in lines)
    assert any("0010" in json.loads(line)["message"] for line in lines)
