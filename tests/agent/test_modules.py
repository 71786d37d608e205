"""The interview modules on a virtual clock: a self-introduction ended politely at its limit, a coding
task that waits for the editor and then asks for the explanation, and the spoken-English check reported
apart (read-aloud intelligibility as word accuracy; the free answer's content by the scorer)."""

from __future__ import annotations

import pytest

from agent.actions import Action, AskQuestion, Assessed, EndOfAnswer, FollowUp, Prompt, Scored
from agent.interviewer import InterviewAgent
from agent.modules import CodeTest, CodingTask, read_aloud_accuracy, say, scoring_kind
from agent.plan import InterviewPlan, PlannedQuestion
from agent.plan_spec import plan_from_dict
from scoring.rubric import DEFAULT_RUBRIC
from scoring.scorer import DefaultScorer
from scoring.yamlsource import SourceError
from tests.agent.test_controls import STORY, kinds, speak

TASK = CodingTask((CodeTest("adds", "assert add(1, 2) == 3"),), "def add(a, b):\n    pass\n")
PASSAGE = "Our team meets every Monday morning to plan the week."


def agent(*questions: PlannedQuestion) -> tuple[InterviewAgent, list[Action]]:
    plan = InterviewPlan([*questions, PlannedQuestion("last", "Any questions for us?")])
    a = InterviewAgent(plan, "en", DefaultScorer(), DEFAULT_RUBRIC)
    return a, a.start(0.0)


def idle(a: InterviewAgent, start: float, until: float) -> list[Action]:
    """Tick in silence every 50 ms."""
    out: list[Action] = []
    t = start
    while t < until:
        out += a.tick(t, t)
        t = round(t + 0.05, 6)
    return out


def test_a_self_introduction_is_announced_and_ended_politely_at_its_limit() -> None:
    intro = PlannedQuestion("q1", "Please introduce yourself.", "communication", "self_intro", limit_s=10)
    a, started = agent(intro)
    ask = started[0]
    assert isinstance(ask, AskQuestion)
    assert ask.text == "Please introduce yourself. " + say("en", "limit", minutes="10 seconds")
    assert ask.module == {"kind": "self_intro", "limit_s": 10}
    long_story = [(0.5, 3.0, STORY[0][2]), (4.0, 3.0, STORY[1][2]), (7.5, 4.0, STORY[2][2])]
    actions = speak(a, long_story, until=10.2)
    said = [x for x in actions if isinstance(x, Prompt) and x.kind == "time_up"]
    assert said and said[0].text == say("en", "time_up") and 10.0 <= said[0].t < 10.1
    ended = [x for x in actions if isinstance(x, EndOfAnswer)]
    assert ended and ended[0].reason == "time_limit"
    final = [x for x in actions if isinstance(x, Scored) and not x.score.provisional]
    assert final and final[0].score.kind == "self_intro"  # scored on its own anchors
    assert not any(isinstance(x, FollowUp) for x in actions)  # an introduction is not probed
    assert isinstance(actions[-1], AskQuestion) and actions[-1].text == "Any questions for us?"


def test_the_limit_counts_from_when_the_agent_stops_speaking() -> None:
    intro = PlannedQuestion("q1", "Please introduce yourself.", "communication", "self_intro", limit_s=10)
    a, _ = agent(intro)
    a.spoken_until(4.0)
    a.speech_started(4.5)  # they talk on and on
    assert not any(x.type == "prompt" and getattr(x, "kind", "") == "time_up" for x in idle(a, 0, 13.9))
    assert any(isinstance(x, Prompt) and x.kind == "time_up" for x in idle(a, 13.9, 14.1))


def test_a_coding_task_waits_at_the_editor_then_asks_for_the_explanation_and_scores_it() -> None:
    coding = PlannedQuestion("q1", "Write add(a, b).", "problem_solving", "coding", coding=TASK)
    a, started = agent(coding)
    ask = started[0]
    assert isinstance(ask, AskQuestion) and ask.module is not None
    assert ask.module["coding"]["tests"] == [{"name": "adds", "code": "assert add(1, 2) == 3"}]
    assert idle(a, 0.0, 60.0) == []  # a minute of silent typing: no prompt, no end of answer
    asked = a.code_submitted(60.0)
    assert [type(x) for x in asked] == [FollowUp]
    assert isinstance(asked[0], FollowUp) and asked[0].reason == "explain_code"
    assert a.code_submitted(61.0) == []  # Done twice asks once
    explanation = [
        (61.0, 3.0, "I wrote a function that adds the two numbers and returns the result."),
        (64.6, 3.0, "I tested it with negative numbers too, and all the tests passed."),
    ]
    actions = speak(a, explanation, until=80.0)
    final = [x for x in actions if isinstance(x, Scored) and not x.score.provisional]
    assert final and final[0].question_index == 0 and final[0].score.kind == "technical"


