"""Feedback letters drafted from evidence: the candidate's own words for strengths, the most important
gap per answer to develop, in the interview's language, never a score."""

from __future__ import annotations

from scoring.feedback import AnswerFinding, draft_letter

FINDINGS = [
    AnswerFinding("leadership", 4.6, ("I split the remaining work into daily goals.",), ()),
    AnswerFinding("teamwork", 2.1, ("We met.",), ("missing_result", "no_specifics")),
]


def test_strengths_quote_the_candidate_and_gaps_name_what_to_develop() -> None:
    letter = draft_letter("Ana Silva", "Backend Engineer", "en", FINDINGS)
    assert letter.startswith("Dear Ana Silva,") and "Backend Engineer" in letter
    assert "\u201cI split the remaining work into daily goals.\u201d" in letter
    assert "teamwork: say how the story ended" in letter
    assert "specifics" not in letter, "one gap per answer keeps the letter short"
    assert "4.6" not in letter and "2.1" not in letter and "score" not in letter.lower()


def test_chinese_letters_are_written_in_chinese() -> None:
    letter = draft_letter("王芳", "产品经理", "zh", FINDINGS)
    assert letter.startswith("王芳，您好：") and "产品经理" in letter
    assert "讲清楚事情最后的结果" in letter and "Dear" not in letter


def test_a_letter_without_findings_still_thanks_the_candidate() -> None:
    letter = draft_letter("Sam", "Analyst", "en", [])
    assert "Thank you" in letter and "What you could develop" not in letter
