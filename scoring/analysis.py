"""What an answer contains: STAR parts, the candidate's own actions, specifics, hypotheticals.

Pure functions over text. Features are computed on neutralised words (names, places, schools and
gendered pronouns replaced), quotes are taken from the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scoring import lexicon as lx
from scoring.models import Answer, QuestionKind, StarPart
from scoring.text import PLACEHOLDER, Sentence, detect_language, neutral_words, sentences, tokens

BEHAVIOURAL_CUES = [
    "tell me about a time",
    "tell me about a project",
    "a project you",
    "tell me about a situation",
    "describe a time",
    "give an example",
    "give me an example",
    "a time when",
    "a time you",
    "请描述一次",
    "请讲一次",
    "讲一个",
    "介绍一个",
    "分享一个",
    "请举例",
    "经历",
    "有没有一次",
]
SITUATIONAL_CUES = [
    "what would you do",
    "how would you",
    "imagine",
    "suppose",
    "if you",
    "假设",
    "如果你",
    "你会如何",
    "你会怎么",
    "你将如何",
]
MIN_WORDS = {"en": 15, "zh": 25}  # words for English, characters for Chinese


@dataclass
class SentenceFacts:
    """Features of one sentence."""

    sentence: Sentence
    parts: set[StarPart] = field(default_factory=set)
    self_action: bool = False
    team_action: bool = False
    hypothetical: bool = False
    specifics: list[str] = field(default_factory=list)
    plan_steps: int = 0


@dataclass
class Analysis:
    """Everything the scorer and the agent's follow-up choice need to know about an answer."""

    language: str
    kind: QuestionKind
    facts: list[SentenceFacts]
    length: int
    relevance_hits: list[str]
    vague_hits: list[str]

    def with_part(self, part: StarPart) -> list[SentenceFacts]:
        """Sentences that show a STAR part."""
        return [f for f in self.facts if part in f.parts]

    @property
    def self_actions(self) -> list[SentenceFacts]:
        """Sentences where the candidate themself acts (in the past), beyond stating their task."""
        return [f for f in self.facts if "action" in f.parts]

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
    def plan_steps(self) -> int:
        """Step and contingency markers of a plan (situational answers)."""
        return sum(f.plan_steps for f in self.facts)


def question_kind(question: str) -> QuestionKind:
    """Behavioural ("tell me about a time"), situational ("what would you do") or general."""
    q = question.lower()
    if any(c in q for c in BEHAVIOURAL_CUES):
        return "behavioural"
    if any(c in q for c in SITUATIONAL_CUES):
        return "situational"
    return "general"


def _contains(haystack: str, cue: str, language: str) -> bool:
    if language == "zh":
        return cue in haystack
    return f" {cue} " in haystack


def _hits(haystack: str, cues: list[str], language: str) -> list[str]:
    return [c for c in cues if _contains(haystack, c, language)]


def _markers(haystack: str, cues: list[str], language: str) -> int:
    """How many cues occur, each stretch of text counted once ("首先" is one step, not "首先" and "先").

    In Chinese a sequence marker opens a clause ("首先，…", "然后我会…"); inside one it is usually part
    of another word (同时 in a misheard 同事), so only clause openings count.
    """
    ordered = sorted(cues, key=len, reverse=True)
    if language == "zh":
        opening = r"(?:^|[，,。；;：:！？!?、\s])"
        return len(re.findall(opening + "(?:" + "|".join(re.escape(c) for c in ordered) + ")", haystack))
    return len(re.findall(r"(?<!\S)(?:" + "|".join(re.escape(c) for c in ordered) + r")(?!\S)", haystack))


def _ends_with(haystack: str, cue: str) -> bool:
    tail = haystack.rstrip(" 。，,.!?！？")
    return tail.endswith(cue)


def _specifics(sentence: str, language: str) -> list[str]:
    found: list[str] = []
    if language == "zh":
        found += re.findall(r"\d+(?:\.\d+)?%?", sentence)
        for unit in lx.UNITS_ZH:
            found += [
                m
                for m in re.findall(rf"[{lx.NUMERALS_ZH}\d]+{re.escape(unit)}", sentence)
                if m not in ("一个", "一次", "一位", "一年", "一天")  # "a/one": not a quantity
            ]
        found += re.findall(rf"百分之[{lx.NUMERALS_ZH}\d]+", sentence)
        return found
    words = [w.lower() for w in re.findall(r"[A-Za-z]+|\d+(?:[.,]\d+)*%?", sentence)]
    for i, word in enumerate(words):
        if word[0].isdigit() or word in ("twice", "half", "doubled", "halved"):
            found.append(" ".join(words[i : i + 2]))
        elif (
            word in lx.NUMBER_WORDS_EN
            and i + 1 < len(words)
            and words[i + 1] in lx.UNITS_EN | lx.NUMBER_WORDS_EN
        ):
            found.append(f"{word} {words[i + 1]}")
    return found


