"""The candidate's page joins again by itself when its call is lost: the server restarts mid-interview
(a graceful stop, then a start on the same address) and the page, left open, is back on the call at the
same question without a reload. Chromium, and a real server process with tone-scripted models."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import numpy as np
import pytest
from playwright.sync_api import expect, sync_playwright

from tests.conftest import TEST_SECRET
from tests.e2e.conftest import join_call, launch_chromium
from tests.media import write_wav
from tests.net import free_port
from tests.server.instances import Process

pytestmark = pytest.mark.browser


def test_the_page_rejoins_by_itself_after_the_server_restarts(tmp_path: Path) -> None:
    port = free_port()
    env = {
        **os.environ,
        "INTERVIEW_ENVIRONMENT": "test",
        "INTERVIEW_SECRET_KEY": TEST_SECRET,
        "INTERVIEW_DATA_DIR": str(tmp_path / "data"),
        "INTERVIEW_PUBLIC_URL": f"http://127.0.0.1:{port}",
        "INTERVIEW_PORT": str(port),
        "INTERVIEW_TTS_ENABLED": "false",
        "INTERVIEW_PRESENCE_CHECKS": "false",
        "INTERVIEW_OUTBOX_IN_SERVER": "false",
        "INTERVIEW_PURGE_IN_SERVER": "false",
    }
    env.pop("INTERVIEW_DATABASE_URL", None)
    env.pop("INTERVIEW_REDIS_URL", None)
    silence = tmp_path / "silence.wav"  # a quiet microphone: the agent waits on question 1
    write_wav(silence, np.zeros(16000 * 120, np.int16), 16000)
    server = Process(env, tmp_path / "server.log")
    server.launch()
    try:
        interview_id, token = server.demo()
        with sync_playwright() as pw:
            browser = launch_chromium(pw, silence)
            try:
                page = browser.new_page()
                join_call(page, f"{server.url}/i/{token}")
                server.halt(signal.SIGTERM)  # the call is closed by the server
                expect(page.locator("#status")).to_have_text("Connection lost; reconnecting…", timeout=15_000)
                time.sleep(1.0)
                server.launch()
                try:
                    expect(page.locator("#status")).to_have_text("Connected", timeout=120_000)
                except AssertionError:
                    print("page error:", page.locator("#error").text_content())
                    print("page metrics:", page.evaluate("JSON.stringify(window.__metrics)"))
                    raise
                expect(page.locator("#progress")).to_have_text("Question 1 / 3")
                asked = page.evaluate("window.__metrics.questions.map((q) => q.index)")
                assert asked == [0, 0], asked  # asked again after the rejoin, not skipped or restarted
                assert page.evaluate("window.__metrics.rejoins") == 1
            finally:
                browser.close()
    finally:
        if server.proc is not None and server.proc.poll() is None:
            server.proc.kill()
            server.proc.wait(10)
        print(server.log.read_text()[-3000:])
