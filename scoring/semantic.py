"""Meaning as one more feature: answer clauses matched to indicator sentences with a sentence encoder.

Cue words miss paraphrases ("it fell to me to keep them" for "I was responsible"); an encoder finds
them. The match is a feature beside the cue lexicons, never a replacement: without an encoder the
scorer runs on the lexicons alone, and every match is reported as a quoted clause, so a reviewer can
see what it rested on.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np

from scoring.encoder import SentenceEncoder, Vectors, cosine

# Calibrated for the packaged multilingual-e5-small, whose cosines are compressed (unrelated sentences
# score about 0.75-0.82, paraphrases 0.88 and up); other encoders pass their own.
DEFAULT_THRESHOLD = 0.88
# At most this many clauses per criterion are evidence by meaning alone: a paraphrase the cue words
# missed, not a second way to count the length of an answer.
MAX_SEMANTIC_ONLY = 1
_CACHE_LIMIT = 256
# Clause vectors kept: a live answer is scored again after every final transcript, so each clause is
# encoded once, while the candidate is still speaking, and the score at the end of the answer encodes
# only what came after the last final (see bench/scoring.py, "live").
CLAUSE_CACHE_LIMIT = 4096


class SemanticMatcher:
    """Which clauses say what an indicator says, by cosine similarity of their vectors.

    Indicator vectors are cached (a rubric's indicators are few and fixed); clause vectors are made by
    `encode_clauses`, each clause once (an LRU of `CLAUSE_CACHE_LIMIT`), and passed to `matches`.
    """

    def __init__(self, encoder: SentenceEncoder, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.encoder = encoder
        self.threshold = threshold
        self._indicators: dict[tuple[str, ...], Vectors] = {}
        self._clauses: OrderedDict[str, Vectors] = OrderedDict()
        self._lock = threading.Lock()  # calls come from several calls' decision threads

    def encode_clauses(self, clauses: Sequence[str]) -> Vectors:
        """Vectors of the answer's clauses: one encoder call for those not seen before."""
        if not clauses:
            return np.zeros((0, self.encoder.dim), dtype=np.float32)
        with self._lock:  # what is cached now is this answer's, whatever other threads evict later
            found = {c: self._clauses[c] for c in clauses if c in self._clauses}
        new = list(dict.fromkeys(c for c in clauses if c not in found))
        if new:
            found.update(zip(new, self.encoder.encode(new), strict=True))
        rows = [found[c] for c in clauses]
        with self._lock:
            for text, row in found.items():
                self._clauses[text] = row
                self._clauses.move_to_end(text)
            while len(self._clauses) > CLAUSE_CACHE_LIMIT:
                self._clauses.popitem(last=False)
        return np.stack(rows).astype(np.float32, copy=False)

    def forget_clauses(self) -> None:
        """Drop the cached clause vectors (benchmarks measure cold scoring)."""
        with self._lock:
            self._clauses.clear()

    def _indicator_vectors(self, texts: tuple[str, ...]) -> Vectors:
        vectors = self._indicators.get(texts)
        if vectors is None:
            if len(self._indicators) >= _CACHE_LIMIT:
                self._indicators.clear()
            vectors = self.encoder.encode(list(texts))
            self._indicators[texts] = vectors
        return vectors

    def similarities(self, clause_vectors: Vectors, indicators: tuple[str, ...]) -> list[float]:
        """Each clause's best similarity to any of the indicators."""
        if not indicators or not len(clause_vectors):
            return [0.0] * len(clause_vectors)
        sims = cosine(clause_vectors, self._indicator_vectors(indicators))
        return [float(x) for x in sims.max(axis=1)]

    def matches(self, clause_vectors: Vectors, indicators: tuple[str, ...]) -> set[int]:
        """Indices of the clauses that say what one of the indicators says."""
        return {i for i, s in enumerate(self.similarities(clause_vectors, indicators)) if s >= self.threshold}
