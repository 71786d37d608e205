"""Stable live captions: local agreement between successive partial hypotheses.

A word (a character, in Chinese) is committed once two successive hypotheses of the open segment agree
on it and on everything before it; committed words are never taken back, so captions do not flicker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def tokens(text: str, language: str) -> list[str]:
    """Words, or single characters for Chinese (punctuation stays attached to its token)."""
    if language == "zh" or _CJK.search(text):
        return [ch for ch in text if not ch.isspace()]
    return text.split()


def join(parts: list[str], language: str) -> str:
    """Tokens back to text."""
    return "".join(parts) if language == "zh" else " ".join(parts)


def _key(token: str) -> str:
    return re.sub(r"[^\w]", "", token.lower())


@dataclass
class LocalAgreement:
    """Follows one open speech segment's partial hypotheses."""

    language: str
    committed: list[str] = field(default_factory=list)
    _previous: list[str] = field(default_factory=list)

    def update(self, hypothesis: str) -> tuple[str, str]:
        """Add a hypothesis; returns (stable text, the whole caption to show)."""
        new = tokens(hypothesis, self.language)
        agreed = 0
        for a, b in zip(self._previous, new, strict=False):
            if _key(a) != _key(b):
                break
            agreed += 1
        if agreed > len(self.committed):  # extend only: what was committed stays as shown
            self.committed = self.committed + new[len(self.committed) : agreed]
        self._previous = new
        shown = self.committed + new[len(self.committed) :]
        return join(self.committed, self.language), join(shown, self.language)
