"""Field-level precision and recall of profiles against truth, as the bench and the tests measure them.

Per field, the predicted and true values of a resume are compared as multisets of normalised text
(case, spaces and punctuation ignored; dates as "YYYY-MM/YYYY-MM" or ".../present"). A field's
precision is matched / predicted and its recall matched / true, summed over the resumes.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

FIELDS = (
    "experience.highlights",
    "education.school",
    "education.degree",
    "education.field",
    "education.dates",
    "experience.organisation",
    "experience.title",
    "experience.dates",
    "skills",
    "achievements",
)


def norm(value: object) -> str:
    """Text without case, spaces or punctuation ("B.Sc." and "bsc" are the same)."""
    return re.sub(r"[\W_]+", "", str(value)).lower()


def _dates(item: Mapping[str, Any], current_key: str = "current") -> str:
    end = "present" if item.get(current_key) or item.get("end") is None else item["end"]
    return f"{item.get('start')}/{end}"


def values(profile: Mapping[str, Any], field: str) -> list[str]:
    """A field's values in a profile dict (the parser's `to_dict`, or truth in the same shape)."""
    if field in ("skills", "achievements"):
        return [norm(v["text"] if isinstance(v, dict) else v) for v in profile.get(field, [])]
    group, key = field.split(".")
    if key == "highlights":
        return [
            norm(h["text"] if isinstance(h, dict) else h)
            for j in profile.get(group, [])
            for h in j.get(key, [])
        ]
    out = []
    for item in profile.get(group, []):
        value = _dates(item) if key == "dates" else item.get(key)
        if value:
            out.append(norm(value))
    return out


@dataclass
class Score:
    """Counts of one field; precision and recall from them."""

    matched: int = 0
    predicted: int = 0
    true: int = 0

    @property
    def precision(self) -> float:
        """Matched over predicted (1.0 when nothing was predicted and nothing was true)."""
        return self.matched / self.predicted if self.predicted else float(self.true == 0)

    @property
    def recall(self) -> float:
        """Matched over true."""
        return self.matched / self.true if self.true else 1.0


def score(pairs: Iterable[tuple[Mapping[str, Any], Mapping[str, Any]]]) -> dict[str, Score]:
    """Per-field scores over (predicted, truth) profile pairs."""
    out = {f: Score() for f in FIELDS}
    for predicted, truth in pairs:
        for field in FIELDS:
            p, t = Counter(values(predicted, field)), Counter(values(truth, field))
            out[field].matched += sum((p & t).values())
            out[field].predicted += sum(p.values())
            out[field].true += sum(t.values())
    return out
