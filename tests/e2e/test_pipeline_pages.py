"""The template editor, the talent pool and the candidate's voluntary self-ID form in a real Chromium,
in English and Chinese. Screenshots go to artifacts/screenshots."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from playwright.sync_api import Page, expect, sync_playwright
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.db.base import utcnow
from server.db.models import (
    Competency,
    Interview,
    Job,
    SelfReportedGroup,
)
from server.services.accounts import create_user
from tests.e2e.conftest import ServerProcess, Store, launch_chromium, login
from tests.talent_data import add_pool_interview

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
ADMIN_PASSWORD = "ops-password-for-tests"
HR_PASSWORD = "a long password for HR"
T = TypeVar("T")


def in_db(server: ServerProcess, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    """Run `work` in one transaction on the server's own database."""

    async def run(db: Store) -> T:
        async with db.sessions.begin() as s:
            return await work(s)

    return server.seed(run)


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_admin_edits_a_template_and_previews_it(server: ServerProcess) -> None:
    server.ops_client()  # the admin account
    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1200})
            login(page, server, "ops@example.test", ADMIN_PASSWORD, "/templates?lang=en")
            page.select_option("#t-name", "invitation")
            page.select_option("#t-language", "en")
            expect(page.locator("#t-required")).to_have_text("Placeholders it must keep: $link")
            expect(page.locator("#p-text")).to_contain_text("Dear Li Wei")  # the built-in, previewed
            page.fill("#t-subject", "Interview: $job_title")
            page.fill("#t-text", "Hello $candidate_name, your link: $link")
            page.click("#t-preview")
            expect(page.locator("#p-subject")).to_have_text("Interview: Backend engineer")
            expect(page.locator("#p-text")).to_have_text(
                f"Hello Li Wei, your link: {server.url}/i/sample-link"
            )
            frame = page.frame_locator("#p-html")
            expect(frame.locator("p")).to_contain_text("Hello Li Wei")
            page.click("#editor button[type=submit]")
            expect(page.locator("#t-saved")).to_have_text("Template saved.")
            expect(page.locator("#t-state")).to_have_text("edited")
            expect(frame.locator("p")).to_contain_text("Hello Li Wei")  # previewed again after saving
            shot(page, "templates-en")
            # The HTML part on its own: full-page shots leave the sandboxed frame blank.
            page.locator("#p-html").screenshot(path=str(SHOTS / "templates-en-html.png"))
            page.fill("#t-text", "Hello $candidate_name, see you soon.")  # the link is gone
            page.click("#editor button[type=submit]")
            expect(page.locator("#error")).to_contain_text("needs $link")
            page.click("#t-reset")
            expect(page.locator("#t-state")).to_have_text("built-in")
            expect(page.locator("#t-subject")).to_have_value("Your interview for $job_title")

            page.goto(f"{server.url}/templates?lang=zh")
            expect(page.locator("header h1")).to_have_text("消息模板")
            page.select_option("#t-name", "password_reset")
            page.select_option("#t-language", "zh")
            expect(page.locator("#p-subject")).to_have_text("重置密码")
            page.fill("#t-text", "请点击 $link 设置新密码。")
            page.click("#t-preview")
            expect(page.locator("#p-text")).to_have_text(f"请点击 {server.url}/i/sample-link 设置新密码。")
            shot(page, "templates-zh")
        finally:
            browser.close()


POOL = [  # name, score, result quote
    ("Quantified Qi", 4.5, "Complaints dropped by 40 percent in two months."),
    ("Vague Wu", 4.6, "The customer was happy in the end."),
    ("陈静", 4.2, "客户投诉减少了百分之四十。"),
]


async def seed_pool(s: AsyncSession) -> None:
    job = Job(title="Support agent", department="Support", language="en")
    job.competencies = [Competency(name="customer_focus", weight=1.0)]
    s.add_all([job, Job(title="Team lead", department="Support", language="en")])
    await s.flush()
    for name, score, quote in POOL:
        await add_pool_interview(s, job.id, name, score, quote)
    await create_user(s, "hr.pool@example.test", "HR Pool", "hr", HR_PASSWORD, "Support")


