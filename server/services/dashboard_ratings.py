"""How the process is rated: candidates rate the interview (1-5), reviewers mark the AI's answer scores.

Pure: counts in, numbers out, so tests check them against values computed independently. Satisfaction's
response rate is over completed interviews (the survey opens when the interview is over). A score mark
counts once per reviewer per answer score; the share is of marks, per competency.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Mapping, Sequence

from server.db.repositories.score_marks import MarkFact
from server.schemas.analytics import CountOut, MarkRateOut, SatisfactionOut

RATINGS = (1, 2, 3, 4, 5)


def satisfaction(ratings: Mapping[str, int], completed: int) -> SatisfactionOut:
    """Mean, median and distribution of the ratings given; the response rate over completed interviews."""
    values = list(ratings.values())
    counts = Counter(values)
    n = len(values)
    return SatisfactionOut(
        n=n,
        median=statistics.median(values) if values else None,
        mean=statistics.fmean(values) if values else None,
        distribution=[
            CountOut(key=str(k), count=counts[k], rate=counts[k] / n if n else None) for k in RATINGS
        ],
        completed=completed,
        response_rate=n / completed if completed else None,
    )


def mark_rates(marks: Sequence[MarkFact]) -> list[MarkRateOut]:
    """Per competency: marks given and the share marked not reasonable."""
    total: Counter[str] = Counter()
    bad: Counter[str] = Counter()
    for m in marks:
        name = m.competency or "—"
        total[name] += 1
        bad[name] += not m.reasonable
    return [
        MarkRateOut(
            competency=k, marks=total[k], not_reasonable=bad[k], not_reasonable_rate=bad[k] / total[k]
        )
        for k in sorted(total)
    ]
