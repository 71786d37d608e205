"""Outcomes import, validity, calibration and the bias audit through the API, on a generated data set."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from fastapi.testclient import TestClient
from scipy import stats
from sqlalchemy import select

from server.app import create_app
from server.db.models import Outcome, SelfReportedGroup
from server.settings import Settings
from tests.analytics_data import COMPETENCIES, PLANTED, Dataset, generate, store
from tests.conftest import TEST_SECRET
from tests.fakes.speech import fake_runtime
from tests.server.test_review import Review


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Review, Dataset, str]]:
    data_dir = tmp_path_factory.mktemp("analytics") / "data"
    settings = Settings(environment="test", secret_key=TEST_SECRET, data_dir=data_dir, outbox_in_server=False)
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        review = Review(client, settings)
        data = generate()
        job_id = review.run(lambda sessions: store(sessions, data))
        review.staff("hr-analytics@example.test", "hr", "Engineering")
        hired = [i for i in range(len(data.groups)) if data.advanced[i]]
        cut = _probation_cut(data)
        rows = [
            {
                "interview_id": data.interview_ids[i],
                "performance": float(data.performance[i]),
                "probation_passed": "通过" if data.performance[i] > cut else "未通过",
            }
            for i in hired
        ]
        r = client.post("/api/import/outcomes", json=rows)
        assert r.status_code == 201, r.text
        assert r.json() == {"stored": 2 * len(hired), "interviews": len(hired)}
        yield review, data, job_id


def _probation_cut(data: Dataset) -> float:
    """Probation is passed by the better half of the hired (as the generated HR system records it)."""
    return float(np.median(data.performance[data.advanced]))


def _count_outcomes(review: Review) -> int:
    async def read(sessions: object) -> int:
        async with sessions() as s:  # type: ignore[operator]
            return len((await s.execute(select(Outcome))).scalars().all())

    return int(review.run(read))


def test_validity_coefficients_and_intervals_match_scipy_on_the_same_data(
    world: tuple[Review, Dataset, str],
) -> None:
    review, data, job_id = world
    body = review.client.get(
        f"/api/analytics/jobs/{job_id}/validity", params={"metric": "performance"}
    ).json()
    hired = data.advanced
    y = data.performance[hired]
    assert body["n"] == int(hired.sum()) > 30
    by_name = {c["predictor"]: c for c in body["correlations"]}
    for q, name in enumerate(COMPETENCIES):
        ref = stats.pearsonr(data.scores[hired, q], y)
        ci = ref.confidence_interval()
        got = by_name[name]
        assert got["r"] == pytest.approx(ref.statistic, abs=1e-9)
        assert (got["ci_low"], got["ci_high"]) == pytest.approx((ci.low, ci.high), abs=1e-9)
    overall = stats.pearsonr(data.scores[hired].mean(axis=1), y).statistic
    assert by_name["ai_overall"]["r"] == pytest.approx(overall, abs=1e-9)
    assert by_name["communication"]["ci_low"] > 0  # planted predictor
    # planted nothing (selection on the sum even makes it negative among the hired: range restriction)
    assert by_name["customer_focus"]["ci_high"] < by_name["communication"]["ci_low"]
    assert "narrower range" in body["range_restriction_note"] and body["sample_size_note"] is None
    assert body["incremental"]["delta_r2"] > 0.1  # the AI adds to HR's recommendation

    binary = review.client.get(
        f"/api/analytics/jobs/{job_id}/validity", params={"metric": "probation_passed"}
    )
    passed = y > _probation_cut(data)
    ref_pb = stats.pointbiserialr(passed, data.scores[hired].mean(axis=1)).statistic
    got_pb = {c["predictor"]: c for c in binary.json()["correlations"]}["ai_overall"]
    assert got_pb["method"] == "point_biserial" and got_pb["r"] == pytest.approx(ref_pb, abs=1e-9)


def test_calibration_recovers_the_planted_weights_as_a_diff_against_the_current_ones(
    world: tuple[Review, Dataset, str],
) -> None:
    review, _, job_id = world
    body = review.client.get(f"/api/analytics/jobs/{job_id}/calibration").json()
    weights = {w["competency"]: w for w in body["weights"]}
    for name, planted in zip(COMPETENCIES, PLANTED, strict=True):
        assert weights[name]["current"] == pytest.approx(1 / 3)
        assert weights[name]["suggested"] == pytest.approx(planted, abs=0.1)
        assert weights[name]["diff"] == pytest.approx(weights[name]["suggested"] - 1 / 3)
        assert weights[name]["ci_low"] <= weights[name]["suggested"] <= weights[name]["ci_high"]


def test_the_audit_flags_the_planted_adverse_impact_and_exports_csv(
    world: tuple[Review, Dataset, str],
) -> None:
    review, data, job_id = world
    body = review.client.get(f"/api/analytics/jobs/{job_id}/audit", params={"category": "sex"}).json()
    selection = {g["group"]: g for g in body["selection"]}
    female = [i for i, g in enumerate(data.groups) if g == "female"]
    rate = sum(bool(data.advanced[i]) for i in female) / len(female)
    assert selection["female"]["selection_rate"] == round(rate, 4)
    assert selection["female"]["flagged"] and not selection["male"]["flagged"]
    assert selection["female"]["impact_ratio"] < 0.8
    assert body["decided"] == len(data.groups)
    csv = review.client.get(f"/api/analytics/jobs/{job_id}/audit", params={"format": "csv"})
    assert csv.headers["content-type"].startswith("text/csv")
    assert "attachment" in csv.headers["content-disposition"]
    lines = csv.text.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("table,category,group,applicants,selected,rate,impact_ratio")
    female = [line for line in lines if line.startswith("selection_rate,sex,female,")]
    assert female and female[0].endswith(",True,False")  # below four-fifths, not excluded


def test_bad_outcome_rows_are_each_named_and_nothing_is_stored(world: tuple[Review, Dataset, str]) -> None:
    review, data, _ = world
    before = _count_outcomes(review)
    rows = [
        {"interview_id": data.interview_ids[0], "performance": 3.1},
        {"interview_id": data.interview_ids[1], "performance": "good"},
        {"interview_id": "nope", "performance": 2},
        {"interview_id": data.interview_ids[2], "retained_6m": "maybe"},
        {"interview_id": data.interview_ids[3]},
        {"performance": 3},
    ]
    r = review.client.post("/api/import/outcomes", json=rows)
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert detail.startswith("nothing was imported")
    for expected in (
        "row 2: performance 'good' is not a number",
        "row 3: no interview 'nope'",
        "row 4: retained_6m 'maybe' is not yes or no",
        "row 5: no outcome given",
        "row 6: interview_id is missing",
    ):
        assert expected in detail
    assert "row 1" not in detail
    assert _count_outcomes(review) == before


def test_csv_outcomes_replace_earlier_values(world: tuple[Review, Dataset, str]) -> None:
    review, data, _ = world
    iid = data.interview_ids[0]
    csv = f"\ufeffinterview_id,retained_3m,retained_12m\n{iid},yes,no\n".encode()
    r = review.client.post("/api/import/outcomes", content=csv, headers={"content-type": "text/csv"})
    assert r.status_code == 201 and r.json() == {"stored": 2, "interviews": 1}
    again = review.client.post(
        "/api/import/outcomes",
        content=f"interview_id,retained_12m\n{iid},1\n".encode(),
        headers={"content-type": "text/csv"},
    )
    assert again.status_code == 201

    async def read(sessions: object) -> dict[str, float]:
        async with sessions() as s:  # type: ignore[operator]
            rows = (await s.execute(select(Outcome).where(Outcome.interview_id == iid))).scalars()
            return {o.metric: o.value for o in rows}

    assert review.run(read) == {"retained_3m": 1.0, "retained_12m": 1.0}


def test_reports_are_department_scoped(world: tuple[Review, Dataset, str]) -> None:
    review, data, job_id = world
    review.staff("hr-finance@example.test", "hr", "Finance")
    try:
        for path in ("validity", "calibration", "audit"):
            assert review.client.get(f"/api/analytics/jobs/{job_id}/{path}").status_code == 404
        r = review.client.post(
            "/api/import/outcomes", json=[{"interview_id": data.interview_ids[0], "performance": 1}]
        )
        assert r.status_code == 422 and "no interview" in r.json()["detail"]
        review.staff("int-eng@example.test", "interviewer", "Engineering")
        assert review.client.get(f"/api/analytics/jobs/{job_id}/audit").status_code == 403
    finally:
        review.login("hr-analytics@example.test")


def test_self_reported_group_is_stored_with_consent_and_never_shown_to_raters(
    world: tuple[Review, Dataset, str],
) -> None:
    review, _, _ = world
    seeded = review.finished(department="Engineering")
    token, iid = seeded["invite_token"], seeded["interview_id"]
    marker = "Pacific Islander (self-described)"
    declined = review.client.post(
        f"/api/invite/{token}/self-id", json={"consent": False, "answers": {"race_ethnicity": marker}}
    )
    assert declined.status_code == 200 and declined.json() == {"stored": 0}
    r = review.client.post(
        f"/api/invite/{token}/self-id", json={"consent": True, "answers": {"race_ethnicity": marker}}
    )
    assert r.status_code == 200 and r.json() == {"stored": 1}
    bad = review.client.post(
        f"/api/invite/{token}/self-id", json={"consent": True, "answers": {"religion": "x"}}
    )
    assert bad.status_code == 422 and "unknown question" in bad.json()["detail"]

    async def stored(sessions: object) -> list[str]:
        async with sessions() as s:  # type: ignore[operator]
            return [g.value for g in (await s.execute(select(SelfReportedGroup))).scalars()]

    assert marker in review.run(stored)
    review.staff("int-eng2@example.test", "interviewer", "Engineering")
    try:
        for url in (
            f"/api/interviews/{iid}",
            f"/api/interviews/{iid}/review",
            f"/api/interviews/{iid}/report",
            f"/api/interviews/{iid}/summary",
            "/api/interviews",
        ):
            r = review.client.get(url)
            assert r.status_code == 200, url
            assert marker not in r.text and "race_ethnicity" not in r.text, url
        with review.client.websocket_connect(f"/api/interviews/{iid}/live") as ws:  # the console
            snapshot = ws.receive_json()
            assert snapshot["type"] == "snapshot" and marker not in str(snapshot)
    finally:
        review.login("hr-analytics@example.test")
    # HR's pages: the review, the next step, candidates, the talent pool and the dashboard.
    for url in (
        f"/api/interviews/{iid}/review",
        f"/api/interviews/{iid}/next-step",
        "/api/candidates",
        "/api/analytics/talent-pool?competency=leadership&min_score=1",
        "/api/analytics/dashboard",
        f"/api/invite/{token}/status",
    ):
        r = review.client.get(url)
        assert r.status_code == 200, url
        assert marker not in r.text and "race_ethnicity" not in r.text, url
    audit = review.client.get(
        f"/api/analytics/jobs/{seeded['job_id']}/audit", params={"category": "race_ethnicity"}
    )
    assert audit.status_code == 200 and marker not in audit.text  # undecided: counts only, no row yet
    assert audit.json()["decided"] == 0


def test_unknown_metric_or_category_is_refused_with_a_sentence(world: tuple[Review, Dataset, str]) -> None:
    review, _, job_id = world
    r = review.client.get(f"/api/analytics/jobs/{job_id}/validity", params={"metric": "salary"})
    assert r.status_code == 422 and "unknown outcome 'salary'" in r.json()["detail"]
    r = review.client.get(f"/api/analytics/jobs/{job_id}/audit", params={"category": "religion"})
    assert r.status_code == 422 and "unknown category" in r.json()["detail"]
