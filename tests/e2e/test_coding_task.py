"""A coding task end to end in a real Chromium: the candidate writes code in the editor, runs it against
the task's tests in the sandbox, hands it in, explains their approach aloud (the fake microphone plays a
recorded answer), and the explanation is transcribed and scored; then they answer the survey, and the
runs show in review."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import expect, sync_playwright

from agent.modules import say
from tests.e2e.conftest import ServerProcess, launch_chromium
from tests.media import padded_clip

pytestmark = pytest.mark.browser
CLIP = "en_conflict_no_result"  # the "explanation": any real speech will do for transcription and scoring
LEAD_S = 12.0
PLAN: dict[str, Any] = {
    "title": "Python developer",
    "language": "en",
    "competencies": [{"name": "problem_solving"}],
    "questions": [
        {
            "competency": "problem_solving",
            "kind": "coding",
            "text": "Write add(a, b) that returns the sum of two numbers.",
            "coding": {
                "starter": "def add(a, b):\n    pass\n",
                "tests": [
                    {"name": "small numbers", "code": "assert add(1, 2) == 3"},
                    {"name": "negatives", "code": "assert add(-1, -2) == -3"},
                ],
            },
        }
    ],
}


@pytest.fixture
def one_turn(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No follow-ups after the explanation, so the interview ends after it (the server copies the env);
    no video checks and an English-only voice, so the server starts faster (nothing here needs them)."""
    monkeypatch.setenv("INTERVIEW_MAX_FOLLOW_UPS", "0")
    monkeypatch.setenv("INTERVIEW_PRESENCE_CHECKS", "false")
    monkeypatch.setenv("INTERVIEW_TTS_ZH_COMMAND", "espeak-ng -w {out} {text}")
    yield


def test_a_candidate_writes_runs_hands_in_and_explains_code(
    one_turn: None, server: ServerProcess, tmp_path: Path
) -> None:
    ops = server.ops_client()
    job = ops.post("/api/jobs", json=PLAN)
    assert job.status_code == 201, job.text
    made = ops.post("/api/import/candidates", json=[{"name": "Ada Coder", "job": job.json()["id"]}]).json()[0]
    audio = padded_clip(CLIP, tmp_path / "explanation.wav", lead_s=LEAD_S, tail_s=4.0)
    with sync_playwright() as pw:
        browser = launch_chromium(pw, audio)
        try:
            page = browser.new_context().new_page()
            page.goto(made["invite_url"])
            page.check("#consent-box")
            page.check("#consent-ai")
            page.click("#consent-btn")
            page.click("#join-btn")
            expect(page.locator("#coding")).to_be_visible(timeout=20_000)
            expect(page.locator("#tests")).to_contain_text("assert add(-1, -2) == -3")
            expect(page.locator(".CodeMirror")).to_contain_text("def add(a, b):")  # the starter code

            # A wrong first try: the page says which test failed.
            page.click(".CodeMirror")
            page.keyboard.press("Control+A")
            page.keyboard.type("def add(a, b): return a - b")
            page.click("#run-btn")
            expect(page.locator("#run-status")).to_contain_text("Some tests failed", timeout=20_000)
            expect(page.locator("#run-tests")).to_contain_text("✘ small numbers")
            # The fix, run, and handed in.
            page.click(".CodeMirror")
            page.keyboard.press("Control+A")
            page.keyboard.type("def add(a, b): return a + b")
            page.click("#run-btn")
            expect(page.locator("#run-status")).to_contain_text("All tests passed — 2 / 2", timeout=20_000)
            page.click("#done-btn")
            expect(page.locator("#question")).to_have_text(say("en", "explain_code"), timeout=20_000)

            # The explanation is heard; then the interview ends and the survey appears.
            expect(page.locator("#status")).to_have_text("Interview ended", timeout=90_000)
            expect(page.locator("#survey")).to_be_visible(timeout=10_000)
            page.check("input[name=rating][value='4']")
            page.fill("#survey-comment", "The editor was easy to use.")
            page.click("#survey-btn")
            expect(page.locator("#survey-thanks")).to_be_visible(timeout=10_000)
        finally:
            browser.close()

    interview_id = made["interview_id"]
    detail = ops.get(f"/api/interviews/{interview_id}").json()
    said = [
        u["text"] for u in detail["transcript"] if u["speaker"] == "candidate" and u["question_index"] == 0
    ]
    assert said and "database" in " ".join(said).lower(), said
    card = _wait_for(lambda: ops.get(f"/api/interviews/{interview_id}/review").json(), _scored)
    assert _scored(card), card
    runs = ops.get(f"/api/interviews/{interview_id}/modules").json()["code_runs"]
    assert [(r["status"], r["submitted"]) for r in runs] == [
        ("failed", False),
        ("passed", False),
        ("passed", True),
    ]
    assert runs[-1]["code"] == "def add(a, b): return a + b" and runs[-1]["t"] is not None
    survey = ops.get(f"/api/jobs/{job.json()['id']}/survey").json()
    assert survey["count"] == 1 and survey["average"] == 4.0
    assert survey["comments"][0]["comment"] == "The editor was easy to use."

    # Review: the runs are listed with their time on the call.
    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        try:
            page = browser.new_context().new_page()
            page.context.add_cookies(_cookies(ops, server.url))
            page.goto(f"{server.url}/review/{interview_id}")
            expect(page.locator("#code-runs li.code-run")).to_have_count(3, timeout=15_000)
            expect(page.locator("#code-runs")).to_contain_text("All tests passed")
            expect(page.locator("#code-runs pre.code").last).to_have_text("def add(a, b): return a + b")
        finally:
            browser.close()


def _scored(card: dict[str, Any]) -> bool:
    rows = card.get("competencies", [])
    return any(c.get("name") == "problem_solving" and c.get("ai_score") is not None for c in rows)


def _wait_for(fetch: Any, done: Any, within_s: float = 15.0) -> Any:
    deadline = time.monotonic() + within_s
    value = fetch()
    while not done(value) and time.monotonic() < deadline:
        time.sleep(0.3)
        value = fetch()
    return value


def _cookies(client: httpx.Client, url: str) -> list[dict[str, Any]]:
    return [{"name": c.name, "value": c.value or "", "url": url} for c in client.cookies.jar]
