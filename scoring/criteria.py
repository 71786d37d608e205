"""Criterion scores (1-5) from an analysis, each with plain-language reasons and its evidence."""

from __future__ import annotations

from collections.abc import Callable

from scoring.analysis import Analysis, SentenceFacts
from scoring.models import CriterionScore, Evidence

Quote = Callable[[list[SentenceFacts], str], tuple[Evidence, ...]]


def _band(value: float, cuts: tuple[float, float, float, float]) -> int:
    """1..5 by thresholds for 2, 3, 4 and 5."""
    return 1 + sum(value >= c for c in cuts)


def star_structure(a: Analysis, quote: Quote) -> CriterionScore:
    """How complete the story is: situation, task, action, result."""
    present = {p: bool(a.with_part(p)) for p in ("situation", "task", "action", "result")}
    if not present["action"] and a.team_actions:
        present["action"] = True  # partly: someone acted, the candidate's part is unclear
    count = sum(present.values())
    score = {4: 5, 3: 4, 2: 3, 1: 2, 0: 1}[count]
    reasons = []
    if not present["result"]:
        score = min(score, 3)
        reasons.append("the story has no result")
    missing = [p for p, ok in present.items() if not ok and p != "result"]
    if missing:
        reasons.append(f"missing from the story: {', '.join(missing)}")
    if count == 4:
        reasons.append("complete story: situation, task, action and result")
    facts = [f for f in a.facts if f.parts]
    return CriterionScore("star_structure", score, tuple(reasons), quote(facts, "star"))


def personal_action(a: Analysis, quote: Quote) -> CriterionScore:
    """The candidate's own actions, as opposed to the team's or hypothetical ones."""
    own, team = a.self_actions, a.team_actions
    score = 5 if len(own) >= 2 else 4 if own else 2 if team else 1
    reasons = []
    if a.hypothetical_share >= 0.5:
        score = min(score, 2)
        reasons.append("describes what the candidate would do, not what they did")
    if not own and team:
        reasons.append("actions are described as 'we' only: the candidate's own part is unclear")
    elif not own:
        reasons.append("no action by the candidate is described")
    else:
        reasons.append(f"{len(own)} action(s) taken by the candidate personally")
    return CriterionScore("personal_action", score, tuple(reasons), quote(own or team, "action"))


def result(a: Analysis, quote: Quote) -> CriterionScore:
    """The outcome, and whether it is measurable."""
    facts = a.with_part("result")
    measured = [f for f in facts if f.specifics]
    score = 5 if measured else 3 if facts else 1
    reason = (
        "measurable result stated"
        if measured
        else "result stated without a measure"
        if facts
        else "no result mentioned"
    )
    return CriterionScore("result", score, (reason,), quote(facts, "result"))


def specificity(a: Analysis, quote: Quote) -> CriterionScore:
    """Numbers, quantities and concrete details rather than generalities."""
    n = len(a.specifics)
    score = _band(n, (0.5, 1, 2, 3)) if n else (1 if a.vague_hits else 2)
    reasons = (
        [f"concrete details: {', '.join(a.specifics[:5])}"] if n else ["no numbers or concrete outcomes"]
    )
    if a.vague_hits and n < 2:
        reasons.append(f"vague wording: {', '.join(a.vague_hits[:3])}")
    facts = [f for f in a.facts if f.specifics]
    return CriterionScore("specificity", score, tuple(reasons), quote(facts, "specific"))


def relevance(a: Analysis, quote: Quote) -> CriterionScore:
    """Overlap with the question and the competency's indicators."""
    n = len(a.relevance_hits)
    score = _band(n, (0, 1, 2, 3)) if n else 2
    reason = (
        f"on topic: {', '.join(a.relevance_hits[:5])}"
        if n
        else "little overlap with the question or the competency's indicators"
    )
    return CriterionScore("relevance", score, (reason,))


def plan_quality(a: Analysis, quote: Quote) -> CriterionScore:
    """For situational questions: a plan with steps and contingencies."""
    steps = a.plan_steps
    score = _band(steps, (1, 2, 3, 4))
    reason = f"{steps} planning step(s) or contingencies" if steps else "no concrete plan described"
    facts = [f for f in a.facts if f.plan_steps]
    return CriterionScore("plan_quality", score, (reason,), quote(facts, "plan"))


def elaboration(a: Analysis, quote: Quote) -> CriterionScore:
    """Enough said to judge: length in words (Chinese characters / 1.6)."""
    words = a.length / 1.6 if a.language == "zh" else a.length
    score = _band(words, (15, 25, 40, 60))
    reason = "too short to show the competency" if score <= 2 else "developed answer"
    return CriterionScore("elaboration", score, (reason,))


def focus(a: Analysis, quote: Quote) -> CriterionScore:
    """The share of the answer that tells the story: tangents and generalities are not evidence.

    A clause counts when it states the task, an action (the candidate's or the team's), an outcome or a
    quantity; scene-setting counts only once.
    """
    if not a.facts:
        return CriterionScore("focus", 1, ("nothing said",))
    useful = [
        f
        for f in a.facts
        if f.parts & {"task", "action", "result"} or f.self_action or f.team_action or f.specifics
    ]
    share = (len(useful) + bool(a.with_part("situation"))) / len(a.facts)
    score = _band(share, (0.3, 0.45, 0.6, 0.75))
    reason = "keeps to the example" if score >= 4 else "much of the answer is not about the example"
    return CriterionScore("focus", score, (reason,))


CRITERIA = {
    "focus": focus,
    "star_structure": star_structure,
    "personal_action": personal_action,
    "result": result,
    "specificity": specificity,
    "relevance": relevance,
    "plan_quality": plan_quality,
    "elaboration": elaboration,
}
