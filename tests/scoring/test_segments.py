"""Clauses of answers with and without punctuation, in English and Chinese."""

from __future__ import annotations

from scoring.segments import HARD_CAP, clauses

EN_RUN_ON = (
    "so I joined the company in twenty nineteen as a junior analyst and the team was really small and then "
    "we got this big client who wanted everything in two weeks so I sat down with my manager and we made a "
    "plan but the client kept changing the requirements because they did not know what they wanted and in "
    "the end we delivered on time and they signed for another year"
)
ZH_RUN_ON = (
    "我是去年加入公司的当时团队很小然后我们接了一个大客户他们要求两周内交付所以我和经理一起做了计划"
    "但是客户一直改需求最后我们按时交付客户续约了一年"
)


def _texts(text: str, language: str) -> list[str]:
    return [text[a:b] for a, b in clauses(text, language)]


def test_an_unpunctuated_english_run_on_splits_before_discourse_markers() -> None:
    parts = _texts(EN_RUN_ON, "en")
    assert len(parts) >= 5
    assert any(p.startswith("so I sat down") for p in parts)
    assert any(p.startswith("but the client") for p in parts)
    assert parts[-1].endswith("signed for another year")
    assert any(p.startswith("and in the end") for p in parts)


def test_an_unpunctuated_chinese_run_on_splits_before_discourse_markers() -> None:
    parts = _texts(ZH_RUN_ON, "zh")
    assert len(parts) >= 4
    assert any(p.startswith("所以我和经理") for p in parts)
    assert any(p.startswith("最后我们按时交付") for p in parts)


def test_punctuated_sentences_of_ordinary_length_are_kept_whole() -> None:
    text = (
        "Last year our launch was two weeks late. As the lead I had to recover the schedule, so I split it."
    )
    assert _texts(text, "en") == [
        "Last year our launch was two weeks late.",
        "As the lead I had to recover the schedule, so I split it.",
    ]
    assert _texts("去年项目延期了。我负责追回进度，所以我拆分了任务。", "zh") == [
        "去年项目延期了。",
        "我负责追回进度，所以我拆分了任务。",
    ]


def test_a_run_on_without_any_marker_is_still_cut_to_a_bounded_length() -> None:
    text = " ".join(f"word{i}" for i in range(120))
    parts = _texts(text, "en")
    assert len(parts) > 1 and all(len(p.split()) <= HARD_CAP["en"] for p in parts)
    zh = "我们" * 100
    assert all(len(p) <= HARD_CAP["zh"] for p in _texts(zh, "zh"))


def test_clause_offsets_point_into_the_text() -> None:
    for text, language in ((EN_RUN_ON, "en"), (ZH_RUN_ON, "zh")):
        spans = clauses(text, language)
        assert spans == sorted(spans)
        for a, b in spans:
            assert 0 <= a < b <= len(text) and text[a:b].strip() == text[a:b]
