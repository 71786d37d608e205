"""Agreement of `interview score` with a labelled set written to the rubric's anchors (both languages)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from scoring.stats import agreement, spearman

DATA = Path(__file__).resolve().parents[1] / "data" / "scoring" / "labelled_answers.jsonl"


def test_interview_score_agrees_with_human_labels() -> None:
    items = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(items) >= 40 and {i["language"] for i in items} == {"en", "zh"}
    out = subprocess.run(
        [sys.executable, "-m", "server.cli", "score", str(DATA)], capture_output=True, text=True, check=True
    )
    scores = {row["id"]: row["score"] for row in map(json.loads, out.stdout.splitlines())}
    labels = [i["label"] for i in items]
    predicted = [scores[i["id"]] for i in items]
    rho = spearman(labels, predicted)
    exact, adjacent = agreement(labels, predicted)
    print(f"n={len(items)} Spearman rho={rho:.3f} exact={exact:.1%} adjacent={adjacent:.1%}")
    assert rho >= 0.8 and adjacent >= 0.9 and exact >= 0.5


def test_spearman_and_agreement() -> None:
    assert spearman([1, 2, 3, 4], [10, 20, 30, 40]) == 1.0
    assert spearman([1, 2, 3, 4], [4, 3, 2, 1]) == -1.0
    assert agreement([1, 2, 3], [1, 3, 5]) == (1 / 3, 2 / 3)
