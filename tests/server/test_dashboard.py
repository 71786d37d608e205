"""The HR dashboard's numbers match values computed independently from a generated funnel; exports."""

from __future__ import annotations

import io
import statistics
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from server.app import create_app
from server.settings import Settings
from tests.analytics_data import Funnel, store_funnel
from tests.conftest import TEST_SECRET
from tests.fakes.speech import fake_runtime
from tests.server.test_review import Review


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Review, Funnel, Funnel]]:
    data_dir = tmp_path_factory.mktemp("dashboard") / "data"
    settings = Settings(environment="test", secret_key=TEST_SECRET, data_dir=data_dir, outbox_in_server=False)
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        review = Review(client, settings)
        eng = review.run(lambda sessions: store_funnel(sessions, seed=5))
        fin = review.run(lambda sessions: store_funnel(sessions, seed=6, department="Finance"))
        review.staff("hr-dash@example.test", "hr", "Engineering")
        yield review, eng, fin


def test_dashboard_numbers_match_the_generated_funnel(world: tuple[Review, Funnel, Funnel]) -> None:
    review, eng, _ = world
    d = review.client.get("/api/analytics/dashboard", params={"job_id": eng.job_id}).json()
    assert {s["stage"]: s["count"] for s in d["funnel"]} == eng.expected_funnel
    assert d["interview_minutes"]["n"] == len(eng.minutes)
    assert d["interview_minutes"]["median"] == pytest.approx(statistics.median(eng.minutes))
    assert d["review_hours"]["mean"] == pytest.approx(statistics.fmean(eng.review_hours))
    assert {c["key"]: c["count"] for c in d["dropout"]} == eng.dropout
    for a in d["agreement"]:
        n, overrides, mad = eng.overrides[a["competency"]]
        assert (a["decisions"], a["overrides"]) == (n, overrides)
        assert a["mean_abs_diff"] == pytest.approx(mad)
    tab = next(f for f in d["presence_flags"] if f["key"] == "tab_hidden")
    assert tab["count"] == eng.flags.get("tab_hidden", 0)
    assert tab["rate"] == pytest.approx(tab["count"] / eng.expected_funnel["completed"])
    assert d["satisfaction"]["n"] == 0


def test_the_period_and_department_narrow_the_numbers_and_hr_sees_only_its_department(
    world: tuple[Review, Funnel, Funnel],
) -> None:
    review, eng, fin = world
    d = review.client.get("/api/analytics/dashboard").json()
    assert [j["job_id"] for j in d["jobs"]] == [eng.job_id]  # Finance's job is out of scope
    first_week = review.client.get(
        "/api/analytics/dashboard", params={"since": "2026-11-02", "until": "2026-11-08"}
    )
    invited = {s["stage"]: s["count"] for s in first_week.json()["funnel"]}["invited"]
    assert invited == sum(1 for i in range(60) if i % 20 < 7)
    review.staff("admin-dash@example.test", "admin")
    try:
        both = review.client.get("/api/analytics/dashboard").json()
        assert {s["stage"]: s["count"] for s in both["funnel"]}["invited"] == 120
        finance = review.client.get("/api/analytics/dashboard", params={"department": "Finance"}).json()
        assert {s["stage"]: s["count"] for s in finance["funnel"]} == fin.expected_funnel
    finally:
        review.login("hr-dash@example.test")


def test_csv_and_excel_exports_carry_the_same_numbers_in_both_languages(
    world: tuple[Review, Funnel, Funnel],
) -> None:
    review, eng, _ = world
    csv = review.client.get("/api/analytics/dashboard", params={"format": "csv", "lang": "zh"})
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    lines = csv.text.lstrip("\ufeff").splitlines()
    assert lines[0] == "漏斗" and f"hired,{eng.expected_funnel['hired']}" in lines
    xlsx = review.client.get("/api/analytics/dashboard", params={"format": "xlsx", "lang": "en"})
    assert xlsx.headers["content-disposition"].endswith('dashboard.xlsx"')
    book = load_workbook(io.BytesIO(xlsx.content))
    assert book.sheetnames[:2] == ["Funnel", "Per job"]
    funnel = {row[0]: row[1] for row in book["Funnel"].iter_rows(min_row=2, values_only=True)}
    assert funnel == eng.expected_funnel
    assert review.client.get("/api/analytics/dashboard", params={"format": "pdf"}).status_code == 422
