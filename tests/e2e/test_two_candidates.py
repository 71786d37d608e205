"""Two candidates in two browsers at the same time, on one server with one shared recogniser pool:
both are heard, captioned, asked their questions out loud and advanced; neither stalls the other."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.e2e.conftest import ServerProcess, join_call, launch_chromium
from tests.e2e.test_browser_call import agent_audio_grows
from tests.media import clip, padded_clip

pytestmark = pytest.mark.browser
CLIP = "en_leadership_star"
OPS_PASSWORD = "ops-password-for-tests"


@pytest.mark.parametrize("server", ["embedded"], indirect=True)
def test_a_second_candidate_joining_does_not_stall_the_first(server: ServerProcess, tmp_path: Path) -> None:
    ops = server.ops_client("ops@example.test", OPS_PASSWORD)
    spoken = clip(CLIP)
    audio = padded_clip(CLIP, tmp_path / "answer.wav", lead_s=1.5, tail_s=10)
    first, second = server.demo(), server.demo()
    with sync_playwright() as pw:
        browser = launch_chromium(pw, audio)
        try:
            one = browser.new_context().new_page()
            join_call(one, first["invite_url"])
            time.sleep(6.0)  # the first candidate is mid-answer when the second joins
            two = browser.new_context().new_page()
            join_call(two, second["invite_url"])
            assert agent_audio_grows(two, 0.0), "the second candidate did not hear their question"
            for page in (one, two):
                expect(page.locator("#progress")).to_have_text(
                    "Question 2 / 3", timeout=(spoken["duration"] + 20) * 1000
                )
                assert page.evaluate("window.__metrics.partials") >= 3, "captions stopped updating"
                expect(page.locator("#captions")).to_contain_text("holiday", ignore_case=True)

            metrics = ops.get("/api/admin/metrics").json()
            assert metrics["live_interviews"] == 2 and set(metrics["asr_queue_depth"]) >= {"en"}
            for demo in (first, second):
                live = metrics["interviews"][demo["interview_id"]]
                print(f"interview {demo['interview_id'][:8]}: final lag max {live['final_lag_max_s']:.2f} s")
                # A stall (a blocked loop, a lost worker) holds transcripts for many seconds; the lag
                # target itself (p95 < 1 s) is measured by bench/asr.py and bench/load.py, not here.
                # The worst single transcript with Chromium encoding two cameras on the same two cores:
                # 0.6-2.1 s here over 16 runs; once 3.2 s on CI before recording yielded the CPU.
                assert live["final_lag_max_s"] < 4.0, "a transcript waited more than four seconds: a stall"
        finally:
            browser.close()
