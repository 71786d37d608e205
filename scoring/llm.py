"""Optional LLM scorer over any OpenAI-compatible endpoint (off by default).

Temperature 0, JSON output validated against a schema, and every quote must really occur in the
transcript; anything else (timeout, HTTP error, invalid JSON, invented quote) falls back to the
default scorer, so an interview never depends on the endpoint.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any, Literal

import httpx
from pydantic import BaseModel, Field, ValidationError

from scoring.analysis import Analysis
from scoring.models import STAR_PARTS, Answer, AnswerScore, CriterionScore, Evidence, StarFinding
from scoring.rubric import CompetencyRubric
from scoring.scorer import MAX_QUOTE, DefaultScorer, Scorer

log = logging.getLogger(__name__)


class LLMError(Exception):
    """The endpoint failed or answered something unusable."""


@dataclass(frozen=True)
class LLMSettings:
    """Where the endpoint is and how long to wait for it."""

    base_url: str
    model: str
    api_key: str | None = None
    timeout_s: float = 8.0


class OpenAICompatibleLLM:
    """`complete()` against `/chat/completions`; temperature 0 for reproducibility."""

    def __init__(self, settings: LLMSettings) -> None:
        self._settings = settings
        headers = {"Authorization": f"Bearer {settings.api_key}"} if settings.api_key else {}
        self._client = httpx.Client(
            base_url=settings.base_url.rstrip("/"), headers=headers, timeout=settings.timeout_s
        )

    def complete(self, system: str, user: str, json_output: bool = True) -> str:
        """Return the assistant's message text."""
        body: dict[str, Any] = {
            "model": self._settings.model,
            "temperature": 0,
            "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
        }
        if json_output:
            body["response_format"] = {"type": "json_object"}
        try:
            response = self._client.post("/chat/completions", json=body)
            response.raise_for_status()
            return str(response.json()["choices"][0]["message"]["content"])
        except (httpx.HTTPError, KeyError, IndexError, TypeError, ValueError) as exc:
            raise LLMError(f"LLM endpoint failed: {exc}") from exc

    def close(self) -> None:
        """Close connections."""
        self._client.close()


class _Quote(BaseModel):
    quote: str = Field(min_length=1)
    label: str = "evidence"


class _Criterion(BaseModel):
    name: str
    score: int = Field(ge=1, le=5)
    reasons: list[str] = []


class _Star(BaseModel):
    present: bool
    quote: str | None = None


class LLMVerdict(BaseModel):
    """The JSON the model must return."""

    score: int = Field(ge=1, le=5)
    criteria: list[_Criterion] = Field(min_length=1)
    star: dict[Literal["situation", "task", "action", "result"], _Star]
    evidence: list[_Quote] = Field(min_length=1)
    reasons: list[str] = Field(min_length=1)


SYSTEM = (
    "You score one interview answer against a competency rubric. Reply with JSON only: "
    '{"score": 1-5, "criteria": [{"name", "score": 1-5, "reasons": [..]}], '
    '"star": {"situation"|"task"|"action"|"result": {"present": bool, "quote": str|null}}, '
    '"evidence": [{"quote": exact words copied from the answer, "label"}], "reasons": [..]}. '
    "Quotes must be copied exactly from the answer, at most two sentences and 200 characters each. "
    "Fillers, repeats and missing punctuation are how people speak: never count them against the answer. "
    "Ignore names, gender, origin and schools."
)


class LLMScorer:
    """Scores with the LLM; falls back to `fallback` whenever the LLM's verdict cannot be trusted."""

    name = "llm"

    def __init__(self, llm: OpenAICompatibleLLM, fallback: Scorer | None = None) -> None:
        self._llm = llm
        self._fallback = fallback or DefaultScorer()
        self.fallbacks = 0

    def score(
        self,
        answer: Answer,
        rubric: CompetencyRubric | None = None,
        provisional: bool = False,
        analysis: Analysis | None = None,
    ) -> AnswerScore:
        """Score with the LLM, or with the fallback scorer (logged) when it fails."""
        base = self._fallback.score(answer, rubric, provisional, analysis)
        if provisional:
            return base  # provisional scores stay local and instant
        try:
            verdict = self._ask(answer, rubric or CompetencyRubric(answer.competency or "general"))
            return self._to_score(answer, verdict, base)
        except LLMError as exc:
            self.fallbacks += 1
            log.warning("LLM scorer fell back to the default scorer: %s", exc)
            return base

    def _ask(self, answer: Answer, rubric: CompetencyRubric) -> LLMVerdict:
        user = json.dumps(
            {
                "competency": rubric.name,
                "indicators": rubric.indicator_words(answer.language or "en"),
                "question": answer.question,
                "answer": answer.text,
            },
            ensure_ascii=False,
        )
        text = self._llm.complete(SYSTEM, user)
        try:
            return LLMVerdict.model_validate_json(text)
        except ValidationError as exc:
            raise LLMError(f"LLM output does not match the schema: {exc.error_count()} error(s)") from exc

    @staticmethod
    def _find(answer: Answer, quote: str, label: str) -> Evidence:
        at = answer.text.find(quote) if quote else -1
        if at < 0:
            raise LLMError("LLM quoted words that are not in the transcript")
        if len(quote) > MAX_QUOTE:
            raise LLMError(f"LLM quoted {len(quote)} characters; quotes are at most {MAX_QUOTE}")
        return Evidence(quote, at, at + len(quote), label)

    def _to_score(self, answer: Answer, v: LLMVerdict, base: AnswerScore) -> AnswerScore:
        evidence = tuple(self._find(answer, q.quote, q.label) for q in v.evidence)
        star: dict[str, StarFinding] = {}
        for part in STAR_PARTS:
            item = v.star.get(part)
            quotes = (self._find(answer, item.quote, part),) if item and item.quote else ()
            star[part] = StarFinding(bool(item and item.present), quotes)
        criteria = tuple(CriterionScore(c.name, c.score, tuple(c.reasons)) for c in v.criteria)
        return AnswerScore(
            score=v.score,
            score_exact=float(v.score),
            scale=base.scale,
            scale_score=base.scale_score if base.scale == "bei3" else v.score,
            criteria=criteria,
            star=star,
            evidence=evidence,
            reasons=tuple(v.reasons),
            confidence=base.confidence,
            language=base.language,
            kind=base.kind,
            competency=base.competency,
            scorer=self.name,
            follow_up_reasons=base.follow_up_reasons,
        )
