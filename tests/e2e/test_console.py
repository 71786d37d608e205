"""The interviewer's live console in a real Chromium beside a candidate with fake media: captions and a
score while the answer is spoken, pause holds the agent until resume, an injected question reaches the
candidate, a reload resumes with the full transcript, end finishes the call. Screenshots in en and zh."""

from __future__ import annotations

import re
import statistics
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.e2e.conftest import ServerProcess, join_call, launch_chromium, login
from tests.e2e.test_browser_call import agent_audio_grows, agent_audio_settled
from tests.media import clip, padded_clip

pytestmark = pytest.mark.browser
LEAD_S = 1.5
CLIP = "en_leadership_star"
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
INJECTED = "What would your team say about how you led them?"


def test_console_shows_the_answer_live_and_controls_the_agent(server: ServerProcess, tmp_path: Path) -> None:
    spoken = clip(CLIP)
    audio = padded_clip(CLIP, tmp_path / "answer.wav", lead_s=LEAD_S, tail_s=30)
    demo = server.demo()
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = launch_chromium(pw, audio)
        try:
            console = browser.new_context(viewport={"width": 1440, "height": 960}).new_page()
            console.on("dialog", lambda d: d.accept())
            path = f"/console/{demo['interview_id']}"
            login(console, server, demo["login_email"], demo["login_password"], path + "?lang=en")
            expect(console.locator("#outline li")).to_have_count(3)

            candidate = browser.new_context().new_page()
            join_call(candidate, demo["invite_url"])
            expect(console.locator("#status")).to_have_text("live")
            media_at = candidate.evaluate("performance.timeOrigin + window.__metrics.mediaAt") / 1000
            answer_end = media_at + LEAD_S + spoken["answer_end"]

            # The console sees and hears the candidate, relayed by the server.
            console.wait_for_function("() => document.getElementById('video').videoWidth > 0", timeout=15_000)
            assert float(console.evaluate("window.__watchAudio()")) >= 0.0

            # Pause: the agent keeps listening and scoring but asks nothing new.
            console.click("#pause-btn")
            expect(console.locator("#agent-state")).to_have_text("Agent paused")

            # While the candidate is still speaking, the console shows their words and a score.
            expect(console.locator("#transcript p.candidate").first).to_be_visible(timeout=20_000)
            expect(console.locator("#score")).not_to_have_text("—", timeout=20_000)
            assert time.time() < answer_end, "the score appeared only after the answer was over"
            heard_candidate = float(console.evaluate("window.__watchAudio()"))
            assert heard_candidate > 1e-4, "the console does not hear the candidate"
            playing = console.evaluate("document.getElementById('video').currentTime")
            time.sleep(1.0)
            assert console.evaluate("document.getElementById('video').currentTime") > playing + 0.5

            # A second interviewer watches the same call: the same video and transcript.
            second = browser.new_context().new_page()
            login(second, server, demo["login_email"], demo["login_password"], path)
            second.wait_for_function("() => document.getElementById('video').videoWidth > 0", timeout=15_000)
            expect(second.locator("#transcript p.candidate").first).to_be_visible(timeout=10_000)
            expect(second.locator("#agent-state")).to_have_text("Agent paused")
            second.close()

            # The candidate leaves the interview tab for a moment: a flag on the console's timeline.
            hide = "v => { Object.defineProperty(document, 'hidden', {value: v, configurable: true});"
            hide += " document.dispatchEvent(new Event('visibilitychange')); }"
            candidate.evaluate(hide, True)
            time.sleep(1.0)
            candidate.evaluate(hide, False)
            # (Chromium's fake camera shows no face, so a presence flag is there too.)
            tab_flag = console.locator("#flags li.flag", has_text="left the interview tab")
            expect(tab_flag).to_contain_text(re.compile(r"left the interview tab \((\d+\.\d) s\)"))
            # Its length is on the media clock, which runs behind the wall clock by what is not yet
            # processed: under load a 1 s absence reads 0.3-1.7 s here (test_page_signals checks the
            # clock exactly); what matters here is that the flag reaches the console with a length.
            shown = re.search(r"\((\d+\.\d) s\)", tab_flag.inner_text())
            assert shown is not None and 0.1 <= float(shown.group(1)) < 3.0

            time.sleep(max(0.0, answer_end - time.time()) + 4.0)
            expect(candidate.locator("#progress")).to_have_text("Question 1 / 3")
            assert not candidate.evaluate("window.__metrics.followUps"), "a paused agent asked a follow-up"
            expect(console.locator("#coverage li").first).to_contain_text("leadership")

            console.click("#resume-btn")
            # Resumed, the agent acts on the answer that ended during the pause: the next question, or
            # a follow-up when the recogniser's text of this clip misses its result (that varies with
            # how the audio was segmented under load; turn-taking is tested in tests/agent). A
            # follow-up is skipped from the console, so the controls below start at question 2.
            candidate.wait_for_function(
                "() => document.getElementById('progress').textContent.includes('2 / 3')"
                " || (window.__metrics.followUps || []).length > 0",
                timeout=15_000,
            )
            if candidate.evaluate("(window.__metrics.followUps || []).length"):
                console.click("#skip-btn")
            expect(candidate.locator("#progress")).to_have_text("Question 2 / 3", timeout=10_000)
            expect(console.locator("#question")).to_contain_text("disagreed")

            # An injected question reaches the candidate's page and the transcript, with who asked.
            heard = agent_audio_settled(candidate)  # the agent has finished saying question 2
            console.fill("#inject-text", INJECTED)
            console.click("#inject-btn")
            expect(candidate.locator("#question")).to_have_text(INJECTED, timeout=10_000)
            assert agent_audio_grows(candidate, heard), "the injected question was not spoken on the call"
            expect(console.locator("#transcript p.interviewer")).to_contain_text(INJECTED)

            # Take-over: the agent stops leading and the interviewer's microphone reaches the candidate.
            quiet = agent_audio_settled(candidate)
            console.click("#takeover-btn")
            expect(console.locator("#agent-state")).to_have_text("Interviewer has taken over")
            console.wait_for_function("() => window.__console.talking === true", timeout=10_000)
            assert agent_audio_grows(candidate, quiet, within_s=8), (
                "the interviewer's voice did not reach the call"
            )
            console.click("#handback-btn")
            expect(candidate.locator("#progress")).to_have_text("Question 3 / 3", timeout=10_000)

            console.fill("#note-text", "Strong ownership of the schedule")
            console.click("#note-form button")
            expect(console.locator("#notes li")).to_contain_text("Strong ownership")

            before = console.locator("#transcript p.candidate:not(.partial)").count()
            types = console.evaluate("window.__console.types")
            assert types.count("utterance.partial") >= 3, "the console showed no live captions"
            delays = console.evaluate("window.__console.delays")
            console.screenshot(path=str(SHOTS / "console-en.png"), full_page=True)

            # A reload (here, in Chinese) resumes with the full transcript.
            console.goto(f"{server.url}{path}?lang=zh")
            expect(console.locator("#transcript p.candidate:not(.partial)")).to_have_count(before)
            expect(console.locator("#transcript p.interviewer")).to_contain_text(INJECTED)
            expect(console.locator("#notes li")).to_contain_text("Strong ownership")
            expect(console.locator("#end-btn")).to_have_text("结束面试")
            expect(console.locator("#score")).to_have_text("5 / 5")
            console.screenshot(path=str(SHOTS / "console-zh.png"), full_page=True)

            console.click("#end-btn")
            expect(candidate.locator("#status")).to_have_text("Interview ended", timeout=10_000)
            expect(console.locator("#status")).to_have_text("已结束", timeout=10_000)
        finally:
            browser.close()
    assert delays, "no live events reached the console"
    ordered = sorted(delays)
    print(
        f"event-to-screen delay over {len(ordered)} events: p50 {statistics.median(ordered):.0f} ms, "
        f"p95 {ordered[int(0.95 * (len(ordered) - 1))]:.0f} ms"
    )
