"""Criteria read from the anchored scales (`bars.yaml`), and the optional communication criterion.

A cue criterion's evidence is the clauses that carry its cue words, say what one of its indicator
sentences says (when an encoder is configured), or show one of its listed features (a quantity, an
own action, an outcome, a plan step). Its level is the number of such clauses against the scale's
cuts, and its reason is the anchor of that level, so the score reads as the scale defines it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from scoring.analysis import Analysis, SentenceFacts
from scoring.bars import CriterionSpec
from scoring.models import CriterionScore, Evidence
from scoring.segments import MARKERS
from scoring.semantic import MAX_SEMANTIC_ONLY

Quote = Callable[[list[SentenceFacts], str], tuple[Evidence, ...]]
MAX_QUOTES = 3


def _band(value: float, cuts: tuple[float, float, float, float]) -> int:
    return 1 + sum(value >= c for c in cuts)


def _has_cue(f: SentenceFacts, cues: tuple[str, ...], language: str) -> bool:
    if language == "zh":
        return any(c in f.text for c in cues)
    haystack = f.neutral
    return any(f" {c.replace('-', ' ')} " in haystack for c in cues)


def _feature(f: SentenceFacts, also: tuple[str, ...]) -> bool:
    return (
        ("specifics" in also and bool(f.specifics))
        or ("self_action" in also and f.self_action)
        or ("result" in also and "result" in f.parts)
        or ("plan" in also and f.plan_steps > 0)
    )


def cue_criterion(spec: CriterionSpec, a: Analysis, quote: Quote, semantic: set[int]) -> CriterionScore:
    """Score one BARS criterion by the clauses that give evidence for it."""
    cues = spec.cues.get(a.language, ())
    lexical = {i for i, f in enumerate(a.facts) if _has_cue(f, cues, a.language) or _feature(f, spec.also)}
    # Meaning adds what the cue words missed, a little: never to a share (focus) criterion.
    extra = [] if spec.share else sorted(semantic - lexical)[:MAX_SEMANTIC_ONLY]
    facts = [f for i, f in enumerate(a.facts) if i in lexical or i in extra]
    # `against`: clauses that argue the opposite (a reason any employer would do: pay, commute) each
    # cancel one piece of evidence.
    against = [f for f in a.facts if _has_cue(f, spec.against.get(a.language, ()), a.language)]
    facts = [f for f in facts if f not in against][: max(len(facts) - len(against), 0)]
    # `share`: the part of the answer that is evidence (focus), rather than how much evidence there is.
    value = len(facts) / max(len(a.facts), 1) if spec.share else len(facts)
    score = _band(value, spec.cuts)
    return CriterionScore(
        spec.name, score, (spec.anchor(score, a.language),), quote(facts[:MAX_QUOTES], spec.name)
    )


def communication(spec: CriterionSpec, a: Analysis, quote: Quote) -> CriterionScore:
    """Organisation, clarity and concision of the fluent text: never fillers, voice or accent.

    Organisation: clauses linked by discourse or sequence markers. Clarity: clauses of a length a
    listener can hold (6-30 words, 8-50 characters in Chinese). Concision: few repeated content words.
    """
    if not a.facts:
        return CriterionScore(spec.name, 1, (spec.anchor(1, a.language),))
    markers = MARKERS[a.language]
    linked = sum(any(f.text.lower().startswith(m) for m in markers) or f.plan_steps > 0 for f in a.facts[1:])
    organisation = 0 if len(a.facts) < 2 else (2 if linked >= 2 else 1)
    lo, hi = (8, 50) if a.language == "zh" else (6, 30)
    sizes = [len(re.findall(r"\w", f.text)) if a.language == "zh" else len(f.text.split()) for f in a.facts]
    clarity = int(sum(lo <= s <= hi for s in sizes) >= 0.6 * len(sizes))
    words = [w for f in a.facts for w in (f.text if a.language == "zh" else f.neutral.split())]
    concision = int(len(words) < 40 or len(set(words)) / len(words) >= (0.25 if a.language == "zh" else 0.45))
    score = 1 + organisation + clarity + concision
    return CriterionScore(spec.name, score, (spec.anchor(score, a.language),))
