"""Accepting suggested weights: a new version, the job's weights change, earlier reports keep theirs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from server.app import create_app
from server.db.models import AnswerScoreRow
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.fakes.speech import fake_runtime
from tests.server.test_review import Review


@pytest.fixture(scope="module")
def review(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Review]:
    data_dir = tmp_path_factory.mktemp("weights") / "data"
    settings = Settings(environment="test", secret_key=TEST_SECRET, data_dir=data_dir, outbox_in_server=False)
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        yield Review(client, settings)


def _teamwork_score(review: Review, interview_id: str, value: float) -> None:
    """Give the interview a teamwork score beside its leadership one, so weights move the overall."""

    async def add(sessions: Any) -> None:
        async with sessions.begin() as s:
            lead = (
                await s.execute(select(AnswerScoreRow).where(AnswerScoreRow.interview_id == interview_id))
            ).scalar_one()
            s.add(
                AnswerScoreRow(
                    interview_id=interview_id,
                    question_index=1,
                    competency="teamwork",
                    score=round(value),
                    score_exact=value,
                    confidence=0.9,
                    scorer=lead.scorer,
                    detail={**lead.detail, "question_index": 1, "score": round(value), "score_exact": value},
                )
            )

    review.run(add)


def _leadership_exact(review: Review, interview_id: str) -> float:
    async def read(sessions: Any) -> float:
        async with sessions() as s:
            row = (
                await s.execute(
                    select(AnswerScoreRow).where(
                        AnswerScoreRow.interview_id == interview_id, AnswerScoreRow.competency == "leadership"
                    )
                )
            ).scalar_one()
            return float(row.score_exact)

    return float(review.run(read))


def test_accepting_weights_versions_them_and_earlier_reports_keep_their_overall(review: Review) -> None:
    before = review.finished(department="Engineering")
    _teamwork_score(review, before["interview_id"], 1.0)
    review.staff("admin-w@example.test", "admin")
    job_id = before["job_id"]
    old_overall = review.client.get(f"/api/interviews/{before['interview_id']}").json()["overall_score"]
    assert review.client.get(f"/api/analytics/jobs/{job_id}/weights").json() == []

    bad = review.client.post(f"/api/analytics/jobs/{job_id}/weights", json={"weights": {"leadership": 1}})
    assert bad.status_code == 422 and "missing: motivation, teamwork" in bad.json()["detail"]
    negative = {"leadership": 1, "teamwork": -1, "motivation": 0}
    r = review.client.post(f"/api/analytics/jobs/{job_id}/weights", json={"weights": negative})
    assert r.status_code == 422

    new = {"leadership": 3, "teamwork": 1, "motivation": 0}
    r = review.client.post(
        f"/api/analytics/jobs/{job_id}/weights",
        json={"weights": new, "source": "outcomes:performance", "note": "Q3 calibration"},
    )
    assert r.status_code == 201, r.text
    assert r.json()["version"] == 2 and r.json()["weights"] == {
        "leadership": 0.75,
        "teamwork": 0.25,
        "motivation": 0,
    }
    versions = review.client.get(f"/api/analytics/jobs/{job_id}/weights").json()
    assert [v["version"] for v in versions] == [1, 2]
    assert versions[0]["weights"] == {"leadership": 1.0, "teamwork": 1.0, "motivation": 1.0}
    plan = review.client.get(f"/api/jobs/{job_id}/plan").json()
    assert {c["name"]: c["weight"] for c in plan["competencies"]}["leadership"] == 0.75

    # The earlier interview keeps the overall it was scored with.
    assert (
        review.client.get(f"/api/interviews/{before['interview_id']}").json()["overall_score"] == old_overall
    )
    lead = _leadership_exact(review, before["interview_id"])
    assert old_overall == pytest.approx((lead + 1.0) / 2, abs=0.006)  # the weights it was scored with
    assert abs(old_overall - (0.75 * lead + 0.25 * 1.0)) > 0.1  # not the job's new ones

    # Accepting again freezes nothing new for it, and version 3 follows.
    r = review.client.post(
        f"/api/analytics/jobs/{job_id}/weights", json={"weights": {**new, "motivation": 1}}
    )
    assert r.json()["version"] == 3
    assert (
        review.client.get(f"/api/interviews/{before['interview_id']}").json()["overall_score"] == old_overall
    )


def test_only_an_admin_accepts_weights(review: Review) -> None:
    seeded = review.finished(department="Engineering")
    review.staff("hr-w@example.test", "hr", "Engineering")
    body = {"weights": {"leadership": 1, "teamwork": 1, "motivation": 1}}
    assert review.client.post(f"/api/analytics/jobs/{seeded['job_id']}/weights", json=body).status_code == 403
    assert review.client.get(f"/api/analytics/jobs/{seeded['job_id']}/weights").status_code == 200
