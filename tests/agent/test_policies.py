"""The agent's pure policies on scripted timelines: a fake recogniser (scripted text) and a virtual clock."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from agent.actions import Action
from agent.bargein import BargeInPolicy
from agent.endpointing import AnswerEnds, Endpointer, EndpointSettings, PromptDue, is_trailing
from agent.followups import choose_follow_up
from agent.interviewer import InterviewAgent
from agent.plan import InterviewPlan, PlannedQuestion, fit_to_budget
from agent.plan_spec import load_plan_text
from scoring.analysis import analyse
from scoring.models import Answer
from scoring.rubric import DEFAULT_RUBRIC
from scoring.scorer import DefaultScorer
from scoring.yamlsource import SourceError


@dataclass
class Line:
    """One scripted utterance: spoken from start for `dur` seconds."""

    start: float
    dur: float
    text: str


def run(
    question: str,
    lines: list[Line],
    language: str = "en",
    until: float | None = None,
    asr_delay: float = 0.3,
    step: float = 0.02,
) -> list[Action]:
    """Drive the agent through a scripted answer on a virtual clock (asr_delay: fake ASR latency)."""
    agent = InterviewAgent(
        InterviewPlan([PlannedQuestion("q1", question), PlannedQuestion("q2", "Next?")]),
        language,
        DefaultScorer(),
        DEFAULT_RUBRIC,
    )
    actions = agent.start(0.0)
    end = until or (lines[-1].start + lines[-1].dur + 20)
    pending = list(lines)
    finals: list[tuple[float, Line]] = []
    t = 0.0
    while t < end:
        for line in list(pending):
            if line.start <= t:
                agent.speech_started(line.start)
                pending.remove(line)
                finals.append((line.start + line.dur + asr_delay, line))
        for ready, line in list(finals):
            if line.start + line.dur <= t and not getattr(line, "_ended", False):
                agent.speech_ended(line.start, line.start + line.dur)
                line._ended = True  # type: ignore[attr-defined]
            if ready <= t:
                finals.remove((ready, line))
                actions += agent.final(line.text, line.start, line.start + line.dur, t)
        actions += agent.tick(t)
        if any(a.type in ("follow_up", "next_question") and a.t > 0 for a in actions):
            break
        t = round(t + step, 6)
    return actions


def first(actions: list[Action], kind: str) -> Action:
    return next(a for a in actions if a.type == kind and a.t > 0)


STAR_EN = [
    Line(0.5, 3.0, "Last year our release was two weeks late."),
    Line(4.3, 3.0, "As the lead, I had to recover the schedule."),
    Line(8.1, 1.0, "So I, um,"),
    Line(12.0, 3.0, "I split the work into daily goals."),
    Line(15.8, 3.0, "We shipped three days early and complaints fell by forty percent."),
]


def test_thinking_pause_after_a_filler_is_waited_out_and_a_complete_story_ends_soon() -> None:
    actions = run("Tell me about a time you led a team.", STAR_EN)
    end = first(actions, "end_of_answer")
    assert end.event()["reason"] == "complete_story"
    # After this candidate's usual gap between sentences (0.8 s), not their longest wait.
    assert 18.8 + 0.8 <= end.t <= 18.8 + 0.9
    assert first(actions, "next_question").event()["index"] == 1


STAR_ZH = [
    Line(0.5, 3.0, "去年我们的产品上线晚了两周。"),
    Line(4.3, 3.0, "我作为负责人，需要把进度追回来。"),
    Line(8.1, 1.0, "然后，嗯，"),
    Line(11.5, 3.0, "我把工作拆成每天的小目标。"),
    Line(15.3, 3.0, "最后我们提前三天上线，投诉减少了百分之四十。"),
]


def test_the_same_in_chinese() -> None:
    actions = run("请讲一次您带领团队的经历。", STAR_ZH, "zh")
    end = first(actions, "end_of_answer")
    assert end.event()["reason"] == "complete_story" and 18.3 + 0.8 <= end.t <= 18.3 + 0.9


@pytest.mark.parametrize(
    ("language", "question", "lines", "reason"),
    [
        (
            "en",
            "Tell me about a time you resolved a conflict.",
            [
                Line(0.5, 3, "Last year a colleague and I disagreed about the design."),
                Line(4.2, 3, "I set up a meeting and I listened to his concerns."),
            ],
            "missing_result",
        ),
        (
            "en",
            "Tell me about a project you are proud of.",
            [
                Line(0.5, 3, "We built a new payment system."),
                Line(4.2, 3, "We worked very hard on it and we launched it."),
            ],
            "no_personal_action",
        ),
        (
            "en",
            "Tell me about a time you handled an angry customer.",
            [
                Line(0.5, 3, "I would listen to the customer first and let them explain the whole problem."),
                Line(4.2, 3, "Then I would apologise and offer a refund or a replacement."),
            ],
            "hypothetical_not_past",
        ),
        ("en", "Why do you want this job?", [Line(0.5, 1.5, "Because I like it.")], "too_short"),
        (
            "en",
            "Why do you want this job?",
            [
                Line(0.5, 4, "I want this job because I like building good products for people."),
                Line(5.2, 4, "I think your company is a good place to learn and grow as an engineer."),
            ],
            "no_specifics",
        ),
        (
            "zh",
            "请描述一次您与同事意见不一致的情况。",
            [
                Line(0.5, 3, "去年我和同事对设计有分歧。"),
                Line(4.2, 3, "我组织了一次会议，认真听了他的顾虑。"),
            ],
            "missing_result",
        ),
        (
            "zh",
            "请讲一个您最自豪的项目。",
            [
                Line(0.5, 3, "我们团队做了一个新的在线支付系统，用了很多新技术。"),
                Line(4.2, 3, "我们大家都非常努力，最后系统顺利上线了。"),
            ],
            "no_personal_action",
        ),
        (
            "zh",
            "请描述一次您处理客户投诉的经历。",
            [
                Line(0.5, 3, "如果客户很生气，我会先耐心听他把问题说完，了解他的诉求。"),
                Line(4.2, 3, "然后我会向他道歉，并尽快给出解决方案，比如退款或者换货。"),
            ],
            "hypothetical_not_past",
        ),
        ("zh", "您为什么想做这份工作？", [Line(0.5, 1.5, "因为我喜欢。")], "too_short"),
        (
            "zh",
            "您为什么想做这份工作？",
            [
                Line(0.5, 4, "我想做这份工作，因为我喜欢做对用户有帮助的好产品。"),
                Line(5.2, 4, "我觉得贵公司是一个学习和成长的好地方，我也想在这里长期发展。"),
            ],
            "no_specifics",
        ),
    ],
)
def test_each_follow_up_reason_in_both_languages(
    language: str, question: str, lines: list[Line], reason: str
) -> None:
    actions = run(question, lines, language)
    follow = first(actions, "follow_up")
    assert follow.event()["reason"] == reason, [a.event() for a in actions if a.type != "score"]
    assert follow.t > lines[-1].start + lines[-1].dur  # never before the answer is over


def test_follow_ups_per_question_are_capped_and_never_repeated() -> None:
    q = PlannedQuestion("q1", "Q", follow_ups={"missing_result": "And the outcome?"})
    assert choose_follow_up(["missing_result"], [], q, "en", 2).text == "And the outcome?"  # type: ignore[union-attr]
    assert (
        choose_follow_up(["missing_result", "no_specifics"], ["missing_result"], q, "zh", 2).reason
        == "no_specifics"
    )  # type: ignore[union-attr]
    assert choose_follow_up(["no_specifics"], ["missing_result", "too_short"], q, "en", 2) is None


def test_silence_without_an_answer_prompts_then_moves_on() -> None:
    e = Endpointer("en", EndpointSettings(), asked_at=0.0)
    decisions = [d for t in range(0, 200) if (d := e.decide(t / 10))]
    assert (
        isinstance(decisions[0], PromptDue)
        and decisions[0].kind == "take_your_time"
        and decisions[0].t == 4.0
    )
    assert isinstance(decisions[1], AnswerEnds) and decisions[1].reason == "long_silence"


def test_sound_holds_the_decision_and_a_very_long_answer_gets_a_wrap_up() -> None:
    e = Endpointer("en", EndpointSettings(max_answer_s=20), asked_at=0.0)
    e.speech_started(0.5)
    e.speech_ended(0.5, 3.0)
    e.transcribed(0.5, 3.0, "Because I like it.", analyse(Answer("Why?", "Because I like it.", "en")))
    assert e.decide(4.5, sound=True) is None  # a voice is back, VAD has not said so yet
    assert isinstance(e.decide(4.5), AnswerEnds)
    long = Endpointer("en", EndpointSettings(max_answer_s=20), asked_at=0.0)
    long.speech_started(0.5)
    wrap = long.decide(21.0)
    assert isinstance(wrap, PromptDue) and wrap.kind == "wrap_up"
    assert long.decide(22.0) is None  # once


def test_an_answer_left_mid_thought_is_prompted_then_followed_up_not_left_in_silence() -> None:
    """ "…but it was I…": "take your time" after a thinking pause, then the follow-up, as for any
    unfinished answer (before, it waited 15 s of silence)."""
    text = "Honestly, I don't really remember the details, but it was I..."
    e = Endpointer("en", EndpointSettings(), asked_at=0.0)
    e.speech_started(0.5)
    e.speech_ended(0.5, 5.0)
    e.transcribed(0.5, 5.0, text, analyse(Answer("Tell me about a time…", text, "en")))
    decisions = [d for t in range(50, 200) if (d := e.decide(t / 10))]
    assert isinstance(decisions[0], PromptDue) and decisions[0].t == 9.0
    assert isinstance(decisions[1], AnswerEnds) and decisions[1].reason == "trailing_clause"
    assert decisions[1].t == 12.0  # 7 s of silence: incomplete_end_s


def test_trailing_words() -> None:
    assert (
        is_trailing("So I, um,", "en") and is_trailing("and then", "en") and is_trailing("然后，嗯，", "zh")
    )
    assert is_trailing("然后横层", "zh")  # a connector and a misheard filler: still thinking
    assert is_trailing("说白了。", "zh") and is_trailing("怎么说呢？", "zh")  # an opener said alone
    assert not is_trailing("We shipped three days early.", "en") and not is_trailing(
        "最后我们提前上线了。", "zh"
    )
    assert not is_trailing("crash reports dropped by 40%", "en")
    # A preposition stranded by a wh-clause ends the sentence; one that dangles does not.
    assert not is_trailing("I sent the three biggest stores a list of what we were short of.", "en")
    assert not is_trailing("I asked the team who they wanted to work with.", "en")
    assert is_trailing("and then I went over to the manager with", "en")
    assert is_trailing("I wrote down what we needed and sent it to", "en")
    # "that" and "so" as objects close a sentence; as conjunctions they leave it open.
    assert not is_trailing("The night nurses were really happy about that.", "en")
    assert not is_trailing("The client renewed, or at least I think so.", "en")
    assert is_trailing("I told the nurses that", "en") and is_trailing("It kept failing so", "en")
    assert not is_trailing("He might have been more respectable than he was.", "en")
    assert is_trailing("and the problem was", "en")
    # A two-word filler said last holds the floor; the same words inside a sentence do not.
    assert is_trailing("I started testing every room before the first session, you know.", "en")
    assert is_trailing("It was the rota that was wrong, I mean.", "en")
    assert not is_trailing("That is what I mean to say to every new starter.", "en")


def test_barge_in_ignores_a_cough_and_fires_once_on_speech() -> None:
    policy = BargeInPolicy(min_speech_s=0.3)
    policy.agent_started()
    policy.speech_started(1.0)
    assert policy.check(1.2) is None
    policy.speech_ended()  # 0.2 s: a cough or "mm"
    assert policy.check(1.5) is None
    policy.speech_started(2.0)
    fired = policy.check(2.35)
    assert fired is not None and fired.overlap_s == pytest.approx(0.35)
    assert policy.check(2.5) is None
    policy.agent_stopped()
    policy.agent_started()
    assert policy.check(2.6) is not None  # candidate still talking when the agent speaks again


PLAN = """\
title: Backend engineer
language: en
time_budget_min: 10
competencies:
  - {name: leadership, weight: 2}
  - {name: teamwork, weight: 1}
