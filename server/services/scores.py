"""One mapping of an AI score: to its stored row, to its console event, and back from the row.

The row keeps the whole `AnswerScore` as JSON (`detail`); `ScoreDetail` is its typed reading for the
report, the scorecard and feedback letters, so a renamed field fails type checks, not a report.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from agent.actions import Scored
from server.db.models import AnswerScoreRow
from server.events import AnswerScored


class ScoreDetail(BaseModel):
    """The stored JSON of one answer's score (`AnswerScore.as_dict()` plus the console's suggestions)."""

    model_config = ConfigDict(extra="ignore")

    scale: str = "anchored5"
    reasons: list[str] = []
    evidence: list[dict[str, Any]] = []
    star: dict[str, Any] = {}
    follow_up_reasons: list[str] = []
    suggestions: list[dict[str, str]] = []


def score_row(interview_id: str, scored: Scored) -> AnswerScoreRow:
    """The row a final score is stored as."""
    s = scored.score
    return AnswerScoreRow(
        interview_id=interview_id,
        question_index=scored.question_index,
        competency=s.competency,
        score=s.score,
        score_exact=s.score_exact,
        confidence=s.confidence,
        scorer=s.scorer,
        detail=scored.payload(),
    )


def score_event(interview_id: str, scored: Scored) -> AnswerScored:
    """What the consoles are told of a score, provisional or final."""
    s = scored.score
    data = scored.payload()
    return AnswerScored(
        interview_id=interview_id,
        question_index=scored.question_index,
        competency=s.competency,
        provisional=s.provisional,
        score=s.score,
        score_exact=s.score_exact,
        confidence=s.confidence,
        reasons=list(s.reasons),
        star=data["star"],
        evidence=data["evidence"],
        follow_up_reasons=list(s.follow_up_reasons),
        suggestions=data["suggestions"],
    )


def detail_of(row: AnswerScoreRow) -> ScoreDetail:
    """The typed reading of a stored score's JSON."""
    return ScoreDetail.model_validate(row.detail or {})
