"""How a plan item's module changes its turn: what is announced and shown, when time is up, no probing.

Pure functions of the planned question, so the agent's decision table stays in one readable place:

| kind         | announced             | page shows       | ends                            | probed |
|--------------|-----------------------|------------------|---------------------------------|--------|
| self_intro   | the time limit        | a countdown      | its end, or politely at limit   | no     |
| coding       | editor, tests, Done   | editor and tests | Done (or limit), then "explain" | yes    |
| read_aloud   | "read this aloud"     | the passage      | its end (or limit)              | no     |
| english_free | its question          | a countdown      | its end (or limit)              | no     |
"""

from __future__ import annotations

from typing import Any

from agent.modules import SPOKEN_ENGLISH, minutes_text, say
from agent.plan import PlannedQuestion


def announce(question: PlannedQuestion, language: str) -> str:
    """What the agent says to ask the item: its text, then what the module needs the candidate to know."""
    parts = [question.text]
    if question.kind == "coding":
        parts.append(say(language, "coding"))
    if question.limit_s is not None:
        parts.append(say(language, "limit", minutes=minutes_text(question.limit_s, language)))
    return " ".join(parts)


def module_view(question: PlannedQuestion) -> dict[str, Any] | None:
    """What the candidate's page shows for the item (None for a plain spoken question)."""
    if question.kind not in ("self_intro", "coding", *SPOKEN_ENGLISH) and question.limit_s is None:
        return None
    view: dict[str, Any] = {"kind": question.kind, "limit_s": question.limit_s}
    if question.coding is not None:
        view["coding"] = question.coding.as_dict()
        view["question_id"] = question.id  # the page names the task it runs code for
    if question.passage:
        view["passage"] = question.passage
    return view


def time_is_up(question: PlannedQuestion, coding_open: bool, since: float, now: float) -> bool:
    """Whether the item's limit has passed, counted from when the agent finished asking it.

    A coding task's limit is the time at the editor; once the candidate explains, the explanation
    runs like any answer.
    """
    if question.limit_s is None or (question.kind == "coding" and not coding_open):
        return False
    return now - since >= question.limit_s


def reported_apart(question: PlannedQuestion) -> bool:
    """Spoken-English items: assessed on their own, not scored against a competency."""
    return question.kind in SPOKEN_ENGLISH


def no_follow_ups(question: PlannedQuestion) -> bool:
    """A timed introduction and the English check are not probed."""
    return question.kind in ("self_intro", *SPOKEN_ENGLISH)
