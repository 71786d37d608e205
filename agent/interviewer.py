"""The interviewing agent: plan, end-of-answer detection, follow-ups and scores, driven by events.

Pure and clock-injected: callers feed speech and transcript events with audio-clock times and call
`tick(now)`; the agent returns actions. The live server and `interview replay` drive the same agent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from agent.actions import (
    Action,
    AskQuestion,
    Assessed,
    EndOfAnswer,
    Finished,
    FollowUp,
    Prompt,
    Scored,
    Suggestion,
)
from agent.endpointing import AnswerEnds, Endpointer, EndpointSettings, PromptDue
from agent.followups import choose_follow_up
from agent.module_turns import announce, module_view, no_follow_ups, reported_apart, time_is_up
from agent.modules import read_aloud_accuracy, say, scoring_kind
from agent.phrasing import FollowUpPhraser
from agent.plan import InterviewPlan, PlannedQuestion
from agent.texts import CLOSING, FOLLOW_UPS, PROMPTS, line
from scoring.analysis import Analysis, analyse
from scoring.models import Answer, AnswerScore, TimedSegment, join_segments
from scoring.rubric import Rubric
from scoring.scorer import Scorer

AgentState = Literal["running", "paused", "taken_over", "finished"]


@dataclass(frozen=True)
class AgentSettings:
    """How patient and how probing the agent is."""

    endpoint: EndpointSettings = field(default_factory=EndpointSettings)
    max_follow_ups: int = 2
    phraser: FollowUpPhraser | None = None  # optional LLM rewording; the decision stays deterministic


@dataclass
class _Turn:
    question: PlannedQuestion
    index: int
    segments: list[TimedSegment] = field(default_factory=list)
    follow_ups: list[str] = field(default_factory=list)
    coding_open: bool = False  # a coding task: the candidate is at the editor, not answering aloud


class InterviewAgent:
    """Asks the plan's questions, decides when each answer is over, and what to ask next."""

    def __init__(
        self,
        plan: InterviewPlan,
        language: str,
        scorer: Scorer,
        rubric: Rubric,
        settings: AgentSettings | None = None,
    ) -> None:
        self.plan = plan
        self.language = language
        self._scorer = scorer
        self._rubric = rubric
        self.settings = settings or AgentSettings()
        self._turn: _Turn | None = None
        self._endpointer = Endpointer(language, self.settings.endpoint)
        self.paused = False  # answers are still heard and scored, but the agent asks nothing new
        self.taken_over = False  # the interviewer leads: no prompts, no end-of-answer decisions
        self.finished = False
        self._answered = False  # the current answer ended while paused: wait for resume

    @property
    def state(self) -> AgentState:
        """running, paused, taken_over or finished (shown on the console)."""
        if self.finished:
            return "finished"
        return "taken_over" if self.taken_over else "paused" if self.paused else "running"

    @property
    def current(self) -> _Turn | None:
        """The question being answered."""
        return self._turn

    def start(self, now: float, elapsed_s: float = 0.0) -> list[Action]:
        """Ask the current (on resume) or first question."""
        question = self.plan.current or self.plan.advance(elapsed_s)
        return self._ask(question, now)

    def _ask(self, question: PlannedQuestion | None, now: float) -> list[Action]:
        if question is None:
            self.finished = True
            self._turn = None
            return [Finished(now, CLOSING.get(self.language, CLOSING["en"]))]
        self._turn = _Turn(question, self.plan.index, coding_open=question.coding is not None)
        self._listen(now)
        text = announce(question, self.language)
        module = module_view(question)
        total = len(self.plan.questions)
        return [AskQuestion(now, self.plan.index, total, text, question.competency, module)]

    def _listen(self, now: float) -> None:
        self._endpointer = Endpointer(self.language, self.settings.endpoint, asked_at=now)
        self._answered = False

    def spoken_until(self, t: float) -> None:
        """The agent's voice is saying the question until `t`: silence before then is not the candidate's."""
        self._endpointer.asked_at = max(self._endpointer.asked_at, t)

    def speech_started(self, t: float) -> None:
        """VAD heard the candidate begin (after an answer ended, they are adding to it)."""
        self._answered = False
        self._endpointer.speech_started(t)

    def speech_ended(self, start: float, end: float) -> None:
        """VAD closed a segment."""
        self._endpointer.speech_ended(start, end)

    def _answer(self, pending: TimedSegment | None = None) -> Answer | None:
        """The answer so far: its final segments, plus a partial one still being spoken."""
        turn = self._turn
        if turn is None:
            return None
        segments = (*turn.segments, pending) if pending else tuple(turn.segments)
        if not segments:
            return None
        language = "en" if reported_apart(turn.question) else self.language  # the English check
        return Answer(
            turn.question.text,
            join_segments(segments, language),
            language,
            turn.question.competency,
            scoring_kind(turn.question.kind),  # type: ignore[arg-type]
            segments,
        )

    def final(
        self, text: str, start: float, end: float, now: float, turn_end_p: float | None = None
    ) -> list[Action]:
        """A segment's final transcript; returns the provisional score of the answer so far.

        `turn_end_p`: the turn-end model's P(turn complete) at the pause after the segment, if one runs.
        """
        turn = self._turn
        if turn is None:
            return []
        if text:
            turn.segments.append(TimedSegment(text, start, end))
        answer = self._answer() or Answer(turn.question.text, "", self.language)
        analysis = self._analyse(answer)  # once: the turn policy and the scorer read the same analysis
        self._endpointer.transcribed(start, end, text, analysis, turn_end_p)
        if not text or reported_apart(turn.question):
            return []
        return [self._scored(answer, now, provisional=True, analysis=analysis)]

    def _analyse(self, answer: Answer) -> Analysis:
        turn = self._turn
        assert turn is not None
        return analyse(answer, self._rubric.get(turn.question.competency).indicator_words(self.language))

    def _scored(
        self, answer: Answer, now: float, provisional: bool = False, analysis: Analysis | None = None
    ) -> Scored:
        turn = self._turn
        assert turn is not None
        rubric = self._rubric.get(turn.question.competency)
        score = self._scorer.score(answer, rubric, provisional=provisional, analysis=analysis)
        return self._score_action(score, now)

    def partial(self, text: str, start: float, now: float) -> list[Action]:
        """A partial transcript of the open segment: a provisional score of the answer so far."""
        turn = self._turn
        if turn is None or not text or reported_apart(turn.question):
            return []
        answer = self._answer(TimedSegment(text, start, now))
        assert answer is not None
        return [self._scored(answer, now, provisional=True)]

    def _score_action(self, score: AnswerScore, now: float) -> Scored:
        turn = self._turn
        assert turn is not None
        # What a structured interviewer would probe next, for the console to suggest.
        suggestions = tuple(
            Suggestion(r, turn.question.follow_ups.get(r) or line(FOLLOW_UPS, self.language, r))
            for r in score.follow_up_reasons
        )
        return Scored(now, turn.index, score, suggestions)

    def tick(self, now: float, elapsed_s: float = 0.0, sound: bool = False) -> list[Action]:
        """Check the clock: prompts, end of answer, and what follows it (`sound`: see Endpointer)."""
        turn = self._turn
        if turn is None or self.finished or self.taken_over or self._answered:
            return []
        if time_is_up(turn.question, turn.coding_open, self._endpointer.asked_at, now):
            return self._time_up(now, elapsed_s)
        if turn.coding_open:
            return []  # at the editor: silence is not the end of an answer
        decision = self._endpointer.decide(now, sound)
        if isinstance(decision, PromptDue):
            return [Prompt(now, decision.kind, decision.reason, line(PROMPTS, self.language, decision.kind))]
        if not isinstance(decision, AnswerEnds):
            return []
        ended = EndOfAnswer(now, decision.reason, decision.silence_s, decision.wait_s, decision.pauses)
        return [ended, *self._after_answer(now, elapsed_s)]

    def code_submitted(self, now: float) -> list[Action]:
        """The candidate pressed Done at the editor: ask them to explain their approach."""
        turn = self._turn
        if turn is None or not turn.coding_open or self.finished:
            return []
        turn.coding_open = False
        turn.follow_ups.append("explain_code")
        self._listen(now)
        return [FollowUp(now, "explain_code", say(self.language, "explain_code"), turn.index)]

    def _time_up(self, now: float, elapsed_s: float) -> list[Action]:
        """The item's time limit: end it politely (a coding task goes on to its explanation)."""
        turn = self._turn
        assert turn is not None
        if turn.coding_open:
            return [
                Prompt(now, "time_up", "limit", say(self.language, "coding_time_up")),
                *self.code_submitted(now),
            ]
        ended = EndOfAnswer(now, "time_limit", 0.0, now - self._endpointer.asked_at)
        said = Prompt(now, "time_up", "limit", say(self.language, "time_up"))
        return [said, ended, *self._final_score(now), *self._ask(self.plan.advance(elapsed_s), now)]

    def _after_answer(self, now: float, elapsed_s: float) -> list[Action]:
        turn = self._turn
        assert turn is not None
        answer = self._answer()
        actions: list[Action] = []
        signals: tuple[str, ...] = ("too_short",)
        if reported_apart(turn.question):
            actions = self._final_score(now)
            signals = ()
        elif answer is not None:
            scored = self._scored(answer, now)
            actions.append(scored)
            signals = scored.score.follow_up_reasons
        if no_follow_ups(turn.question):
            signals = ()
        if self.paused:
            self._answered = True
            return actions
        choice = choose_follow_up(
            signals, turn.follow_ups, turn.question, self.language, self.settings.max_follow_ups
        )
        if choice is not None:
            turn.follow_ups.append(choice.reason)
            text = choice.text
            if self.settings.phraser is not None and answer is not None:
                text = self.settings.phraser.phrase(
                    text, choice.reason, turn.question.text, answer.text, self.language
                )
            self._listen(now)
            # The follow-up answer extends this answer: keep what was said, start a new turn clock.
            return [*actions, FollowUp(now, choice.reason, text, turn.index)]
        return actions + self._ask(self.plan.advance(elapsed_s), now)

    # The human interviewer's controls (from the live console). Each returns the actions to carry out.

    def _final_score(self, now: float) -> list[Action]:
        turn = self._turn
        answer = self._answer()
        if turn is None:
            return []
        question = turn.question
        if question.kind == "read_aloud" and question.passage:
            figures = read_aloud_accuracy(question.passage, answer.text if answer else "")
            return [Assessed(now, turn.index, "read_aloud", figures)]
        if answer is None:
            return []
        if reported_apart(question):  # the free answer: its content, by the scorer, never its accent
            score = self._scorer.score(answer, self._rubric.get(question.competency))
            figures = {
                "content": score.score,
                "content_exact": score.score_exact,
                "confidence": score.confidence,
            }
            return [Assessed(now, turn.index, question.kind or "", figures)]
        return [self._scored(answer, now)]

    def inject(self, text: str, now: float, by: str = "") -> list[Action]:
        """Ask the interviewer's question now; its answer belongs to the current question."""
        turn = self._turn
        if turn is None or self.finished:
            return []
        self._listen(now)
        return [FollowUp(now, "interviewer", text, turn.index, by)]

    def skip(self, now: float, elapsed_s: float = 0.0) -> list[Action]:
        """Score what was said and move to the next question."""
        if self._turn is None or self.finished:
            return []
        return self._final_score(now) + self._ask(self.plan.advance(elapsed_s), now)

    def pause(self) -> list[Action]:
        """Keep listening and scoring, but ask nothing new until `resume`."""
        self.paused = True
        return []

    def resume(self, now: float, elapsed_s: float = 0.0) -> list[Action]:
        """Carry on; an answer that ended during the pause gets its follow-up or the next question now."""
        self.paused = False
        if self._answered and self._turn is not None and not self.finished:
            self._answered = False
            return self._after_answer(now, elapsed_s)
        return []

    def take_over(self) -> list[Action]:
        """The interviewer leads the conversation; the agent only listens and scores."""
        self.taken_over = True
        return []

    def hand_back(self, now: float, elapsed_s: float = 0.0) -> list[Action]:
        """The agent leads again, from the next question of the plan."""
        self.taken_over = False
        self.paused = False
        return self.skip(now, elapsed_s)

    def end(self, now: float) -> list[Action]:
        """Finish now: score the answer in progress and say goodbye."""
        if self.finished:
            return []
        actions = self._final_score(now)
        self.finished = True
        self._turn = None
        return [*actions, Finished(now, CLOSING.get(self.language, CLOSING["en"]))]
