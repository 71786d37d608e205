"""The skeleton's plan and silence policy on scripted timelines (virtual clock)."""

from __future__ import annotations

import pytest

from agent.plan import InterviewPlan, PlannedQuestion
from agent.turns import SilenceTurnPolicy


def test_plan_asks_in_order_then_finishes() -> None:
    plan = InterviewPlan([PlannedQuestion("1", "A?"), PlannedQuestion("2", "B?")])
    assert plan.current is None
    assert [plan.advance().text, plan.advance().text] == ["A?", "B?"]  # type: ignore[union-attr]
    assert plan.advance() is None and plan.finished
    assert plan.advance() is None


def test_plan_validation() -> None:
    with pytest.raises(ValueError, match="at least one question"):
        InterviewPlan([])
    with pytest.raises(ValueError, match="needs text"):
        PlannedQuestion("1", "  ")


def test_waits_for_speech_silence_and_transcript() -> None:
    policy = SilenceTurnPolicy(silence_s=3.0)
    assert not policy.due(100.0)  # nothing said yet: never jump ahead
    policy.speech_started(1.0)
    policy.speech_ended(4.0)
    assert not policy.due(8.0)  # transcript still pending
    policy.transcribed()
    assert not policy.due(6.9)
    assert policy.due(7.0)


def test_a_pause_shorter_than_the_silence_is_not_the_end() -> None:
    policy = SilenceTurnPolicy(silence_s=3.0)
    policy.speech_started(1.0)
    policy.speech_ended(4.0)
    policy.transcribed()
    policy.speech_started(6.2)  # 2.2 s thinking pause, then more
    assert not policy.due(9.0)
    policy.speech_ended(10.0)
    policy.transcribed()
    assert not policy.due(12.9) and policy.due(13.0)


def test_a_new_question_resets_the_answer() -> None:
    policy = SilenceTurnPolicy(silence_s=1.0)
    policy.speech_started(0)
    policy.speech_ended(1)
    policy.transcribed()
    assert policy.due(2.5)
    policy.question_asked()
    assert not policy.due(10)
    with pytest.raises(ValueError):
        SilenceTurnPolicy(silence_s=0)
