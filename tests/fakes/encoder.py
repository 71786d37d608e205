"""A deterministic sentence encoder for tests: hashed character n-grams, no model.

Texts that share words (or, in Chinese, characters and bigrams) get similar vectors, so tests of the
matching logic behave like a weak real encoder without loading one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

from scoring.encoder import Vectors


class NgramEncoder:
    """Hashed 1-3 character n-grams of the lower-cased text into `dim` buckets, L2-normalised."""

    def __init__(self, dim: int = 256) -> None:
        self._dim = dim

    @property
    def name(self) -> str:
        return f"ngram-fake-{self._dim}"

    @property
    def dim(self) -> int:
        return self._dim

    def encode(self, texts: Sequence[str]) -> Vectors:
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        for row, text in enumerate(texts):
            s = " ".join(text.lower().split())
            for n in (1, 2, 3):
                for i in range(len(s) - n + 1):
                    gram = s[i : i + n]
                    if gram.strip():
                        h = int.from_bytes(hashlib.blake2b(gram.encode(), digest_size=4).digest(), "big")
                        out[row, h % self._dim] += 1.0
            norm = float(np.linalg.norm(out[row]))
            if norm > 0:
                out[row] /= norm
        return out
