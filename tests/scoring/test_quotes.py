"""Evidence quotes: short, verbatim, the words that carry the evidence; STAR fixes from real transcripts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from scoring.analysis import analyse
from scoring.models import Answer
from scoring.numbers import specifics
from scoring.scorer import MAX_QUOTE, DefaultScorer

SCORER = DefaultScorer()
QUESTIONS = ["Tell me about a time you kept a customer.", "Why this job?", "请讲一次您留住客户的经历。"]
PIECES = [
    "yeah so um well",
    "thanks for having me",
    "I was the account manager, so it was my job to keep them",
    "last year our biggest client threatened to leave",
    "I called them every week and I rewrote the onboarding guide",
    "and then",
    "we we went- we decided",
    "in the end they renewed for two years and revenue grew by 30%",
    "like",
    "you know",
    "I did CS 101 in 2019",
    "去年我们最大的客户要走",
    "嗯那个",
    "我负责这个客户",
    "我每周给他们打电话",
    "最后他们续约了两年",
    ".",
    ",",
    "。",
    "word " * 60,
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=25),
    st.sampled_from(
        ["Tell me about a time you kept a customer.", "Why this job?", "请讲一次您留住客户的经历。"]
    ),
    st.sampled_from([" ", "", ", "]),
)
def test_every_quote_is_verbatim_in_the_answer_and_at_most_200_characters(
    pieces: list[str], question: str, glue: str
) -> None:
    text = glue.join(pieces)
    result = SCORER.score(Answer(question, text))
    quotes = list(result.evidence) + [e for f in result.star.values() for e in f.evidence]
    quotes += [e for c in result.criteria for e in c.evidence]
    for quote in quotes:
        assert len(quote.text) <= MAX_QUOTE
        assert quote.text and text[quote.start : quote.end] == quote.text


def test_opening_small_talk_and_fillers_are_not_quoted_as_the_situation() -> None:
    text = (
        "yeah so um well thanks for having me, um, so yeah, last year our biggest client threatened to leave "
        "so I called them every week and in the end they renewed for two years"
    )
    result = SCORER.score(Answer("Tell me about a time you kept a customer.", text, "en"))
    situation = result.star["situation"].evidence
    assert situation and all("thanks" not in q.text and not q.text.startswith("yeah") for q in situation)
    assert all(len(q.text) <= MAX_QUOTE for q in result.evidence)


def test_a_role_stated_as_a_job_is_the_task() -> None:
    a = analyse(
        Answer(
            "Tell me about a time you kept a customer.",
            "I was the account manager, so it was my job to keep them.",
            "en",
        )
    )
    assert a.with_part("task")
    zh = analyse(Answer("请讲一次您留住客户的经历。", "当时我负责这个客户，我的职责是留住他们。", "zh"))
    assert zh.with_part("task")


def test_numbers_count_as_detail_only_when_they_measure_something() -> None:
    assert specifics("I took CS 101 and MATH 2040 in 2019", "en") == []
    assert specifics("there were two reasons and three things I learned", "en") == []
    assert specifics("we cut response time from 40 to 5 minutes", "en")
    assert specifics("it was three weeks late and cost $2000", "en")
    assert specifics("churn fell by 12%", "en")
    assert specifics("我2019年修了CS101课程，有三个原因", "zh") == []
    assert specifics("延期了两周，投诉减少了百分之四十", "zh")
