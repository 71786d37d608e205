"""What an answer contains: STAR parts, the candidate's own actions, specifics, hypotheticals.

Pure functions over text. Features are computed on neutralised words (names, places, schools and
gendered pronouns replaced), quotes are taken from the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scoring import lexicon as lx
from scoring.actors import (
    background,
    does_something,
    done_together,
    goes_on_unsaid,
    goes_on_unsaid_en,
    hits,
    names_subject,
    others_action,
    perfective,
    reaction,
    self_action,
    speaker_opens,
    subject_left_waiting,
    team_action,
    trait,
    verdict,
)
from scoring.clause_cues import (
    before_purpose,
    doer_unnamed,
    ends_with,
    last_in_line,
    markers,
    says_how,
    task_at,
)
from scoring.disfluency import Cleaned, clean
from scoring.kinds import question_kind
from scoring.models import Answer, QuestionKind, StarPart
from scoring.numbers import measures_change, measures_time, specifics
from scoring.segments import clauses
from scoring.text import PLACEHOLDER, Sentence, detect_language, neutral_words, tokens

__all__ = ["Analysis", "SentenceFacts", "analyse", "question_kind"]

MIN_WORDS = {"en": 15, "zh": 25}  # words for English, characters for Chinese


@dataclass
class SentenceFacts:
    """Features of one clause: `sentence` is where it is in the answer as said, `text` its fluent form."""

    sentence: Sentence
    text: str = ""
    neutral: str = ""
    parts: set[StarPart] = field(default_factory=set)
    self_action: bool = False
    team_action: bool = False
    others_action: bool = False  # other people act ("the crew stayed behind")
    hypothetical: bool = False
    says_would: bool = False  # in its own words ("我会…", "I'd…"), not only in the mood of the clause before
    specifics: list[str] = field(default_factory=list)
    plan_steps: int = 0
    # Where a task is named ("I had to…", "让我…"), if anywhere: what comes before it can still be an outcome
    # ("退货少了将近一半，区域经理还让我去别的店讲讲").
    task_at: int | None = None


@dataclass
class Analysis:
    """Everything the scorer and the agent's follow-up choice need to know about an answer."""

    language: str
    kind: QuestionKind
    facts: list[SentenceFacts]
    length: int
    relevance_hits: list[str]
    vague_hits: list[str]
    cleaned: Cleaned | None = None

    def with_part(self, part: StarPart) -> list[SentenceFacts]:
        """Sentences that show a STAR part."""
        return [f for f in self.facts if part in f.parts]

    @property
    def self_actions(self) -> list[SentenceFacts]:
        """Sentences where the candidate themself acts (in the past), beyond stating their task."""
        return [f for f in self.facts if "action" in f.parts]

    @property
    def others_actions(self) -> list[SentenceFacts]:
        """Sentences past the scene where other people act and the candidate does not."""
        return [
            f for f in self.facts[1:] if f.others_action and not f.self_action and "situation" not in f.parts
        ]

    @property
    def team_actions(self) -> list[SentenceFacts]:
        """Sentences where only 'we' or the team acts."""
        return [f for f in self.facts if f.team_action and not f.self_action]

    @property
    def specifics(self) -> list[str]:
        """Distinct concrete details: numbers, quantities, named things."""
        seen: list[str] = []
        for f in self.facts:
            seen += [s for s in f.specifics if s not in seen]
        return seen

    @property
    def hypothetical_share(self) -> float:
        """Share of sentences that say what the candidate would do."""
        return sum(f.hypothetical for f in self.facts) / len(self.facts) if self.facts else 0.0

    @property
    def too_short(self) -> bool:
        """Shorter than a real answer can be."""
        return self.length < MIN_WORDS[self.language]

    @property
    def mostly_hypothetical(self) -> bool:
        """It says what the candidate would do: most of it, or some of it and nothing done.

        One clause heard as done does not undo that; would-do only after an outcome does not make it.
        """
        would = sum(f.hypothetical for f in self.facts)
        nothing_done = not (self.self_actions or self.team_actions)
        # What they would do after telling how it turned out is a reflection ("I'd do the same again").
        # (An outcome past the opening: "the result matters to me, I'd…" opens a hypothetical answer.)
        outcomes = [i for i, f in enumerate(self.facts) if i and "result" in f.parts]
        first_outcome = outcomes[0] if outcomes else len(self.facts)
        before_outcome = any(f.hypothetical for f in self.facts[:first_outcome])
        return (
            before_outcome
            and (self.hypothetical_share >= 0.5 or nothing_done)
            and 3 * len(self.self_actions) <= would
        )

    @property
    def tells_no_story(self) -> bool:
        """A behavioural answer with no example in it ("I don't remember the details, but it went fine").

        Nothing the candidate did and nothing came of it; and it says there is no one instance, or nobody
        acts, nothing is concrete and it is not what the candidate would do.
        """
        if self.kind != "behavioural" or self.self_actions or self.with_part("result"):
            return False
        # "Loads of times, nothing special I'd pick out", "我们这行天天都有，说不上哪一次": no instance, said.
        said = any(self._says(f, lx.NO_INSTANCE) for f in self.facts)
        return said or not (self.team_actions or self.specifics or any(f.hypothetical for f in self.facts))

    @property
    def plan_steps(self) -> int:
        """Steps of a plan (situational answers).

        Its step and contingency markers, and each clause that says in its own words what the candidate
        would do ("我会派个人上去", "I'd ring the owner"); a clause that only goes on in that mood ("明天还有
        哪些航班？") is part of the step before.
        """
        # Mandarin plans often drop the 会 ("我就挨个给附近的餐饮公司打电话"): to a situational question,
        # what the candidate does is a step however it is said.
        situational = self.kind == "situational"
        return sum(
            max(f.plan_steps, int(f.says_would or (situational and f.self_action))) for f in self.facts
        )

    def _last_says(self, cues: dict[str, list[str]]) -> bool:
        """Whether the plan's last step (its last clause with a step marker) says one of `cues`.

        What follows that clause unmarked goes on with the step (recognisers split sentences anywhere).
        """
        steps = [f for f in self.facts if f.plan_steps or self._says(f, lx.PLAN_CLOSERS)]
        return bool(steps) and self._says(steps[-1], cues)

    def _says(self, fact: SentenceFacts, cues: dict[str, list[str]]) -> bool:
        text = fact.text if self.language == "zh" else fact.neutral
        return bool(hits(text, cues[self.language], self.language))

    @property
    def plan_closed(self) -> bool:
        """Whether the plan's last step says it is over ("finally…", "最后…")."""
        return self._last_says(lx.PLAN_CLOSERS)

    @property
    def closes_with_lesson(self) -> bool:
        """The answer ends on what the candidate learned ("it taught me…", "这件事让我明白…").

        In its last sentence, or in the one before when nothing is done in the last ("养成习惯了。先看现场").
        """
        last = self.facts[-2:]
        if len(last) == 2 and (last[1].self_action or last[1].team_action):
            last = last[1:]
        return any(self._says(f, lx.LESSON) for f in last)

    @property
    def acts_after_result(self) -> bool:
        """An action follows the last outcome: the candidate is back to telling what was done."""
        results = [i for i, f in enumerate(self.facts) if "result" in f.parts]
        acts = [i for i, f in enumerate(self.facts) if f.self_action or f.team_action]
        return bool(results and acts) and acts[-1] > results[-1]


