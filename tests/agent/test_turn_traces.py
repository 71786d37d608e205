"""Deciding again from a recorded trace (`bench/turn_traces.py`) gives what the live path decides.

Scripted speech through the live call's path (no model): the agent's inputs are recorded with an answer
that never ends, then a new agent decides on them; its end of answer, prompt and follow-up must be the
ones a replay with the same settings gives.
"""

from __future__ import annotations

from typing import Any

import pytest

from agent.endpointing import EndpointSettings
from agent.interviewer import AgentSettings
from agent.plan import PlannedQuestion
from bench.turn_traces import NEVER_ENDS, _recorded, decided, settings_from
from scoring.scorer import DefaultScorer
from server.replay import Replay, single_question_plan
from tests.agent.test_scripted_calls import HANGING, STORY, decisions
from tests.fakes.speech import Said, ScriptedRecognizer, ScriptedVAD, scripted_audio

CLIP = {"id": "scripted", "question": "Tell me about a time you led a team through a difficult situation."}


def _replay(script: list[Said], settings: EndpointSettings) -> Replay:
    return Replay(
        ScriptedVAD(),
        {"en": ScriptedRecognizer(script)},
        DefaultScorer(),
        single_question_plan(PlannedQuestion("q1", CLIP["question"])),
        "en",
        settings=AgentSettings(endpoint=settings),
    )


def _trace(script: list[Said], total_s: float) -> dict[str, Any]:
    replay = _replay(script, NEVER_ENDS)
    calls: list[list[Any]] = []
    _recorded(replay.agent, calls)
    events = replay.run(scripted_audio(script, total_s))
    assert not [e for e in events if e["type"] == "end_of_answer"], "a recorded answer never ends"
    return {"clip": {**CLIP, "language": "en"}, "calls": calls}


@pytest.mark.parametrize(
    ("script", "total_s"),
    [
        (STORY, 30.0),
        (STORY[:4], 30.0),
        (HANGING, 30.0),
        ([Said(0.5, 3.0, "Because I like your company.")], 12.0),
    ],
)
@pytest.mark.parametrize("complete_wait_s", [0.6, 0.8])
def test_decisions_from_a_trace_are_the_live_paths(
    script: list[Said], total_s: float, complete_wait_s: float
) -> None:
    settings = EndpointSettings(complete_wait_s=complete_wait_s)
    live = _replay(script, settings).run(scripted_audio(script, total_s))
    again = decided(_trace(script, total_s), settings)
    # The same prompt, end (at the same time, for the same reason) and what follows it.
    assert decisions(again)[-1][0] in ("follow_up", "next_question")
    assert decisions(again) == decisions(live)[: len(decisions(again))]
    ends = [[e for e in events if e["type"] == "end_of_answer"][:1] for events in (live, again)]
    assert ends[0] == ends[1] and ends[0]


def test_a_setting_that_does_not_exist_is_named() -> None:
    with pytest.raises(SystemExit, match="no setting 'complete_wait'"):
        settings_from(["complete_wait=0.8"])
    assert settings_from(["complete_wait_s=0.7"]).complete_wait_s == 0.7
