"""Agreement statistics for validation studies (no SciPy needed)."""

from __future__ import annotations

from collections.abc import Sequence


def _ranks(values: Sequence[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def spearman(a: Sequence[float], b: Sequence[float]) -> float:
    """Spearman's rank correlation with average ranks for ties."""
    if len(a) != len(b) or len(a) < 2:
        raise ValueError("need two equally long sequences of at least two values")
    ra, rb = _ranks(a), _ranks(b)
    ma, mb = sum(ra) / len(ra), sum(rb) / len(rb)
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb, strict=True))
    var = (sum((x - ma) ** 2 for x in ra) * sum((y - mb) ** 2 for y in rb)) ** 0.5
    return cov / var if var else 0.0


def agreement(labels: Sequence[int], scores: Sequence[int]) -> tuple[float, float]:
    """Exact and adjacent (within one point) agreement rates."""
    pairs = list(zip(labels, scores, strict=True))
    exact = sum(a == b for a, b in pairs) / len(pairs)
    adjacent = sum(abs(a - b) <= 1 for a, b in pairs) / len(pairs)
    return exact, adjacent
