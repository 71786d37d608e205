"""Whole answers through the live call's path (pipeline, recognition pool, conductor, agent) with
scripted speech on a virtual clock: no model is loaded and a 30-second exchange takes milliseconds."""

from __future__ import annotations

from typing import Any

from agent.endpointing import EndpointSettings
from agent.interviewer import AgentSettings
from agent.plan import PlannedQuestion
from scoring.scorer import DefaultScorer
from server.replay import Replay, single_question_plan
from tests.fakes.speech import Said, ScriptedRecognizer, ScriptedTurnModel, ScriptedVAD, scripted_audio

QUESTION = "Tell me about a time you led a team through a difficult situation."


def replay(
    script: list[Said],
    total_s: float,
    language: str = "en",
    turn_model: ScriptedTurnModel | None = None,
    mid_thought_p: float = 0.0,
) -> list[dict[str, Any]]:
    plan = single_question_plan(PlannedQuestion("q1", QUESTION))
    engines = {language: ScriptedRecognizer(script)}
    settings = AgentSettings(endpoint=EndpointSettings(mid_thought_p=mid_thought_p))
    return Replay(
        ScriptedVAD(), engines, DefaultScorer(), plan, language, settings=settings, turn_model=turn_model
    ).run(scripted_audio(script, total_s))


def decisions(events: list[dict[str, Any]]) -> list[tuple[str, str | None]]:
    kinds = ("end_of_answer", "follow_up", "prompt", "next_question")
    return [(e["type"], e.get("reason")) for e in events if e["type"] in kinds and e["t"] > 0]


STORY = [
    Said(0.5, 4.0, "Last year our release was two weeks behind schedule."),
    Said(4.8, 8.5, "As the team lead I was responsible for shipping it before the sale."),
    Said(9.3, 10.5, "So I, um,"),  # a thinking pause follows an unfinished sentence
    Said(13.5, 18.0, "I split the work into daily goals and paired juniors with seniors."),
    Said(18.8, 23.0, "We shipped three days early and crashes dropped by forty percent."),
]


def test_a_complete_story_with_a_thinking_pause_ends_once_after_its_last_sentence() -> None:
    events = replay(STORY, 30.0)
    assert decisions(events) == [("end_of_answer", "complete_story"), ("next_question", None)]
    end = next(e for e in events if e["type"] == "end_of_answer")
    assert 23.0 < end["t"] <= 23.0 + 1.2, "the end is found soon after the last word"
    finals = [e["text"] for e in events if e["type"] == "final"]
    assert finals == [s.text for s in STORY]
    assert any(e["type"] == "partial" for e in events), "captions while the candidate speaks"


def test_one_sentence_is_waited_on_prompted_then_followed_up_as_too_short() -> None:
    events = replay([Said(0.5, 3.0, "Because I like your company.")], 12.0)
    assert [kind for kind, _ in decisions(events)] == ["prompt", "end_of_answer", "follow_up"]
    prompt, end = (next(e for e in events if e["type"] == kind) for kind in ("prompt", "end_of_answer"))
    assert prompt["kind"] == "take_your_time" and 3.0 + 4.0 <= prompt["t"] < 3.0 + 4.3
    assert 3.0 + 7.0 <= end["t"] < 3.0 + 7.3
    assert decisions(events)[-1] == ("follow_up", "too_short")


def test_a_story_without_a_result_gets_the_missing_result_follow_up() -> None:
    events = replay(STORY[:4], 30.0)
    follow_ups = [reason for kind, reason in decisions(events) if kind == "follow_up"]
    assert follow_ups == ["missing_result"]


# The words of the fourth sentence close the story, but the candidate's voice is left hanging: they go on
# after a 2.6 s pause with what the result led to.
HANGING = [
    *STORY[:2],
    Said(9.3, 13.0, "I split the work into daily goals and paired juniors with seniors."),
    Said(13.8, 16.5, "We shipped three days early."),
    Said(19.1, 22.5, "And crashes dropped by forty percent in the next release."),
]


def test_a_pause_the_turn_end_model_hears_as_mid_thought_is_not_the_end() -> None:
    turn_model = ScriptedTurnModel({3: 0.01})  # after "We shipped three days early."
    events = replay(HANGING, 32.0, turn_model=turn_model, mid_thought_p=0.05)
    ends = [e for e in events if e["type"] == "end_of_answer"]
    assert len(ends) == 1 and ends[0]["t"] > 22.5, f"cut in at {ends[0]['t']}"
    assert ends[0]["reason"] == "complete_story"
    finals = [e["turn_end_p"] for e in events if e["type"] == "final"]
    assert finals == [0.9, 0.9, 0.9, 0.01, 0.9]
    assert max(turn_model.heard_s) <= 8.0 + 0.2 + 1e-6, "the model reads the last 8 s up to the pause"


def test_without_the_turn_end_model_the_same_pause_is_taken_for_the_end() -> None:
    events = replay(HANGING, 32.0)
    first_end = next(e for e in events if e["type"] == "end_of_answer")
    assert first_end["t"] < 19.1, "words alone cannot tell: this is what the model is for"


def test_captions_are_scored_at_most_once_a_second_and_every_final_is_scored() -> None:
    """Provisional scores from captions are rate-limited (CPU for every call); finals are never skipped."""
    events = replay(STORY, 30.0)
    finals = {round(e["t"], 2) for e in events if e["type"] == "final"}
    scores = [e for e in events if e["type"] == "score"]
    from_captions = [e["t"] for e in scores if round(e["t"], 2) not in finals and e["provisional"]]
    partials = [e for e in events if e["type"] == "partial"]
    assert len(from_captions) < len(partials) * 0.7, "not every caption is scored"
    assert all(b - a >= 0.99 for a, b in zip(from_captions, from_captions[1:], strict=False))
    assert finals <= {round(e["t"], 2) for e in scores}, "each final's answer so far is scored"
    assert scores[-1]["provisional"] is False
