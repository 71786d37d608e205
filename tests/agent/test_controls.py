"""The interviewer's controls of the agent, on a virtual clock: pause holds the next question until
resume, an injected question is asked at once, skip and hand-back move on, take-over silences the agent,
end says goodbye."""

from __future__ import annotations

from agent.actions import Action
from agent.interviewer import InterviewAgent
from agent.plan import InterviewPlan, PlannedQuestion
from scoring.rubric import DEFAULT_RUBRIC
from scoring.scorer import DefaultScorer

STORY = [
    (0.5, 3.0, "Last year our release was two weeks late."),
    (4.3, 3.0, "As the lead, I had to recover the schedule."),
    (8.1, 3.0, "I split the work into daily goals and I paired the juniors with seniors."),
    (11.9, 3.0, "We shipped three days early and complaints fell by forty percent."),
]


def agent() -> InterviewAgent:
    plan = InterviewPlan(
        [
            PlannedQuestion("q1", "Tell me about a time you led a team.", competency="leadership"),
            PlannedQuestion("q2", "Describe a conflict with a colleague.", competency="teamwork"),
        ]
    )
    a = InterviewAgent(plan, "en", DefaultScorer(), DEFAULT_RUBRIC)
    a.start(0.0)
    return a


def speak(a: InterviewAgent, lines: list[tuple[float, float, str]], until: float) -> list[Action]:
    """Say the lines, transcribed 0.3 s after each ends, ticking every 20 ms until `until`."""
    actions: list[Action] = []
    t = lines[0][0]
    todo = list(lines)
    while t < until:
        for line in list(todo):
            start, dur, text = line
            if abs(t - start) < 1e-6:
                a.speech_started(start)
            if abs(t - (start + dur)) < 1e-6:
                a.speech_ended(start, start + dur)
            if abs(t - (start + dur + 0.3)) < 1e-6:
                actions += a.final(text, start, start + dur, t)
                todo.remove(line)
        actions += a.tick(t, t)
        t = round(t + 0.02, 6)
    return actions


def kinds(actions: list[Action]) -> list[str]:
    return [x.type for x in actions if x.type != "score"]


def test_pause_holds_the_next_question_until_resume() -> None:
    a = agent()
    assert a.pause() == [] and a.state == "paused"
    heard = speak(a, STORY, until=30.0)
    assert kinds(heard) == ["end_of_answer"], "a paused agent asks nothing"
    assert any(x.type == "score" and not x.event()["provisional"] for x in heard), (
        "but still scores the answer"
    )
    assert a.tick(40.0, 40.0) == [], "and does not end the answer again and again"
    resumed = a.resume(41.0, 41.0)
    assert kinds(resumed) == ["next_question"] and resumed[-1].event()["index"] == 1
    assert a.state == "running"


def test_a_candidate_who_goes_on_during_a_pause_is_heard_to_the_end() -> None:
    a = agent()
    a.pause()
    speak(a, STORY[:2], until=16.0)
    more = speak(
        a, [(20.0, 3.0, "We shipped three days early and complaints fell by forty percent.")], until=30.0
    )
    final = [x for x in more if x.type == "score" and not x.event()["provisional"]]
    assert final and final[-1].event()["star"]["result"]["present"]


def test_an_injected_question_is_asked_at_once_and_its_answer_extends_the_current_one() -> None:
    a = agent()
    speak(a, STORY[:1], until=2.0)
    (asked,) = a.inject("What would your team say about you?", 2.5, by="iv@example.test")
    assert asked.type == "follow_up" and asked.event()["reason"] == "interviewer"
    assert (
        asked.event()["text"] == "What would your team say about you?"
        and asked.event()["by"] == "iv@example.test"
    )
    assert a.current is not None and a.current.index == 0
    after = speak(a, STORY[1:], until=20.0)
    assert "next_question" in kinds(after)


def test_skip_scores_what_was_said_and_moves_on() -> None:
    a = agent()
    speak(a, STORY[:1], until=4.0)
    actions = a.skip(5.0, 5.0)
    assert [x.type for x in actions] == ["score", "next_question"]
    assert not actions[0].event()["provisional"] and actions[1].event()["index"] == 1


def test_take_over_silences_the_agent_and_hand_back_moves_to_the_next_question() -> None:
    a = agent()
    a.take_over()
    heard = speak(a, STORY, until=60.0)
    assert kinds(heard) == [], "no prompts, no end of answer while the interviewer leads"
    assert any(x.type == "score" for x in heard), "scores still reach the console"
    back = a.hand_back(61.0, 61.0)
    assert kinds(back) == ["next_question"] and a.state == "running"


def test_end_scores_the_answer_in_progress_and_says_goodbye() -> None:
    a = agent()
    speak(a, STORY[:2], until=8.0)
    actions = a.end(9.0)
    assert [x.type for x in actions] == ["score", "finished"] and a.state == "finished"
    assert a.end(10.0) == [] and a.tick(11.0) == []


def test_scores_carry_suggested_follow_ups_for_the_console() -> None:
    a = agent()
    heard = speak(a, STORY[:3], until=12.0)
    score = [x for x in heard if x.type == "score"][-1]
    reasons = [s["reason"] for s in score.event()["suggestions"]]
    assert "missing_result" in reasons
    assert all(s["text"] for s in score.event()["suggestions"])
