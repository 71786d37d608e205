"""Validity coefficients and intervals match SciPy on generated data with planted effects."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from scoring.validity import (
    correct_range_restriction,
    fisher_ci,
    incremental_validity,
    pearson,
    point_biserial,
    spearman,
)


def _planted(n: int, rho: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.normal(3, 1, n)
    y = rho * (x - 3) + math.sqrt(1 - rho * rho) * rng.normal(0, 1, n)
    return x, y


@pytest.mark.parametrize(("n", "rho", "seed"), [(40, 0.5, 1), (200, 0.3, 2), (12, -0.6, 3), (500, 0.0, 4)])
def test_pearson_r_and_fisher_interval_match_scipy(n: int, rho: float, seed: int) -> None:
    x, y = _planted(n, rho, seed)
    ours = pearson(list(x), list(y))
    ref = stats.pearsonr(x, y)
    ci = ref.confidence_interval(0.95)
    assert ours.r == pytest.approx(ref.statistic, abs=1e-12)
    assert ours.ci_low == pytest.approx(ci.low, abs=1e-9)
    assert ours.ci_high == pytest.approx(ci.high, abs=1e-9)
    assert ours.n == n
    assert ours.warning == ("small_sample" if n < 30 else None)


def test_planted_correlation_is_recovered_inside_its_interval() -> None:
    x, y = _planted(2000, 0.5, 7)
    c = pearson(list(x), list(y))
    assert c.ci_low is not None and c.ci_high is not None
    assert c.ci_low < 0.5 < c.ci_high and c.ci_high - c.ci_low < 0.1


def test_spearman_matches_scipy_with_ties_on_a_rating_scale() -> None:
    x, y = _planted(80, 0.4, 5)
    rating = np.clip(np.round(y * 1.2 + 3), 1, 5)  # a 1-5 rating: many ties
    ours = spearman(list(np.round(x * 2) / 2), list(rating))
    ref = stats.spearmanr(np.round(x * 2) / 2, rating)
    assert ours.r == pytest.approx(ref.statistic, abs=1e-12)


def test_point_biserial_matches_scipy_for_probation_passed() -> None:
    x, y = _planted(120, 0.4, 6)
    passed = y > 0.2
    ours = point_biserial(list(passed), list(x))
    ref = stats.pointbiserialr(passed, x)
    assert ours.r == pytest.approx(ref.statistic, abs=1e-12)
    assert ours.r is not None and ours.r > 0.15


def test_too_few_or_constant_data_give_no_coefficient_and_say_why() -> None:
    assert pearson([1, 2, 3], [2, 1, 3]).ci_low is None
    assert pearson([1, 2, 3], [2, 1, 3]).warning == "too_few"
    assert pearson([1, 2, 3, 4, 5], [3, 3, 3, 3, 3]).r is None
    assert pearson([1, 2, 3, 4, 5], [3, 3, 3, 3, 3]).warning == "constant"
    assert fisher_ci(0.5, 3) is None
    nan_dropped = pearson([1, 2, float("nan"), 4, 5, 6], [1, 3, 2, 4, 6, 5])
    assert nan_dropped.n == 5
    with pytest.raises(ValueError, match="same length"):
        pearson([1, 2], [1])


def test_incremental_validity_matches_ols_r_squared_and_finds_the_planted_ai_effect() -> None:
    rng = np.random.default_rng(11)
    n = 300
    ai = rng.normal(3, 1, n)
    hr = (ai + rng.normal(0, 1.5, n) > 3).astype(float)  # HR decision, only partly informed
    outcome = 0.6 * ai + 0.2 * hr + rng.normal(0, 1, n)
    inc = incremental_validity(list(outcome), list(hr), list(ai))
    r2_hr = stats.linregress(hr, outcome).rvalue ** 2
    design = np.column_stack([np.ones(n), hr, ai])
    _, res, *_ = np.linalg.lstsq(design, outcome, rcond=None)
    r2_both = 1 - res[0] / ((outcome - outcome.mean()) ** 2).sum()
    assert inc.r2_hr == pytest.approx(r2_hr, abs=1e-10)
    assert inc.r2_hr_and_ai == pytest.approx(r2_both, abs=1e-10)
    assert inc.delta_r2 > 0.1


def test_range_restriction_correction_raises_r_when_the_hired_spread_is_narrow() -> None:
    rng = np.random.default_rng(3)
    x = rng.normal(0, 1, 20000)
    y = 0.5 * x + math.sqrt(0.75) * rng.normal(0, 1, 20000)
    hired = x > 0.5  # only the top scorers are hired, and only they have outcomes
    restricted = pearson(list(x[hired]), list(y[hired])).r
    assert restricted is not None and restricted < 0.35
    corrected = correct_range_restriction(restricted, float(x.std()), float(x[hired].std()))
    assert corrected == pytest.approx(0.5, abs=0.03)
