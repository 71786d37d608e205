"""Question kinds: recognised from the question (en, zh), each judged on its own anchored criteria."""

from __future__ import annotations

import pytest

from scoring.bars import bars
from scoring.kinds import question_kind
from scoring.models import QUESTION_KINDS, Answer
from scoring.scorer import DefaultScorer

SCORER = DefaultScorer()


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Tell me a bit about yourself.", "self_intro"),
        ("请简单做一下自我介绍。", "self_intro"),
        ("Why do you want to work here?", "motivation"),
        ("你为什么想加入我们公司？", "motivation"),
        ("What is your greatest weakness?", "strengths_weaknesses"),
        ("你最大的优点是什么？", "strengths_weaknesses"),
        ("Tell me about a time you disagreed with your manager.", "behavioural"),
        ("请讲一次你失败的经历。", "behavioural"),
        ("A customer says a competitor is 20% cheaper. What do you do?", "situational"),
        ("如果客户突然要求提前交付，你怎么处理？", "situational"),
        ("假如航班全部取消，排队的旅客一个比一个着急，你会怎么做？", "situational"),
        ("要是上线前一晚发现数据错了，你会怎么做？", "situational"),
        ("你是怎么安排每天的工作的？", "technical"),
        ("说说你是怎么安排每天的工作的？", "technical"),
        ("讲讲你们是怎么应对一个突发情况的。", "behavioural"),
        ("说一次你把客户的信任重新挣回来的经历。", "behavioural"),
        ("What is the difference between a process and a thread?", "technical"),
        ("在浏览器输入一个网址按回车，之后发生了什么？", "technical"),
        ("Anything else?", "general"),
    ],
)
def test_the_kind_is_read_from_the_question_in_both_languages(question: str, kind: str) -> None:
    assert question_kind(question) == kind


def test_every_kind_has_weighted_criteria_with_anchors_in_both_languages() -> None:
    scales = bars()
    for kind in QUESTION_KINDS:
        assert abs(sum(scales.weights[kind].values()) - 1) < 1e-9
        for name in scales.weights[kind]:
            spec = scales.criteria[name]
            for language in ("en", "zh"):
                assert all(spec.anchor(level, language) for level in range(1, 6))


def test_the_plans_kind_wins_over_the_question_text() -> None:
    answer = Answer("Tell me about your weekend project.", "I built a small app.", "en", kind="technical")
    assert SCORER.score(answer).kind == "technical"
    assert SCORER.score(Answer("Tell me about your weekend project.", "I built a small app.", "en")).kind == (
        "behavioural"
    )


STRONG_WEAK = [
    (
        "Tell me about yourself.",
        "I'm a backend engineer with five years of Python. At my current job I own the payments service, "
        "which handles two million transactions a month. Last year I led its move to its own database, which "
        "cut latency from 800 to 120 milliseconds. I'm applying because you build logistics software at "
        "real scale.",
        "yeah so um I like I just finished college and I like hanging out with friends and I play guitar and "
        "I'm a people person so yeah",
    ),
    (
        "请介绍一下你自己。",
        "我是后端工程师，做了五年Python开发。目前我负责支付服务，每月处理两百万笔交易。去年我主导了数据库拆分，"
        "把延迟从800毫秒降到120毫秒。我申请这个岗位，是因为贵公司做的物流系统规模很大。",
        "嗯那个我平时喜欢打篮球然后也喜欢听音乐就是性格比较开朗",
    ),
    (
        "Why do you want this job?",
        "I have spent four years building payment tools for small shops, and your product serves exactly "
        "those customers. I read your engineering blog about event sourcing, and I led a similar migration "
        "last year. I want to grow into a tech lead role within two years.",
        "Honestly it's close to my house and the pay is good.",
    ),
    (
        "您为什么想做这份工作？",
        "我做了四年面向小商户的支付工具，而贵公司的产品服务的正是这类客户。我读过你们关于事件溯源的技术博客，"
        "去年我也主导过三个服务的类似迁移。我希望在两年内成长为技术负责人。",
        "离家近，工资也还可以。",
    ),
    (
        "What is your greatest weakness?",
        "My weakness is that I struggled with public speaking. Last year I joined a speaking club and I have "
        "presented at six team meetings since then. Now my manager asks me to run the monthly demo.",
        "I'm a perfectionist, I work too hard.",
    ),
    (
        "你有什么缺点？",
        "我的缺点是以前不太擅长在很多人面前讲话。去年我报了演讲课程，之后在团队会议上做了六次分享。"
        "现在领导让我主持每月的产品演示。",
        "我太追求完美了。",
    ),
    (
        "A customer says a competitor is 20% cheaper. What do you do?",
        "First I would ask the customer what exactly the other offer includes, because prices are rarely "
        "like for like. Then I would check with my manager how much room we have and what the risk of "
        "losing the account is. If we cannot match the price, I would offer a longer contract with a "
        "discount. Afterwards I would follow up every week until they decide.",
        "I would just lower the price.",
    ),
    (
        "如果客户说竞争对手便宜百分之二十，你怎么处理？",
        "我会先问清楚客户对方报价包含哪些内容，因为价格往往不能直接比较。然后和经理确认我们的让价空间，"
        "评估丢掉这个客户的风险。如果价格确实比不过，我会提供更长合同期的折扣方案。之后每周跟进，直到客户做决定。",
        "我就降价。",
    ),
    (
        "How does a hash index differ from a B-tree index?",
        "A hash index finds one key fast because it hashes straight to a bucket, but it cannot do range "
        "queries. A B-tree keeps keys sorted, so ranges and ordering are cheap, at the cost of a few more "
        "page reads. For example in my last project we used a B-tree because most queries were date ranges.",
        "They are both indexes.",
    ),
    (
        "哈希索引和B树索引有什么区别？",
        "哈希索引因为直接算出桶的位置，所以单个键查找很快，但是不能做范围查询。B树的键是有序的，范围查询和排序"
        "代价很低，缺点是要多读几个页。比如在我上一个项目里，大部分查询是按日期范围查，我们就用了B树。",
        "都是索引。",
    ),
]


@pytest.mark.parametrize(("question", "strong", "weak"), STRONG_WEAK, ids=lambda v: v[:24])
def test_each_kind_scores_the_anchored_strong_answer_above_the_weak_one(
    question: str, strong: str, weak: str
) -> None:
    good, poor = SCORER.score(Answer(question, strong)), SCORER.score(Answer(question, weak))
    assert good.kind == poor.kind == question_kind(question)
    assert [c.name for c in good.criteria] == list(bars().weights[good.kind])
    assert good.score_exact >= poor.score_exact + 1.5, (good.score_exact, poor.score_exact)
    assert good.score >= 3 and poor.score <= 2
    for c in good.criteria:  # every level is explained by its anchor or its own reasons
        assert c.reasons


def test_a_motivation_answer_is_not_scored_as_a_story() -> None:
    r = SCORER.score(Answer("Why this company?", STRONG_WEAK[2][1], "en"))
    assert r.kind == "motivation"
    assert {c.name for c in r.criteria} >= {"company_knowledge", "goal_fit", "genuine_reasons"}
    assert "star_structure" not in {c.name for c in r.criteria}
