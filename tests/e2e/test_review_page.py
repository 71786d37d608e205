"""The HR review page in a real Chromium: the recording plays beside the transcript, an evidence quote
seeks the player to it, a decision with a comment changes the status; the report prints to PDF.
Screenshots of both languages go to artifacts/screenshots."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from server.db.models import Candidate
from server.security import Signer
from server.services.accounts import create_user
from tests.e2e.conftest import ServerProcess, Store, launch_chromium, login
from tests.finished import seed_finished

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
PASSWORD = "correct horse battery"


def seed(server: ServerProcess, language: str) -> dict[str, Any]:
    async def run(db: Store) -> dict[str, Any]:
        signer = Signer(db.settings.secret_key, 3600, 3600)
        # the server's key: the recording is sealed, as a call's would be
        seeded = await seed_finished(
            db.sessions, signer, db.settings.recordings_dir, language, "Engineering", db.vault
        )
        async with db.sessions.begin() as s:
            candidate = await s.get(Candidate, seeded["candidate_id"])
            assert candidate is not None
            candidate.email = f"candidate-{language}@example.test"  # where the next step goes
            email = f"hr-{language}@example.test"
            await create_user(s, email, "HR Reviewer", "hr", PASSWORD, "Engineering")
        return {**seeded, "hr_email": email}

    return server.seed(run)


def seeked(page: Page, to_s: float) -> None:
    """Wait until the player is within 0.5 s of `to_s`."""
    page.wait_for_function(f"() => Math.abs(document.getElementById('player').currentTime - {to_s}) < 0.5")


@pytest.mark.parametrize("language", ["en", "zh"])
def test_review_page_seeks_to_evidence_and_records_a_decision(server: ServerProcess, language: str) -> None:
    seeded = seed(server, language)
    iid = seeded["interview_id"]
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            login(page, server, seeded["hr_email"], PASSWORD, f"/review/{iid}?lang={language}")
            page.wait_for_function("() => window.__review && window.__review.ready")
            page.wait_for_function("() => document.getElementById('player').readyState >= 1", timeout=15_000)
            duration = page.evaluate("document.getElementById('player').duration")
            assert duration > seeded["clip"]["duration"], "the recording did not load in the player"

            # Clicking an evidence quote seeks the player to within 0.5 s of where it was said.
            quotes = page.locator("button.evidence:not([disabled])")
            assert quotes.count() >= 1
            last = quotes.nth(quotes.count() - 1)
            start = float(last.get_attribute("data-start") or "nan")
            quote = last.get_attribute("data-text") or ""
            last.click()
            seeked(page, start)
            said = next(
                line
                for line in page.evaluate(
                    "[...document.querySelectorAll('#transcript p')]"
                    ".map(p => [Number(p.dataset.start), Number(p.dataset.end), p.textContent])"
                )
                if line[0] - 0.5 <= start <= line[1]
            )
            assert any(word in said[2] for word in quote.split()[:3] or [quote[:4]]), (quote, said)
            # The transcript line being played is highlighted.
            expect(page.locator("#transcript p.current")).to_have_count(1)
            # Clicking a transcript line seeks there too.
            first = page.locator("#transcript p.candidate").first
            first_start = float(first.get_attribute("data-start") or "nan")
            first.click()
            seeked(page, first_start)

            # Integrity flags sit on the timeline too.
            flag = page.locator("#flags li.flag")
            expect(flag).to_contain_text({"en": "left the interview tab", "zh": "离开了面试页面"}[language])
            flag.locator("button").click()
            seeked(page, 20.0)

            page.screenshot(path=str(SHOTS / f"review-{language}.png"), full_page=True)

            # A decision without a comment is refused by the page; with one, the status changes.
            page.select_option("#status", "next_round")
            page.select_option("select[data-competency=leadership]", "3")
            page.click("#submit")
            assert page.evaluate("document.getElementById('comment').validity.valueMissing")
            page.fill("#comment", "Concrete result; leadership score lowered: the team's part is unclear.")
            page.click("#submit")
            status = {"en": "Next round", "zh": "进入复试"}[language]
            expect(page.locator("#review-status")).to_have_text(status)
            expect(page.locator("#history li")).to_have_count(1)
            expect(page.locator("#history li")).to_contain_text(seeded["hr_email"])
            assert page.locator("select[data-competency=leadership]").input_value() == "3"

            # Saving the decision drafted the next-round invitation: ready, sent only once approved.
            ready = {"en": "Ready to send — approve:", "zh": "已起草，待发送——请批准："}[language]
            expect(page.locator("#next-ready")).to_be_visible()
            expect(page.locator("#next-ready")).to_contain_text(ready)
            expect(page.locator("#auto-next")).to_be_checked()
            page.screenshot(path=str(SHOTS / f"review-next-step-{language}.png"), full_page=True)
            page.click("#approve-next")
            expect(page.locator("#next-ready")).to_be_hidden()

            # A feedback letter, drafted from the evidence in the interview's language, sent once approved.
            page.on("dialog", lambda d: d.accept())
            page.click("#draft-btn")
            greeting = {"en": "Dear Demo Candidate,", "zh": "演示候选人，您好："}[language]
            expect(page.locator("#letter")).to_have_value(re.compile("^" + re.escape(greeting)))
            page.screenshot(path=str(SHOTS / f"review-letter-{language}.png"), full_page=True)
            page.click("#approve-letter")
            expect(page.locator("#letter-status")).to_contain_text(seeded["hr_email"])

            # The report shows AI and human scores side by side and prints to PDF.
            page.goto(f"{server.url}/report/{iid}")
            page.wait_for_function("() => window.__report && window.__report.ready")
            row = page.locator("#rows tr").filter(has_text="leadership")
            expect(row).to_contain_text("3")
            expect(page.locator("#decision")).to_contain_text(status)
            page.screenshot(path=str(SHOTS / f"report-{language}.png"), full_page=True)
            pdf = page.pdf(format="A4")
            assert pdf.startswith(b"%PDF") and len(pdf) > 5_000
            (SHOTS / f"report-{language}.pdf").write_bytes(pdf)

            # The interviews list filters by review status.
            page.goto(f"{server.url}/console")
            page.select_option("#f-review", "rejected")
            expect(page.locator(f"#rows a[href='/review/{iid}']")).to_have_count(0)
            page.select_option("#f-review", "next_round")
            expect(page.locator(f"#rows a[href='/review/{iid}']").first).to_be_visible()
            page.screenshot(path=str(SHOTS / f"interviews-{language}.png"), full_page=True)
        finally:
            browser.close()


@pytest.mark.parametrize("server", ["embedded"], indirect=True)
def test_admins_add_a_connector_and_see_the_delivery_log(server: ServerProcess) -> None:

    async def make_admin(db: Store) -> None:
        async with db.sessions.begin() as s:
            await create_user(s, "admin@example.test", "Admin", "admin", PASSWORD)

    server.seed(make_admin)
    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        try:
            page = browser.new_page()
            login(page, server, "admin@example.test", PASSWORD, "/admin?lang=zh")
            page.fill("#c-name", "HR 群")
            # The kinds come from the server's registry (the page's own list once lacked greenhouse).
            expect(page.locator("#c-kind option[value=greenhouse]")).to_have_count(1)
            page.select_option("#c-kind", "wecom")
            page.fill("#c-url", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc-secret-key")
            page.click("#add button[type=submit]")
            row = page.locator("#connectors tr").filter(has_text="HR 群")
            expect(row).to_contain_text("wecom")
            expect(row).not_to_contain_text("abc-secret-key")  # the key in the URL is never shown back
            page.screenshot(path=str(SHOTS / "admin-zh.png"), full_page=True)
        finally:
            browser.close()
