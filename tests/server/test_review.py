"""HR review through the API: scorecard, decisions that keep the AI's score and leave an audit row,
`report.reviewed` for the HR systems, department scoping, notes, list filters."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from server.app import create_app
from server.db.engine import make_engine, make_sessionmaker
from server.db.models import AnswerScoreRow, AuditEvent, OutboxEvent
from server.security import Signer
from server.services.accounts import create_user
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.fakes.speech import fake_runtime
from tests.finished import seed_finished
from tests.vaults import vault_for

PASSWORD = "correct horse battery"


class Review:
    def __init__(self, client: TestClient, settings: Settings) -> None:
        self.client = client
        self.settings = settings

    def run(self, coro_fn: Any) -> Any:
        async def go() -> Any:
            engine = make_engine(self.settings.db_url)
            try:
                return await coro_fn(make_sessionmaker(engine, vault_for(self.settings)))
            finally:
                await engine.dispose()

        return asyncio.run(go())

    def finished(self, department: str | None = "Engineering") -> dict[str, Any]:
        signer = Signer(self.settings.secret_key, 3600, 3600)
        return self.run(
            lambda sessions: seed_finished(
                sessions,
                signer,
                self.settings.recordings_dir,
                department=department,
                vault=vault_for(self.settings),
            )
        )

    def staff(self, email: str, role: str, department: str | None = None) -> None:
        async def make(sessions: Any) -> None:
            async with sessions.begin() as s:
                await create_user(s, email, email, role, PASSWORD, department)

        self.run(make)
        self.login(email)

    def login(self, email: str) -> None:
        r = self.client.post("/api/auth/login", json={"email": email, "password": PASSWORD})
        assert r.status_code == 200, r.text

    def rows(self, model: Any, interview_id: str) -> list[Any]:
        async def read(sessions: Any) -> list[Any]:
            async with sessions() as s:
                column = model.ordering_key if model is OutboxEvent else model.interview_id
                return list((await s.execute(select(model).where(column == interview_id))).scalars())

        return self.run(read)


@pytest.fixture(scope="module")
def review(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Review]:
    data = tmp_path_factory.mktemp("review") / "data"
    settings = Settings(environment="test", secret_key=TEST_SECRET, data_dir=data, outbox_in_server=False)
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        yield Review(client, settings)


def test_an_override_with_a_comment_changes_the_status_keeps_the_ai_score_and_is_audited(
    review: Review,
) -> None:
    seeded = review.finished()
    iid = seeded["interview_id"]
    review.staff("hr-eng@example.test", "hr", "Engineering")
    card = review.client.get(f"/api/interviews/{iid}/review").json()
    assert card["status"] == "pending_review" and card["recommendation"] is None
    leadership = next(c for c in card["competencies"] if c["name"] == "leadership")
    ai_score = leadership["ai_score"]
    assert abs(ai_score - seeded["score"]) < 0.5 and leadership["human_score"] is None
    assert leadership["evidence"] and leadership["evidence"][0]["t_start"] is not None
    human = 2 if seeded["score"] >= 4 else 5

    # No comment: refused with a sentence, nothing stored.
    r = review.client.post(
        f"/api/interviews/{iid}/review",
        json={
            "status": "rejected",
            "recommendation": "no",
            "competencies": [{"name": "leadership", "score": human}],
            "comment": "   ",
        },
    )
    assert r.status_code == 422 and "comment is required" in r.json()["detail"]
    r = review.client.post(
        f"/api/interviews/{iid}/review",
        json={
            "status": "rejected",
            "recommendation": "no",
            "competencies": [{"name": "charisma", "score": 3}],
            "comment": "x",
        },
    )
    assert r.status_code == 422 and "no competency named 'charisma'" in r.json()["detail"]
    r = review.client.post(
        f"/api/interviews/{iid}/review", json={"status": "hired", "recommendation": "no", "comment": "x"}
    )
    assert r.status_code == 422 and "status" in r.json()["detail"]
    assert review.client.get(f"/api/interviews/{iid}/review").json()["status"] == "pending_review"
    assert not [a for a in review.rows(AuditEvent, iid) if a.action == "review.decided"]

    r = review.client.post(
        f"/api/interviews/{iid}/review",
        json={
            "status": "next_round",
            "recommendation": "yes",
            "competencies": [{"name": "leadership", "score": human}],
            "comment": "Led the release well; the result is concrete.",
        },
    )
    assert r.status_code == 200, r.text
    after = r.json()
    assert after["status"] == "next_round" and after["decided_by"] == "hr-eng@example.test"
    leadership = next(c for c in after["competencies"] if c["name"] == "leadership")
    assert leadership["human_score"] == human and leadership["ai_score"] == ai_score
    # The AI's row is untouched.
    (ai,) = review.rows(AnswerScoreRow, iid)
    assert ai.score == seeded["score"]
    # One audit row with who, before and after.
    (audit,) = [a for a in review.rows(AuditEvent, iid) if a.action == "review.decided"]
    assert audit.actor == "hr-eng@example.test"
    assert (
        audit.detail["before"]["status"] == "pending_review"
        and audit.detail["after"]["status"] == "next_round"
    )
    assert audit.detail["after"]["scores"]["leadership"] == human
    assert audit.detail["ai"]["scores"]["leadership"] == ai_score
    assert after["history"][0]["detail"]["comment"].startswith("Led the release")
    # The HR systems hear about it, with both scores.
    (event,) = [e for e in review.rows(OutboxEvent, iid) if e.type == "report.reviewed"]
    comp = next(c for c in event.payload["competencies"] if c["name"] == "leadership")
    assert comp["score"] == ai_score and comp["human_score"] == human
    assert event.payload["review"]["status"] == "next_round" and event.payload["needs_human_review"] is False
    # The list shows the new status and filters on it.
    rows = review.client.get("/api/interviews", params={"review_status": "next_round"}).json()
    assert [row["id"] for row in rows] == [iid]
    assert review.client.get("/api/interviews", params={"review_status": "rejected"}).json() == []


def test_hr_of_another_department_gets_404_for_the_interview_and_its_recording(review: Review) -> None:
    seeded = review.finished(department="Engineering")
    iid, rid = seeded["interview_id"], seeded["recording_id"]
    review.staff("hr-fin@example.test", "hr", "Finance")
    for path in (
        f"/api/interviews/{iid}",
        f"/api/interviews/{iid}/recordings/{rid}",
        f"/api/interviews/{iid}/review",
        f"/api/interviews/{iid}/report",
        f"/api/interviews/{iid}/notes",
        f"/api/interviews/{iid}/summary",
    ):
        r = review.client.get(path)
        assert r.status_code == 404 and r.json()["detail"] == "no such interview", path
    r = review.client.post(
        f"/api/interviews/{iid}/review", json={"status": "rejected", "recommendation": "no", "comment": "no"}
    )
    assert r.status_code == 404
    assert all(row["id"] != iid for row in review.client.get("/api/interviews").json())
    review.staff("hr-eng2@example.test", "hr", "Engineering")
    r = review.client.get(f"/api/interviews/{iid}/recordings/{rid}")
    assert r.status_code == 200 and r.headers["content-type"] == "video/mp4" and len(r.content) > 10_000
    summary = review.client.get(f"/api/interviews/{iid}/summary").json()
    detail = review.client.get(f"/api/interviews/{iid}").json()
    assert summary == {"summary": detail["summary"], "overall_score": detail["overall_score"]}
    assert summary["summary"]["competencies"], "the console's coverage needs the competencies"


def test_interviewers_may_not_decide_and_live_interviews_cannot_be_reviewed(review: Review) -> None:
    seeded = review.finished()
    iid = seeded["interview_id"]
    review.staff("iv-1@example.test", "interviewer")
    body = {"status": "on_hold", "recommendation": "yes", "comment": "fine"}
    r = review.client.post(f"/api/interviews/{iid}/review", json=body)
    assert r.status_code == 403 and "hr" in r.json()["detail"]
    review.staff("hr-all@example.test", "hr")  # no department: sees every job

    async def make_live(sessions: Any) -> None:
        from server.db.models import Interview

        async with sessions.begin() as s:
            interview = await s.get(Interview, iid)
            interview.status = "live"

    review.run(make_live)
    r = review.client.post(f"/api/interviews/{iid}/review", json=body)
    assert r.status_code == 409 and "once it has ended" in r.json()["detail"]


def test_notes_are_kept_on_the_timeline_with_their_author(review: Review) -> None:
    seeded = review.finished()
    iid = seeded["interview_id"]
    review.staff("iv-2@example.test", "interviewer", "Engineering")
    r = review.client.post(
        f"/api/interviews/{iid}/notes", json={"text": "Good example of delegation", "t_s": 12.5}
    )
    assert r.status_code == 201 and r.json()["author"] == "iv-2@example.test"
    assert review.client.post(f"/api/interviews/{iid}/notes", json={"text": ""}).status_code == 422
    notes = review.client.get(f"/api/interviews/{iid}").json()["notes"]
    assert [(n["text"], n["t_s"]) for n in notes] == [("Good example of delegation", 12.5)]


def test_the_report_carries_scores_evidence_and_links(review: Review) -> None:
    seeded = review.finished()
    review.staff("hr-rep@example.test", "hr", "Engineering")
    report = review.client.get(f"/api/interviews/{seeded['interview_id']}/report").json()
    assert report["needs_human_review"] is True
    assert report["review"]["status"] == "pending_review" and report["review"]["decided_by"] is None
    assert report["links"]["report"].endswith(f"/report/{seeded['interview_id']}")
    comp = next(c for c in report["competencies"] if c["name"] == "leadership")
    assert abs(comp["score"] - seeded["score"]) < 0.5 and comp["evidence"]
    assert report["integrity_flags"] == [{"kind": "tab_hidden", "t_start": 20.0, "t_end": 23.5}]


def test_a_feedback_letter_is_drafted_edited_and_sent_only_once_approved(review: Review) -> None:
    seeded = review.finished()
    iid = seeded["interview_id"]
    review.staff("iv-letter@example.test", "interviewer")
    assert review.client.post(f"/api/interviews/{iid}/feedback/draft").status_code == 403
    review.staff("hr-letter@example.test", "hr", "Engineering")
    r = review.client.get(f"/api/interviews/{iid}/feedback")
    assert r.status_code == 404 and "no feedback letter" in r.json()["detail"]
    draft = review.client.post(f"/api/interviews/{iid}/feedback/draft").json()
    assert draft["status"] == "draft" and draft["text"].startswith("Dear Demo Candidate,")
    action = next(e["text"] for e in seeded["evidence"] if e["label"] == "action")
    assert action[:30] in draft["text"], "strengths quote what the candidate did, in their own words"
    assert not [e for e in review.rows(OutboxEvent, iid) if e.type == "candidate.feedback"], (
        "a draft is not sent"
    )

    edited = draft["text"].replace("We wish you every success.", "We hope to speak again soon.")
    assert (
        review.client.put(f"/api/interviews/{iid}/feedback", json={"text": edited}).json()["text"] == edited
    )
    assert review.client.put(f"/api/interviews/{iid}/feedback", json={"text": ""}).status_code == 422
    approved = review.client.post(f"/api/interviews/{iid}/feedback/approve").json()
    assert approved["status"] == "approved" and approved["approved_by"] == "hr-letter@example.test"
    (sent,) = [e for e in review.rows(OutboxEvent, iid) if e.type == "candidate.feedback"]
    assert sent.payload["text"] == edited and sent.payload["language"] == "en"
    r = review.client.put(f"/api/interviews/{iid}/feedback", json={"text": "changed"})
    assert r.status_code == 409 and "approved and sent" in r.json()["detail"]
    assert review.client.post(f"/api/interviews/{iid}/feedback/draft").status_code == 409
    actions = [a.action for a in review.rows(AuditEvent, iid)]
    assert {"feedback.drafted", "feedback.edited", "feedback.approved"} <= set(actions)


def test_erasing_a_candidate_removes_reviews_notes_flags_letters_and_what_the_audit_said(
    review: Review,
) -> None:
    seeded = review.finished()
    iid = seeded["interview_id"]
    review.staff("hr-erase@example.test", "hr", "Engineering")
    comment = "Strong example of leading the release under pressure"
    review.client.post(
        f"/api/interviews/{iid}/review",
        json={"status": "on_hold", "recommendation": "yes", "comment": comment},
    )
    review.client.post(f"/api/interviews/{iid}/notes", json={"text": "Mentions a holiday sale deadline"})
    draft = review.client.post(f"/api/interviews/{iid}/feedback/draft").json()
    marker = "P.S. we enjoyed the story about the release"
    review.client.put(f"/api/interviews/{iid}/feedback", json={"text": draft["text"] + marker})

    async def candidate_of(sessions: Any) -> str:
        async with sessions() as s:
            from server.db.models import Interview

            interview = await s.get(Interview, iid)
            return str(interview.candidate_id)

    candidate = review.run(candidate_of)
    review.staff("admin-erase@example.test", "admin")
    assert review.client.delete(f"/api/admin/candidates/{candidate}").status_code == 200

    from server.db.models import FeedbackLetter, IntegrityFlag, InterviewNote, ReviewDecision

    for model in (ReviewDecision, InterviewNote, IntegrityFlag, FeedbackLetter):
        assert review.rows(model, iid) == [], model.__name__

    async def audit_texts(sessions: Any) -> str:
        async with sessions() as s:
            rows = (await s.execute(select(AuditEvent.detail))).scalars().all()
            return json.dumps(rows, ensure_ascii=False)

    assert all(e.payload == {"erased": True} for e in review.rows(OutboxEvent, iid))
    trail = review.run(audit_texts)  # (other tests' interviews share this database: look for our texts)
    assert comment not in trail and marker not in trail and "holiday sale" not in trail
