"""The dashboard's drop-out by step, satisfaction and score marks, the validity section and the
intersectional audit on /analytics, and the "reasonable / not reasonable" mark on the review page, in a
real Chromium in Chinese and English. Screenshots go to artifacts/screenshots."""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from playwright.sync_api import Page, expect, sync_playwright
from scipy import stats
from sqlalchemy import select

from server.db.models import Interview, Outcome, SelfReportedGroup
from server.security import Signer
from server.services.accounts import create_user
from tests.analytics_data import Dataset, generate, store
from tests.dashboard_data import STEPS, Way, store_way
from tests.e2e.conftest import ServerProcess, Store, launch_chromium, login
from tests.finished import seed_finished

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
PASSWORD = "correct horse battery"
TEXTS = {
    "en": {
        "invited": "Invited",
        "saved": "Mark saved",
        "not": "Score is not reasonable",
        "hr": "HR recommendation alone",
        "range": "narrower range",
    },
    "zh": {
        "invited": "已邀请",
        "saved": "已保存判断",
        "not": "评分不合理",
        "hr": "仅 HR 推荐",
        "range": "分数范围比全部候选人窄",
    },
}


async def _outcomes_and_race(sessions: Any, data: Dataset) -> None:
    async with sessions.begin() as s:
        rows = (await s.execute(select(Interview).where(Interview.id.in_(data.interview_ids)))).scalars()
        candidate = {r.id: r.candidate_id for r in rows}
        for i, iid in enumerate(data.interview_ids):
            race = "A" if (i // 2) % 2 else "B"
            s.add(
                SelfReportedGroup(
                    candidate_id=candidate[iid], category="race_ethnicity", value=race, consent_version="t"
                )
            )
            if data.advanced[i]:
                s.add(
                    Outcome(
                        interview_id=iid,
                        metric="performance",
                        value=float(data.performance[i]),
                        imported_by="t",
                    )
                )


def seed(server: ServerProcess, email: str) -> tuple[Way, Dataset, str, dict[str, Any]]:
    async def run(db: Store) -> tuple[Way, Dataset, str, dict[str, Any]]:
        way = await store_way(db.sessions, seed=9)
        data = generate(n=120, seed=7)
        job_id = await store(db.sessions, data)
        await _outcomes_and_race(db.sessions, data)
        signer = Signer(db.settings.secret_key, 3600, 3600)
        finished = await seed_finished(
            db.sessions, signer, db.settings.recordings_dir, "en", "Engineering", db.vault
        )
        async with db.sessions.begin() as s:
            await create_user(s, email, "HR Analyst", "hr", PASSWORD, "Engineering")
        return way, data, job_id, finished

    return server.seed(run)


def _dashboard_parts(page: Page, way: Way, language: str) -> None:
    page.select_option("#f-job", way.job_id)
    invited = page.locator("#step-rows tr[data-step=invited]")
    expect(invited).to_contain_text(f"{TEXTS[language]['invited']}{len(way.depths)}")
    for i, step in enumerate(STEPS):
        reached = sum(d > i for d in way.depths)
        expect(page.locator(f"#step-rows tr[data-step={step}] td").nth(1)).to_have_text(str(reached))
    expect(page.locator("#device-failed")).to_have_text(str(way.device_failed))
    expect(page.locator("#sat-n")).to_have_text(str(len(way.ratings)))
    expect(page.locator("#sat-mean")).to_have_text(f"{statistics.fmean(way.ratings):.2f}")
    completed = sum(d == len(STEPS) for d in way.depths)
    expect(page.locator("#sat-rate")).to_have_text(f"{100 * len(way.ratings) / completed:.1f}%")
    for name, given in way.marks.items():
        row = page.locator(f"#mark-rows tr[data-competency={name}] td")
        expect(row.nth(1)).to_have_text(str(len(given)))
        expect(row.nth(3)).to_have_text(f"{100 * given.count(False) / len(given):.1f}%")
    for chart in ("chart-steps", "chart-satisfaction"):
        assert page.locator(f"#{chart} canvas").count() == 1, f"{chart} not drawn"


def _job_reports(page: Page, data: Dataset, job_id: str, language: str) -> None:
    page.select_option("#f-job", job_id)
    hired = data.advanced
    overall = stats.pearsonr(data.scores[hired].mean(axis=1), data.performance[hired])
    ci = overall.confidence_interval()
    row = page.locator("#validity-rows tr[data-predictor=ai_overall] td")
    expect(row.nth(1)).to_have_text(f"{overall.statistic:.2f}")
    expect(row.nth(2)).to_have_text(f"{ci.low:.2f} – {ci.high:.2f}")
    expect(row.nth(3)).to_have_text(str(int(hired.sum())))
    expect(page.locator("#validity-rows tr[data-predictor=hr_recommendation]")).to_contain_text(
        TEXTS[language]["hr"]
    )
    expect(page.locator("#range-note")).to_contain_text(TEXTS[language]["range"])
    expect(page.locator("#calibration-rows tr")).to_have_count(3)
    table = page.locator(".intersection[data-dimensions='sex,race_ethnicity']")
    female_a = [i for i, g in enumerate(data.groups) if g == "female" and (i // 2) % 2]
    cell = table.locator("tr[data-group='female × A'] td")
    expect(cell.nth(1)).to_have_text(str(len(female_a)))
    rate = sum(bool(data.advanced[i]) for i in female_a) / len(female_a)
    expect(cell.nth(3)).to_have_text(f"{100 * round(rate, 4):.1f}%")
    expect(table.locator(".unknown")).to_have_text("0")


def _review_mark(page: Page, server: ServerProcess, finished: dict[str, Any], language: str) -> None:
    page.goto(f"{server.url}/review/{finished['interview_id']}?lang={language}")
    page.wait_for_function("() => window.__review && window.__review.ready")
    mark = page.locator(f".score-mark[data-score-id='{finished['score_id']}']")
    expect(mark).to_have_count(1)
    mark.locator("select").select_option("no")
    expect(mark.locator("[role=status]")).to_have_text(TEXTS[language]["saved"])
    mark.locator("input.mark-reason").fill("The answer names no result.")
    mark.locator("input.mark-reason").dispatch_event("change")
    expect(mark.locator(".mark-counts")).to_contain_text("1")
    page.screenshot(path=str(SHOTS / f"review-marks-{language}.png"), full_page=True)
    page.reload()
    page.wait_for_function("() => window.__review && window.__review.ready")
    mark = page.locator(f".score-mark[data-score-id='{finished['score_id']}']")
    expect(mark.locator("select")).to_have_value("no")
    expect(mark.locator("input.mark-reason")).to_have_value("The answer names no result.")
    assert TEXTS[language]["not"] in mark.locator("select").inner_text()


@pytest.mark.parametrize("language", ["en", "zh"])
def test_dashboard_validity_audit_and_review_marks(server: ServerProcess, language: str) -> None:
    email = f"analyst-way-{language}@example.test"
    way, data, job_id, finished = seed(server, email)
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
            login(page, server, email, PASSWORD, f"/analytics?lang={language}")
            page.wait_for_function("() => window.__analytics && window.__analytics.ready")
            _dashboard_parts(page, way, language)
            page.screenshot(path=str(SHOTS / f"analytics-steps-{language}.png"), full_page=True)
            _job_reports(page, data, job_id, language)
            page.locator("#validity").screenshot(path=str(SHOTS / f"analytics-validity-{language}.png"))
            page.screenshot(path=str(SHOTS / f"analytics-reports-{language}.png"), full_page=True)
            _review_mark(page, server, finished, language)
            assert not problems, problems
        finally:
            browser.close()
    assert np.isfinite(data.performance[data.advanced]).all()
