"""Interview-level results: weighted competency scores, coverage, and a recommendation for a human."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from scoring.models import AnswerScore
from scoring.rubric import Rubric

Coverage = Literal["covered", "weak", "not_yet"]
Recommendation = Literal["strong_no", "no", "yes", "strong_yes"]
RECOMMENDATION_CUTS: tuple[tuple[float, Recommendation], ...] = (
    (4.2, "strong_yes"),
    (3.4, "yes"),
    (2.5, "no"),
)


@dataclass(frozen=True)
class CompetencyResult:
    """One competency over the whole interview."""

    name: str
    weight: float
    score: float | None
    answers: int
    coverage: Coverage


@dataclass(frozen=True)
class InterviewResult:
    """The AI's summary; `needs_human_review` is always true: AI scores, a human decides."""

    competencies: tuple[CompetencyResult, ...]
    overall: float | None
    recommendation: Recommendation | None
    needs_human_review: bool = True

    def coverage_hints(self) -> list[str]:
        """Plain-language hints for the interviewer, e.g. "teamwork not covered yet"."""
        hints = []
        for c in self.competencies:
            if c.coverage == "not_yet":
                hints.append(f"{c.name} not covered yet")
            elif c.coverage == "weak":
                hints.append(f"{c.name}: weak evidence so far")
        return hints

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "competencies": [c.__dict__ for c in self.competencies],
            "overall": self.overall,
            "recommendation": self.recommendation,
            "needs_human_review": self.needs_human_review,
            "hints": self.coverage_hints(),
        }


def recommend(overall: float) -> Recommendation:
    """Greenhouse-style scale from the weighted score."""
    for cut, label in RECOMMENDATION_CUTS:
        if overall >= cut:
            return label
    return "strong_no"


@dataclass(frozen=True)
class ScoredAnswer:
    """What the summary needs of one final answer score (from a scorer or from storage)."""

    competency: str | None
    score: int
    score_exact: float
    scale: str
    confidence: float
    provisional: bool = False


def summarise(scores: Sequence[AnswerScore | ScoredAnswer], rubric: Rubric) -> InterviewResult:
    """Combine final answer scores per competency (their mean) and across competencies (weighted)."""
    results = []
    for comp in rubric.competencies:
        mine = [s for s in scores if s.competency == comp.name and not s.provisional]
        if not mine:
            results.append(CompetencyResult(comp.name, comp.weight, None, 0, "not_yet"))
            continue
        mean = round(sum(s.score_exact if s.scale == "anchored5" else s.score for s in mine) / len(mine), 2)
        strong = any(s.score >= 3 and s.confidence >= 0.5 for s in mine)
        results.append(
            CompetencyResult(comp.name, comp.weight, mean, len(mine), "covered" if strong else "weak")
        )
    scored = [r for r in results if r.score is not None]
    if not scored:
        return InterviewResult(tuple(results), None, None)
    total = sum(r.weight for r in scored)
    overall = round(sum((r.score or 0) * r.weight for r in scored) / total, 2)
    return InterviewResult(tuple(results), overall, recommend(overall))
