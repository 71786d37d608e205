"""Spoken text made fluent for analysis: fillers, repeats, restarts and small-talk openers removed.

People answer in speech, not prose: "yeah so um well I I was- I was the lead". Cue words and clause
boundaries are read from the fluent text; quotes must still come from what the candidate said, so
every character of the fluent text remains mapped to its place in the original (`Cleaned.span`).
Nothing removed here is ever counted against the candidate: fillers say how people talk, not what
they can do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scoring.disfluency_cues import (
    EN_FILLERS,
    EN_LIKE_AFTER,
    EN_OPENERS,
    EN_PAUSE_FILLERS,
    EN_PHRASE_AFTER,
    EN_PHRASE_FILLERS,
    EN_PHRASE_KEEP_BEFORE,
    EN_REPEAT_OK,
    ZH_FILLER_CHARS,
    ZH_OPENERS,
    ZH_REPEAT_CHARS,
    ZH_REPEAT_WORDS,
)

_EN_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*(?:-(?=\s|$))?|\d+(?:[.,]\d+)*%?|--|[^\sA-Za-z\d]")
_PUNCT = set(",，、;；:：")
_CJK = r"\u4e00-\u9fff"


@dataclass(frozen=True)
class Cleaned:
    """The fluent text and, for each of its characters, where it was in the original."""

    original: str
    text: str
    origin: tuple[int, ...]
    removed: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the fluent text's `[start, end)`: a verbatim stretch of the original."""
        if end <= start or not self.origin:
            at = self.origin[start] if start < len(self.origin) else len(self.original)
            return at, at
        return self.origin[start], self.origin[end - 1] + 1


def _build(original: str, drop: list[bool]) -> Cleaned:
    """Keep undropped characters, collapsing the spaces and commas that removals leave behind."""
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(original):
        if drop[i]:
            continue
        if ch.isspace():
            if not chars or chars[-1] == " ":
                continue
            ch = " "
        elif ch in ".!?。！？" and not chars:
            continue  # the end of a removed opener ("That's a good question.")
        elif ch in _PUNCT:
            last = chars[-1] if chars and chars[-1] != " " else (chars[-2] if len(chars) > 1 else "")
            if not last or last in _PUNCT or last in ".!?。！？":
                continue
            if chars and chars[-1] == " ":
                chars.pop()
                origin.pop()
        chars.append(ch)
        origin.append(i)
    while chars and chars[-1] == " ":
        chars.pop()
        origin.pop()
    return Cleaned(original, "".join(chars), tuple(origin), sum(drop))


