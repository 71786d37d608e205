"""The regression set of spoken answers: its files are well-formed, and any sensible scorer handles all of it.

Correlations with the labels are figures, not pass/fail: `python -m bench.scoring_validity` prints them.
"""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from bench.scoring_validity import scorer_kind
from scoring.models import Answer, AnswerScore
from scoring.scorer import DefaultScorer

DATA = Path(__file__).resolve().parents[1] / "data" / "scoring" / "regression"
KINDS = {"self_intro", "motivation", "strengths_weaknesses", "behavioural", "situational", "technical"}
ANSWER_FIELDS = {
    "id",
    "interview",
    "language",
    "role",
    "question_kind",
    "competency",
    "question",
    "answer",
    "level",
}
INTERVIEW_FIELDS = {"interview", "language", "role", "overall", "structured", "split", "profile"}
PROFILES = {"weak", "average", "strong", "mixed"}


def _read(name: str) -> list[dict[str, Any]]:
    return [
        json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()
    ]


@pytest.fixture(scope="module")
def answers() -> list[dict[str, Any]]:
    return _read("answers.jsonl")


@pytest.fixture(scope="module")
def interviews() -> dict[str, dict[str, Any]]:
    rows = _read("interviews.jsonl")
    by_name = {i["interview"]: i for i in rows}
    assert len(by_name) == len(rows), "interview names repeat"
    return by_name


@pytest.fixture(scope="module")
def scored(answers: list[dict[str, Any]]) -> list[tuple[dict[str, Any], AnswerScore]]:
    scorer = DefaultScorer()
    out = []
    for item in answers:
        answer = Answer(
            item["question"],
            item["answer"],
            item["language"],
            item["competency"],
            scorer_kind(item["question_kind"]),  # type: ignore[arg-type]
        )
        out.append((item, scorer.score(answer)))
    return out


def test_answers_follow_the_schema(
    answers: list[dict[str, Any]], interviews: dict[str, dict[str, Any]]
) -> None:
    assert len({a["id"] for a in answers}) == len(answers), "answer ids repeat"
    for a in answers:
        assert set(a) == ANSWER_FIELDS, a["id"]
        assert a["question_kind"] in KINDS, a["id"]
        assert isinstance(a["level"], int) and 1 <= a["level"] <= 5, a["id"]
        assert a["answer"].strip() and a["question"].strip() and a["competency"].strip(), a["id"]
        interview = interviews[a["interview"]]
        assert (a["language"], a["role"]) == (interview["language"], interview["role"]), a["id"]


def test_interviews_follow_the_schema(
    answers: list[dict[str, Any]], interviews: dict[str, dict[str, Any]]
) -> None:
    per_interview = Counter(a["interview"] for a in answers)
    for name, i in interviews.items():
        assert set(i) == INTERVIEW_FIELDS, name
        assert i["split"] in ("tune", "heldout") and i["profile"] in PROFILES, name
        for rating in ("overall", "structured"):
            assert 1 <= i[rating] <= 5 and (2 * i[rating]).is_integer(), (name, rating)
        assert per_interview[name] == 5, f"{name} has {per_interview[name]} answers, not 5"


def test_the_set_is_large_and_covers_both_languages_and_every_kind(answers: list[dict[str, Any]]) -> None:
    assert len(answers) >= 200
    for language in ("en", "zh"):
        mine = [a for a in answers if a["language"] == language]
        assert len(mine) >= 100, language
        assert {a["question_kind"] for a in mine} == KINDS, language
        assert {a["level"] for a in mine} == {1, 2, 3, 4, 5}, language
        assert len({a["role"] for a in mine}) >= 8, language


def test_splits_are_balanced_by_language_and_skill(interviews: dict[str, dict[str, Any]]) -> None:
    for language in ("en", "zh"):
        mine = [i for i in interviews.values() if i["language"] == language]
        splits = Counter(i["split"] for i in mine)
        assert splits["tune"] == splits["heldout"], (language, splits)
        for profile in PROFILES:
            count = Counter(i["split"] for i in mine if i["profile"] == profile)
            assert count["tune"] >= 1 and count["heldout"] >= 1, (language, profile, count)
            assert abs(count["tune"] - count["heldout"]) <= 1, (language, profile, count)


def test_length_does_not_track_the_labels(answers: list[dict[str, Any]]) -> None:
    """Long weak and short strong answers are in the set, so word count alone cannot pass for a scorer."""
    for language in ("en", "zh"):
        mine = [a for a in answers if a["language"] == language]
        size = [len(a["answer"].split()) if language == "en" else len(a["answer"]) for a in mine]
        level = [a["level"] for a in mine]
        n, mx, my = len(mine), sum(size) / len(mine), sum(level) / len(mine)
        cov = sum((x - mx) * (y - my) for x, y in zip(size, level, strict=True)) / n
        sx = (sum((x - mx) ** 2 for x in size) / n) ** 0.5
        sy = (sum((y - my) ** 2 for y in level) / n) ** 0.5
        assert abs(cov / (sx * sy)) < 0.3, language
        unpunctuated = [a for a in mine if not any(ch in a["answer"] for ch in ".,!?;:。，！？；：、")]
        assert len(unpunctuated) >= len(mine) // 4, language


def test_every_answer_gets_a_score_in_its_language(scored: list[tuple[dict[str, Any], AnswerScore]]) -> None:
    for item, result in scored:
        assert 1 <= result.score <= 5, item["id"]
        assert result.language == item["language"], item["id"]
        assert result.criteria, item["id"]


def test_the_language_is_detected_when_not_given(answers: list[dict[str, Any]]) -> None:
    scorer = DefaultScorer()
    for item in answers[::7]:
        result = scorer.score(Answer(item["question"], item["answer"]))
        assert result.language == item["language"], item["id"]


def test_evidence_quotes_are_verbatim_from_the_answer(
    scored: list[tuple[dict[str, Any], AnswerScore]],
) -> None:
    for item, result in scored:
        text = item["answer"]
        for quote in [*result.evidence, *(e for c in result.criteria for e in c.evidence)]:
            assert quote.text and quote.text in text, (item["id"], quote.text)
            assert text[quote.start : quote.end] == quote.text, (item["id"], quote.start, quote.end)


def test_scoring_is_deterministic(scored: list[tuple[dict[str, Any], AnswerScore]]) -> None:
    scorer = DefaultScorer()
    for item, first in scored[::11]:
        again = scorer.score(
            Answer(
                item["question"],
                item["answer"],
                item["language"],
                item["competency"],
                scorer_kind(item["question_kind"]),  # type: ignore[arg-type]
            )
        )
        assert again.as_dict() == first.as_dict(), item["id"]


def test_the_files_are_what_the_authored_source_builds() -> None:
    """The .jsonl files are generated: a hand edit there would be lost at the next build."""
    spec = importlib.util.spec_from_file_location("regression_build", DATA / "source" / "build.py")
    assert spec and spec.loader
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    answers, interviews = build.build()
    assert build.lines(answers) == (DATA / "answers.jsonl").read_text(encoding="utf-8")
    assert build.lines(interviews) == (DATA / "interviews.jsonl").read_text(encoding="utf-8")
