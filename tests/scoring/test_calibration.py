"""Calibration recovers planted competency weights; NNLS agrees with SciPy's."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import optimize

from scoring.calibration import calibrate, nnls
from scoring.fairness import bias_audit, scoring_rate_audit

NAMES = ["communication", "problem_solving", "customer_focus", "teamwork"]
PLANTED = np.array([0.4, 0.3, 0.3, 0.0])


@pytest.mark.parametrize("seed", range(6))
def test_nnls_matches_scipy_on_random_problems(seed: int) -> None:
    rng = np.random.default_rng(seed)
    a = rng.normal(size=(50, 6))
    b = a @ rng.normal(size=6) + rng.normal(size=50)
    assert np.allclose(nnls(a, b), optimize.nnls(a, b)[0], atol=1e-8)


def test_calibration_recovers_planted_weights_within_tolerance() -> None:
    rng = np.random.default_rng(42)
    n = 400
    scores = np.clip(rng.normal(3, 0.9, size=(n, 4)), 1, 5)
    outcome = 2.0 * (scores @ PLANTED) + rng.normal(0, 0.5, n)
    cal = calibrate(NAMES, scores.tolist(), outcome.tolist(), bootstrap=100, seed=1)
    assert cal.weights is not None and cal.warning is None
    for name, planted in zip(NAMES, PLANTED, strict=True):
        assert cal.weights[name] == pytest.approx(planted, abs=0.06), cal.weights
        low, high = cal.intervals[name]
        assert low - 0.02 <= planted <= high + 0.02
    assert sum(cal.weights.values()) == pytest.approx(1.0)
    assert 0.5 < cal.r2 < 1


def test_a_competency_that_hurts_the_outcome_gets_weight_zero_not_negative() -> None:
    rng = np.random.default_rng(5)
    scores = rng.normal(3, 1, size=(200, 2))
    outcome = scores[:, 0] - 0.5 * scores[:, 1] + rng.normal(0, 0.3, 200)
    cal = calibrate(["a", "b"], scores.tolist(), outcome.tolist(), bootstrap=0)
    assert cal.weights == {"a": 1.0, "b": 0.0}


def test_no_signal_and_small_samples_are_reported_not_guessed() -> None:
    rng = np.random.default_rng(9)
    scores = rng.normal(3, 1, size=(50, 2))
    hurts = (-scores.sum(axis=1)).tolist()
    assert calibrate(["a", "b"], scores.tolist(), hurts, bootstrap=0).warning == "no_positive_relation"
    assert calibrate(["a", "b"], [[1, 2], [2, 3]], [1, 2]).warning == "too_few"
    small = calibrate(["a", "b"], scores[:20].tolist(), scores[:20, 0].tolist(), bootstrap=10)
    assert small.warning == "small_sample"


def test_audit_flags_a_planted_adverse_impact_in_selection_and_scores() -> None:
    rng = np.random.default_rng(3)
    labels = {f"c{i}": ("female" if i % 2 else "male") for i in range(400)}
    planted_gap = {c: rng.normal(3.0 if g == "male" else 2.5, 0.6) for c, g in labels.items()}
    selected = {c: s > 3.0 for c, s in planted_gap.items()}
    by_group = {r.group: r for r in bias_audit(selected, labels)}
    assert by_group["female"].flagged and not by_group["male"].flagged
    assert by_group["female"].impact_ratio < 0.8
    expected = sum(selected[c] for c in labels if labels[c] == "female") / 200
    assert by_group["female"].selection_rate == round(expected, 4)
    scored = {r.group: r for r in scoring_rate_audit(planted_gap, labels)}
    assert scored["female"].flagged and scored["male"].impact_ratio == 1.0
    fair = {c: rng.normal(3, 0.6) for c in labels}
    assert not any(r.flagged for r in bias_audit({c: s > 3 for c, s in fair.items()}, labels))
