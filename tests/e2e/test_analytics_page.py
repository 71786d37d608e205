"""The analytics dashboard in a real Chromium, in Chinese and English: the numbers of a generated
funnel, charts drawn by the locally served ECharts (no CSP violation, no network), and the exports.
Screenshots go to artifacts/screenshots."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from server.services.accounts import create_user
from tests.analytics_data import Funnel, store_funnel
from tests.e2e.conftest import ServerProcess, Store, launch_chromium, login

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
PASSWORD = "correct horse battery"
STAGES = {
    "en": ("Invited", "Hired"),
    "zh": ("已邀请", "已录用"),
}


def seed(server: ServerProcess, email: str) -> Funnel:
    async def run(db: Store) -> Funnel:
        funnel = await store_funnel(db.sessions, seed=9)
        async with db.sessions.begin() as s:
            await create_user(s, email, "HR Analyst", "hr", PASSWORD, "Engineering")
        return funnel

    return server.seed(run)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_dashboard_page_shows_the_funnel_with_local_charts(server: ServerProcess, language: str) -> None:
    email = f"analyst-{language}@example.test"
    funnel = seed(server, email)
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 1400})
            problems: list[str] = []
            page.on(
                "console",
                lambda m: problems.append(m.text) if m.type == "error" and "404" not in m.text else None,
            )
            missing: list[str] = []
            page.on("response", lambda r: missing.append(r.url) if r.status >= 400 else None)
            outside: list[str] = []
            page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(server.url) else None)
            login(page, server, email, PASSWORD, f"/analytics?lang={language}")
            page.wait_for_function("() => window.__analytics && window.__analytics.ready")
            first, last = STAGES[language]
            invited = page.locator("#funnel-rows td[data-stage=invited]")
            expect(invited).to_have_text(f"{first}: {funnel.expected_funnel['invited']}")
            expect(page.locator("#funnel-rows td[data-stage=hired]")).to_have_text(
                f"{last}: {funnel.expected_funnel['hired']}"
            )
            for chart in ("chart-funnel", "chart-dropout", "chart-agreement"):
                assert page.locator(f"#{chart} canvas").count() == 1, f"{chart} not drawn"
            assert page.evaluate("typeof echarts.version") == "string"
            expect(page.locator("#agreement-rows tr")).to_have_count(len(funnel.overrides))
            page.select_option("#f-job", funnel.job_id)  # one job: its suggested weights and bias audit
            expect(page.locator("#calibration-rows tr")).to_have_count(3)
            expect(page.locator("#audit-rows")).to_contain_text("unknown")  # no one self-identified here
            with page.expect_download() as download:
                page.click("#export-xlsx")
            assert download.value.suggested_filename == "dashboard.xlsx"
            page.screenshot(path=str(SHOTS / f"analytics-{language}.png"), full_page=True)
            assert not problems, problems  # e.g. a Content-Security-Policy refusal
            assert all(url.endswith("/favicon.ico") for url in missing), missing
            assert not outside, outside
        finally:
            browser.close()
