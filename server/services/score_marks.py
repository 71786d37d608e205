"""Reviewers mark individual AI answer scores as reasonable or not (the AI-HR agreement's second half).

Only the final score of each question can be marked (a rescored answer's earlier rows are history).
One mark per reviewer per score; marking again changes it. A mark is audited (who, which score,
the verdict; the reason's text stays in its table) and changes no score and no decision.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.base import utcnow
from server.db.models import AnswerScoreRow, ScoreMark, User
from server.db.repositories import audit as audit_repo
from server.db.repositories import interviews as interview_repo
from server.db.repositories import score_marks as repo
from server.errors import NotFound
from server.schemas import AnswerMarkOut, ScoreMarkIn
from server.services.interviews import get_visible
from server.services.reports import latest_per_question


def _out(row: AnswerScoreRow, marks: list[ScoreMark], reviewer: str) -> AnswerMarkOut:
    own = next((m for m in marks if m.reviewer == reviewer), None)
    return AnswerMarkOut(
        score_id=row.id,
        question_index=row.question_index,
        competency=row.competency,
        ai_score=row.score_exact,
        reasonable=own.reasonable if own else None,
        reason=own.reason if own else "",
        marked_reasonable=sum(m.reasonable for m in marks),
        marked_not_reasonable=sum(not m.reasonable for m in marks),
    )


async def _final_scores(session: AsyncSession, interview_id: str) -> list[AnswerScoreRow]:
    return latest_per_question(await interview_repo.scores(session, interview_id))


async def marks(session: AsyncSession, user: User, interview_id: str) -> list[AnswerMarkOut]:
    """Each final answer score of the interview with the user's mark and everyone's counts."""
    await get_visible(session, user, interview_id)
    all_marks = await repo.of_interview(session, interview_id)
    return [
        _out(row, [m for m in all_marks if m.answer_score_id == row.id], user.email)
        for row in await _final_scores(session, interview_id)
    ]


async def mark(
    session: AsyncSession, user: User, interview_id: str, score_id: str, body: ScoreMarkIn
) -> AnswerMarkOut:
    """Set (or change) the user's mark on one final answer score of the interview."""
    await get_visible(session, user, interview_id)
    row = next((r for r in await _final_scores(session, interview_id) if r.id == score_id), None)
    if row is None:
        raise NotFound("no such answer score in this interview (only each question's final score is marked)")
    reason = body.reason.strip()
    own = await repo.mine(session, score_id, user.email)
    if own is None:
        own = ScoreMark(
            answer_score_id=score_id,
            interview_id=interview_id,
            reviewer=user.email,
            reasonable=body.reasonable,
            reason=reason,
        )
        await repo.add(session, own)
    else:
        await repo.change(session, own, body.reasonable, reason, utcnow())
    await audit_repo.audit(
        session,
        user.email,
        "score.marked",
        interview_id,
        question=row.question_index,
        competency=row.competency,
        reasonable=body.reasonable,
    )
    all_marks = [m for m in await repo.of_interview(session, interview_id) if m.answer_score_id == score_id]
    return _out(row, all_marks, user.email)
