"""The intersectional bias audit finds an adverse impact that neither dimension alone shows (LL144 shape)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from server.app import create_app
from server.db.models import Candidate, Competency, Interview, Job, SelfReportedGroup
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.fakes.speech import fake_runtime
from tests.server.test_review import Review

# (sex, race_ethnicity or None, candidates, selected): women of group A and men of group B are selected
# at 30 %, the others at 70 %, so each sex and each race has 50 % overall. Two women of group C (1 %)
# are too few for a ratio; four people gave no race (unknown).
PLANTED = [
    ("female", "A", 50, 15),
    ("female", "B", 50, 35),
    ("male", "A", 50, 35),
    ("male", "B", 50, 15),
    ("female", "C", 2, 1),
    ("female", None, 2, 1),
    ("male", None, 2, 1),
]


async def _store(sessions: Any) -> str:
    async with sessions.begin() as s:
        job = Job(title="Intersection job", department="Engineering", language="en")
        job.competencies = [Competency(name="communication", weight=1.0)]
        s.add(job)
        await s.flush()
        k = 0
        for sex, race, n, selected in PLANTED:
            for i in range(n):
                k += 1
                candidate = Candidate(name=f"I{k}", email=None, external_refs={})
                s.add(candidate)
                await s.flush()
                status = "next_round" if i < selected else "rejected"
                s.add(
                    Interview(
                        job_id=job.id,
                        candidate_id=candidate.id,
                        status="finished",
                        invite_nonce=f"x{k}",
                        review_status=status,
                    )
                )
                answers = {"sex": sex, "race_ethnicity": race}
                for category, value in answers.items():
                    if value is not None:
                        s.add(
                            SelfReportedGroup(
                                candidate_id=candidate.id, category=category, value=value, consent_version="t"
                            )
                        )
    return job.id


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Review, str]]:
    data_dir = tmp_path_factory.mktemp("intersection") / "data"
    settings = Settings(environment="test", secret_key=TEST_SECRET, data_dir=data_dir, outbox_in_server=False)
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        review = Review(client, settings)
        job_id = review.run(_store)
        review.staff("hr-intersect@example.test", "hr", "Engineering")
        yield review, job_id


def test_neither_dimension_alone_flags_but_the_intersection_does(world: tuple[Review, str]) -> None:
    review, job_id = world
    for category in ("sex", "race_ethnicity"):
        body = review.client.get(f"/api/analytics/jobs/{job_id}/audit", params={"category": category}).json()
        assert not any(g["flagged"] for g in body["selection"]), category
    body = review.client.get(f"/api/analytics/jobs/{job_id}/audit", params={"category": "sex"}).json()
    [table] = body["intersectional"]
    assert table["dimensions"] == ["sex", "race_ethnicity"]
    rows = {tuple(r["group"]): r for r in table["rows"]}
    known = sum(n for _, race, n, _ in PLANTED if race is not None)
    best = max(sel / n for _, race, n, sel in PLANTED if race is not None and n / known >= 0.02)
    for sex, race, n, selected in PLANTED:
        if race is None:
            continue
        row = rows[(sex, race)]
        assert (row["candidates"], row["selected"]) == (n, selected)
        assert row["selection_rate"] == round(selected / n, 4)
        if n / known < 0.02:
            assert row["excluded"] and row["impact_ratio"] is None and not row["flagged"]
        else:
            assert not row["excluded"]
            assert row["impact_ratio"] == round(selected / n / best, 4)
            assert row["flagged"] == (selected / n / best < 0.8)
    assert rows[("female", "A")]["flagged"] and rows[("male", "B")]["flagged"]
    assert not rows[("female", "B")]["flagged"]
    assert (table["unknown"], table["unknown_selected"]) == (4, 2)


def test_the_csv_carries_the_intersectional_rows_and_the_unknown_count(world: tuple[Review, str]) -> None:
    review, job_id = world
    r = review.client.get(f"/api/analytics/jobs/{job_id}/audit", params={"format": "csv"})
    assert r.status_code == 200
    rows = list(csv.reader(io.StringIO(r.text.lstrip("\ufeff"))))
    inter = {row[2]: row for row in rows if row and row[0] == "intersectional_selection_rate"}
    assert inter["female × A"][1] == "sex × race_ethnicity"
    assert inter["female × A"][3:9] == ["50", "15", "0.3", str(round(0.3 / 0.7, 4)), "True", "False"]
    assert inter["female × C"][6:9] == ["", "False", "True"]  # shown, excluded from the ratios
    [unknown] = [row for row in rows if row and row[0] == "intersectional_unknown"]
    assert unknown[3:5] == ["4", "2"]
