"""A feedback letter to the candidate, drafted from the evidence of their answers.

It quotes what the candidate said well and names what to develop, in plain words; it never discloses
scores or the decision (HR edits and approves every letter before it is sent). Pure: it takes the
answers' findings and returns text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

STRONG = 3.5
MAX_QUOTE_CHARS = 120

TEXT = {
    "en": {
        "greeting": "Dear {name},",
        "thanks": "Thank you for taking the time to interview for the {job} role. Here is some feedback on "
        "your answers, drawn from what you told us.",
        "strengths": "What came across well:",
        "strength": "- {competency}: you gave a concrete example, for instance: \u201c{quote}\u201d",
        "develop": "What you could develop:",
        "missing_result": "- {competency}: say how the story ended and how you knew it had worked.",
        "no_personal_action": "- {competency}: make your own part clear: what did you yourself do?",
        "hypothetical_not_past": "- {competency}: describe a situation you really faced, not a plan.",
        "too_short": "- {competency}: take a little more time: a specific situation helps the listener.",
        "no_specifics": "- {competency}: add specifics such as numbers, tools or outcomes.",
        "closing": "We wish you every success.",
        "signature": "The {job} hiring team",
    },
    "zh": {
        "greeting": "{name}，您好：",
        "thanks": "感谢您参加{job}职位的面试。以下是根据您的回答整理的一些反馈。",
        "strengths": "表现较好的方面：",
        "strength": "- {competency}：您给出了具体的例子，例如：\u201c{quote}\u201d",
        "develop": "可以加强的方面：",
        "missing_result": "- {competency}：讲清楚事情最后的结果，以及您是怎么知道效果的。",
        "no_personal_action": "- {competency}：讲清楚您本人具体做了什么。",
        "hypothetical_not_past": "- {competency}：讲一次您实际遇到的经历，而不是假设会怎么做。",
        "too_short": "- {competency}：可以多讲一些，一个具体的情境会更有说服力。",
        "no_specifics": "- {competency}：补充具体的数据、工具或结果。",
        "closing": "祝您一切顺利。",
        "signature": "{job}招聘团队",
    },
}


@dataclass(frozen=True)
class AnswerFinding:
    """What one answer showed: its competency, score, best quote and what was missing."""

    competency: str
    score: float
    quotes: tuple[str, ...]
    missing: tuple[str, ...]


def _short(quote: str) -> str:
    quote = quote.strip()
    return quote if len(quote) <= MAX_QUOTE_CHARS else quote[: MAX_QUOTE_CHARS - 1].rstrip() + "\u2026"


def draft_letter(candidate: str, job: str, language: str, findings: Sequence[AnswerFinding]) -> str:
    """The draft letter in the interview's language (English when unknown)."""
    words = TEXT.get(language, TEXT["en"])
    lines = [words["greeting"].format(name=candidate), "", words["thanks"].format(job=job)]
    strengths = [f for f in findings if f.score >= STRONG and f.quotes]
    if strengths:
        lines += ["", words["strengths"]]
        lines += [
            words["strength"].format(competency=f.competency, quote=_short(f.quotes[0])) for f in strengths
        ]
    develop = [
        words[code].format(competency=f.competency)
        for f in findings
        for code in f.missing[:1]  # the most important gap of each answer
        if code in words
    ]
    if develop:
        lines += ["", words["develop"], *develop]
    lines += ["", words["closing"], "", words["signature"].format(job=job)]
    return "\n".join(lines)
