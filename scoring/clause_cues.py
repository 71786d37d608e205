"""Where a cue sits inside one clause: before a purpose, a step marker, a method, a task, an unnamed doer.

Pure helpers over one clause's text, read by `analysis` when it labels the clause.
"""

from __future__ import annotations

import re

from scoring import lexicon as lx
from scoring.actors import hits
from scoring.numbers import measures_change

__all__ = ["before_purpose", "doer_unnamed", "ends_with", "last_in_line", "markers", "says_how", "task_at"]


def before_purpose(neutral: str, language: str) -> str:
    """The clause up to a purpose marker ("so that", "以便"), with the marker's trailing space kept."""
    cut = len(neutral)
    for marker in lx.PURPOSE[language]:
        at = neutral.find(marker if language == "zh" else f" {marker} ")
        if at > 0:
            cut = min(cut, at + (0 if language == "zh" else 1))
    return neutral[:cut]


def markers(haystack: str, cues: list[str], language: str) -> int:
    """How many cues occur, each stretch of text counted once ("首先" is one step, not "首先" and "先").

    In Chinese a sequence marker opens a phrase ("首先，…", "然后我会…") or follows its subject and modal
    ("我会先…", "我的做法是先…"); elsewhere it is usually part of another word (同时 in a misheard 同事), so
    only those count, once a phrase.
    """
    ordered = sorted(cues, key=len, reverse=True)
    if language == "zh":
        # One step a phrase: "然后我会先…" is one step, not 然后 and 先.
        marked = re.compile(
            r"^(?:那么?|嗯)?(?:[^，,]{0,6}?我会?|我就|会|就|是|[^，,]{0,4}是)?(?:"
            + "|".join(map(re.escape, ordered))
            + ")"
        )
        return sum(bool(marked.match(p)) for p in re.split(r"[，,。；;：:！？!?、\s]+", haystack))
    return len(re.findall(r"(?<!\S)(?:" + "|".join(re.escape(c) for c in ordered) + r")(?!\S)", haystack))


def says_how(text: str, cue: str, language: str) -> bool:
    """A "no longer" that opens a clause of its own after one that tells no outcome says how it was done.

    "时间直接从计划里导出来，不再手打", "…, no longer typing it by hand": the method, not an outcome
    ("投诉就不再来了", "complaints no longer came in", "投诉少了一半，不再天天有人骂了").
    """
    if cue not in lx.STOPPED_DOING[language]:
        return False
    lowered = text.lower()
    at = lowered.find(cue)
    before = lowered[: max(at, 0)]
    opening = re.split(r"[，,；;:：]", before)[-1]
    if at <= 0 or re.fullmatch(r"\s*(?:就|也|都|还|and|so|then)?\s*", opening) is None:
        return False
    outcome_cues = [c for c in lx.RESULT[language] if c not in lx.STOPPED_DOING[language]]
    return not hits(
        before if language == "zh" else f" {before} ", outcome_cues, language
    ) and not measures_change(before, language)


def task_at(text: str, language: str) -> int:
    """Where the clause first names a task (0 when it cannot be placed: the whole clause is the task)."""
    lowered = text.lower()
    found = [lowered.find(c) for c in lx.TASK[language] if c in lowered]
    if language == "zh":
        asked = re.search(lx.ZH_ASKED_ME, text)
        found += [asked.start()] if asked else []
    at = min((i for i in found if i >= 0), default=0)
    # Back to the start of the clause that names it: "…，区域经理还让我…" keeps "区域经理" out.
    return max(text.rfind(p, 0, at) for p in "，,；;") + 1 if at else 0


def doer_unnamed(text: str) -> bool:
    """A Mandarin clause opening on 把/将 or a causative (让/叫) with no subject: its doer is the last one."""
    return any(re.match(opening, text) for opening in (lx.ZH_DISPOSAL_OPENING, lx.ZH_CAUSATIVE_OPENING))


def last_in_line(text: str, cue: str) -> bool:
    """最后 as a place in an order ("留到最后", "排在最后", "最后一个"), not "in the end"."""
    placed = re.search(r"(?:[^\W就也还都所以但可那]\s*[到在]最后)|最后[一几]", text)
    return cue == "最后" and placed is not None


def ends_with(haystack: str, cue: str) -> bool:
    """The clause ends on the cue ("…and in the end."): a marker trailing off, not an outcome said."""
    tail = haystack.rstrip(" 。，,.!?！？")
    return tail.endswith(cue)
