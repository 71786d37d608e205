"""Bias audit: selection rates and impact ratios per group, as NYC Local Law 144 audits report them.

Group labels are self-reported, optional, and stored apart from interview data; this function only
sees decisions and labels keyed by an opaque candidate reference.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

FOUR_FIFTHS = 0.8


@dataclass(frozen=True)
class GroupRate:
    """One group's selection rate and impact ratio against the most selected group."""

    group: str
    candidates: int
    selected: int
    selection_rate: float
    impact_ratio: float
    flagged: bool


def bias_audit(
    decisions: Mapping[str, bool], labels: Mapping[str, str], unknown: str = "unknown"
) -> list[GroupRate]:
    """Selection rate per group and impact ratio (rate / highest rate); ratios below 0.8 are flagged.

    Candidates without a label are reported as `unknown`, as the law's audits do.
    """
    counts: dict[str, list[int]] = {}
    for candidate, selected in decisions.items():
        group = labels.get(candidate) or unknown
        n = counts.setdefault(group, [0, 0])
        n[0] += 1
        n[1] += int(bool(selected))
    rates = {g: s / n for g, (n, s) in counts.items() if n}
    best = max(rates.values(), default=0.0)
    return [
        GroupRate(
            group=g,
            candidates=counts[g][0],
            selected=counts[g][1],
            selection_rate=round(rates[g], 4),
            impact_ratio=round(rates[g] / best, 4) if best else 0.0,
            flagged=bool(best) and rates[g] / best < FOUR_FIFTHS,
        )
        for g in sorted(rates)
    ]


def scoring_rate_audit(
    scores: Mapping[str, float], labels: Mapping[str, str], unknown: str = "unknown"
) -> list[GroupRate]:
    """LL144's audit for continuous scores: the share of each group scoring above the overall median.

    Used where the tool scores rather than selects; impact ratios and four-fifths flags as `bias_audit`.
    """
    values = sorted(scores.values())
    if not values:
        return []
    mid = len(values) // 2
    median = values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2
    return bias_audit({c: s > median for c, s in scores.items()}, labels, unknown)


MIN_SHARE = 0.02


@dataclass(frozen=True)
class IntersectionRate:
    """One intersectional category's row; `excluded` when it is under the minimum share (no ratio)."""

    group: tuple[str, ...]
    candidates: int
    selected: int
    selection_rate: float
    impact_ratio: float | None
    flagged: bool
    excluded: bool


@dataclass(frozen=True)
class IntersectionalAudit:
    """Every existing combination of the dimensions' values, and how many had an unknown value."""

    dimensions: tuple[str, ...]
    rows: list[IntersectionRate]
    unknown: int
    unknown_selected: int


def intersectional_audit(
    decisions: Mapping[str, bool],
    labels: Mapping[str, Mapping[str, str]],
    dimensions: tuple[str, ...],
    min_share: float = MIN_SHARE,
) -> IntersectionalAudit:
    """Selection rates of each combination of `dimensions` (e.g. sex × race/ethnicity), as LL144 reports.

    `labels[dimension][candidate]` is the candidate's self-reported value. A candidate without a value in
    any of the dimensions (declined, or not asked) is counted once as unknown, outside the categories.
    A category with fewer than `min_share` of the known candidates is shown but excluded from the impact
    ratios, as the law's rules allow; the others' ratios are against the highest-rate included category.
    """
    counts: dict[tuple[str, ...], list[int]] = {}
    unknown = [0, 0]
    for candidate, selected in decisions.items():
        values = tuple(labels.get(d, {}).get(candidate) or "" for d in dimensions)
        cell = unknown if "" in values else counts.setdefault(values, [0, 0])
        cell[0] += 1
        cell[1] += int(bool(selected))
    known = sum(n for n, _ in counts.values())
    included = {g for g, (n, _) in counts.items() if known and n / known >= min_share}
    best = max((s / n for g, (n, s) in counts.items() if g in included), default=0.0)
    rows = []
    for g in sorted(counts):
        n, s = counts[g]
        ratio = round(s / n / best, 4) if g in included and best else None
        rows.append(
            IntersectionRate(
                group=g,
                candidates=n,
                selected=s,
                selection_rate=round(s / n, 4),
                impact_ratio=ratio,
                flagged=ratio is not None and s / n / best < FOUR_FIFTHS,
                excluded=g not in included,
            )
        )
    return IntersectionalAudit(dimensions, rows, unknown[0], unknown[1])
