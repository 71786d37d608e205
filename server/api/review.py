"""HR review: scorecard, decisions, the printable report, and interviewers' notes."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path

from ehr_sync.report import ReportV1
from server.db.models import User
from server.deps import RequireRole, SessionDep, SettingsDep
from server.schemas import (
    AnswerMarkOut,
    LetterIn,
    LetterOut,
    NoteIn,
    NoteOut,
    ReviewIn,
    ReviewOut,
    ScoreMarkIn,
)
from server.schemas.modules import ModulesOut
from server.services import feedback, score_marks
from server.services import modules as modules_service
from server.services import review as service

router = APIRouter(prefix="/api/interviews", tags=["review"])
Staff = Annotated[User, Depends(RequireRole("hr", "interviewer"))]
Reviewer = Annotated[User, Depends(RequireRole("hr"))]


@router.get("/{interview_id}/review")
async def get_review(interview_id: str, user: Staff, session: SessionDep) -> ReviewOut:
    """AI and human scores side by side, the review status and its history."""
    return await service.scorecard(session, user, interview_id)


@router.post("/{interview_id}/review")
async def post_review(
    interview_id: str, review: ReviewIn, user: Reviewer, session: SessionDep, settings: SettingsDep
) -> ReviewOut:
    """Confirm or override the AI: a status, a recommendation, competency scores and a required comment."""
    return await service.decide(session, user, interview_id, review, settings.public_url)


@router.get("/{interview_id}/score-marks")
async def get_score_marks(interview_id: str, user: Reviewer, session: SessionDep) -> list[AnswerMarkOut]:
    """Each AI answer score with the reviewer's "reasonable / not reasonable" mark and everyone's counts."""
    return await score_marks.marks(session, user, interview_id)


@router.put("/{interview_id}/score-marks/{score_id}")
async def put_score_mark(
    interview_id: str,
    score_id: Annotated[str, Path(max_length=40)],
    body: ScoreMarkIn,
    user: Reviewer,
    session: SessionDep,
) -> AnswerMarkOut:
    """Mark one AI answer score reasonable or not (with an optional reason); marking again changes it."""
    return await score_marks.mark(session, user, interview_id, score_id, body)


@router.get("/{interview_id}/report")
async def get_report(interview_id: str, user: Staff, session: SessionDep, settings: SettingsDep) -> ReportV1:
    """The interview's report as the HR systems receive it."""
    return await service.report(session, user, interview_id, settings.public_url)


@router.get("/{interview_id}/modules")
async def get_modules(interview_id: str, user: Staff, session: SessionDep) -> ModulesOut:
    """The coding task's runs (code, tests, output, time on the call) and the spoken-English results."""
    return await modules_service.modules_of(session, user, interview_id)


@router.get("/{interview_id}/notes")
async def get_notes(interview_id: str, user: Staff, session: SessionDep) -> list[NoteOut]:
    """The interviewers' notes, in time order."""
    return await service.notes(session, user, interview_id)


@router.post("/{interview_id}/notes", status_code=201)
async def post_note(interview_id: str, note: NoteIn, user: Staff, session: SessionDep) -> NoteOut:
    """Add a private note at a time in the interview."""
    return await service.add_note(session, user, interview_id, note)


@router.get("/{interview_id}/feedback")
async def get_feedback(interview_id: str, user: Reviewer, session: SessionDep) -> LetterOut:
    """The feedback letter to the candidate."""
    return await feedback.get(session, user, interview_id)


@router.post("/{interview_id}/feedback/draft")
async def draft_feedback(interview_id: str, user: Reviewer, session: SessionDep) -> LetterOut:
    """Draft the letter from the evidence of the candidate's answers (no scores, no decision)."""
    return await feedback.draft(session, user, interview_id)


@router.put("/{interview_id}/feedback")
async def edit_feedback(interview_id: str, body: LetterIn, user: Reviewer, session: SessionDep) -> LetterOut:
    """Save HR's edits."""
    return await feedback.edit(session, user, interview_id, body)


@router.post("/{interview_id}/feedback/approve")
async def approve_feedback(interview_id: str, user: Reviewer, session: SessionDep) -> LetterOut:
    """Approve the letter; it is sent to the candidate through the connected HR system."""
    return await feedback.approve(session, user, interview_id)
