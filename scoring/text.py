"""Text handling for scoring: sentences with character offsets, tokens, and neutralised tokens.

Chinese is segmented with jieba (part-of-speech tags name people, places and organisations); English
with a regular expression. Neutralisation replaces names, places, schools and gendered pronouns with
placeholders, so that features (and so scores) never depend on who or where a person is.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from functools import lru_cache

_SENTENCE_END = re.compile(r"[^.!?。！？；;\n]+[.!?。！？；;\n]*")
_EN_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|\d+(?:[.,]\d+)*%?")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_jieba_lock = threading.Lock()

GENDERED_EN = {"he", "she", "him", "her", "his", "hers", "himself", "herself", "mr", "mrs", "ms", "miss"}
GENDERED_ZH = {"他", "她", "他们", "她们", "先生", "女士", "小姐"}
PLACEHOLDER = "<name>"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the answer and where it is in the original text."""

    text: str
    start: int
    end: int
    index: int


def detect_language(text: str) -> str:
    """'zh' when the text is mostly Chinese characters, else 'en'."""
    cjk = len(_CJK.findall(text))
    letters = len(re.findall(r"[A-Za-z]", text))
    return "zh" if cjk and cjk >= letters / 4 else "en"


def sentences(text: str) -> list[Sentence]:
    """Split into sentences, keeping character offsets into `text`."""
    out: list[Sentence] = []
    for match in _SENTENCE_END.finditer(text):
        raw = match.group(0)
        stripped = raw.strip()
        if not stripped or not re.search(r"\w", stripped):
            continue
        start = match.start() + (len(raw) - len(raw.lstrip()))
        out.append(Sentence(stripped, start, start + len(stripped), len(out)))
    return out


@lru_cache(maxsize=1)
def _jieba() -> object:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg


def warm_up() -> None:
    """Load jieba's dictionary now (about a second) rather than on the first Chinese answer."""
    zh_tokens("预热分词词典")


@dataclass(frozen=True, slots=True)
class Token:
    """A word (or Chinese segment) with its part-of-speech tag where known."""

    text: str
    tag: str


@lru_cache(maxsize=4096)
def _zh_cut(text: str) -> tuple[Token, ...]:
    posseg = _jieba()
    with _jieba_lock:  # jieba's lazy initialisation is not thread-safe
        return tuple(Token(w.word, w.flag) for w in posseg.cut(text))  # type: ignore[attr-defined]


def zh_tokens(text: str) -> list[Token]:
    """Jieba segmentation with part-of-speech tags."""
    return list(_zh_cut(text))


def en_tokens(text: str) -> list[Token]:
    """English words and numbers; capitalised words not at a sentence start are tagged as names."""
    tokens: list[Token] = []
    for sentence in sentences(text) or [Sentence(text, 0, len(text), 0)]:
        for i, match in enumerate(_EN_TOKEN.finditer(sentence.text)):
            word = match.group(0)
            is_name = i > 0 and word[0].isupper() and word.lower() not in {"i", "i'm", "i've", "i'd", "i'll"}
            tokens.append(Token(word, "nr" if is_name else ("m" if word[0].isdigit() else "w")))
    return tokens


def tokens(text: str, language: str) -> list[Token]:
    """Tokens of `text` in its language."""
    return zh_tokens(text) if language == "zh" else en_tokens(text)


def neutral_words(text: str, language: str) -> list[str]:
    """Lower-cased words with names, places, organisations and gendered pronouns replaced.

    Runs of names collapse to one placeholder, so "Li Wei" and "John" read the same.
    """
    out: list[str] = []
    for token in tokens(text, language):
        word = token.text.lower()
        if token.tag in ("nr", "ns", "nt", "nrfg", "nrt") or word in GENDERED_EN or token.text in GENDERED_ZH:
            if not out or out[-1] != PLACEHOLDER:
                out.append(PLACEHOLDER)
            continue
        if language == "zh" and not re.search(r"\w", word):
            continue
        out.append(word)
    return out
