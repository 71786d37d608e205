"""Validity, calibration and bias-audit reports for one job, department-scoped.

The statistics are in `scoring.validity`, `scoring.calibration` and `scoring.fairness` (pure, checked
against SciPy); this module only picks the numbers out of the job's data and shapes the answer.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from itertools import combinations

from sqlalchemy.ext.asyncio import AsyncSession

from scoring.calibration import calibrate
from scoring.fairness import MIN_SHARE, GroupRate, bias_audit, intersectional_audit, scoring_rate_audit
from scoring.validity import (
    RANGE_RESTRICTION_NOTE,
    SMALL_SAMPLE,
    Correlation,
    incremental_validity,
    pearson,
    point_biserial,
)
from server.db.models import User
from server.db.models.outcome import OUTCOME_METRICS
from server.db.repositories import analytics as repo
from server.errors import Unprocessable
from server.schemas.analytics import (
    BiasAuditOut,
    CalibrationOut,
    CorrelationOut,
    GroupRateOut,
    IncrementalOut,
    IntersectionOut,
    IntersectionRowOut,
    ValidityOut,
    WeightOut,
)
from server.services.analytics_data import Row, load

AUDIT_CATEGORIES = ("sex", "race_ethnicity", "age_band", "disability")
AUDIT_NOTE = (
    "Selection: share of candidates HR advanced (next round) among those HR decided. Scoring: share "
    "scoring above the median AI overall score. Impact ratio: a group's rate divided by the highest "
    "group's; below 0.8 is flagged (four-fifths rule). Groups are self-reported, with consent; "
    "candidates who gave none are counted as unknown. Intersectional tables: every combination of the "
    f"dimensions answered; candidates missing a value are counted as unknown apart; categories under "
    f"{MIN_SHARE:.0%} of the known candidates are shown but excluded from the impact ratios."
)
NAN = math.nan


def _metric(metric: str) -> bool:
    if metric not in OUTCOME_METRICS:
        raise Unprocessable(f"unknown outcome {metric!r}; one of {', '.join(OUTCOME_METRICS)}")
    return OUTCOME_METRICS[metric]


def _out(predictor: str, c: Correlation) -> CorrelationOut:
    return CorrelationOut(
        predictor=predictor,
        method=c.method,
        r=c.r,
        n=c.n,
        ci_low=c.ci_low,
        ci_high=c.ci_high,
        warning=c.warning,
    )


def _num(value: float | None) -> float:
    return NAN if value is None else value


async def validity(session: AsyncSession, user: User, job_id: str, metric: str) -> ValidityOut:
    """Correlation of each competency's AI score, the AI overall and HR's recommendation with `metric`."""
    binary = _metric(metric)
    data = await load(session, user, job_id)
    rows = [r for r in data.rows if metric in r.outcomes]
    y = [r.outcomes[metric] for r in rows]

    def corr(name: str, xs: Sequence[float]) -> CorrelationOut:
        c = point_biserial([bool(v) for v in y], xs) if binary else pearson(xs, y)
        return _out(name, c)

    per = [corr(k, [_num(r.ai.get(k)) for r in rows]) for k in data.weights]
    overall = [_num(r.ai_overall()) for r in rows]  # each with the weights it was scored with
    hr = [_num(r.recommendation) for r in rows]
    inc = incremental_validity(y, hr, overall)
    return ValidityOut(
        job_id=job_id,
        metric=metric,
        n=len(rows),
        correlations=[*per, corr("ai_overall", overall)],
        hr_recommendation=corr("hr_recommendation", hr),
        incremental=IncrementalOut(**inc.__dict__),
        range_restriction_note=RANGE_RESTRICTION_NOTE,
        sample_size_note=(
            f"only {len(rows)} hired candidates have this outcome; below {SMALL_SAMPLE} the intervals are "
            "wide and a coefficient can look strong or weak by chance"
            if len(rows) < SMALL_SAMPLE
            else None
        ),
    )


async def calibration(session: AsyncSession, user: User, job_id: str, target: str) -> CalibrationOut:
    """Suggested weights fitted to an outcome, or (`target="hr"`) to HR's scores after overrides."""
    data = await load(session, user, job_id)
    names = list(data.weights)
    pick: Callable[[Row], float | None]
    if target == "hr":
        pick = lambda r: r.hr_overall() if r.hr else None  # noqa: E731 - reviewed rows only
    else:
        _metric(target)
        pick = lambda r: r.outcomes.get(target)  # noqa: E731
    rows = [r for r in data.rows if pick(r) is not None and all(k in r.ai for k in names)]
    fit = calibrate(names, [[r.ai[k] for k in names] for r in rows], [_num(pick(r)) for r in rows])
    total = sum(data.weights.values()) or 1.0
    weights = []
    for k in names:
        current = data.weights[k] / total
        suggested = fit.weights[k] if fit.weights else None
        low, high = fit.intervals.get(k, (None, None))
        diff = None if suggested is None else suggested - current
        weights.append(
            WeightOut(competency=k, current=current, suggested=suggested, diff=diff, ci_low=low, ci_high=high)
        )
    return CalibrationOut(
        job_id=job_id, target=target, n=fit.n, r2=fit.r2, warning=fit.warning, weights=weights
    )


def _rates(rates: list[GroupRate]) -> list[GroupRateOut]:
    return [GroupRateOut(**r.__dict__) for r in rates]


def _intersections(
    selected: Mapping[str, bool], labels: Mapping[str, Mapping[str, str]]
) -> list[IntersectionOut]:
    """Every combination of two or more dimensions that someone answered, fullest last."""
    answered = [c for c in AUDIT_CATEGORIES if labels.get(c)]
    out = []
    for size in range(2, len(answered) + 1):
        for dims in combinations(answered, size):
            a = intersectional_audit(selected, labels, dims)
            rows = [IntersectionRowOut(**{**r.__dict__, "group": list(r.group)}) for r in a.rows]
            out.append(
                IntersectionOut(
                    dimensions=list(dims),
                    rows=rows,
                    unknown=a.unknown,
                    unknown_selected=a.unknown_selected,
                    min_share=MIN_SHARE,
                )
            )
    return out


async def audit(session: AsyncSession, user: User, job_id: str, category: str) -> BiasAuditOut:
    """Selection and scoring rates per self-reported group: counts only, never who is in which group."""
    if category not in AUDIT_CATEGORIES:
        raise Unprocessable(f"unknown category {category!r}; one of {', '.join(AUDIT_CATEGORIES)}")
    data = await load(session, user, job_id)
    labels = await repo.group_labels(session, [r.candidate_id for r in data.rows], category)
    decided = [r for r in data.rows if r.review_status in ("next_round", "rejected")]
    selected = {r.interview_id: r.review_status == "next_round" for r in decided}
    by_interview = {r.interview_id: labels.get(r.candidate_id, "") for r in data.rows}
    scored = {r.interview_id: s for r in data.rows if (s := r.ai_overall()) is not None}
    every = await repo.all_group_labels(session, [r.candidate_id for r in data.rows])
    by_dimension = {
        c: {r.interview_id: v for r in data.rows if (v := every.get(c, {}).get(r.candidate_id))}
        for c in every
    }
    return BiasAuditOut(
        job_id=job_id,
        category=category,
        decided=len(decided),
        selection=_rates(bias_audit(selected, by_interview)),
        scoring=_rates(scoring_rate_audit(scored, by_interview)),
        intersectional=_intersections(selected, by_dimension),
        note=AUDIT_NOTE,
    )
