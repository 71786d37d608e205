"""Timing wrappers that feed the metrics without the timed code knowing about Prometheus."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

from scoring.analysis import Analysis
from scoring.models import Answer, AnswerScore
from scoring.rubric import CompetencyRubric
from scoring.scorer import Scorer


class TimedScorer:
    """A scorer that reports how long each final score took (provisional ones are only shown live)."""

    def __init__(self, inner: Scorer, observe: Callable[[float], None]) -> None:
        self._inner = inner
        self._observe = observe

    def score(
        self,
        answer: Answer,
        rubric: CompetencyRubric | None = None,
        provisional: bool = False,
        analysis: Analysis | None = None,
    ) -> AnswerScore:
        """Score with the wrapped scorer; time it."""
        began = time.perf_counter()
        try:
            return self._inner.score(answer, rubric, provisional=provisional, analysis=analysis)
        finally:
            if not provisional:
                self._observe(time.perf_counter() - began)


def age_s(created_at: object, now: datetime | None = None) -> float | None:
    """Seconds since an event's ISO `created_at` (as the bus carries it); None when absent or unreadable."""
    if not isinstance(created_at, str):
        return None
    try:
        made = datetime.fromisoformat(created_at)
    except ValueError:
        return None
    made = made if made.tzinfo else made.replace(tzinfo=UTC)
    return max(0.0, ((now or datetime.now(UTC)) - made).total_seconds())
