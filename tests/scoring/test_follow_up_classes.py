"""The first follow-up an answer gets, for the ways candidates phrase what is missing.

Each class holds in both languages, with a counter-example that must not be caught by the same rule.
"""

from __future__ import annotations

import pytest

from scoring.analysis import analyse
from scoring.models import Answer
from scoring.scorer import follow_up_signals

Q = {"en": "Tell me about a time you disagreed with a colleague.", "zh": "请讲一次您和同事意见不合的经历。"}


def first_reason(language: str, text: str) -> str | None:
    a = analyse(Answer(question=Q[language], text=text, language=language, kind="behavioural"))
    reasons = follow_up_signals(a)
    return reasons[0] if reasons else None


@pytest.mark.parametrize(
    "text",
    [
        "如果碰到这种事，我想我还会先私下找他聊一聊。然后把双方的理由都写下来，再一起去找主管商量。",
        "这种情况我一般会先冷静一下，等大家情绪稳定了再开个短会，把分歧摊开说。",
        "换作是我，就先听听对方怎么想，然后把两个方案的成本列出来，交给经理定。",
        "我大概会先约他喝杯咖啡。再慢慢把我的顾虑讲清楚。最后看看能不能各退一步。",
    ],
)
def test_what_the_candidate_would_do_in_mandarin_is_asked_for_a_real_time(text: str) -> None:
    assert first_reason("zh", text) == "hypothetical_not_past"


def test_a_clause_without_its_own_subject_goes_on_in_the_mood_before_it_only_until_something_is_done() -> None:
    would = "我会先跟他单独谈一次，然后把分歧写在白板上，再请主管一起评估两个方案。"
    did = "去年上线前我跟测试组长吵了一架。我先跟他单独谈了一次，然后把分歧写在了白板上，请主管一起评估。"
    assert first_reason("zh", would) == "hypothetical_not_past"
    assert first_reason("zh", did) == "missing_result"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("zh", "那次项目延期了两周。我觉得我们做得挺好的，大家一起加班，我们组把方案重新改了一遍。"),
        ("zh", "当时仓库系统老出错。咱们小组连着三个周末排查，后来把接口全部重写了。"),
        ("en", "It was on a migration project last year. I think we rewrote the whole plan together in a week."),
        ("en", "The release kept slipping. My colleagues rewrote the scheduler and the group tested it every night."),
    ],
)
def test_an_answer_where_only_the_team_acts_asks_what_the_candidate_did(language: str, text: str) -> None:
    assert first_reason(language, text) == "no_personal_action"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Honestly I don't really remember the details of that one, it was a while ago, "
            "but it was fine and nothing bad came of it really.",
        ),
        ("en", "Oh, that happens all the time in my line of work, to be honest, and usually it just sorts itself out."),
        ("zh", "说实话具体的细节我记不太清了，反正后来也就那样过去了，没有什么大问题，挺好的。"),
        ("zh", "这种事情在我们这行太常见了，说不上哪一次特别，一般过一阵子自然就好了。"),
    ],
)
def test_an_answer_with_no_example_in_it_is_asked_for_one(language: str, text: str) -> None:
    assert first_reason(language, text) == "too_short"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "I was the lead on the billing migration last spring. It went live in three weeks with no downtime."),
        ("zh", "去年春天我负责账单系统迁移。三周就上线了，一次故障都没有。"),
    ],
)
def test_a_story_with_its_outcome_is_not_taken_for_an_answer_without_an_example(language: str, text: str) -> None:
    assert first_reason(language, text) != "too_short"
