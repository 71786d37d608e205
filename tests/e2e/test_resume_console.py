"""The console in a real Chromium: HR uploads a resume from the page, the profile appears beside the
outline, and the resume's questions are marked in the outline, in both languages; a scan gets its
message on the page. Screenshots go to artifacts/screenshots."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect, sync_playwright

from agent.resume.lines import NO_TEXT
from server.db.models import Interview, Job
from server.security import Signer
from server.services.accounts import create_user
from server.services.demo import create_demo
from tests.conftest import TEST_SECRET
from tests.e2e.conftest import ServerProcess, Store, launch_chromium, login
from tests.e2e.test_review_page import PASSWORD, SHOTS

pytestmark = pytest.mark.browser
CORPUS = Path(__file__).resolve().parents[1] / "data" / "resumes"


def seed(server: ServerProcess, language: str) -> dict[str, Any]:
    """An interview not yet started (its resume can still change its plan) and an HR account."""

    async def run(db: Store) -> dict[str, Any]:
        async with db.sessions.begin() as s:
            demo = await create_demo(s, Signer(TEST_SECRET, 3600, 3600), server.url, language)
            interview = await s.get(Interview, demo.interview_id)
            assert interview is not None
            job = await s.get(Job, interview.job_id)
            assert job is not None
            job.department = "Engineering"
            email = f"hr-resume-{language}@example.test"
            await create_user(s, email, "HR", "hr", PASSWORD, "Engineering")
        return {"interview_id": demo.interview_id, "hr_email": email}

    return server.seed(run)


@pytest.mark.parametrize(("language", "resume"), [("en", "en01.pdf"), ("zh", "zh02.docx")])
def test_a_resume_uploaded_on_the_console_shows_its_profile_and_marks_its_questions(
    server: ServerProcess, language: str, resume: str
) -> None:
    seeded = seed(server, language)
    iid = seeded["interview_id"]
    truth = json.loads((CORPUS / resume.replace(Path(resume).suffix, ".json")).read_text(encoding="utf-8"))
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 1000})
            login(page, server, seeded["hr_email"], PASSWORD, f"/console/{iid}?lang={language}")
            expect(page.locator("#outline li").first).to_be_visible(timeout=15_000)
            assert page.locator("#outline .resume-derived").count() == 0

            page.set_input_files("#resume-file", str(CORPUS / "scanned.pdf"))
            expect(page.locator("#resume-error")).to_have_text(NO_TEXT)

            page.set_input_files("#resume-file", str(CORPUS / resume))
            newest = truth["experience"][0]
            expect(page.locator("#resume")).to_contain_text(newest["organisation"], timeout=15_000)
            expect(page.locator("#resume")).to_contain_text(truth["education"][0]["school"])
            expect(page.locator("#resume-error")).to_have_text("")
            marked = page.locator("#outline li.resume-derived")
            expect(marked.first).to_contain_text(newest["organisation"])
            assert marked.count() >= 2  # the opening and at least one probe
            tag = "来自简历" if language == "zh" else "from resume"
            expect(marked.first.locator(".tag.resume-derived")).to_have_text(tag)
            page.screenshot(path=str(SHOTS / f"console-resume-{language}.png"), full_page=True)
        finally:
            browser.close()
