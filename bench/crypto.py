"""The cost of encryption at rest on recording and on playback.

Recording: the sealed writer's throughput as PyAV's muxer feeds it (32 KiB writes), against a plain
file, and what that is in CPU at a call's bitrate; then whole recordings (simulated calls through the
real recorder, H.264 + AAC) with and without a key: the process CPU they took.
Playback: range reads from a sealed file as a browser's `<video>` seeks (64 KiB and 1 MiB at random
offsets: latency), and a whole file read in order (MB/s), against the same reads of a plain file.

Run: .venv/bin/python -m bench.crypto [--mb 64] [--call-seconds 30]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from realtime.webrtc.sealed_file import SealedReader, SealedWriter
from server.services.playback import PlainFile
from tests.avsync import simulate_call

WRITE = 32 * 1024  # PyAV's default I/O buffer: the size of the muxer's writes
CALL_MBIT_S = 1.0  # a 640x480 call (H.264 ultrafast + AAC), roughly


def timed(work: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process)."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def write_all(path: Path, data: bytes, key: bytes | None) -> None:
    out = SealedWriter(path, key) if key is not None else path.open("wb")
    for i in range(0, len(data), WRITE):
        out.write(data[i : i + WRITE])
    out.close()


def recording(tmp: Path, mb: int, call_seconds: float) -> None:
    data, key = os.urandom(mb * 1024 * 1024), os.urandom(32)
    print(f"recording: {mb} MB written in {WRITE // 1024} KiB writes")
    rows = []
    for name, k in (("plain", None), ("sealed", key)):
        target = tmp / f"w-{name}"
        runs = [timed(lambda k=k, target=target: write_all(target, data, k)) for _ in range(3)]
        wall, cpu = min(runs)
        rows.append((name, mb / wall, cpu / wall))
        print(f"  {name:<7} {mb / wall:8.0f} MB/s   CPU {cpu / wall:6.0%} of a core while writing")
    sealed_mb_s = rows[1][1]
    at_bitrate = CALL_MBIT_S / 8 / sealed_mb_s
    print(f"  sealing a {CALL_MBIT_S:g} Mbit/s call costs {at_bitrate:.3%} of a core")

    if not call_seconds:
        return
    print(f"recording: a {call_seconds:g} s simulated call through the recorder (H.264 + AAC, 640x480)")
    for name, k in (("plain", None), ("sealed", key)):
        path = tmp / f"call-{name}.mp4"
        wall, cpu = timed(
            lambda path=path, k=k: simulate_call(
                path, call_seconds, audio_loss=0.0, width=640, height=480, key=k
            )
        )
        print(f"  {name:<7} wall {wall:6.1f} s   CPU {cpu:6.1f} s   file {path.stat().st_size / 1e6:6.1f} MB")


def playback(tmp: Path, mb: int) -> None:
    data, key = os.urandom(mb * 1024 * 1024), os.urandom(32)
    write_all(tmp / "p-plain", data, None)
    write_all(tmp / "p-sealed", data, key)
    rng = random.Random(1)
    print(f"playback: range reads of a {mb} MB file at random offsets (200 each)")
    for name, open_ in (
        ("plain", lambda: PlainFile(tmp / "p-plain")),
        ("sealed", lambda: SealedReader(tmp / "p-sealed", key)),
    ):
        source = open_()
        for size in (64 * 1024, 1024 * 1024):
            latencies = []
            for _ in range(200):
                start = rng.randrange(0, len(data) - size)
                t = time.perf_counter()
                assert len(source.read_range(start, start + size)) == size
                latencies.append((time.perf_counter() - t) * 1000)
            p95 = statistics.quantiles(latencies, n=20)[-1]
            print(
                f"  {name:<7} {size // 1024:>5} KiB: p50 {statistics.median(latencies):6.2f} ms"
                f"  p95 {p95:6.2f} ms"
            )

        def read_all(source: PlainFile | SealedReader = source) -> None:
            for offset in range(0, len(data), 1024 * 1024):
                source.read_range(offset, offset + 1024 * 1024)

        wall, cpu = timed(read_all)
        print(f"  {name:<7} whole file in 1 MiB blocks: {mb / wall:6.0f} MB/s  CPU {cpu / wall:6.0%}")
        source.close()
    opened = timed(lambda: SealedReader(tmp / "p-sealed", key).close())[0] * 1000
    print(f"  opening a sealed file (header, final chunk checked): {opened:.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=64)
    parser.add_argument("--call-seconds", type=float, default=30.0, help="0: skip the recorder runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        recording(Path(tmp), args.mb, args.call_seconds)
        playback(Path(tmp), args.mb)


if __name__ == "__main__":
    main()
