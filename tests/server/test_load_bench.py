"""bench/load.py itself, at a small N on two instances (PostgreSQL + Redis) with tone-scripted models:
every candidate is answered and its figures are measured (the real-model table is run by hand)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.load import run

pytestmark = [pytest.mark.postgres, pytest.mark.redis]


async def test_two_instances_serve_two_candidates_with_figures(tmp_path: Path) -> None:
    row = await run(2, 2, "en_leadership_star", fake=True, work=tmp_path)
    assert row["failures"] == []
    assert row["lag_samples"] >= 2 and row["lag_p95_s"] < 5.0  # a final transcript reached each call
    assert 0.0 < row["end_delay_p95_s"] < 5.0  # the agent ended each answer after it ended, not before
    assert row["cpu_pct"] > 0 and row["rss_mb"] > 50
