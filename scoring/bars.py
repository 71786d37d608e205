"""The behaviourally anchored scales (`bars.yaml`): criteria, weights and anchors per question kind.

Data, not code: a reviewer reads and changes what "level 4 on weakness honesty" means without
touching the scorer. Loaded once per process on first use and validated then.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from scoring.models import QUESTION_KINDS
from scoring.yamlsource import load_yaml_file

PATH = Path(__file__).with_name("bars.yaml")
FEATURES = ("specifics", "self_action", "result", "plan")


@dataclass(frozen=True)
class CriterionSpec:
    """One criterion's anchors and, for cue-based criteria, what counts as evidence."""

    name: str
    anchors: dict[str, dict[int, str]]
    cues: dict[str, tuple[str, ...]] = field(default_factory=dict)
    indicators: dict[str, tuple[str, ...]] = field(default_factory=dict)
    also: tuple[str, ...] = ()
    cuts: tuple[float, float, float, float] = (1, 2, 3, 4)
    share: bool = False
    against: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def anchor(self, level: int, language: str) -> str:
        """The behavioural anchor of a level, in the answer's language."""
        return self.anchors.get(language, self.anchors["en"])[level]


@dataclass(frozen=True)
class Bars:
    """Weights per kind and the criteria they name."""

    weights: dict[str, dict[str, float]]
    criteria: dict[str, CriterionSpec]


def _spec(name: str, item: dict[str, Any]) -> CriterionSpec:
    anchors = {lang: {int(k): str(v) for k, v in levels.items()} for lang, levels in item["anchors"].items()}
    if any(set(levels) != {1, 2, 3, 4, 5} for levels in anchors.values()) or set(anchors) != {"en", "zh"}:
        raise ValueError(f"bars.yaml: {name} needs anchors 1-5 in en and zh")
    also = tuple(item.get("also", ()))
    if set(also) - set(FEATURES):
        raise ValueError(f"bars.yaml: {name}.also must be among {FEATURES}")
    cuts = tuple(float(c) for c in item.get("cuts", (1, 2, 3, 4)))
    if len(cuts) != 4:
        raise ValueError(f"bars.yaml: {name}.cuts needs four thresholds")
    return CriterionSpec(
        name,
        anchors,
        {lang: tuple(map(str, words)) for lang, words in item.get("cues", {}).items()},
        {lang: tuple(map(str, texts)) for lang, texts in item.get("indicators", {}).items()},
        also,
        (cuts[0], cuts[1], cuts[2], cuts[3]),
        bool(item.get("share", False)),
        {lang: tuple(map(str, words)) for lang, words in item.get("against", {}).items()},
    )


@lru_cache(maxsize=1)
def bars() -> Bars:
    """The scales shipped with the package."""
    data = load_yaml_file(PATH).data
    criteria = {name: _spec(name, item) for name, item in data["criteria"].items()}
    weights = {kind: {k: float(v) for k, v in w.items()} for kind, w in data["kinds"].items()}
    if set(weights) != set(QUESTION_KINDS):
        raise ValueError("bars.yaml: every question kind needs its criteria")
    for kind, w in weights.items():
        if abs(sum(w.values()) - 1) > 1e-6 or set(w) - set(criteria):
            raise ValueError(f"bars.yaml: {kind} weights must sum to 1 and name known criteria")
    return Bars(weights, criteria)
