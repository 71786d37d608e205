"""Audio/video drift of a recording over a long call, with audio packets lost on the way.

A simulated camera and microphone put a flash and a beep at the same instant every 10 s, stamped on
RTP clocks as aiortc delivers them; the recorder writes them (faster than real time, never faster
than its encoder) and the file is read back: the audio sample by sample, as a player plays it.

Run: .venv/bin/python -m bench.av_drift [--minutes 30] [--loss 0,0.02,0.05]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from tests.avsync import measure, simulate_call


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--loss", default="0,0.02,0.05", help="audio packet loss rates to try")
    args = parser.parse_args()
    columns = ("loss", "markers", "offset ms", "drift ms", "audio s", "video s", "filled s", "wall s")
    print(" ".join(f"{c:>9}" for c in columns))
    with tempfile.TemporaryDirectory() as tmp:
        for loss in (float(x) for x in args.loss.split(",")):
            path = Path(tmp) / f"call-{loss}.mp4"
            started = time.perf_counter()
            recorder = simulate_call(path, args.minutes * 60, audio_loss=loss)
            result = measure(path)
            print(
                f"{loss:>9.2%} {result.markers:>9} {result.first_offset_ms:>9.1f} {result.drift_ms:>9.1f} "
                f"{result.audio_s:>9.1f} {result.video_s:>9.1f} {recorder.filled_s:>9.2f} "
                f"{time.perf_counter() - started:>9.1f}"
            )


if __name__ == "__main__":
    main()
