"""How a stretch of speech ends: a sentence end, a trailing clause ("and…", "然后…"), a blip.

Pure word rules over a final transcript, read by the end-of-answer policy (`agent.endpointing`).
"""

from __future__ import annotations

import re

TRAILING = {
    "en": {
        "and",
        "so",
        "but",
        "because",
        "then",
        "or",
        "um",
        "uh",
        "er",
        "erm",
        "hmm",
        "i",
        "we",
        "the",
        "a",
        "an",
        "to",
        "of",
        "with",
        "like",
        "that",
        "which",
        "my",
        "our",
        "is",
        "was",
    },
    "zh": {
        "然后",
        "就是",
        "因为",
        "所以",
        "但是",
        "而且",
        "还有",
        "嗯",
        "呃",
        "那个",
        "并且",
        "首先",
        "接着",
        "如果",
        "就",
        # Discourse openers said alone announce what follows ("说白了。" then the lesson).
        "说白了",
        "说实话",
        "怎么说",
        "其实",
        "反正",
    },
}


# Fillers of two words that hold the floor while the speaker thinks ("…before the first session, you know,"):
# said last before a pause, the thought goes on.
TRAILING_PHRASES_EN = (("you", "know"), ("i", "mean"))
STRANDABLE_EN = {"of", "to", "with"}
PREPOSITIONS_EN = {
    "about",
    "with",
    "for",
    "of",
    "on",
    "at",
    "like",
    "to",
    "from",
    "after",
    "before",
    "by",
    "in",
}
SAYING_EN = {"think", "hope", "guess", "said", "believe", "thought", "hoped", "suppose"}
WH_EN = {"what", "who", "whom", "which", "where"}
PRONOUNS_EN = {"i", "we", "you", "they", "he", "she", "it"}
CONJUNCTIONS_EN = {"and", "but", "then", "so", "because", "or"}
SHORT_EN, SHORT_ZH = 3, 5


def is_trailing(text: str, language: str) -> bool:
    """Whether an utterance stops mid-thought (conjunction, filler, comma, no terminal punctuation)."""
    stripped = text.strip()
    if not stripped:
        return False
    if stripped.endswith((",", "，", "、", "…", "...", "-", "—")):
        return True
    core = re.sub(r"[\s.!?。！？,，…]+$", "", stripped)
    if language == "zh":
        content = re.sub(r"\W", "", core)
        # A fragment that opens with a connector ("然后…") and says little more is a thought in progress,
        # even when the recogniser turns the filler after it into a word.
        starts = len(content) <= SHORT_ZH and any(content.startswith(w) for w in TRAILING["zh"])
        return starts or any(core.endswith(w) for w in TRAILING["zh"])
    words = re.findall(r"[a-z0-9%']+", core.lower())
    # Recognisers often drop final punctuation, so its absence alone is not a sign of thinking.
    starts = len(words) <= SHORT_EN and bool(words) and words[0] in TRAILING["en"]
    filler = tuple(words[-2:]) in TRAILING_PHRASES_EN
    return bool(words) and (
        (words[-1] in TRAILING["en"] and not _stranded(words) and not _closes(words)) or starts or filler
    )


def _closes(words: list[str]) -> bool:
    """A last word that closes the sentence: "happy about that", "I think so", "than he was"."""
    if len(words) < 2:
        return False
    last, before = words[-1], words[-2]
    if last in ("is", "was") and len(words) > 2:  # "than he was", "what it is": the verb is the end
        return before in PRONOUNS_EN and words[-3] in ("than", "as", "what", "how", "where", "who")
    return (last in ("that", "this") and before in PREPOSITIONS_EN) or (last == "so" and before in SAYING_EN)


def fragment(text: str, language: str) -> bool:
    """A stretch of speech too short to hold a step ("车", "so um"): a blip, a filler, a misheard breath."""
    if language == "zh":
        return len(re.sub(r"\W", "", text)) <= SHORT_ZH
    return len(re.findall(r"[a-z0-9%']+", text.lower())) <= SHORT_EN


def _stranded(words: list[str]) -> bool:
    """Whether a final preposition ends a clause opened by a wh-word and its subject.

    "what we were short of", "who they wanted to work with": the sentence is whole; "what we needed and
    sent it to" dangles.
    """
    if words[-1] not in STRANDABLE_EN:
        return False
    wh = max((i for i in range(max(len(words) - 8, 0), len(words) - 2) if words[i] in WH_EN), default=None)
    if wh is None:
        return False
    clause = words[wh + 1 : -1]
    return clause[0] in PRONOUNS_EN and not any(w in CONJUNCTIONS_EN for w in clause)