def test_a_coding_task_at_its_limit_says_so_and_asks_for_the_explanation() -> None:
    coding = PlannedQuestion("q1", "Write add(a, b).", "problem_solving", "coding", coding=TASK, limit_s=30)
    a, _ = agent(coding)
    actions = idle(a, 0.0, 30.1)
    assert kinds(actions) == ["prompt", "follow_up"]
    assert isinstance(actions[0], Prompt) and actions[0].text == say("en", "coding_time_up")
    assert idle(a, 30.1, 31.0) == []  # the explanation is an answer like any other, not timed again


def test_read_aloud_is_assessed_on_the_words_heard_and_never_scored_against_a_competency() -> None:
    item = PlannedQuestion("e1", say("en", "read_aloud"), None, "read_aloud", passage=PASSAGE)
    a, started = agent(item)
    assert isinstance(started[0], AskQuestion) and started[0].module == {
        "kind": "read_aloud",
        "limit_s": None,
        "passage": PASSAGE,
    }
    heard = [(0.5, 4.0, "Our team meets every Monday morning to plan the weak.")]
    actions = speak(a, heard, until=12.0)
    assert not any(isinstance(x, Scored) for x in actions)
    assessed = [x for x in actions if isinstance(x, Assessed)]
    assert len(assessed) == 1 and assessed[0].module == "read_aloud"
    assert assessed[0].figures["intelligibility"] == pytest.approx(9 / 10)


def test_the_free_english_answer_is_reported_apart_with_its_content_score() -> None:
    item = PlannedQuestion("e2", say("en", "english_free"), None, "english_free", limit_s=90)
    a, _ = agent(item)
    actions = speak(a, STORY, until=30.0)
    assert not any(isinstance(x, Scored) for x in actions)  # not a competency score
    assessed = [x for x in actions if isinstance(x, Assessed)]
    assert assessed and assessed[0].module == "english_free"
    assert 1 <= assessed[0].figures["content"] <= 5


def test_read_aloud_accuracy_counts_words_in_order_and_ignores_added_words() -> None:
    assert read_aloud_accuracy("One two three four.", "one two three four")["intelligibility"] == 1.0
    assert read_aloud_accuracy("One two three four.", "um one, uh, two three four")["intelligibility"] == 1.0
    assert read_aloud_accuracy("One two three four.", "one three")["intelligibility"] == 0.5
    assert read_aloud_accuracy("One two three four.", "four three two one")["intelligibility"] == 0.25
    assert read_aloud_accuracy("One two three four.", "")["intelligibility"] == 0.0


def test_module_kinds_map_to_scorer_kinds_in_one_place() -> None:
    assert scoring_kind("self_intro") == "self_intro"
    assert scoring_kind("coding") == "technical"
    assert scoring_kind("behavioural") == "behavioural"


BASE = {
    "title": "Dev",
    "competencies": [{"name": "problem_solving"}],
    "questions": [{"competency": "problem_solving", "text": "Tell me about a hard bug."}],
}


def test_the_spoken_english_check_is_off_by_default_and_adds_two_items_when_on() -> None:
    off = plan_from_dict(BASE)
    assert not off.spoken_english and [q.kind for q in off.questions] == ["behavioural"]
    on = plan_from_dict({**BASE, "spoken_english": True})
    assert on.spoken_english
    assert [q.kind for q in on.questions] == ["behavioural", "read_aloud", "english_free"]
    assert on.questions[1].passage and on.questions[1].competency is None
    zh = plan_from_dict(
        {
            **BASE,
            "language": "zh",
            "spoken_english": True,
            "questions": [{"competency": "problem_solving", "text": "讲一个难查的问题。"}],
        }
    )
    assert zh.questions[2].text["zh"].startswith("请用英语")
    assert zh.questions[1].passage == on.questions[1].passage  # the passage is English


@pytest.mark.parametrize(
    ("item", "field", "message"),
    [
        ({"kind": "coding"}, "coding", "needs `coding"),
        ({"kind": "coding", "coding": {"tests": []}}, "coding.tests", "1 to 50 tests"),
        ({"kind": "coding", "coding": {"tests": [{"name": "x"}]}}, "tests[0]", "name and Python code"),
        ({"kind": "self_intro", "limit_s": 5}, "limit_s", "between 10 and 3600"),
        ({"kind": "behavioural", "passage": "Read me."}, "passage", "read_aloud only"),
        ({"kind": "read_aloud"}, "passage", "needs the passage"),
        ({"kind": "english_free"}, "kind", "spoken_english: true"),
    ],
)
def test_module_items_are_validated_with_the_field_named(
    item: dict[str, object], field: str, message: str
) -> None:
    question = {"competency": "problem_solving", "text": "Do it.", **item}
    with pytest.raises(SourceError) as caught:
        plan_from_dict({**BASE, "questions": [question]})
    assert field in str(caught.value) and message in str(caught.value)
