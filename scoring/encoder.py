"""Sentence encoders: text to meaning vectors, for matching answer clauses to indicators and anchors.

The scorer takes any `SentenceEncoder`; the default build ships one whose weights come from an installed
package (no model hub at run time), and tests use a deterministic character n-gram stand-in
(`tests/fakes/encoder.py`). An encoder is optional: without one the scorer uses its cue lexicons only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]


class SentenceEncoder(Protocol):
    """Turns sentences (English or Chinese) into unit-length vectors; same text, same vector."""

    @property
    def name(self) -> str:
        """What model this is, as reports and benches print it."""
        ...

    @property
    def dim(self) -> int:
        """Length of each vector."""
        ...

    def encode(self, texts: Sequence[str]) -> Vectors:
        """Vectors for `texts`: shape (len(texts), dim), float32, rows of L2 norm 1 (zeros for empty text)."""
        ...


def cosine(a: Vectors, b: Vectors) -> npt.NDArray[np.float32]:
    """Similarity of every row of `a` with every row of `b` (rows are unit length)."""
    return np.asarray(a @ b.T, dtype=np.float32)
