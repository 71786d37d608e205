"""Reviewers mark AI answer scores reasonable or not; the candidate's link opening and device check."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from server.app import create_app
from server.db.models import AuditEvent, Interview, ScoreMark
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.fakes.speech import fake_runtime
from tests.server.test_review import Review


@pytest.fixture(scope="module")
def review(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Review]:
    data_dir = tmp_path_factory.mktemp("marks") / "data"
    settings = Settings(environment="test", secret_key=TEST_SECRET, data_dir=data_dir, outbox_in_server=False)
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        yield Review(client, settings)


def _url(seeded: dict[str, Any], score_id: str | None = None) -> str:
    base = f"/api/interviews/{seeded['interview_id']}/score-marks"
    return f"{base}/{score_id}" if score_id else base


def test_one_mark_per_reviewer_changeable_with_a_short_reason(review: Review) -> None:
    seeded = review.finished(department="Engineering")
    review.staff("hr-mark1@example.test", "hr", "Engineering")
    [score] = review.client.get(_url(seeded)).json()
    assert score["score_id"] == seeded["score_id"] and score["reasonable"] is None
    r = review.client.put(_url(seeded, seeded["score_id"]), json={"reasonable": False, "reason": "too high"})
    assert r.status_code == 200, r.text
    assert (r.json()["reasonable"], r.json()["reason"], r.json()["marked_not_reasonable"]) == (
        False,
        "too high",
        1,
    )
    r = review.client.put(_url(seeded, seeded["score_id"]), json={"reasonable": True})
    assert (r.json()["reasonable"], r.json()["marked_reasonable"], r.json()["marked_not_reasonable"]) == (
        True,
        1,
        0,
    )

    review.staff("hr-mark2@example.test", "hr", "Engineering")
    review.client.put(_url(seeded, seeded["score_id"]), json={"reasonable": False, "reason": "no evidence"})
    [score] = review.client.get(_url(seeded)).json()
    assert (score["reasonable"], score["marked_reasonable"], score["marked_not_reasonable"]) == (False, 1, 1)
    assert len(review.rows(ScoreMark, seeded["interview_id"])) == 2  # one per reviewer
    audit = [a for a in review.rows(AuditEvent, seeded["interview_id"]) if a.action == "score.marked"]
    assert len(audit) == 3 and audit[-1].actor == "hr-mark2@example.test"

    too_long = review.client.put(
        _url(seeded, seeded["score_id"]), json={"reasonable": False, "reason": "x" * 501}
    )
    assert too_long.status_code == 422
    missing = review.client.put(_url(seeded, "no-such-score"), json={"reasonable": True})
    assert missing.status_code == 404 and "final score" in missing.json()["detail"]


def test_other_departments_and_interviewers_may_not_mark(review: Review) -> None:
    seeded = review.finished(department="Engineering")
    review.staff("hr-mark-fin@example.test", "hr", "Finance")
    r = review.client.put(_url(seeded, seeded["score_id"]), json={"reasonable": False})
    assert r.status_code == 404
    review.staff("int-mark@example.test", "interviewer", "Engineering")
    assert review.client.put(_url(seeded, seeded["score_id"]), json={"reasonable": False}).status_code == 403
    assert review.rows(ScoreMark, seeded["interview_id"]) == []


def test_opening_the_link_and_the_device_check_are_recorded(review: Review) -> None:
    seeded = review.finished(department="Engineering")
    token = seeded["invite_token"]

    async def read(sessions: Any) -> Interview:
        async with sessions() as s:
            return await s.get(Interview, seeded["interview_id"])  # type: ignore[no-any-return]

    assert review.run(read).opened_at is None
    assert review.client.get(f"/api/invite/{token}/status").status_code == 200
    failed = review.client.post(
        f"/api/invite/{token}/device-check", json={"camera": True, "microphone": False, "network": True}
    )
    assert failed.status_code == 200 and failed.json() == {"passed": False}
    ok = review.client.post(
        f"/api/invite/{token}/device-check",
        json={"camera": True, "microphone": True, "network": True, "rtt_ms": 40},
    )
    assert ok.json() == {"passed": True}
    row = review.run(read)
    assert row.opened_at is not None and row.device_check_passed_at is not None
    assert row.device_check_failed_at is not None and row.device_check_failed_at <= row.device_check_passed_at
    bad = review.client.post(f"/api/invite/{token}/device-check", json={"camera": "maybe"})
    assert bad.status_code == 422
    forged = review.client.post(
        "/api/invite/forged/device-check", json={"camera": True, "microphone": True, "network": True}
    )
    assert forged.status_code == 401
