"""Interview modules beyond the spoken question: self-introduction, coding task, spoken-English check.

The spoken-English check is a read-aloud passage and a short free answer.

A module is a plan item with a `kind` and what that kind needs (a time limit, a coding task, a passage).
This file is the one registry of module kinds: what the scorer calls each, and the built-in texts.
Read-aloud intelligibility is how much of the passage the recogniser heard, word by word (never accent:
the recogniser either heard the word or did not).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

MODULE_KINDS = ("self_intro", "coding", "read_aloud", "english_free")
SPOKEN_ENGLISH = ("read_aloud", "english_free")
"""Reported apart from the competency scores, and asked only where the job turns the check on."""

SCORING_KINDS: Mapping[str, str] = {
    # "self_intro" is a scorer kind of its own (its anchors are in scoring/bars.yaml)
    "coding": "technical",  # the explanation of the approach
    "english_free": "general",
}


def scoring_kind(kind: str | None) -> str | None:
    """The question kind the scorer is given for a plan item's kind (the one place modules map)."""
    if kind is None:
        return None
    return SCORING_KINDS.get(kind, kind)


@dataclass(frozen=True)
class CodeTest:
    """A given test: Python that raises (an `assert`) when the candidate's code is wrong."""

    name: str
    code: str

    def __post_init__(self) -> None:
        if not self.name.strip() or not self.code.strip():
            raise ValueError("a test needs a name and code")


@dataclass(frozen=True)
class CodingTask:
    """What the candidate's editor starts with, and the tests their code runs against."""

    tests: tuple[CodeTest, ...]
    starter: str = ""
    language: str = "python"

    def __post_init__(self) -> None:
        if not self.tests:
            raise ValueError("a coding task needs at least one test")
        if self.language != "python":
            raise ValueError("coding tasks run Python only")

    def as_dict(self) -> dict[str, Any]:
        """The page's view of the task (tests are shown: the candidate codes against them)."""
        return {
            "language": self.language,
            "starter": self.starter,
            "tests": [{"name": t.name, "code": t.code} for t in self.tests],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CodingTask:
        """From its stored form (`as_dict`)."""
        tests = tuple(CodeTest(str(t["name"]), str(t["code"])) for t in data.get("tests", []))
        return cls(tests, str(data.get("starter", "")), str(data.get("language", "python")))


LINES: dict[str, dict[str, str]] = {
    "en": {
        "limit": "You have {minutes} for this; I will let you know when the time is up.",
        "time_up": "Thank you, that is the time for this part. Let's move on.",
        "coding_time_up": "Thank you, that is the time for the coding task.",
        "coding": "Write your code in the editor and run it against the tests; press Done when finished.",
        "explain_code": "Thank you. Please walk me through your approach: how does your code work, and why?",
        "read_aloud": "Please read this passage aloud at your own pace.",
        "english_free": "In a few sentences, tell me about something you enjoy doing outside work.",
        "passage": (
            "Our team meets every Monday morning to plan the week. We share what went well, "
            "what needs attention, and who will help with each task."
        ),
    },
    "zh": {
        "limit": "这部分您有{minutes}；时间到了我会提醒您。",
        "time_up": "谢谢，这部分的时间到了，我们继续下一部分。",
        "coding_time_up": "谢谢，编程题的时间到了。",
        "coding": "请在编辑器里写代码并运行测试，完成后点击“完成”。",
        "explain_code": "谢谢。请讲一下您的思路：您的代码是怎么工作的，为什么这样写？",
        "read_aloud": "请按自己的节奏用英语朗读下面这段话。",
        "english_free": "请用英语说几句话，介绍一件您在工作之外喜欢做的事情。",
    },
}
LINES["zh"]["passage"] = LINES["en"]["passage"]  # an English check: the passage is English


def say(language: str, key: str, **values: Any) -> str:
    """A module line in the language (English where there is none)."""
    text = LINES.get(language, LINES["en"]).get(key) or LINES["en"][key]
    return text.format(**values) if values else text


def minutes_text(limit_s: float, language: str) -> str:
    """'2 minutes' / '2分钟' for the announcement."""
    minutes = limit_s / 60
    amount = f"{minutes:g}" if minutes >= 1 else f"{limit_s:g}"
    if language == "zh":
        return f"{amount}分钟" if minutes >= 1 else f"{amount}秒"
    unit = ("minute" if minutes == 1 else "minutes") if minutes >= 1 else "seconds"
    return f"{amount} {unit}"


_WORD = re.compile(r"[a-z0-9']+")


def words(text: str) -> list[str]:
    """Lower-case words without punctuation (what read-aloud accuracy compares)."""
    return _WORD.findall(text.lower().replace("’", "'"))


def read_aloud_accuracy(passage: str, heard: str) -> dict[str, Any]:
    """Intelligibility of a read-aloud: the share of the passage's words the recogniser heard, in order.

    Words matched in order by a longest-matching-blocks alignment; extra words the candidate added do
    not lower it (hesitations, repeats), missing or misheard words do.
    """
    expected = words(passage)
    got = words(heard)
    if not expected:
        raise ValueError("a read-aloud passage needs words")
    matched = sum(b.size for b in SequenceMatcher(None, expected, got, autojunk=False).get_matching_blocks())
    return {
        "intelligibility": round(matched / len(expected), 3),
        "words_expected": len(expected),
        "words_matched": matched,
        "words_heard": len(got),
    }
