"""Builds answers.jsonl and interviews.jsonl (one folder up) from the authored batches b_*.py.

Run: python tests/data/scoring/regression/source/build.py   (tests check the .jsonl files match)
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE.parent
# Transcript without punctuation: drop sentence marks, but keep decimal points and thousands separators.
_EN_MARKS = re.compile(r"[.,!?;:](?!\d)|(?<!\d)[.,!?;:]")
_ZH_MARKS = re.compile(r"[。，！？；：、…,.!?;:]")


def _clean(text: str, language: str) -> str:
    return " ".join(text.split()) if language == "en" else text.strip()


def build() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(answers, interviews) as the .jsonl files hold them."""
    answers: list[dict[str, Any]] = []
    interviews: list[dict[str, Any]] = []
    replace: dict[str, str] = {}
    unpunctuated: set[str] = set()
    for f in sorted(HERE.glob("b_*.py")):
        spec = importlib.util.spec_from_file_location(f.stem, f)
        assert spec and spec.loader
        m = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(m)
        replace.update(getattr(m, "REPLACE", {}))
        unpunctuated |= getattr(m, "UNPUNCTUATED", set())
        for name, lang, role, profile, overall, structured, split, items in m.INTERVIEWS:
            assert len(items) == 5, name
            interviews.append(
                {"interview": name, "language": lang, "role": role, "overall": overall,
                 "structured": structured, "split": split, "profile": profile}
            )
            for k, (kind, comp, q, a, level) in enumerate(items, 1):
                answers.append(
                    {"id": f"{name}-{k}", "interview": name, "language": lang, "role": role,
                     "question_kind": kind, "competency": comp, "question": q, "answer": a, "level": level}
                )
    for a in answers:
        text = _clean(replace.pop(a["id"], a["answer"]), a["language"])
        if a["id"] in unpunctuated:
            unpunctuated.discard(a["id"])
            text = " ".join(_EN_MARKS.sub(" ", text).split()) if a["language"] == "en" else _ZH_MARKS.sub("", text)
        a["answer"] = text
    assert not replace and not unpunctuated, (replace.keys(), unpunctuated)
    return answers, interviews


def lines(rows: list[dict[str, Any]]) -> str:
    """JSON lines, Chinese kept readable."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


if __name__ == "__main__":
    answers, interviews = build()
    (OUT / "answers.jsonl").write_text(lines(answers), encoding="utf-8")
    (OUT / "interviews.jsonl").write_text(lines(interviews), encoding="utf-8")
    print(len(interviews), "interviews", len(answers), "answers")