def _en_drops(text: str) -> list[bool]:
    drop = [False] * len(text)
    toks = [(m.start(), m.end(), m.group(0).lower()) for m in _EN_WORD.finditer(text)]
    words = [i for i, t in enumerate(toks) if t[2][0].isalnum()]
    gone: set[int] = set()

    def word(k: int) -> str:
        return toks[words[k]][2].rstrip("-") if 0 <= k < len(words) else ""

    def comma_next(k: int) -> bool:
        j = words[k] + 1
        return j < len(toks) and toks[j][2] in {",", "，"}

    def comma_before(k: int) -> bool:
        j = words[k] - 1
        return j >= 0 and toks[j][2] in {",", "，", ".", "?", "!"} or k == 0

    # Small-talk openers: "yeah so um well okay" before the answer proper.
    k = 0
    while k < len(words):
        matched = next(
            (o for o in EN_OPENERS if [word(k + j) for j in range(len(o.split()))] == o.split()), None
        )
        if matched is None:
            break
        for _ in matched.split():
            gone.add(k)
            k += 1
    for k in range(len(words)):
        w = word(k)
        like = w == "like" and (comma_next(k) or comma_before(k) or word(k - 1) in EN_LIKE_AFTER)
        pause = w in EN_PAUSE_FILLERS and (
            comma_next(k) or k == len(words) - 1 or (w == "yeah" and word(k - 1) == "so")
        )
        if w in EN_FILLERS or like or pause:
            gone.add(k)
        for phrase in EN_PHRASE_FILLERS:
            parts = phrase.split()
            if [word(k + j) for j in range(len(parts))] == parts:
                after = word(k + len(parts))
                opening = comma_before(k) or word(k - 1) in EN_PHRASE_AFTER
                if comma_next(k + len(parts) - 1) or (opening and after not in EN_PHRASE_KEEP_BEFORE):
                    gone.update(range(k, k + len(parts)))
        # Restarts: "we went- we decided", "we went -- we decided", "deci- decided": the cut-off run goes.
        j = words[k] + 1
        dashed = j < len(toks) and toks[j][2] in {"-", "--", "—", "–"}
        if (toks[words[k]][2].endswith("-") or dashed) and k + 1 < len(words):
            nxt = word(k + 1)
            back = next((j for j in range(k, max(k - 5, -1), -1) if word(j) == nxt), None)
            if back is not None or not dashed:
                gone.update(range(back if back is not None else k, k + 1))
                if dashed:
                    drop[toks[j][0] : toks[j][1]] = [True] * (toks[j][1] - toks[j][0])
    # Immediate repeats, once the above are gone: "I I", "we went we went" (the first copy goes).
    rest = [k for k in range(len(words)) if k not in gone]
    for size in (3, 2, 1):
        i = 0
        while i + 2 * size <= len(rest):
            first = [word(rest[i + j]) for j in range(size)]
            if first == [word(rest[i + size + j]) for j in range(size)] and not (
                size == 1 and first[0] in EN_REPEAT_OK
            ):
                gone.update(rest[i : i + size])
                del rest[i : i + size]
            else:
                i += 1
    for k in gone:
        start, end, _ = toks[words[k]]
        j = words[k] + 1
        if j < len(toks) and toks[j][2] in {",", "，"}:
            end = toks[j][1]  # "um, we" -> "we"
        for i in range(start, end):
            drop[i] = True
    return drop


def _zh_drops(text: str) -> list[bool]:
    drop = [False] * len(text)

    def mark(start: int, end: int) -> None:
        for i in range(start, end):
            drop[i] = True

    opener = re.match(rf"(?:(?:{'|'.join(ZH_OPENERS)})[，,。、\s]*)+", text)
    if opener:
        mark(0, opener.end())
    boundary = rf"(?:^|(?<=[，,。；;！？!?、\s{ZH_FILLER_CHARS}]))"
    for m in re.finditer(rf"[{ZH_FILLER_CHARS}]+[，,、]?", text):
        mark(m.start(), m.end())
    # 那个 / 就是 as fillers: at a clause opening, before a pause, or before another filler.
    for m in re.finditer(
        rf"{boundary}(?:那个|这个|就是说|就是)(?=[，,、\s{ZH_FILLER_CHARS}]|那个|就是|我|你|他|她)", text
    ):
        mark(m.start(), m.end())
    for m in re.finditer(r"(?:那个|就是)(?:[，,、]\s*|(?=\s|那个|就是))", text):
        mark(m.start(), m.end())
    # Repeats of function words and of whole short words: "我我", "然后然后", "我们我们".
    for m in re.finditer(rf"([{_CJK}]{{2,3}})[，,、\s]*(?=\1)", text):
        if m.group(1) in ZH_REPEAT_WORDS:
            mark(m.start(), m.end())
    for m in re.finditer(rf"([{ZH_REPEAT_CHARS}])[，,、\s]*(?=\1)", text):
        mark(m.start(), m.end())
    # A restart marked with a dash: "我们去- 我们决定".
    for m in re.finditer(rf"[{_CJK}]{{1,6}}[-—]+\s*", text):
        mark(m.start(), m.end())
    return drop


def clean(text: str, language: str) -> Cleaned:
    """The fluent version of a spoken answer, mapped back character by character."""
    drop = _zh_drops(text) if language == "zh" else _en_drops(text)
    return _build(text, drop)