questions:
  - {competency: leadership, text: "Tell me about a time you led a team.", minutes: 4}
  - {competency: teamwork, text: {en: "Describe a disagreement.", zh: "请描述一次分歧。"}, minutes: 3}
  - {competency: leadership, text: "Tell me about a hard decision.", minutes: 4}
"""


def test_plans_fit_the_budget_and_cover_every_competency() -> None:
    spec = load_plan_text(PLAN)
    kept, dropped = fit_to_budget(spec.planned(), spec.time_budget_min * 60)  # type: ignore[operator]
    assert [q.text for q in kept] == ["Tell me about a time you led a team.", "Describe a disagreement."]
    assert [q.text for q in dropped] == ["Tell me about a hard decision."]
    plan = InterviewPlan(spec.planned(), budget_s=600)
    plan.advance(0)
    plan.advance(500)  # 500 s used up: only what fits and keeps coverage
    assert plan.current.competency == "teamwork"  # type: ignore[union-attr]
    assert plan.advance(560) is None and [q.text for q in plan.dropped] == ["Tell me about a hard decision."]


@pytest.mark.parametrize(
    ("broken", "where"),
    [
        (PLAN.replace("weight: 2", "weight: -2"), "line 5: competencies[0].weight"),
        (PLAN.replace("competency: teamwork", "competency: sales"), "line 9: questions[1].competency"),
        (PLAN.replace("minutes: 3", "minutes: 99"), "line 9: questions[1].minutes"),
        (PLAN.replace("time_budget_min: 10", "time_budget_min: 5"), "line 3: time_budget_min"),
        (
            PLAN.replace(
                "  - {name: teamwork, weight: 1}\n", "  - {name: teamwork, weight: 1}\n  - {name: sales}\n"
            ),
            "questions: no question covers: sales",
        ),
        ("title: x\ncompetencies: [\n", "line"),
    ],
)
def test_plan_errors_name_the_line_and_field(broken: str, where: str) -> None:
    with pytest.raises(SourceError) as err:
        load_plan_text(broken)
    assert where in str(err.value)


def test_partials_update_the_provisional_score_before_the_final() -> None:
    agent = InterviewAgent(
        InterviewPlan([PlannedQuestion("q1", "Tell me about a time you led a team.")]),
        "en",
        DefaultScorer(),
        DEFAULT_RUBRIC,
    )
    agent.start(0.0)
    agent.speech_started(0.5)
    early = agent.partial("Last year our release was late and", 0.5, 2.0)[0]
    later = agent.partial(
        "Last year our release was late. I split the work into daily goals. We shipped three days early.",
        0.5,
        9.0,
    )[0]
    assert early.event()["provisional"] and later.event()["provisional"]
    assert later.event()["score"] > early.event()["score"] and later.event()["star"]["result"]["present"]


def test_a_story_stopped_mid_clause_is_waited_out_even_when_the_recogniser_garbles_the_filler() -> None:
    """An action, no result yet, and no sentence end heard (e.g. "and then" heard as "in the end"):
    a 1.8 s thinking pause is not the end; the result that follows is."""
    lines = [
        Line(0.5, 3.0, "A customer told us their reports took ten minutes to load."),
        Line(4.4, 2.5, "My job was to find the cause within a week."),
        Line(7.8, 2.5, "I traced the slow queries in the end"),  # no full stop: mid-clause
        Line(12.1, 3.0, "I added two indexes and a cache for the daily summaries."),
        Line(16.0, 3.0, "Now the reports load in four seconds and the customer renewed."),
    ]
    actions = run("Tell me about a time you helped a difficult customer.", lines)
    end = first(actions, "end_of_answer")
    assert end.t > 19.0, f"cut in at {end.t}"
    assert end.event()["reason"] == "complete_story"


def test_a_situational_answer_with_a_whole_plan_ends_after_the_usual_gap() -> None:
    lines = [
        Line(0.5, 3.0, "首先我会和各部门负责人开会，了解他们的目标。"),
        Line(4.4, 3.0, "然后我会把任务和截止时间写清楚，每周同步一次进度。"),
        Line(8.3, 3.0, "最后，如果出现冲突，我会用数据说话，必要时请上级协调。"),
    ]
    actions = run("假设您需要协调跨部门资源完成项目，您会怎么做？", lines, "zh")
    end = first(actions, "end_of_answer")
    assert end.event()["reason"] == "complete_plan"
    assert 11.3 + 0.9 - 0.01 <= end.t <= 11.3 + 1.0  # the candidate's usual 0.9 s gap


FALLBACK_STEP = {
    "en": "If they still disagree after that, I would ask both of them to write down what each date costs.",
    "zh": "如果这样还是谈不拢，我会请他们各自把两个日期的代价写下来。",
}


@pytest.mark.parametrize("fallback", [False, True])
@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_plan_whose_last_step_leaves_it_open_is_not_cut_at_a_longer_pause(
    language: str, fallback: bool
) -> None:
    """Three steps ending on "next…" (or on a fallback, "if that fails…") are a plan, but a fourth may come
    after a pause longer than the candidate's usual gap (here 1.4 s after gaps of 0.8 and 1.1 s): the agent
    waits on their rhythm."""
    said = {
        "en": [
            "First, I would meet both of them separately to understand their reasons.",
            "Then I would write down the risks of each date and what each one costs.",
            "Next, I would bring them together with the data and agree on criteria.",
            "Finally, if they still disagree, I would ask the product owner to decide by Friday.",
        ],
        "zh": [
            "首先，我会分别和两位同事谈，了解他们的理由。",
            "然后，我会把两个日期的风险和成本都列出来。",
            "接着，我会把他们请到一起，用数据商量一个标准。",
            "最后，如果还是不能达成一致，我会请产品负责人在周五前决定。",
        ],
    }[language]
    if fallback:
        said[2] = FALLBACK_STEP[language]
    lines = [
        Line(0.5, 4.0, said[0]),
        Line(5.3, 4.0, said[1]),
        Line(10.4, 4.0, said[2]),
        Line(15.8, 4.0, said[3]),
    ]
    question = {"en": "If two senior colleagues disagree on a release date, what would you do?"}
    actions = run(question.get(language, "假设两位资深同事对上线日期意见不一，你会怎么做？"), lines, language)
    end = first(actions, "end_of_answer")
    assert end.t > 19.8, f"cut in at {end.t} before the last step"
    assert end.event()["reason"] == "complete_plan"
    assert end.t <= 19.8 + 1.2  # closed by its last step: the usual gap


@pytest.mark.parametrize("pause", [1.4, 3.3])
@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_story_that_goes_back_to_actions_after_an_outcome_is_not_cut_between_sentences(
    language: str, pause: float
) -> None:
    """An outcome, then another action after a usual gap: more is coming (outcomes usually come last), so
    a 1.4 s pause after gaps of 0.8 s, or a 3.3 s thinking pause, is waited through; the story ends soon
    after its real outcome."""
    said = {
        "en": [
            "Last spring our warehouse kept shipping the wrong parcels.",
            "I rebuilt the picking list so each shelf had its own code, and errors fell by half.",
            "I also trained the night shift on the new codes.",
            "By June the wrong parcels were down to two a week and the client renewed the contract.",
        ],
        "zh": [
            "去年春天我们仓库老是发错货。",
            "我把拣货单重新做了一遍，每个货架一个编码，错误减少了一半。",
            "我还给夜班的同事培训了新的编码。",
            "到六月发错的包裹降到了每周两个，客户也续签了合同。",
        ],
    }[language]
    lines = [
        Line(0.5, 3.0, said[0]),
        Line(4.3, 4.0, said[1]),
        Line(9.1, 3.0, said[2]),
        Line(12.1 + pause, 4.0, said[3]),
    ]
    question = {
        "en": "Tell me about a time you fixed a recurring problem.",
        "zh": "请讲一次您解决反复出现的问题的经历。",
    }
    actions = run(question[language], lines, language)
    end = first(actions, "end_of_answer")
    assert end.t > 16.1 + pause, f"cut in at {end.t} before the last sentence"
    assert end.event()["reason"] == "complete_story"


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_story_that_closes_on_a_lesson_ends_after_a_pause_between_sentences_and_asks_for_the_outcome(
    language: str,
) -> None:
    """A lesson is said once a story is told: when its outcome was not heard (misheard, or never said), the
    answer ends after a pause between sentences, not after the long wait of an unfinished answer, and the
    follow-up asks for the outcome. A usual gap (0.8 s) after the lesson is still waited through."""
    said = {
        "en": [
            "Last winter our night shift kept losing parcels at the depot.",
            "I started a log of every parcel that went missing and walked the shelves with the drivers.",
            "I moved the returns cage next to the loading door.",
            "It taught me to look at the floor before I blame people.",
            "And I still keep that log.",
        ],
        "zh": [
            "去年冬天我们夜班在仓库老是丢包裹。",
            "我把每个丢的包裹都记下来，跟司机一起把货架走了一遍。",
            "我把退货笼子挪到了装货门旁边。",
            "这件事让我明白，先看现场再怪人。",
            "那个本子我现在还在记。",
        ],
    }[language]
    times = [(0.5, 3.0), (4.3, 4.0), (9.1, 3.0), (12.9, 3.0), (16.7, 2.0)]
    question = {
        "en": "Tell me about a time you fixed a recurring problem.",
        "zh": "请讲一次您解决反复出现的问题的经历。",
    }[language]

    def told(sentences: int) -> list[Action]:
        return run(
            question, [Line(*at, text) for at, text in zip(times, said[:sentences], strict=False)], language
        )

    ended = told(4)
    end = first(ended, "end_of_answer")
    assert end.event()["reason"] == "lesson_closes_story"
    assert 15.9 + 1.5 <= end.t <= 15.9 + 2.1, "ends after a pause between sentences, not 7 s"
    assert first(ended, "follow_up").event()["reason"] == "missing_result"
    # Without the lesson the same story is unfinished: waited on as long as one.
    assert first(told(3), "end_of_answer").event()["reason"] == "unfinished_answer"
    # A usual gap after the lesson does not end the answer.
    assert first(told(5), "end_of_answer").t > 18.7


def test_two_sentences_of_a_plan_are_its_start_and_a_thinking_pause_after_them_is_waited_through() -> None:
    lines = [
        Line(
            0.5,
            5.0,
            "Okay, so first I'd get someone walking the queue and pulling out people with connections.",
        ),
        Line(
            6.3, 5.0, "Then I'd check with operations what flies tomorrow, before I promise anybody a seat."
        ),
        Line(14.3, 4.0, "And finally I'd set up a desk just for rebooking the families."),
    ]
    question = "Say a storm grounds every evening flight and the queue is out the door. What would you do?"
    actions = run(question, lines, "en")
    end = first(actions, "end_of_answer")
    assert end.t > 18.3, f"cut in at {end.t} in the thinking pause after two sentences"
    assert end.event()["reason"] == "complete_plan"


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_plan_told_as_what_the_candidate_would_do_without_step_words_is_a_plan(language: str) -> None:
    """Steps need no "first… then…": three clauses of what the candidate would do, closed by "finally",
    end after the usual gap, not after the wait for an unfinished answer."""
    said = {
        "en": [
            "I'd ring the supplier myself and ask what they can still send by the morning.",
            "I'd tell the kitchen manager straight away so she can change the menu.",
            "I'd put a note on the booking system for every table that ordered the set menu.",
            "Finally I'd sit down with the supplier the week after and agree a backup delivery.",
        ],
        "zh": [
            "我会自己给供应商打电话，问清楚明早还能送什么。",
            "厨房经理那边我会马上告诉她，让她调整菜单。",
            "订了套餐的每一桌，我会在预订系统里做个备注。",
            "最后，过一周我会跟供应商坐下来，谈一个备用的送货方案。",
        ],
    }[language]
    lines = [
        Line(0.5, 4.0, said[0]),
        Line(5.3, 4.0, said[1]),
        Line(10.2, 4.0, said[2]),
        Line(15.1, 4.0, said[3]),
    ]
    question = {
        "en": "Say your main supplier cancels the morning delivery the night before a big event. "
        "What would you do?",
        "zh": "假设大活动前一晚，主要供应商取消了第二天早上的送货，你会怎么做？",
    }[language]
    end = first(run(question, lines, language), "end_of_answer")
    assert end.t > 19.1, f"cut in at {end.t}"
    assert end.event()["reason"] == "complete_plan"
    assert end.t <= 19.1 + 1.2


@pytest.mark.parametrize(
    "before_pause",
    [
        ["然后我会先跟运营那边确认。"],  # "然后…先" is one step, not two
        ["然后跟运营确认明天的航班，如果没有座位就安排酒店。"],  # three steps, but a blip is no stretch
        # a clause that goes on in the mood of the step before is part of it, not a step of its own
        ["然后我会先跟运营那边确认。", "明天到底还有哪些航班有座位？"],
    ],
)
def test_a_blip_and_two_sentences_of_a_plan_are_its_start_in_mandarin(before_pause: list[str]) -> None:
    """A noise blip heard as one character is no stretch of speech, "然后我会先…" is one step, and so is a
    clause that only goes on with it: the thinking pause after the plan's first two sentences is waited
    through."""
    lines = [
        Line(0.3, 0.3, "车"),
        Line(1.5, 5.0, "首先我会安排一个人沿着队伍走一遍，把要转机的、带小孩的先挑出来。"),
    ]
    t = 7.6
    for said in before_pause:
        lines.append(Line(t, 3.0, said))
        t += 4.0
    t += 1.6  # a 2.6 s thinking pause
    lines += [
        Line(t, 4.0, "不能随便答应人家，我会让同事先把能改签的名单拉出来。"),
        Line(t + 5.0, 4.0, "最后我会单独开一个窗口，专门给有孩子的家庭改签。"),
    ]
    question = "假如航班全部取消，排队的旅客一个比一个着急，你会怎么做？"
    end = first(run(question, lines, "zh"), "end_of_answer")
    assert end.t > t + 9.0, f"cut in at {end.t}"
    assert end.event()["reason"] == "complete_plan"


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_lesson_after_an_outcome_and_one_more_sentence_ends_the_story_after_the_usual_gap(
    language: str,
) -> None:
    """A habit taken from the story, said as something the candidate does, is its lesson, not an action
    that takes the story on: the answer ends after the usual gap, not after a thinking pause."""
    said = {
        "en": [
            "Last winter the night shift kept losing parcels at our depot.",
            "I walked the shelves with the drivers and moved the returns cage next to the door.",
            "By March we were losing two parcels a month instead of twenty.",
            "Looking back, I learned to walk the floor before I blame anybody.",
        ],
        "zh": [
            "去年冬天我们夜班在仓库老是丢包裹。",
            "我跟司机一起把货架走了一遍，把退货笼子挪到了门口。",
            "到三月每个月只丢两个了，以前是二十个。",
            "后来我就养成了习惯，先去现场看再说。",
        ],
    }[language]
    lines = [
        Line(0.5, 3.0, said[0]),
        Line(4.3, 4.0, said[1]),
        Line(9.1, 3.0, said[2]),
        Line(12.9, 3.0, said[3]),
    ]
    question = {
        "en": "Tell me about a time you fixed a recurring problem.",
        "zh": "请讲一次您解决反复出现的问题的经历。",
    }[language]
    end = first(run(question, lines, language), "end_of_answer")
    assert end.event()["reason"] == "complete_story"
    assert end.t <= 15.9 + 1.2


def test_a_first_sentence_heard_over_three_pauses_is_one_stretch_of_a_plans_start() -> None:
    """The recogniser closes only the end of a sentence said over short pauses ("…通知。" / "告诉大家" /
    "门暂时开不了"): it is one stretch, so the plan's first two sentences are still its start and the thinking
    pause after them is waited through."""
    lines = [
        Line(0.7, 3.2, "那我首先会让广播把情况通知一下。"),
        Line(4.2, 1.7, "告诉大家，告诉顾客"),
        Line(6.2, 1.4, "门暂时开不了"),
        Line(8.2, 6.8, "然后把休息区的空调开足，让店里准备点热水，先让大家坐下歇着。"),
        # a 2.2 s thinking pause
        Line(17.2, 5.8, "我会安排人在服务台登记，想先走的从员工通道带出去。"),
        Line(23.5, 5.0, "最后我会把经过写下来报给商场的物业。"),
    ]
    question = "假如你是一家超市的值班经理，周六晚上店里突然停电，门禁打不开，你会怎么做？"
    end = first(run(question, lines, "zh"), "end_of_answer")
    assert end.t > 28.5, f"cut in at {end.t}"
    assert end.event()["reason"] == "complete_plan"


def test_a_remark_between_a_plans_steps_is_no_step_and_a_lead_in_holds_none() -> None:
    """Only stretches that hold a step count: two steps and a remark ("说不定是考核压得太紧了") are the plan's
    start, so the thinking pause after them is waited through; a lead-in ("我的做法是") before three steps
    takes none from them, so the plan ends after the usual wait."""
    question = "假如你手下一个师傅最近老被客户投诉，你会怎么处理？"
    remark = [
        Line(0.5, 5.0, "我首先会自己去把他最近几单看一看，先确认不是系统的问题。"),
        Line(6.0, 4.0, "然后我会私下单独找他聊聊，问问到底怎么回事。"),
        Line(10.6, 1.6, "说不定是考核压得太紧了。"),
        # a 2.6 s thinking pause
        Line(14.8, 5.0, "受影响的那几单，我会在同一个礼拜安排别的师傅重新上门。"),
        Line(20.4, 5.0, "要是这样以后他还是照旧，那我只能交给人事，走正式的流程了。"),
    ]
    end = first(run(question, remark, "zh"), "end_of_answer")
    assert end.t > 25.4, f"cut in at {end.t}"
    lead_in = [
        Line(0.5, 1.2, "我的做法是"),
        Line(2.0, 4.0, "先把他叫到办公室，听听他自己怎么说。"),
        Line(6.6, 4.0, "然后把投诉的那几单一单一单过一遍。"),
        Line(11.2, 4.0, "接着我会跟客户打电话道个歉，再安排人重新上门。"),
    ]
    end = first(run(question, lead_in, "zh"), "end_of_answer")
    assert end.event()["reason"] == "open_plan"
    assert end.t <= 15.2 + 2.1


def _story_endpointer(mid_thought_p: float, last_p: float | None) -> Endpointer:
    """A complete English story, told in three segments; the last pause heard with P(complete) `last_p`."""
    e = Endpointer("en", EndpointSettings(mid_thought_p=mid_thought_p), asked_at=0.0)
    text = ""
    for i, (start, end, said) in enumerate(
        [
            (0.5, 3.5, "Our release was two weeks late, and I had to get it out."),
            (4.3, 7.0, "I split the work into daily goals."),
            (7.8, 10.0, "We shipped three days early."),
        ]
    ):
        e.speech_started(start)
        e.speech_ended(start, end)
        text = f"{text} {said}".strip()
        analysis = analyse(Answer("Tell me about a time you led a team.", text, "en"))
        e.transcribed(start, end, said, analysis, last_p if i == 2 else 0.9)
    return e


def _first_decision(e: Endpointer, after: float) -> AnswerEnds | PromptDue:
    t = after
    while (d := e.decide(t)) is None:
        t = round(t + 0.02, 2)
    return d


def test_a_voice_that_stops_mid_thought_holds_an_answer_whose_words_look_finished() -> None:
    """The turn-end model hears a dangling clause the recogniser closed with a full stop: no cut-in."""
    held = _story_endpointer(mid_thought_p=0.05, last_p=0.01)
    prompt = _first_decision(held, 10.0)
    assert isinstance(prompt, PromptDue) and prompt.kind == "take_your_time"
    assert prompt.t == pytest.approx(14.0, abs=0.03)
    end = _first_decision(held, prompt.t + 0.02)
    assert isinstance(end, AnswerEnds) and end.reason == "mid_thought_voice"
    assert end.t == pytest.approx(17.0, abs=0.03)


@pytest.mark.parametrize(("mid_thought_p", "last_p"), [(0.05, 0.9), (0.05, None), (0.0, 0.01)])
def test_a_finished_voice_or_no_model_ends_a_complete_story_after_the_usual_gap(
    mid_thought_p: float, last_p: float | None
) -> None:
    end = _first_decision(_story_endpointer(mid_thought_p, last_p), 10.0)
    assert isinstance(end, AnswerEnds) and end.reason == "complete_story"
    assert end.t == pytest.approx(10.8, abs=0.03)  # the candidate's usual 0.8 s gap


def test_turn_model_thresholds_are_checked() -> None:
    with pytest.raises(ValueError, match="mid_thought_p"):
        EndpointSettings(mid_thought_p=1.0)


@pytest.mark.parametrize("late", [False, True])
def test_the_candidates_rhythm_is_the_same_whether_a_transcript_comes_before_or_after_they_go_on(
    late: bool,
) -> None:
    """A candidate with 1.4 s between sentences keeps that rhythm however slowly the recogniser answers.

    Before, a gap counted only when its transcript had arrived before the candidate spoke again: a slow
    recogniser left only short gaps counted, and a complete story was declared over inside the next gap.
    """
    e = Endpointer("en", EndpointSettings(), asked_at=0.0)
    lines = [
        (0.5, 3.5, "Our release was two weeks late, and I had to get it out."),
        (4.9, 7.0, "I split the work into daily goals."),
        (8.4, 10.0, "We shipped three days early."),
    ]
    text = ""
    for start, end, said in lines:
        e.speech_started(start)
        e.speech_ended(start, end)
        if late and start < 8.0:
            continue  # the transcripts arrive after the candidate has gone on
        text = f"{text} {said}".strip()
        e.transcribed(start, end, said, analyse(Answer("Tell me about a time you led a team.", text, "en")))
    if late:
        text = " ".join(said for _, _, said in lines)
        analysis = analyse(Answer("Tell me about a time you led a team.", text, "en"))
        for start, end, said in lines:
            e.transcribed(start, end, said, analysis)
    end = _first_decision(e, 10.0)
    assert isinstance(end, AnswerEnds) and end.reason == "complete_story"
    assert end.wait_s == pytest.approx(1.4, abs=0.01)
    assert end.pauses == (1.4, 1.4)


def test_after_a_follow_up_a_plans_stretches_are_found_at_the_end_of_the_whole_answer() -> None:
    """The follow-up's answer extends the answer: the analysis reads all of it, the end-of-answer policy only
    the stretches since the follow-up; each step is still placed in the stretch that says it."""
    from scoring.models import TimedSegment, join_segments

    question = "假如周末晚上商场里有个孩子走失了，你会怎么处理？"
    earlier = [
        TimedSegment("孩子的妈妈肯定特别着急。", 0.5, 2.0),
        TimedSegment("这种事情商场里其实挺常见的，大家都不会太慌。", 2.6, 6.5),
    ]
    later = [
        TimedSegment("然后我会用对讲机通知所有保安。", 20.0, 23.0),
        TimedSegment("说不定孩子自己跑去玩了。", 23.5, 25.0),
        TimedSegment("接着我会让保安守住每个出口。", 25.6, 28.0),
    ]
    e = Endpointer("zh", asked_at=19.0)
    for i, seg in enumerate(later):
        e.speech_started(seg.start_s)
        e.speech_ended(seg.start_s, seg.end_s)
        answer = join_segments([*earlier, *later[: i + 1]], "zh")
        analysis = analyse(Answer(question, answer, "zh", kind="situational"))
        e.transcribed(seg.start_s, seg.end_s, seg.text, analysis)
    a = analyse(Answer(question, join_segments([*earlier, *later], "zh"), "zh", kind="situational"))
    assert e._stretches_with_steps(e._segments, a) == 2  # the remark holds no step
