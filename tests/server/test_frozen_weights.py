"""Validity and the publication use the weights each interview was scored with, not the job's newest."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest
from fastapi.testclient import TestClient
from scipy import stats
from sqlalchemy import update

from server.app import create_app
from server.db.models import Interview
from server.settings import Settings
from tests.analytics_data import Dataset, generate, store
from tests.conftest import TEST_SECRET
from tests.fakes.speech import fake_runtime
from tests.server.test_review import Review

V2 = {"communication": 0.0, "problem_solving": 0.0, "customer_focus": 1.0}


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Review, Dataset, str, list[int]]]:
    data_dir = tmp_path_factory.mktemp("frozen") / "data"
    settings = Settings(environment="test", secret_key=TEST_SECRET, data_dir=data_dir, outbox_in_server=False)
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        review = Review(client, settings)
        data = generate(n=120, seed=3)
        job_id = review.run(lambda sessions: store(sessions, data))
        review.staff("admin-frozen@example.test", "admin")
        hired = [i for i in range(len(data.groups)) if data.advanced[i]]
        rows = [
            {"interview_id": data.interview_ids[i], "performance": float(data.performance[i])} for i in hired
        ]
        assert client.post("/api/import/outcomes", json=rows).status_code == 201
        # Version 2 is accepted: every interview so far is frozen at version 1 (equal weights).
        r = client.post(f"/api/analytics/jobs/{job_id}/weights", json={"weights": V2})
        assert r.status_code == 201 and r.json()["version"] == 2
        # Interviews scored after the change carry no frozen weights: the even ones play that part.
        later = [data.interview_ids[i] for i in range(0, len(data.groups), 2)]

        async def unfreeze(sessions: Any) -> None:
            async with sessions.begin() as s:
                await s.execute(update(Interview).where(Interview.id.in_(later)).values(scoring_weights=None))

        review.run(unfreeze)
        yield review, data, job_id, hired


def _overall(data: Dataset, i: int) -> float:
    """The overall each interview was scored with: equal weights (v1) if odd, customer focus (v2) if even."""
    return float(data.scores[i].mean()) if i % 2 else float(data.scores[i, 2])


def test_validity_correlates_the_overall_each_interview_was_scored_with(
    world: tuple[Review, Dataset, str, list[int]],
) -> None:
    review, data, job_id, hired = world
    body = review.client.get(f"/api/analytics/jobs/{job_id}/validity").json()
    got = {c["predictor"]: c for c in body["correlations"]}["ai_overall"]["r"]
    y = data.performance[hired]
    mixed = stats.pearsonr([_overall(data, i) for i in hired], y).statistic
    all_v1 = stats.pearsonr(data.scores[hired].mean(axis=1), y).statistic
    all_v2 = stats.pearsonr(data.scores[hired, 2], y).statistic
    assert got == pytest.approx(mixed, abs=1e-9)
    assert abs(got - all_v1) > 0.05 and abs(got - all_v2) > 0.05  # neither version alone


def test_the_publication_ranks_by_the_score_each_interview_was_scored_with(
    world: tuple[Review, Dataset, str, list[int]],
) -> None:
    review, data, job_id, _ = world
    r = review.client.post(
        f"/api/analytics/jobs/{job_id}/publication",
        json={"fields": ["name", "score"], "name_mask": "none", "lang": "en"},
    )
    assert r.status_code == 200, r.text
    published = dict(r.json()["rows"])
    for i in (1, 2, 3, 4):
        assert published[f"Candidate {i}"] == f"{_overall(data, i):.2f}"
    assert any(f"{data.scores[i].mean():.2f}" != f"{data.scores[i, 2]:.2f}" for i in (1, 2, 3, 4))
    order = [float(s) for _, s in r.json()["rows"]]
    assert order == sorted(order, reverse=True)
    assert np.isclose(order[0], max(_overall(data, i) for i in range(len(data.groups))), atol=0.006)
