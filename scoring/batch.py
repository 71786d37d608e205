"""Batch scoring of JSON lines (`interview score`): re-scoring after a rubric change, validation studies."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from scoring.models import Answer
from scoring.rubric import DEFAULT_RUBRIC, Rubric
from scoring.scorer import DefaultScorer, Scorer


@dataclass(frozen=True)
class LineError:
    """A line that could not be scored, and why."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


def _answer(data: Any) -> tuple[str, Answer]:
    if not isinstance(data, dict):
        raise ValueError("expected a JSON object")
    for key in ("id", "question", "answer"):
        if key not in data:
            raise ValueError(f"missing field {key!r}")
    if not isinstance(data["question"], str) or not isinstance(data["answer"], str):
        raise ValueError("question and answer must be text")
    if not str(data["id"]).strip():
        raise ValueError("id must not be empty")
    return str(data["id"]), Answer(
        question=data["question"],
        text=data["answer"],
        language=data.get("language"),
        competency=data.get("competency"),
        kind=data.get("kind"),
    )


def score_lines(
    lines: Iterable[str], rubric: Rubric = DEFAULT_RUBRIC, scorer: Scorer | None = None
) -> Iterator[dict[str, Any] | LineError]:
    """Score each JSON line; yield an output object per good line and a `LineError` per bad one."""
    scorer = scorer or DefaultScorer()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item_id, answer = _answer(json.loads(line))
            if answer.kind not in (None, "behavioural", "situational", "technical", "general"):
                raise ValueError(f"unknown kind {answer.kind!r}")
        except ValueError as exc:  # json.JSONDecodeError is a ValueError
            yield LineError(number, str(exc))
            continue
        result = scorer.score(answer, rubric.get(answer.competency))
        yield {"id": item_id, **result.as_dict()}