def _measured_outcome(facts: list[SentenceFacts], language: str) -> None:
    """After an action, a quantity of change ("crash reports down 50% in two weeks") is the outcome.

    It counts even without a cue word: recognition errors often hit the outcome verb ("renewed" heard as
    "removed", "dropped" as "stop"); the numbers survive. So does a closing clause where no one acts
    and a time is measured ("the reports [loaded] in four seconds"), and one where the people it was for
    react to it ("the night nurses were really happy about that", "客户专门打电话来感谢"). A count
    ("I trained three colleagues", "found that two jobs…") measures no outcome.
    """
    if len(facts) < 3 or any("result" in f.parts for f in facts):
        return
    acted = False
    for i, f in enumerate(facts[1:], start=1):  # the first sentence sets the scene
        usable = acted and not f.hypothetical
        # What comes before a task named in the clause ("I had to…", "…让我去讲讲") can be an outcome.
        said = f.text[: f.task_at or 0] if "task" in f.parts else f.text
        nobody = not (f.self_action or f.team_action or speaker_opens(said, language))
        # Closing: nothing is done after it (a remark may follow: "…三周就能办完。区里开会还提了一句").
        done_after = any(g.self_action or g.team_action for g in facts[i + 1 :])
        closing = not done_after and nobody and measures_time(said, language)
        changed = measures_change(said, language) or ("task" not in f.parts and reaction(f.neutral, language))
        # A verdict where nobody acts ("by August the trial house was the cleanest on the site").
        changed = changed or (nobody and "task" not in f.parts and verdict(said, language))
        if usable and said and (closing or changed):
            f.parts.add("result")
            f.parts.discard("situation")
            return
        acted = acted or f.self_action or f.team_action


