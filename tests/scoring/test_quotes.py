"""Evidence quotes: short, verbatim, the words that carry the evidence; STAR fixes from real transcripts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from scoring.analysis import analyse
from scoring.models import Answer
from scoring.numbers import measures_change, measures_time, specifics
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
    # A count out of a group is a detail; one of them, or a count of reasons, is not.
    assert specifics("two of the students ended up doing the breakfast show", "en") == ["two of the students"]
    assert specifics("12 of our 40 stores closed early", "en")
    assert specifics("three of them stayed late", "en") == ["three of them"]
    assert specifics("two of the reasons were obvious", "en") == []


def test_a_quantity_of_change_is_an_outcome_and_a_count_is_not() -> None:
    assert measures_change("crash reports stop at 50% within 2 weeks", "en")  # "dropped" misheard
    assert measures_change("we saved the client $20,000", "en")
    assert measures_change("工单从三百多个降到了五十个", "zh")
    assert not measures_change("and trained the other three colleagues", "en")
    assert not measures_change("我写了一份检查清单，并培训了另外三位同事", "zh")
    assert not measures_change("我重新排了备菜顺序，下午3点就开始熬，不等到5点", "zh")  # times of day
    assert measures_change("每天的投诉从12个降到3个", "zh")
    assert measures_change("到三月每个月只丢两个了，以前是二十个", "zh")  # against how it was
    assert not measures_change("我以前是带五个人的组长", "zh")  # a past role
    assert measures_time("the reports out in four seconds", "en")  # "loaded" lost by the recogniser
    assert not measures_time("found that two jobs were writing to the same table", "en")


def outcome(text: str, language: str) -> bool:
    return bool(
        analyse(Answer("Tell me about a time you fixed a problem.", text, language=language)).with_part(
            "result"
        )
    )


def test_an_action_with_a_count_or_a_finding_is_not_taken_for_the_outcome() -> None:
    # Said mid-story, before the outcome: the answer is not over, and no result is credited.
    assert not outcome(
        "Last year our billing system failed every month. I split the work into parts. "
        "I wrote a checklist and trained the other three colleagues.",
        "en",
    )
    assert not outcome(
        "我第一份工作的时候，每个月的账单系统都会出错。我把工作拆成小块。我写了一份检查清单，并培训了另外三位同事。",
        "zh",
    )
    assert not outcome(
        "Two years ago I worked at a logistics company. I automated the export. "
        "I went through the logs for a week and found that two jobs were writing to the same table.",
        "en",
    )


def test_a_measured_outcome_is_found_when_the_recogniser_loses_its_verb_and_a_lesson_follows() -> None:
    assert outcome(
        "In my last project the model crashed for hours after each update. I read every report in a "
        "spreadsheet. I asked the vendor for their error codes. Crash reports stop at 50% within 2 weeks. "
        "Since then I always write down the steps before I start.",
        "en",
    )
    assert outcome(
        "A customer told us the reports took ten minutes to load. My job was to fix it. I added a cache "
        "for the daily summaries. The reports out in four seconds.",
        "en",
    )


def test_what_an_action_was_for_is_not_its_outcome() -> None:
    opening = "Last year our support queue grew to three hundred tickets. It was my job to fix it. "
    assert not outcome(
        opening + "I rewrote the triage rules. I set up a weekly review so that problems came up early.", "en"
    )
    assert not outcome(opening + "I rewrote the triage rules in order to improve response times.", "en")
    assert outcome(
        opening + "I rewrote the triage rules. In the end the queue dropped to forty tickets.", "en"
    )
    zh = "去年我们的工单积压到了三百多个。我负责解决这个问题。我重写了分诊规则。"
    assert not outcome(zh + "我每周开一次复盘会，以便问题尽早解决。", "zh")
    assert outcome(zh + "最后工单降到了四十个。", "zh")