def _self_action(neutral: str, language: str, words: list[str]) -> bool:
    if language == "zh":
        if "我" not in neutral.replace("我们", ""):
            return False
        clause = neutral.replace("我们", "")
        after = clause[clause.index("我") :]
        verbs = [t for t in tokens(after, "zh") if t.tag.startswith("v") and t.text not in lx.STATIVE_ZH]
        return bool(verbs) and not _hits(after, ["我会", "我将"], "zh")
    for i, word in enumerate(words):
        if word != "i":
            continue
        following = words[i + 1 : i + 4]
        if following[:1] and following[0] in (
            "was",
            "am",
            "had",
            "needed",
            "would",
            "will",
            "could",
            "should",
        ):
            continue
        if any(w in lx.ACTION_VERBS_EN or (w.endswith("ed") and len(w) > 4) for w in following):
            return True
    return False


def _team_action(neutral: str, language: str, words: list[str]) -> bool:
    if language == "zh":
        subject = neutral.replace("我们的", "").replace("团队的", "")  # "our X" is not "we did"
        return bool(_hits(subject, lx.FIRST_PLURAL["zh"], "zh")) and any(
            t.tag.startswith("v") and t.text not in lx.STATIVE_ZH for t in tokens(subject, "zh")
        )
    for i, word in enumerate(words):
        if word in ("we", "team", "everybody", "everyone"):
            following = words[i + 1 : i + 4]
            if any(w in lx.ACTION_VERBS_EN or (w.endswith("ed") and len(w) > 4) for w in following):
                return True
    return False


def _closing_result(facts: list[SentenceFacts]) -> None:
    """A story that ends, after the actions, on a quantity ends on its outcome even without a cue word.

    Recognition errors often hit the outcome verb ("renewed" heard as "removed"); the numbers survive.
    """
    if len(facts) < 3 or any("result" in f.parts for f in facts):
        return
    last = facts[-1]
    acted = any(f.self_action or f.team_action for f in facts[1:-1])  # the first sentence sets the scene
    if acted and last.specifics and not last.hypothetical:
        last.parts.add("result")


def analyse(answer: Answer, indicators: list[str] | None = None) -> Analysis:
    """Extract the features of one answer; `indicators` are the competency's cue words."""
    language = answer.language or detect_language(answer.text)
    kind: QuestionKind = answer.kind or question_kind(answer.question)
    facts: list[SentenceFacts] = []
    all_words: list[str] = []
    for sentence in sentences(answer.text):
        words = neutral_words(sentence.text, language)
        all_words += words
        neutral = "".join(words) if language == "zh" else " " + " ".join(words) + " "
        f = SentenceFacts(sentence)
        f.hypothetical = bool(_hits(neutral, lx.HYPOTHETICAL[language], language))
        f.specifics = _specifics(sentence.text, language)
        f.plan_steps = _markers(
            sentence.text if language == "zh" else neutral, lx.PLAN_STEPS[language], language
        )
        if not f.hypothetical:
            f.self_action = _self_action(neutral, language, words)
            f.team_action = _team_action(neutral, language, words)
        if _hits(neutral, lx.TASK[language], language):
            f.parts.add("task")
        first = sentence.index == 0
        if _hits(neutral, lx.SITUATION[language], language) or (first and "task" not in f.parts):
            f.parts.add("situation")
        if f.self_action and "task" not in f.parts:
            f.parts.add("action")
        result_cues = [c for c in _hits(neutral, lx.RESULT[language], language) if not _ends_with(neutral, c)]
        # "...and in the end" trailing off is not an outcome: a marker must lead into one.
        strong = [
            c for c in _hits(neutral, lx.STRONG_RESULT[language], language) if not _ends_with(neutral, c)
        ]
        # What had to be achieved (a task: "I had to bring it down", "我需要…减少") is not what was.
        if not f.hypothetical and "task" not in f.parts and (strong or (result_cues and not first)):
            f.parts.add("result")
            f.parts.discard("situation")
        facts.append(f)
    _closing_result(facts)
    length = len(re.sub(r"\W", "", answer.text)) if language == "zh" else len(all_words)
    topic = neutral_words(answer.question, language)
    content = {w for w in all_words if len(w) > (1 if language == "zh" else 3) and w not in lx.STOPWORDS}
    relevance = sorted({w for w in topic if w in content and w != PLACEHOLDER})
    joined = "".join(all_words) if language == "zh" else " " + " ".join(all_words) + " "
    cues = [c.lower() for c in indicators or [] if c.lower() not in relevance]
    relevance += _hits(joined, cues, language)
    return Analysis(language, kind, facts, length, relevance, _hits(joined, lx.VAGUE[language], language))