def analyse(answer: Answer, indicators: list[str] | None = None) -> Analysis:
    """Extract the features of one answer; `indicators` are the competency's cue words."""
    language = answer.language or detect_language(answer.text)
    kind: QuestionKind = answer.kind or question_kind(answer.question)
    facts: list[SentenceFacts] = []
    all_words: list[str] = []
    waiting: str | None = None  # a Mandarin subject named by the last clause, left without a verb
    fluent = clean(answer.text, language)
    for index, (start, end) in enumerate(clauses(fluent.text, language)):
        o_start, o_end = fluent.span(start, end)
        sentence = Sentence(answer.text[o_start:o_end], o_start, o_end, index)
        text = fluent.text[start:end]
        words = neutral_words(text, language)
        all_words += words
        neutral = "".join(words) if language == "zh" else " " + " ".join(words) + " "
        f = SentenceFacts(sentence, text, neutral)
        toks = tokens(text, "zh") if language == "zh" else []
        unsaid = goes_on_unsaid(toks) if language == "zh" else goes_on_unsaid_en(words)
        f.says_would = bool(hits(neutral, lx.HYPOTHETICAL[language], language)) or (
            language == "zh"
            and (re.search(lx.ZH_MODAL_AFTER_ME, text) or re.search(lx.ZH_MODAL_OPENING, text)) is not None
        )
        # A clause with no subject of its own, or opening on 把/让 with none, goes on in the mood before it.
        unsaid = unsaid or (language == "zh" and doer_unnamed(text))
        f.hypothetical = f.says_would or (bool(facts) and facts[-1].hypothetical and unsaid)
        f.specifics = specifics(text, language)
        f.plan_steps = markers(text if language == "zh" else neutral, lx.PLAN_STEPS[language], language)
        if not f.hypothetical:
            # Saying what one is like ("我做事很有条理", "我跟人打交道还行") is not an action.
            f.self_action = self_action(neutral, language, words, toks) and not trait(toks)
            f.team_action = team_action(neutral, language, words, toks)
            f.others_action = others_action(language, words, toks)
            if hits(neutral, lx.HABITUAL[language], language) and not (language == "zh" and perfective(toks)):
                f.self_action = f.team_action = False  # what one usually does tells no one time
            elif language == "zh" and facts and doer_unnamed(text):
                # "…，把每一分钟都记了下来", "让车先跑…": 把 and 让 need a doer; none named: the last one.
                f.self_action = f.self_action or facts[-1].self_action
                f.team_action = f.team_action or facts[-1].team_action
            elif language == "zh" and waiting and not names_subject(toks):
                # "我们跟几个批发商一起。临时调了一批菜": the subject named before, left without a verb, acts.
                acting = does_something(toks) and not trait(toks)
                f.self_action = f.self_action or (waiting == "self" and acting)
                f.team_action = f.team_action or (waiting == "team" and acting)
            f.team_action = f.team_action or (language == "zh" and done_together(toks))
            # What the candidate took from it ("it taught me…", "打那以后我…") or thinks, nothing done in it
            # ("我觉得吧光靠嘴说没用，得…"), is no step of the story.
            opinion = (
                language == "zh"
                and re.match(lx.OPINION_OPENING_ZH, text) is not None
                and not re.search(lx.OPINION_THEN_ACTS_ZH, text)
                and not perfective(toks)
            )
            if opinion or hits(neutral if language == "en" else text, lx.LESSON[language], language):
                f.self_action = f.team_action = False
        if hits(neutral, lx.TASK[language], language) or (
            language == "zh" and re.search(lx.ZH_ASKED_ME, text)
        ):
            f.parts.add("task")
            f.task_at = task_at(text, language)
        first = sentence.index == 0
        if first and f.self_action and background(text if language == "zh" else neutral, language):
            # "I joined a small firm…", "我那时候在初中教数学": the scene, not an action.
            f.self_action = False
        # The opening clause sets the scene only if it says something (small talk is already gone).
        substantial = len([w for w in words if w not in lx.STOPWORDS]) >= (4 if language == "en" else 3)
        if hits(neutral, lx.SITUATION[language], language) or (
            first and substantial and "task" not in f.parts
        ):
            f.parts.add("situation")
        if f.self_action and "task" not in f.parts:
            f.parts.add("action")
        # A marker trailing off ("...and in the end") announces an outcome that never came; an outcome
        # word at the end ("duplicates went to zero") is the outcome.
        # What an action was for ("...so that problems came up early") is not what came of it.
        said = before_purpose(neutral, language)
        result_cues = [
            c
            for c in hits(said, lx.RESULT[language], language)
            if (c not in lx.STRONG_RESULT[language] or not ends_with(neutral, c))
            and (c not in lx.RESULT_NEEDS or re.search(lx.RESULT_NEEDS[c], said))
            and not says_how(text, c, language)
            and not last_in_line(text, c)
        ]
        # "...and in the end" trailing off is not an outcome: a marker must lead into one.
        strong = [
            c
            for c in hits(said, lx.STRONG_RESULT[language], language)
            if not ends_with(neutral, c)
            and not last_in_line(text, c)
            and (c not in lx.RESULT_NEEDS or re.search(lx.RESULT_NEEDS[c], said))
        ]
        # What had to be achieved (a task: "I had to bring it down", "我需要…减少") is not what was.
        if not f.hypothetical and "task" not in f.parts and (strong or (result_cues and not first)):
            f.parts.add("result")
            f.parts.discard("situation")
        facts.append(f)
        waiting = subject_left_waiting(toks) if language == "zh" and not f.hypothetical else None
    _measured_outcome(facts, language)
    length = len(re.sub(r"\W", "", fluent.text)) if language == "zh" else len(all_words)
    topic = neutral_words(answer.question, language)
    content = {w for w in all_words if len(w) > (1 if language == "zh" else 3) and w not in lx.STOPWORDS}
    relevance = sorted({w for w in topic if w in content and w != PLACEHOLDER})
    joined = "".join(all_words) if language == "zh" else " " + " ".join(all_words) + " "
    cues = [c.lower() for c in indicators or [] if c.lower() not in relevance]
    relevance += hits(joined, cues, language)
    vague = hits(joined, lx.VAGUE[language], language)
    return Analysis(language, kind, facts, length, relevance, vague, fluent)
