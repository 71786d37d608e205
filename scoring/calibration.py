"""Suggested competency weights from outcomes (or from HR's final scores), by non-negative least squares.

A weight says how much a competency's score moves the target when the others are held fixed. Negative
weights would mean "score this competency lower to hire better", which no rubric should suggest, so the
fit is constrained to be non-negative (Lawson-Hanson) and the weights are normalised to sum to one, the
form the rubric stores. A percentile bootstrap gives each weight an interval so an admin sees how much
the data supports the change before accepting it. Pure: numbers in, numbers out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from scoring.validity import SMALL_SAMPLE


def nnls(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Solve min ||a x - b|| subject to x >= 0 (Lawson and Hanson's active-set method)."""
    _, n = a.shape
    x = np.zeros(n)
    passive = np.zeros(n, dtype=bool)
    tol = 10 * np.finfo(float).eps * np.abs(a).sum(axis=0).max(initial=0.0) * max(a.shape)
    w = a.T @ (b - a @ x)
    for _ in range(3 * n + 10):
        if passive.all() or w[~passive].max() <= tol:
            break
        passive[int(np.argmax(np.where(passive, -np.inf, w)))] = True
        while True:
            s = np.zeros(n)
            s[passive] = np.linalg.lstsq(a[:, passive], b, rcond=None)[0]
            if s[passive].min() > tol:
                break
            bad = passive & (s <= tol)
            alpha = float(np.min(x[bad] / (x[bad] - s[bad])))
            x = x + alpha * (s - x)
            passive &= x > tol
            x[~passive] = 0.0
        x = s
        w = a.T @ (b - a @ x)
    return x


@dataclass(frozen=True)
class Calibration:
    """Normalised weights per competency with bootstrap 95 % intervals; None weights if no signal."""

    n: int
    weights: dict[str, float] | None
    intervals: dict[str, tuple[float, float]]
    r2: float
    warning: str | None


def _fit(x: np.ndarray, y: np.ndarray) -> np.ndarray | None:
    coef = nnls(x - x.mean(axis=0), y - y.mean())
    total = coef.sum()
    return coef / total if total > 0 else None


def calibrate(
    names: Sequence[str],
    scores: Sequence[Sequence[float]],
    target: Sequence[float],
    *,
    bootstrap: int = 200,
    seed: int = 0,
) -> Calibration:
    """Fit target ≈ c + Σ w_k · score_k with w ≥ 0, then normalise w to sum to one.

    Args:
        names: competency names, one per score column.
        scores: one row per hired candidate, competency scores in `names` order (NaN rows dropped).
        target: the outcome (performance rating) or HR's final score for the same candidates.
        bootstrap: resamples for the intervals (0 for none).
        seed: random seed, so a report can be reproduced.

    """
    x = np.asarray(scores, dtype=float).reshape(len(target), len(names))
    y = np.asarray(target, dtype=float)
    keep = np.isfinite(x).all(axis=1) & np.isfinite(y)
    x, y = x[keep], y[keep]
    n = len(y)
    if n <= len(names):
        return Calibration(n, None, {}, 0.0, "too_few")
    fitted = _fit(x, y)
    if fitted is None:
        return Calibration(n, None, {}, 0.0, "no_positive_relation")
    xc, yc = x - x.mean(axis=0), y - y.mean()
    coef = nnls(xc, yc)
    total = float(yc @ yc)
    r2 = 1.0 - float(((yc - xc @ coef) ** 2).sum()) / total if total else 0.0
    rng = np.random.default_rng(seed)
    draws = []
    for _ in range(bootstrap):
        idx = rng.integers(0, n, n)
        w = _fit(x[idx], y[idx])
        if w is not None:
            draws.append(w)
    intervals: dict[str, tuple[float, float]] = {}
    if draws:
        lo, hi = np.percentile(np.array(draws), [2.5, 97.5], axis=0)
        intervals = {k: (float(lo[i]), float(hi[i])) for i, k in enumerate(names)}
    weights = {k: float(fitted[i]) for i, k in enumerate(names)}
    return Calibration(n, weights, intervals, r2, "small_sample" if n < SMALL_SAMPLE else None)
