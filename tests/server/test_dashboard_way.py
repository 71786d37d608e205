"""Drop-out by step, candidate satisfaction and reviewers' score marks on the dashboard and its exports."""

from __future__ import annotations

import csv
import io
import statistics
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from server.app import create_app
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.dashboard_data import STEPS, Way, store_way
from tests.fakes.speech import fake_runtime
from tests.server.test_review import Review


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Review, Way, Way]]:
    data_dir = tmp_path_factory.mktemp("way") / "data"
    settings = Settings(environment="test", secret_key=TEST_SECRET, data_dir=data_dir, outbox_in_server=False)
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        review = Review(client, settings)
        eng = review.run(lambda sessions: store_way(sessions, seed=9))
        fin = review.run(lambda sessions: store_way(sessions, seed=10, department="Finance"))
        review.staff("hr-way@example.test", "hr", "Engineering")
        yield review, eng, fin


def _dashboard(review: Review, way: Way) -> dict:  # type: ignore[type-arg]
    r = review.client.get("/api/analytics/dashboard", params={"job_id": way.job_id})
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


def test_drop_out_by_step_counts_where_each_candidate_stopped(world: tuple[Review, Way, Way]) -> None:
    review, eng, _ = world
    d = _dashboard(review, eng)
    assert [s["step"] for s in d["steps"]] == list(STEPS)
    for i, step in enumerate(d["steps"]):
        reached = sum(depth > i for depth in eng.depths)
        assert step["reached"] == reached, step
        stopped = sum(depth == i + 1 for depth in eng.depths) if i + 1 < len(STEPS) else 0
        assert step["stopped"] == stopped, step
        before = sum(depth > i - 1 for depth in eng.depths) if i else None
        assert step["rate"] == (pytest.approx(reached / before) if before else None)
    assert d["device_check_failed"] == eng.device_failed > 0


def test_satisfaction_mean_distribution_and_response_rate(world: tuple[Review, Way, Way]) -> None:
    review, eng, fin = world
    sat = _dashboard(review, eng)["satisfaction"]
    completed = sum(depth == len(STEPS) for depth in eng.depths)
    assert sat["n"] == len(eng.ratings) > 5
    assert sat["mean"] == pytest.approx(statistics.fmean(eng.ratings))
    assert sat["median"] == pytest.approx(statistics.median(eng.ratings))
    assert {c["key"]: c["count"] for c in sat["distribution"]} == {
        str(k): eng.ratings.count(k) for k in range(1, 6)
    }
    assert sat["completed"] == completed and sat["response_rate"] == pytest.approx(
        len(eng.ratings) / completed
    )
    review.staff("admin-way@example.test", "admin")
    try:
        both = review.client.get("/api/analytics/dashboard", params={"department": "Finance"}).json()
        assert both["satisfaction"]["mean"] == pytest.approx(statistics.fmean(fin.ratings))
        jobs = {j["job_id"]: j for j in review.client.get("/api/analytics/dashboard").json()["jobs"]}
        assert jobs[fin.job_id]["satisfaction_n"] == len(fin.ratings)
        assert jobs[eng.job_id]["satisfaction_mean"] == pytest.approx(statistics.fmean(eng.ratings))
        period = review.client.get(
            "/api/analytics/dashboard", params={"since": "2026-11-12", "department": "Engineering"}
        ).json()
        assert period["satisfaction"]["n"] < len(eng.ratings)  # the first two days are left out
    finally:
        review.login("hr-way@example.test")


def test_the_share_of_ai_scores_marked_not_reasonable_per_competency(world: tuple[Review, Way, Way]) -> None:
    review, eng, _ = world
    marks = {m["competency"]: m for m in _dashboard(review, eng)["score_marks"]}
    for name, given in eng.marks.items():
        assert marks[name]["marks"] == len(given) > 0
        assert marks[name]["not_reasonable"] == given.count(False)
        assert marks[name]["not_reasonable_rate"] == pytest.approx(given.count(False) / len(given))


def test_the_exports_carry_steps_satisfaction_and_marks(world: tuple[Review, Way, Way]) -> None:
    review, eng, _ = world
    r = review.client.get("/api/analytics/dashboard", params={"job_id": eng.job_id, "format": "csv"})
    rows = list(csv.reader(io.StringIO(r.text.lstrip("\ufeff"))))
    at = rows.index(["Drop-out by step"])
    assert rows[at + 1] == ["step", "reached", "stopped here", "share of previous step"]
    assert rows[at + 2][:2] == ["invited", str(len(eng.depths))]
    at = rows.index(["Candidate satisfaction"])
    assert rows[at + 2] == ["1", str(eng.ratings.count(1)), str(eng.ratings.count(1) / len(eng.ratings))]
    assert ["n", str(len(eng.ratings))] in rows
    at = rows.index(["AI score marks"])
    assert rows[at + 1][0] == "competency" and {rows[at + 2][0], rows[at + 3][0]} == set(eng.marks)
    xlsx = review.client.get(
        "/api/analytics/dashboard", params={"job_id": eng.job_id, "format": "xlsx", "lang": "zh"}
    )
    book = load_workbook(io.BytesIO(xlsx.content))
    assert {"按步骤的流失", "候选人满意度", "AI 评分标记"} <= set(book.sheetnames)
    sheet = book["候选人满意度"]
    values = {row[0]: row[1] for row in sheet.iter_rows(values_only=True)}
    assert values["平均值"] == pytest.approx(statistics.fmean(eng.ratings))
