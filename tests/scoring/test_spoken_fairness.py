"""How people speak never moves a score: fillers, repeats, no punctuation; names and places across kinds."""

from __future__ import annotations

import pytest

from scoring.models import Answer
from scoring.scorer import DefaultScorer

SCORER = DefaultScorer()
FLUENT_DISFLUENT = [
    (
        "Tell me about a time you kept a customer.",
        "Last year our biggest client threatened to leave. I was the account manager, so it was my job to "
        "keep them. I called them every week and I rewrote the onboarding guide. In the end they renewed "
        "for two years.",
        "Um, last year our, uh, biggest client threatened to leave. I I was the account manager, so it was "
        "my job to, you know, keep them. I called them every week and I I rewrote the onboarding guide. "
        "In the end they renewed for, um, two years.",
    ),
    (
        "Why do you want this job?",
        "I have spent four years building payment tools for small shops, and your product serves exactly "
        "those customers. I want to grow into a tech lead role.",
        "Yeah so um, I have spent, like, four years building payment tools for small shops, and your product "
        "serves, uh, exactly those customers. I want to, um, grow into a tech lead role.",
    ),
    (
        "请讲一次您留住客户的经历。",
        "去年我们最大的客户要走。我负责这个客户，我每周给他们打电话，还重写了上手指南。最后他们续约了两年。",
        "嗯，去年我们那个，最大的客户要走。我我负责这个客户，我每周给他们打电话，呃，还重写了上手指南。最后他们续约了两年。",
    ),
]


@pytest.mark.parametrize(("question", "fluent", "spoken"), FLUENT_DISFLUENT, ids=lambda v: v[:20])
def test_fillers_and_repeats_never_change_a_score(question: str, fluent: str, spoken: str) -> None:
    a, b = SCORER.score(Answer(question, fluent)), SCORER.score(Answer(question, spoken))
    assert (a.score_exact, [(c.name, c.score) for c in a.criteria]) == (
        b.score_exact,
        [(c.name, c.score) for c in b.criteria],
    )
    assert {p: f.present for p, f in a.star.items()} == {p: f.present for p, f in b.star.items()}
    for quote in b.evidence:
        assert spoken[quote.start : quote.end] == quote.text


def test_the_communication_criterion_is_off_by_default_and_ignores_fillers_when_on() -> None:
    question, fluent, spoken = FLUENT_DISFLUENT[0]
    assert "communication" not in {c.name for c in SCORER.score(Answer(question, fluent)).criteria}
    scorer = DefaultScorer(communication=True)
    a, b = scorer.score(Answer(question, fluent)), scorer.score(Answer(question, spoken))
    comm = {c.name: c for c in a.criteria}["communication"]
    assert comm.score >= 3 and comm.reasons
    assert a.score_exact == b.score_exact
    rambling = "and " + " and ".join(["we had a thing and then another thing happened"] * 12)
    assert {c.name: c.score for c in scorer.score(Answer(question, rambling)).criteria}["communication"] < (
        comm.score
    )


INTRO_EN = (
    "um so I'm {name}, I studied at {school} and then I worked in {place} as a nurse for five years and I "
    "trained six new graduates and {his} feedback from my manager was that I keep calm and that's why I "
    "applied to your cardiac unit"
)
INTRO_ZH = (
    "嗯我叫{name}，毕业于{school}，然后在{place}做了五年护士，带过六个新护士，"
    "{he}们说我很冷静，所以我申请了贵院的心内科"
)
SWAPS_EN = [
    {"name": "John Smith", "school": "Harvard", "place": "Boston", "his": "his"},
    {"name": "Aisha Bello", "school": "a community college", "place": "Lagos", "his": "her"},
    {"name": "Li Wei", "school": "Peking University", "place": "Chengdu", "his": "her"},
]
SWAPS_ZH = [
    {"name": "张伟", "school": "清华大学", "place": "北京", "he": "他"},
    {"name": "买买提", "school": "新疆大学", "place": "乌鲁木齐", "he": "她"},
    {"name": "王芳", "school": "一所普通专科学校", "place": "贵州", "he": "她"},
]


@pytest.mark.parametrize(
    ("question", "template", "swaps"),
    [("Tell me about yourself.", INTRO_EN, SWAPS_EN), ("请做一下自我介绍。", INTRO_ZH, SWAPS_ZH)],
)
def test_names_genders_and_places_move_no_score_in_an_unpunctuated_self_introduction(
    question: str, template: str, swaps: list[dict[str, str]]
) -> None:
    results = set()
    for swap in swaps:
        r = SCORER.score(Answer(question, template.format(**swap)))
        results.add((r.score_exact, tuple((c.name, c.score) for c in r.criteria), r.follow_up_reasons))
    assert len(results) == 1, results
