"""HR's pages in a real Chromium: an admin invites an HR member (who sets a password from the one-time
link), HR creates a job from a template with the live coverage check, adds candidates from a CSV (a bad
file names its rows and stores nothing) and sends invitations (interviews with invite links).
Screenshots of the pages in English and Chinese go to artifacts/screenshots."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page, expect, sync_playwright

from tests.e2e.conftest import ServerProcess, launch_chromium, login

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
ADMIN_PASSWORD = "ops-password-for-tests"
HR_PASSWORD = "a long password for HR"


def shot(page: Page, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def invite_hr(page: Page, server: ServerProcess) -> None:
    """The admin invites HR on the staff page; HR sets a password from the link."""
    login(page, server, "ops@example.test", ADMIN_PASSWORD, "/staff?lang=en")
    page.fill("#i-email", "hr.support@example.test")
    page.fill("#i-name", "Hana Support")
    page.select_option("#i-role", "hr")
    page.fill("#i-department", "Support")
    page.click("#invite button[type=submit]")
    expect(page.locator("#link-box")).to_be_visible()
    expect(page.locator("#link-note")).to_contain_text("No mail server (SMTP)")  # why the link is shown
    link = page.input_value("#link")
    assert "/password?token=" in link
    expect(page.locator("#users tr[data-email='hr.support@example.test']")).to_contain_text("active")
    shot(page, "staff-en")

    other = page.context.browser.new_page()  # type: ignore[union-attr]
    other.goto(link)
    other.fill("#password", HR_PASSWORD)
    other.fill("#again", HR_PASSWORD)
    other.click("#set button[type=submit]")
    expect(other.locator("#done")).to_be_visible()
    other.goto(link)  # the link works once
    other.fill("#password", "another long password")
    other.fill("#again", "another long password")
    other.click("#set button[type=submit]")
    expect(other.locator("#error")).to_contain_text("already used")
    other.close()


def create_job(page: Page, server: ServerProcess) -> None:
    login(page, server, "hr.support@example.test", HR_PASSWORD, "/jobs?lang=en")
    page.select_option("#template", "customer_service.en")
    page.click("#new-job")
    expect(page.locator("#j-title")).to_have_value("Customer service representative")
    expect(page.locator("#coverage")).to_contain_text("Planned: 16 / 20 min")
    expect(page.locator("#cov-missing")).to_have_text("Every competency has a question")
    page.fill("#j-budget", "12")  # live: over the budget as soon as it is typed
    expect(page.locator("#cov-state")).to_contain_text("over the time budget")
    page.fill("#j-budget", "20")
    page.locator(".question-row").last.locator("button.danger").click()  # the only resilience question
    expect(page.locator("#cov-missing")).to_contain_text("No question yet for: resilience")
    page.click("#save")
    expect(page.locator("#error")).to_contain_text("no question covers: resilience")
    page.click("#add-question")
    row = page.locator(".question-row").last
    row.locator(".q-competency").select_option("resilience")
    row.locator(".q-text").fill("Tell me about a day when many customers were waiting. What did you do?")
    expect(page.locator("#cov-missing")).to_have_text("Every competency has a question")
    page.fill("#j-department", "Support")
    page.click("#save")
    expect(page.locator("#saved")).to_contain_text("Customer service representative (version 1)")
    expect(page.locator("#jobs")).to_contain_text("Customer service representative")
    shot(page, "jobs-en")


def add_candidates(page: Page, server: ServerProcess) -> None:
    page.goto(f"{server.url}/candidates?lang=en")
    bad = b"name,email,job\nLi Lei,li@example.test,Customer service representative\n,x@example.test,Nope\n"
    page.set_input_files("#l-file", {"name": "bad.csv", "mimeType": "text/csv", "buffer": bad})
    expect(page.locator("#error")).to_contain_text("row 3: name is missing")
    expect(page.locator("#error")).to_contain_text("row 3: job 'Nope'")
    expect(page.locator("#rows tr")).to_have_count(0)  # nothing stored
    good = (
        b"name,email,job\nLi Lei,li@example.test,Customer service representative\n"
        b"Maria Rossi,maria@example.test,Customer service representative\n"
    )
    page.set_input_files("#l-file", {"name": "good.csv", "mimeType": "text/csv", "buffer": good})
    expect(page.locator("#invites .invite-link")).to_have_count(2)
    expect(page.locator("#rows tr")).to_have_count(2)
    page.fill("#q", "maria")
    expect(page.locator("#rows tr")).to_have_count(1)
    page.fill("#q", "")
    expect(page.locator("#rows tr")).to_have_count(2)

    # Send invitations: a new interview and invite link for every selected candidate.
    page.check("#all")
    page.select_option("#b-job", label="Customer service representative (Support)")
    page.click("#b-interview")
    expect(page.locator("#done")).to_contain_text("2 candidates, 2 interviews")
    expect(page.locator("#invites .invite-link")).to_have_count(2)
    expect(page.locator("#invites")).to_contain_text("Maria Rossi")
    link = page.locator("#invites .invite-link").first.get_attribute("href")
    assert link is not None
    invite = httpx.get(f"{server.url}/api/invite/{link.rsplit('/', 1)[1]}").json()
    assert invite["candidate_name"] in ("Li Lei", "Maria Rossi")
    expect(page.locator("#rows tr").first).to_contain_text("Customer service representative · scheduled")
    shot(page, "candidates-en")


def test_hr_creates_a_job_from_a_template_adds_candidates_from_csv_and_sends_invitations(
    server: ServerProcess,
) -> None:
    server.ops_client()  # the admin account
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            invite_hr(page, server)
            page.context.clear_cookies()
            create_job(page, server)
            add_candidates(page, server)
            for path, heading in (("jobs", "职位"), ("candidates", "候选人")):
                page.goto(f"{server.url}/{path}?lang=zh")
                expect(page.locator("header h1")).to_have_text(heading)
                if path == "jobs":
                    page.select_option("#template", "sales.zh")
                    page.click("#new-job")
                    expect(page.locator("#cov-missing")).to_have_text("每个能力项都有问题")
                shot(page, f"{path}-zh")
            page.context.clear_cookies()
            login(page, server, "ops@example.test", ADMIN_PASSWORD, "/staff?lang=zh")
            expect(page.locator("header h1")).to_have_text("员工账号")
            shot(page, "staff-zh")
        finally:
            browser.close()
