"""Clauses of spoken answers, with or without punctuation, English and Chinese.

Transcripts (by a recogniser or a person) often run on for a hundred words with no full stop. STAR
parts, evidence and quotes are per clause, so a run-on is split where speakers themselves join
clauses: before discourse markers ("so", "and then", "but", "because", 然后, 所以, 但是, 后来 ...),
then at commas, then, as a last resort, every few words. Punctuation that is there is honoured;
a sentence of ordinary length is kept whole.
"""

from __future__ import annotations

import re

# Discourse markers a new clause starts with, longest first within each language.
MARKERS = {
    "en": (
        "and after that",
        "and then",
        "after that",
        "and so",
        "so then",
        "because",
        "which meant",
        "but then",
        "but",
        "so",
        "then",
        "afterwards",
        "eventually",
        "in the end",
        "as a result",
        "however",
        "anyway",
        "also",
        "and i",
        "and we",
        "when i",
        "when we",
    ),
    "zh": (
        "然后",
        "所以",
        "但是",
        "可是",
        "不过",
        "后来",
        "最后",
        "最终",
        "结果",
        "因为",
        "接着",
        "于是",
        "之后",
        "首先",
        "其次",
        "另外",
        "同时",
        "而且",
        "当时",
    ),
}
# (ordinary sentence: kept whole up to this, minimum clause) in words (en) or characters (zh).
SOFT_CAP = {"en": 22, "zh": 36}
HARD_CAP = {"en": 35, "zh": 60}
MIN_CLAUSE = {"en": 4, "zh": 6}
# A decimal point ("1.8 minutes", "2.5 million") ends no sentence.
_SENTENCE = re.compile(r"(?:[^.!?。！？；;\n]|(?<=\d)\.(?=\d))+[.!?。！？；;\n]*")


def _size(text: str, language: str) -> int:
    if language == "zh":
        return len(re.findall(r"\w", text))
    return len(text.split())


def _cut_points(text: str, language: str) -> tuple[list[int], list[int]]:
    """Offsets where a clause may start: before a discourse marker, and after a comma."""
    if language == "zh":
        alternatives = "|".join(MARKERS["zh"])
        markers = [m.start() for m in re.finditer(rf"(?<=[，,、\s\u4e00-\u9fff])(?:{alternatives})", text)]
        commas = [m.end() for m in re.finditer(r"[，,、]\s*", text)]
    else:
        alternatives = "|".join(re.escape(m) for m in MARKERS["en"])
        markers = [
            m.start(1)
            for m in re.finditer(rf"(?:^|[\s,])((?:and\s+)?(?:{alternatives}))(?=[\s,])", text, re.IGNORECASE)
        ]
        commas = [m.end() for m in re.finditer(r",\s*", text)]
    return sorted(set(markers) - {0}), sorted(set(commas) - {0, len(text)})


def _split(text: str, points: list[int], language: str) -> list[int]:
    """Greedy: cut at each point that leaves a clause of at least the minimum on both sides."""
    cuts: list[int] = []
    last = 0
    for p in points:
        if (
            _size(text[last:p], language) >= MIN_CLAUSE[language]
            and _size(text[p:], language) >= MIN_CLAUSE[language]
        ):
            cuts.append(p)
            last = p
    return cuts


def _window(text: str, language: str) -> list[int]:
    """Every HARD_CAP/2 words (or characters): for a run-on with no marker or comma at all."""
    step = HARD_CAP[language] // 2
    if language == "zh":
        chars = [m.start() for m in re.finditer(r"\w", text)]
        return chars[step::step][:-1] if len(chars) > HARD_CAP[language] else []
    starts = [m.start() for m in re.finditer(r"\S+", text)]
    return starts[step::step] if len(starts) > HARD_CAP[language] else []


def _clauses(text: str, language: str) -> list[int]:
    if _size(text, language) <= SOFT_CAP[language]:
        return []
    markers, commas = _cut_points(text, language)
    cuts = _split(text, markers, language)
    bounds = [0, *cuts, len(text)]
    out: list[int] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        out.append(a)
        piece = text[a:b]
        if _size(piece, language) > HARD_CAP[language]:
            inner = _split(piece, [c - a for c in commas if a < c < b], language)
            if not inner:
                inner = _window(piece, language)
            out += [a + c for c in inner]
    return [c for c in out if c]


def clauses(text: str, language: str) -> list[tuple[int, int]]:
    """`(start, end)` of each clause of `text`, stripped of surrounding space, in order."""
    spans: list[tuple[int, int]] = []
    for match in _SENTENCE.finditer(text):
        sentence = match.group(0)
        bounds = [0, *_clauses(sentence, language), len(sentence)]
        for a, b in zip(bounds, bounds[1:], strict=False):
            piece = sentence[a:b]
            if not re.search(r"\w", piece):
                continue
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece.rstrip(" ,，、"))
            spans.append((match.start() + a + lead, match.start() + a + trail))
    return spans
