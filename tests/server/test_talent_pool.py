"""The talent pool: search by competency evidence with consent respected, department scope, invite."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from server.app import create_app
from server.db.models import Competency, Job
from server.services.talent_pool import is_quantified
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.fakes.speech import fake_runtime
from tests.server.test_review import Review
from tests.talent_data import add_pool_interview

# name, department, score, result quote, ai_evaluation consent, withdrawn
PEOPLE = [
    ("Quantified Qi", "Engineering", 4.5, "Complaints dropped by 40 percent in two months.", True, False),
    ("Vague Wu", "Engineering", 4.6, "The customer was happy in the end.", True, False),
    ("Low Lin", "Engineering", 3.0, "We cut response time by 30%.", True, False),
    ("No Consent Ng", "Engineering", 4.8, "Revenue grew 15%.", False, False),
    ("Withdrawn Wei", "Engineering", 4.9, "Saved 200 hours a year.", True, True),
    ("Finance Fu", "Finance", 4.7, "Closed the books 3 days early.", True, False),
    ("中文 陈", "Engineering", 4.2, "客户投诉减少了百分之四十。", True, False),
]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Review, dict[str, str]]]:
    data_dir = tmp_path_factory.mktemp("pool") / "data"
    settings = Settings(environment="test", secret_key=TEST_SECRET, data_dir=data_dir, outbox_in_server=False)
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        review = Review(client, settings)
        ids: dict[str, str] = {}

        async def seed(sessions: Any) -> None:
            async with sessions.begin() as s:
                jobs = {}
                for dept in ("Engineering", "Finance"):
                    job = Job(title=f"Support {dept}", department=dept, language="en")
                    job.competencies = [Competency(name="customer_focus", weight=1.0)]
                    s.add(job)
                    jobs[dept] = job
                new_job = Job(title="New opening", department="Engineering", language="en")
                s.add(new_job)
                await s.flush()
                ids["new_job"] = new_job.id
                for name, dept, score, quote, ai_ok, withdrawn in PEOPLE:
                    ids[name] = await add_pool_interview(
                        s, jobs[dept].id, name, score, quote, ai_ok, withdrawn
                    )

        review.run(seed)
        review.staff("hr-pool@example.test", "hr", "Engineering")
        yield review, ids


def test_quantified_results_are_recognised_in_both_languages() -> None:
    assert is_quantified("Complaints dropped by 40 percent")
    assert is_quantified("we shipped two weeks early")
    assert is_quantified("客户投诉减少了百分之四十")
    assert is_quantified("提前三天上线")
    assert not is_quantified("The customer was happy in the end.")
    assert not is_quantified("我们沟通得很好")


def test_search_by_score_and_quantified_evidence_respects_consent_and_department(
    world: tuple[Review, dict[str, str]],
) -> None:
    review, _ = world
    r = review.client.get(
        "/api/analytics/talent-pool",
        params={"competency": "customer_focus", "min_score": 4, "quantified": True},
    )
    assert r.status_code == 200, r.text
    names = [m["name"] for m in r.json()]
    assert names == ["Quantified Qi", "中文 陈"]  # best first
    assert "40 percent" in r.json()[0]["quantified_results"][0]
    loose = review.client.get(
        "/api/analytics/talent-pool", params={"competency": "customer_focus", "min_score": 4}
    )
    assert {m["name"] for m in loose.json()} == {"Quantified Qi", "Vague Wu", "中文 陈"}


def test_inviting_a_pool_candidate_makes_an_interview_with_a_link(
    world: tuple[Review, dict[str, str]],
) -> None:
    review, ids = world
    r = review.client.post(
        "/api/analytics/talent-pool/invite",
        json={"candidate_id": ids["Quantified Qi"], "job_id": ids["new_job"]},
    )
    assert r.status_code == 201, r.text
    assert r.json()["job_title"] == "New opening" and "/i/" in r.json()["invite_url"]
    token = r.json()["invite_url"].rsplit("/i/", 1)[1]
    invite = review.client.get(f"/api/invite/{token}")
    assert invite.status_code == 200 and invite.json()["candidate_name"] == "Quantified Qi"
    other = review.client.post(
        "/api/analytics/talent-pool/invite",
        json={"candidate_id": ids["Finance Fu"], "job_id": ids["new_job"]},
    )
    assert other.status_code == 404  # Finance's candidate is not in Engineering HR's pool
