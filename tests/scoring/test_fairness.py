"""Irrelevant details never move a score; equivalent answers in Chinese and English score alike."""

from __future__ import annotations

import pytest

from scoring.fairness import bias_audit, intersectional_audit
from scoring.models import Answer
from scoring.scorer import DefaultScorer

SCORER = DefaultScorer()
Q_EN = "Describe a time you disagreed with a colleague. What did you do?"
Q_ZH = "请描述一次您与同事意见不一致的情况，您是怎么做的？"

EN_TEMPLATE = (
    "At {school} I interned at a bank in {place}. My colleague {name} and I disagreed about the test plan. "
    "I was responsible for the release. I asked {name} to walk me through {his} concerns and I wrote a "
    "comparison of both plans. We merged the plans and the release shipped two days early."
)
ZH_TEMPLATE = (
    "我在{school}毕业后，在{place}的一家银行实习。我和同事{name}对测试方案有分歧。我负责这次发布。"
    "我请{he}讲了{he}的顾虑，并写了一份两个方案的对比。最后我们合并了方案，发布提前两天完成。"
)
EN_SWAPS = [
    {"school": "Harvard", "place": "Boston", "name": "John", "his": "his"},
    {"school": "Peking University", "place": "Chengdu", "name": "Li Wei", "his": "her"},
    {"school": "a community college", "place": "Lagos", "name": "Aisha Bello", "his": "her"},
    {"school": "Tsinghua University", "place": "Mumbai", "name": "Priya", "his": "his"},
]
ZH_SWAPS = [
    {"school": "清华大学", "place": "北京", "name": "张伟", "he": "他"},
    {"school": "一所普通专科学校", "place": "贵州", "name": "王芳", "he": "她"},
    {"school": "复旦大学", "place": "上海", "name": "欧阳娜娜", "he": "她"},
    {"school": "新疆大学", "place": "乌鲁木齐", "name": "买买提", "he": "他"},
]


def _scores(question: str, text: str) -> tuple[object, ...]:
    r = SCORER.score(Answer(question, text))
    return (
        r.score,
        r.score_exact,
        r.scale_score,
        tuple((c.name, c.score) for c in r.criteria),
        tuple((p, f.present) for p, f in r.star.items()),
        r.follow_up_reasons,
    )


@pytest.mark.parametrize(
    ("question", "template", "swaps"), [(Q_EN, EN_TEMPLATE, EN_SWAPS), (Q_ZH, ZH_TEMPLATE, ZH_SWAPS)]
)
def test_names_pronouns_places_and_schools_do_not_move_any_score(
    question: str, template: str, swaps: list
) -> None:
    results = {swap["name"]: _scores(question, template.format(**swap)) for swap in swaps}
    assert len(set(results.values())) == 1, results


PAIRS = [
    (
        "Tell me about a time you led a team through a difficult situation.",
        "Last year our launch was two weeks late. As the team lead I had to recover the schedule. "
        "I split the work into daily goals and I met the product manager every morning. "
        "We shipped three days early and complaints dropped by forty percent.",
        "请讲一次您带领团队度过困难局面的经历。",
        "去年我们的产品上线比计划晚了两周。我作为团队负责人，需要把进度追回来。"
        "我把工作拆成每天的小目标，并且每天早上和产品经理沟通。最后我们提前三天上线，投诉减少了百分之四十。",
    ),
    (
        "Describe a time you solved a complex problem for a customer. What was the result?",
        "A customer told us their reports were slow. I looked at the logs and I found two slow queries.",
        "请描述一次您为客户解决复杂问题的经历，结果如何？",
        "有一个客户说他们的报表很慢。我查看了日志，发现了两条慢查询。",
    ),
    (
        "Why do you want this job?",
        "Because I like your company.",
        "您为什么想做这份工作？",
        "因为我喜欢你们公司。",
    ),
]


@pytest.mark.parametrize(("q_en", "a_en", "q_zh", "a_zh"), PAIRS)
def test_equivalent_answers_in_both_languages_score_within_half_a_point(
    q_en: str, a_en: str, q_zh: str, a_zh: str
) -> None:
    en = SCORER.score(Answer(q_en, a_en)).score_exact
    zh = SCORER.score(Answer(q_zh, a_zh)).score_exact
    assert abs(en - zh) <= 0.5, (en, zh)


def test_bias_audit_reports_rates_impact_ratios_and_four_fifths_flags() -> None:
    decisions = {f"c{i}": i < 6 for i in range(10)} | {f"d{i}": i < 2 for i in range(10)} | {"e": True}
    labels = {f"c{i}": "group_a" for i in range(10)} | {f"d{i}": "group_b" for i in range(10)}
    report = {g.group: g for g in bias_audit(decisions, labels)}
    assert report["group_a"].selection_rate == 0.6 and report["group_a"].impact_ratio == 0.6
    assert report["group_b"].selection_rate == 0.2 and report["group_b"].flagged
    assert report["unknown"].impact_ratio == 1.0 and not report["unknown"].flagged
    assert report["group_a"].flagged  # 0.6 / 1.0 < 0.8
    assert bias_audit({}, {}) == []


def test_an_intersection_too_small_for_a_ratio_does_not_set_the_reference_rate() -> None:
    # 60 women of A (30 selected), 60 men of A (45), one man of B (selected: a 100 % rate, but 0.8 %).
    decisions = {f"fa{i}": i < 30 for i in range(60)} | {f"ma{i}": i < 45 for i in range(60)} | {"mb": True}
    sex = {f"fa{i}": "female" for i in range(60)} | {f"ma{i}": "male" for i in range(60)} | {"mb": "male"}
    race = dict.fromkeys(decisions, "A") | {"mb": "B"}
    decisions |= {"x": False, "y": True}  # no answers: unknown
    report = intersectional_audit(decisions, {"sex": sex, "race_ethnicity": race}, ("sex", "race_ethnicity"))
    rows = {r.group: r for r in report.rows}
    assert rows[("male", "B")].excluded and rows[("male", "B")].impact_ratio is None
    assert rows[("male", "A")].impact_ratio == 1.0  # the reference is the best included category
    assert rows[("female", "A")].impact_ratio == round(0.5 / 0.75, 4) and rows[("female", "A")].flagged
    assert (report.unknown, report.unknown_selected) == (2, 1)
    assert intersectional_audit({}, {}, ("sex", "race_ethnicity")).rows == []