def test_hr_searches_the_talent_pool_and_invites_to_a_job(server: ServerProcess) -> None:
    in_db(server, seed_pool)
    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            login(page, server, "hr.pool@example.test", HR_PASSWORD, "/talent-pool?lang=en")
            page.fill("#s-competency", "customer_focus")
            page.fill("#s-min", "4")
            page.check("#s-quantified")
            page.select_option("#s-job", label="Team lead")
            page.click("#search button[type=submit]")
            rows = page.locator("#results tr")
            expect(rows).to_have_count(2)  # the vague answer has no quantified result
            expect(rows.first).to_contain_text("Quantified Qi")
            expect(rows.first).to_contain_text("Complaints dropped by 40 percent")
            expect(page.locator("#results")).not_to_contain_text("Vague Wu")
            rows.first.locator("button.invite").click()
            link = rows.first.locator("a.invite-link")
            expect(link).to_contain_text("/i/")
            expect(rows.first).to_contain_text("Team lead")
            shot(page, "talent-pool-en")

            page.goto(f"{server.url}/talent-pool?lang=zh")
            expect(page.locator("header h1")).to_have_text("人才库")
            page.fill("#s-competency", "customer_focus")
            page.fill("#s-min", "5")
            page.click("#search button[type=submit]")
            expect(page.locator("#none")).to_be_visible()
            expect(page.locator("#none")).to_have_text("没有符合条件的候选人。")
            page.fill("#s-min", "4")
            page.click("#search button[type=submit]")
            expect(page.locator("#results")).to_contain_text("客户投诉减少了百分之四十")
            shot(page, "talent-pool-zh")
        finally:
            browser.close()


def finish(server: ServerProcess, interview_id: str) -> None:
    async def work(s: AsyncSession) -> None:
        interview = await s.get(Interview, interview_id)
        assert interview is not None
        interview.status, interview.ended_at = "finished", utcnow()

    in_db(server, work)


def stored_groups(server: ServerProcess, candidate_id: str) -> dict[str, str]:
    async def work(s: AsyncSession) -> dict[str, str]:
        rows = (
            await s.execute(select(SelfReportedGroup).where(SelfReportedGroup.candidate_id == candidate_id))
        ).scalars()
        return {g.category: g.value for g in rows}

    return in_db(server, work)


def candidate_of(server: ServerProcess, interview_id: str) -> str:
    async def work(s: AsyncSession) -> str:
        interview = await s.get(Interview, interview_id)
        assert interview is not None
        return interview.candidate_id

    return in_db(server, work)


TEXTS: dict[str, dict[str, Any]] = {
    "en": {
        "title": "Voluntary: about you",
        "prefer": "Prefer not to say",
        "saved": "Thank you: your answers were stored.",
    },
    "zh": {"title": "自愿填写：个人背景信息", "prefer": "不愿透露", "not_saved": "未保存任何回答。"},
}


def test_candidate_fills_the_voluntary_self_id_form(server: ServerProcess) -> None:
    demos = {language: server.demo(language) for language in ("en", "zh")}
    for demo in demos.values():  # the database is not reachable while Playwright's loop runs
        finish(server, demo["interview_id"])
    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        try:
            for language, demo in demos.items():
                page = browser.new_page(viewport={"width": 1000, "height": 1200})
                page.goto(demo["invite_url"])
                texts = TEXTS[language]
                expect(page.locator("#selfid-title")).to_have_text(texts["title"])
                for q in ("sex", "age_band", "disability", "race_ethnicity"):  # nothing is chosen for them
                    expect(page.locator(f"#selfid-{q} option:checked")).to_have_text(texts["prefer"])
                if language == "en":
                    page.select_option("#selfid-sex", "female")
                    page.select_option("#selfid-age_band", "25_34")
                    page.check("#selfid-consent")
                    shot(page, "self-id-en")
                    page.click("#selfid-submit")
                    expect(page.locator("#selfid-result")).to_have_text(texts["saved"])
                else:
                    page.select_option("#selfid-race_ethnicity", "han")  # answered, but no consent given
                    shot(page, "self-id-zh")
                    page.click("#selfid-submit")
                    expect(page.locator("#selfid-result")).to_have_text(texts["not_saved"])
                page.close()
        finally:
            browser.close()
    stored = {
        language: stored_groups(server, candidate_of(server, d["interview_id"]))
        for language, d in demos.items()
    }
    assert stored == {"en": {"sex": "female", "age_band": "25_34"}, "zh": {}}
