"""The scoring vocabulary: answers in, scores with quoted evidence out. Frozen and validated."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

QuestionKind = Literal[
    "behavioural", "situational", "technical", "self_intro", "motivation", "strengths_weaknesses", "general"
]
QUESTION_KINDS: tuple[QuestionKind, ...] = (
    "behavioural",
    "situational",
    "technical",
    "self_intro",
    "motivation",
    "strengths_weaknesses",
    "general",
)
StarPart = Literal["situation", "task", "action", "result"]
STAR_PARTS: tuple[StarPart, ...] = ("situation", "task", "action", "result")


@dataclass(frozen=True, slots=True)
class TimedSegment:
    """A transcript segment with its audio times; an answer's text is its segments joined."""

    text: str
    start_s: float
    end_s: float


SENTENCE_GAP_S = 0.5


def join_segments(segments: tuple[TimedSegment, ...] | list[TimedSegment], language: str) -> str:
    """One answer text from transcript segments.

    A segment the recogniser left without final punctuation, followed by a pause of half a second or
    more, ends a sentence there; otherwise segments run on as one sentence.
    """
    out = ""
    for i, seg in enumerate(segments):
        text = seg.text.strip()
        if not text:
            continue
        if out:
            gap = seg.start_s - segments[i - 1].end_s
            if out[-1] not in ".!?。！？，,、；;" and gap >= SENTENCE_GAP_S:
                out += "。" if language == "zh" else "."
            out += "" if language == "zh" else " "
        out += text
    return out


@dataclass(frozen=True)
class Answer:
    """One answer to score. `language` and `kind` are inferred when not given."""

    question: str
    text: str
    language: str | None = None
    competency: str | None = None
    kind: QuestionKind | None = None
    segments: tuple[TimedSegment, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.text, str) or not isinstance(self.question, str):
            raise ValueError("question and answer must be text")
        if self.language not in (None, "en", "zh"):
            raise ValueError(f"unsupported language {self.language!r}; use 'en' or 'zh'")


@dataclass(frozen=True, slots=True)
class Evidence:
    """A quote from the transcript: character offsets into the answer text, and audio times if known."""

    text: str
    start: int
    end: int
    label: str
    t_start: float | None = None
    t_end: float | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "t_start": self.t_start,
            "t_end": self.t_end,
        }


@dataclass(frozen=True)
class CriterionScore:
    """One criterion on the 1-5 scale, with why."""

    name: str
    score: int
    reasons: tuple[str, ...]
    evidence: tuple[Evidence, ...] = ()

    def __post_init__(self) -> None:
        if not 1 <= self.score <= 5:
            raise ValueError(f"criterion score {self.score} is outside 1..5")

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "name": self.name,
            "score": self.score,
            "reasons": list(self.reasons),
            "evidence": [e.as_dict() for e in self.evidence],
        }


@dataclass(frozen=True)
class StarFinding:
    """Whether a STAR part was found, and the quotes that show it."""

    present: bool
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class AnswerScore:
    """The scorer's verdict on one answer. `score` is on the common 1-5 scale."""

    score: int
    score_exact: float
    scale: str
    scale_score: int
    criteria: tuple[CriterionScore, ...]
    star: Mapping[str, StarFinding]
    evidence: tuple[Evidence, ...]
    reasons: tuple[str, ...]
    confidence: float
    language: str
    kind: str
    competency: str | None
    provisional: bool = False
    scorer: str = "default"
    follow_up_reasons: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if not 1 <= self.score <= 5 or not 0 <= self.confidence <= 1:
            raise ValueError("score must be 1..5 and confidence 0..1")

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form (the `interview score` output line, less the id)."""
        return {
            "score": self.score,
            "score_exact": self.score_exact,
            "scale": self.scale,
            "scale_score": self.scale_score,
            "criteria": [c.as_dict() for c in self.criteria],
            "star": {
                k: {"present": v.present, "evidence": [e.as_dict() for e in v.evidence]}
                for k, v in self.star.items()
            },
            "evidence": [e.as_dict() for e in self.evidence],
            "reasons": list(self.reasons),
            "confidence": self.confidence,
            "language": self.language,
            "kind": self.kind,
            "competency": self.competency,
            "provisional": self.provisional,
            "scorer": self.scorer,
            "follow_up_reasons": list(self.follow_up_reasons),
        }
