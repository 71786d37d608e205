"""End-of-answer detection: pure and clock-injected, so it is tested on scripted timelines.

Silence alone cannot tell a thinking pause from the end of an answer, so the wait depends on what
has been said. People pause 0.4-1.5 s between sentences and think for 1.5-4 s in the middle of a story:

| what the answer holds so far                                  | after this much silence          |
|---------------------------------------------------------------|----------------------------------|
| a trailing clause or filler ("and", "so", "um", "然后", "嗯", a | "take your time" at              |
|   trailing comma): the candidate is thinking                  |   `prompt_after_s`; ends (the    |
|                                                               |   follow-up invites the rest) at |
|                                                               |   `incomplete_end_s`             |
| a complete story (situation/task, own or team action, result) | ends after the candidate's usual |
|   or, to a situational question, a plan of three steps in     |   gap (median), at least         |
|   more than one sentence whose last step closes it            |   `complete_wait_s`              |
|   ("finally…", "最后…")                                        |                                  |
| a plan of three steps or more that may go on ("then…",        | the candidate's rhythm (below),  |
|   "next…", "接着…", a fallback: "if that fails…"), or a story |   at least `open_plan_wait_s`    |
|   that ends on a lesson ("it taught me…", "让我明白…")         |                                  |
| a story whose last sentence is an action told after its       | `story_wait_s` (a thinking       |
|   outcome ("I also trained…", "我还…"): it may go on            |   pause), without a prompt       |
| any other answer to a behavioural or situational question: no | "take your time" at              |
|   result yet, no action, one sentence, only what they would   |   `story_wait_s`; ends (and the  |
|   do: it may go on after a thinking pause                     |   follow-up asks for what is     |
|                                                               |   missing) at `incomplete_end_s` |
| other questions (general, technical)                          | the candidate's rhythm: a little |
|                                                               |   longer than their longest gap, |
|                                                               |   at least `base_wait_s`         |
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from agent.utterance import fragment, is_trailing
from scoring.analysis import Analysis
from scoring.models import TimedSegment, join_segments

__all__ = ["AnswerEnds", "Endpointer", "EndpointSettings", "PromptDue", "is_trailing"]

COMPLETE_PLAN_STEPS = 3  # a situational answer with three steps is a plan: whole once a step closes it


@dataclass(frozen=True)
class EndpointSettings:
    """Waits in seconds of silence after the last voiced moment."""

    complete_wait_s: float = 0.8
    base_wait_s: float = 0.9
    rhythm_factor: float = 1.12
    max_rhythm_wait_s: float = 2.0
    # A plan that may go on: longer than people's pauses between sentences (0.4-1.5 s), whatever the
    # candidate's rhythm so far.
    open_plan_wait_s: float = 1.6
    story_wait_s: float = 4.0  # an unfinished answer: "take your time" after a thinking pause this long
    incomplete_end_s: float = 7.0  # ... and the answer is over (follow-up) if nothing more comes
    prompt_after_s: float = 4.0
    give_up_after_s: float = 15.0
    max_answer_s: float = 150.0
    # Below this P(turn complete) from the turn-end model (0: not used), the voice stopped mid-thought.
    mid_thought_p: float = 0.0

    def __post_init__(self) -> None:
        if not 0.0 <= self.mid_thought_p < 1.0:
            raise ValueError("mid_thought_p must be in [0, 1)")
        if not 0 < self.complete_wait_s <= self.base_wait_s <= self.max_rhythm_wait_s:
            raise ValueError("waits must satisfy 0 < complete_wait_s <= base_wait_s <= max_rhythm_wait_s")
        if not self.base_wait_s <= self.open_plan_wait_s <= self.max_rhythm_wait_s:
            raise ValueError("waits must satisfy base_wait_s <= open_plan_wait_s <= max_rhythm_wait_s")
        if not self.story_wait_s < self.incomplete_end_s < self.give_up_after_s:
            raise ValueError("waits must satisfy story_wait_s < incomplete_end_s < give_up_after_s")
        if not self.prompt_after_s < self.incomplete_end_s:
            raise ValueError("prompt_after_s must be shorter than incomplete_end_s")


@dataclass(frozen=True)
class AnswerEnds:
    """The answer is over."""

    t: float
    reason: str
    silence_s: float
    wait_s: float
    pauses: tuple[float, ...] = ()  # the candidate's pauses between sentences so far


@dataclass(frozen=True)
class PromptDue:
    """Say something without ending the answer."""

    t: float
    kind: Literal["take_your_time", "wrap_up"]
    reason: str


@dataclass
class _Segment:
    start: float
    end: float | None = None
    text: str | None = None
    turn_end_p: float | None = None


@dataclass
class Endpointer:
    """Follows one answer and says when it is over."""

    language: str
    settings: EndpointSettings = field(default_factory=EndpointSettings)
    asked_at: float = 0.0
    _segments: list[_Segment] = field(default_factory=list)
    _in_speech: bool = False
    _prompted: set[str] = field(default_factory=set)
    _analysis: Analysis | None = None
    _rhythm: list[float] | None = None  # `_pauses()` until the segments change

    @property
    def spoken(self) -> bool:
        """Whether the candidate has said anything in this answer."""
        return bool(self._segments)

    @property
    def in_speech(self) -> bool:
        """Whether the candidate is speaking."""
        return self._in_speech

    def speech_started(self, t: float) -> None:
        """VAD heard speech begin."""
        self._in_speech = True
        self._segments.append(_Segment(start=t))
        self._rhythm = None

    def speech_ended(self, start: float, end: float) -> None:
        """VAD closed a segment."""
        self._in_speech = False
        if self._segments and self._segments[-1].end is None:
            self._segments[-1].end = end
        else:
            self._segments.append(_Segment(start=start, end=end))
        self._rhythm = None

    def transcribed(
        self, start: float, end: float, text: str, analysis: Analysis, turn_end_p: float | None = None
    ) -> None:
        """A segment's final transcript, with the analysis of the whole answer so far.

        `turn_end_p`: the turn-end model's P(turn complete) at the pause after the segment, if one runs.
        """
        for seg in reversed(self._segments):
            if seg.text is None and abs(seg.start - start) < 0.5:
                seg.text, seg.turn_end_p = text, turn_end_p
                break
        self._analysis = analysis
        self._rhythm = None

    def _mid_thought(self, seg: _Segment) -> bool:
        """The segment stopped mid-thought: in its words (a trailing "and", "um") or in its sound."""
        if seg.text and is_trailing(seg.text, self.language):
            return True
        p = seg.turn_end_p
        return p is not None and p < self.settings.mid_thought_p

    def _pauses(self) -> list[float]:
        """The candidate's rhythm: each silence after a segment whose words finished a thought.

        Read from the transcripts whenever they arrive, so a gap counts the same whether the recogniser
        answered before the candidate spoke again or after; kept until the segments change (the silent
        ticks between them ask again and again).
        """
        if self._rhythm is None:
            pairs = zip(self._segments, self._segments[1:], strict=False)
            self._rhythm = [
                nxt.start - prev.end
                for prev, nxt in pairs
                if prev.end is not None and prev.text and not self._mid_thought(prev)
            ]
        return self._rhythm

    def _last_voiced(self) -> float | None:
        ends = [s.end for s in self._segments if s.end is not None]
        return max(ends) if ends else None

    def _spoken_s(self) -> float:
        return sum((s.end or s.start) - s.start for s in self._segments)

    def _wait(self) -> tuple[float | None, str, float | None]:
        """Silence that ends the answer now, why, and when to prompt first (None: never by silence)."""
        last = self._segments[-1]
        a = self._analysis
        if last.text is None or a is None:
            return None, "waiting_for_transcript", None
        spoken = [seg for seg in self._segments if seg.text]
        s = self.settings
        if not spoken:
            return None, "trailing_clause", s.prompt_after_s
        if is_trailing(spoken[-1].text or "", self.language):
            # Mid-thought ("and…", "it was I…"; recognisers also close a misheard last word with "…"):
            # "take your time" after a thinking pause, then, as for any unfinished answer, the follow-up
            # invites the rest rather than leaving a long silence.
            return s.incomplete_end_s, "trailing_clause", s.prompt_after_s
        if not last.text:
            # A sound without words ("mm", a cough, a filler the recogniser dropped): likely thinking.
            return s.incomplete_end_s, "filler_sound", s.story_wait_s
        if self._mid_thought(last):
            # The words look finished (recognisers close a dangling clause with a full stop) but the voice
            # stopped mid-thought: wait through the pause as for an unfinished answer.
            return s.incomplete_end_s, "mid_thought_voice", s.story_wait_s
        if a.kind in ("behavioural", "situational"):
            acted = bool(a.self_actions or a.team_actions)
            context = bool(a.with_part("situation") or a.with_part("task"))
            if a.kind == "behavioural" and acted and context and a.with_part("result"):
                if a.acts_after_result and not a.closes_with_lesson:
                    # Back to what was done after an outcome: the story goes on (its outcome usually
                    # comes last), so a thinking pause is waited through as in an unfinished answer; it
                    # ends without a prompt (an outcome was told).
                    return s.story_wait_s, "story_goes_on", None
                return self._typical_wait(), "complete_story", None
            if a.kind == "behavioural" and acted and context and a.closes_with_lesson:
                # A lesson is said once the story is told ("it taught me…", "这件事让我明白…"), even when its
                # outcome was not heard: end after a pause between sentences and ask for the outcome.
                return max(self._rhythm_wait(), s.open_plan_wait_s), "lesson_closes_story", None
            # Three steps, said in at least three stretches of speech that each hold one: two sentences with
            # three markers ("first… then… before…"), or a sentence the voice detector split in three ("我首先
            # 会…通知" / "告诉大家" / "班车走不了"), are the plan's start, and a thinking pause often follows.
            said = self._stretches_with_steps(spoken, a) >= COMPLETE_PLAN_STEPS and len(a.facts) > 1
            if a.kind == "situational" and a.plan_steps >= COMPLETE_PLAN_STEPS and said:
                if a.plan_closed:
                    return self._typical_wait(), "complete_plan", None
                # A plan whose last step leaves it open ("then…", "next…", "接着…", or a fallback: "if
                # that fails…" is often followed by "finally…"): another step may follow after any pause
                # between sentences, or one as long as the candidate's longest; it is not waited on as long
                # as an unfinished answer.
                return max(self._rhythm_wait(), s.open_plan_wait_s), "open_plan", None
            # No result yet, no action, one sentence, or only what they would do: the answer may well go
            # on after a thinking pause; wait through it, then prompt, and only then ask what is missing.
            return s.incomplete_end_s, "unfinished_answer", s.story_wait_s
        return self._rhythm_wait(), "sentence_complete_after_pause", None

    def _stretches_with_steps(self, spoken: list[_Segment], a: Analysis) -> int:
        """Stretches of speech that hold a step of the plan (a marker, or what the candidate would do).

        The analysis reads the answer as the recogniser's segments joined (`join_segments`); each step's
        clause belongs to the first stretch it is said in that is more than a blip or a lead-in
        ("我的做法是"), so a sentence the voice detector split in three is one stretch, a remark none.
        """
        segments = [TimedSegment(seg.text or "", seg.start, seg.end or seg.start) for seg in spoken]
        joined = join_segments(segments, self.language)
        # After a follow-up the analysed answer also holds what was said before it: these stretches end it.
        whole = a.cleaned.original if a.cleaned is not None else joined
        before = len(whole) - len(joined) if whole.endswith(joined) else 0
        spans: list[tuple[int, int]] = []  # where each stretch that says something is in the analysed text
        cursor = 0
        for seg in segments:
            said = seg.text.strip()
            at = joined.find(said, cursor) if said else -1
            if at >= 0:
                cursor = at + len(said)
                if not fragment(said, self.language):
                    spans.append((before + at, before + cursor))
        situational = a.kind == "situational"
        holding = {
            next(
                (i for i, (at, end) in enumerate(spans) if at < f.sentence.end and f.sentence.start < end),
                None,
            )
            for f in a.facts
            if f.plan_steps or f.says_would or (situational and f.self_action)
        }
        return len(holding - {None})

    def _rhythm_wait(self) -> float:
        """A little longer than the candidate's longest gap so far, within the configured bounds."""
        s = self.settings
        rhythm = s.rhythm_factor * max(self._pauses(), default=0.0)
        return min(max(s.base_wait_s, rhythm), s.max_rhythm_wait_s)

    def _typical_wait(self) -> float:
        """The candidate's usual (median) gap between sentences, within the configured bounds."""
        s = self.settings
        # The lower median: one long thinking pause among few gaps must not set the candidate's rhythm.
        pauses = sorted(self._pauses())
        typical = pauses[(len(pauses) - 1) // 2] if pauses else 0.0
        return min(max(s.complete_wait_s, typical), s.max_rhythm_wait_s)

    def decide(self, now: float, sound: bool = False) -> AnswerEnds | PromptDue | None:
        """Check at audio-clock time `now`; returns at most one decision.

        `sound` says the latest audio is above the noise floor although VAD has not (yet) called it
        speech: never end an answer then.
        """
        s = self.settings
        if sound and not self._in_speech:
            return None
        if self._in_speech:
            if (
                self._spoken_s() + (now - self._segments[-1].start) > s.max_answer_s
                and "wrap_up" not in self._prompted
            ):
                self._prompted.add("wrap_up")
                return PromptDue(now, "wrap_up", "very_long_answer")
            return None
        last_voiced = self._last_voiced()
        silence = now - (last_voiced if last_voiced is not None else self.asked_at)
        if last_voiced is not None:
            wait, reason, prompt_at = self._wait()
        else:
            wait, reason, prompt_at = None, "no_answer_yet", s.prompt_after_s
        if wait is not None and silence >= wait:
            gaps = tuple(round(p, 2) for p in self._pauses())
            return AnswerEnds(now, reason, round(silence, 3), wait, gaps)
        if silence >= s.give_up_after_s:
            return AnswerEnds(now, "long_silence", round(silence, 3), s.give_up_after_s)
        if prompt_at is not None and silence >= prompt_at and "take_your_time" not in self._prompted:
            self._prompted.add("take_your_time")
            return PromptDue(now, "take_your_time", reason)
        return None
