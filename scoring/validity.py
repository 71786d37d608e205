"""Predictive validity: how well interview scores predict what happened after hiring.

Pure functions on numbers (no I/O) so every figure a customer sees can be recomputed by hand or with
SciPy. The 95 % intervals use Fisher's z transform, as `scipy.stats.pearsonr(...).confidence_interval()`
does; below 30 pairs an interval is wide and the result carries a warning, below 4 there is none.

Only hired people have outcomes, so the scores seen here span a narrower range than the applicant pool
and the coefficients understate validity (range restriction); `correct_range_restriction` gives the
classic Thorndike case II correction when the applicant spread is known.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np

SMALL_SAMPLE = 30
MIN_PAIRS = 4
RANGE_RESTRICTION_NOTE = (
    "Outcomes exist only for hired candidates, whose scores span a narrower range than all applicants; "
    "coefficients computed on them understate the validity on the whole applicant pool."
)


@dataclass(frozen=True)
class Correlation:
    """A correlation with its interval and sample-size warning.

    `ci_low`/`ci_high` are None when there are fewer than 4 pairs or a variable is constant.
    """

    method: str
    r: float | None
    n: int
    ci_low: float | None
    ci_high: float | None
    warning: str | None


def _pairs(x: Sequence[float], y: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
    if len(x) != len(y):
        raise ValueError("both sequences must have the same length")
    a, b = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    keep = np.isfinite(a) & np.isfinite(b)
    return a[keep], b[keep]


def _warning(n: int) -> str | None:
    if n < MIN_PAIRS:
        return "too_few"
    if n < SMALL_SAMPLE:
        return "small_sample"
    return None


def fisher_ci(r: float, n: int, confidence: float = 0.95) -> tuple[float, float] | None:
    """Fisher-z interval for a correlation; None when n < 4 (the standard error is undefined)."""
    if n < MIN_PAIRS:
        return None
    if abs(r) >= 1.0:
        return (r, r)
    z = math.atanh(r)
    half = NormalDist().inv_cdf(0.5 + confidence / 2) / math.sqrt(n - 3)
    return (math.tanh(z - half), math.tanh(z + half))


def _correlate(method: str, a: np.ndarray, b: np.ndarray) -> Correlation:
    n = len(a)
    if n < 2 or np.ptp(a) == 0 or np.ptp(b) == 0:
        return Correlation(method, None, n, None, None, "too_few" if n < MIN_PAIRS else "constant")
    ac, bc = a - a.mean(), b - b.mean()
    r = float(np.clip((ac @ bc) / math.sqrt((ac @ ac) * (bc @ bc)), -1.0, 1.0))
    ci = fisher_ci(r, n)
    return Correlation(method, r, n, ci[0] if ci else None, ci[1] if ci else None, _warning(n))


def pearson(x: Sequence[float], y: Sequence[float]) -> Correlation:
    """Pearson r of scores with a continuous outcome (e.g. a performance rating); NaN pairs dropped."""
    return _correlate("pearson", *_pairs(x, y))


def _ranks(values: np.ndarray) -> np.ndarray:
    order = np.argsort(values, kind="mergesort")
    ranks = np.empty(len(values))
    sorted_values = values[order]
    i = 0
    while i < len(values):
        j = i
        while j + 1 < len(values) and sorted_values[j + 1] == sorted_values[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def spearman(x: Sequence[float], y: Sequence[float]) -> Correlation:
    """Spearman rho (average ranks for ties) for ordinal outcomes such as a 1-5 rating."""
    a, b = _pairs(x, y)
    return _correlate("spearman", _ranks(a), _ranks(b))


def point_biserial(outcome: Sequence[bool], scores: Sequence[float]) -> Correlation:
    """Correlation of scores with a yes/no outcome (passed probation, still employed at 6 months)."""
    return _correlate("point_biserial", *_pairs([float(v) for v in outcome], scores))


def correct_range_restriction(r: float, sd_applicants: float, sd_hired: float) -> float:
    """Thorndike case II: estimate r on all applicants from r on the hired, given both score SDs."""
    if sd_hired <= 0:
        raise ValueError("the hired group's standard deviation must be positive")
    u = sd_applicants / sd_hired
    return r * u / math.sqrt(1 + r * r * (u * u - 1))


@dataclass(frozen=True)
class Incremental:
    """What the AI score adds to the HR decision alone in explaining an outcome (OLS R²)."""

    n: int
    r2_hr: float
    r2_hr_and_ai: float
    delta_r2: float
    warning: str | None


def _r2(design: np.ndarray, y: np.ndarray) -> float:
    x = np.column_stack([np.ones(len(y)), design])
    beta, *_ = np.linalg.lstsq(x, y, rcond=None)
    resid = y - x @ beta
    total = float(((y - y.mean()) ** 2).sum())
    return 1.0 - float(resid @ resid) / total if total else 0.0


def incremental_validity(outcome: Sequence[float], hr: Sequence[float], ai: Sequence[float]) -> Incremental:
    """R² of outcome on the HR decision, then on HR plus AI score; the difference is the AI's added value."""
    if not len(outcome) == len(hr) == len(ai):
        raise ValueError("outcome, HR and AI sequences must have the same length")
    data = np.column_stack([outcome, hr, ai]).astype(float)
    data = data[np.isfinite(data).all(axis=1)]
    n = len(data)
    if n < MIN_PAIRS:
        return Incremental(n, 0.0, 0.0, 0.0, "too_few")
    y = data[:, 0]
    r2_hr = _r2(data[:, 1:2], y)
    r2_both = _r2(data[:, 1:3], y)
    return Incremental(n, r2_hr, r2_both, r2_both - r2_hr, _warning(n))
