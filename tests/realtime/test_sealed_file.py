"""Chunked AES-GCM files: round trips, cut-short files read as an incomplete prefix, tampering refused,
and a sealed recording plays (PyAV demuxes the decrypted stream), also after a crash."""

from __future__ import annotations

import os
import time
from pathlib import Path

import av
import pytest

from realtime.webrtc.recorder import Recorder
from realtime.webrtc.sealed_file import (
    HEADER,
    TAG,
    SealedFileError,
    SealedPlaintext,
    SealedReader,
    SealedWriter,
    is_sealed,
)
from tests.realtime.test_media_units import browser_audio_frame, crash_while_recording, video_frame

KEY = bytes(range(32))


def write(path: Path, data: bytes, chunk_size: int = 100, pieces: int = 7) -> None:
    writer = SealedWriter(path, KEY, chunk_size=chunk_size)
    step = max(len(data) // pieces, 1)
    for i in range(0, len(data), step):
        writer.write(data[i : i + step])
    writer.close()


@pytest.mark.parametrize("size", [0, 1, 99, 100, 101, 1000, 1234])
def test_round_trip_and_ranges(tmp_path: Path, size: int) -> None:
    data = os.urandom(size)
    path = tmp_path / "f.sealed"
    write(path, data)
    assert is_sealed(path)
    if size >= 16:  # a shorter random string turns up in any ciphertext by chance
        assert data[:50] not in path.read_bytes()[HEADER.size :]
    with SealedReader(path, KEY) as reader:
        assert reader.complete and reader.size == size
        assert reader.read_range(0, size) == data
        for start, end in [(0, 1), (99, 101), (150, 999), (size - 3, size + 50), (5, 5)]:
            assert reader.read_range(max(start, 0), end) == data[max(start, 0) : end]


def test_a_cut_short_file_reads_up_to_its_last_whole_chunk_and_says_so(tmp_path: Path) -> None:
    data = os.urandom(1000)
    path = tmp_path / "f.sealed"
    write(path, data)
    sealed = path.read_bytes()
    for cut in (HEADER.size + 3 * (100 + TAG), HEADER.size + 3 * (100 + TAG) + 40, len(sealed) - 1):
        path.write_bytes(sealed[:cut])
        with SealedReader(path, KEY) as reader:
            whole = (cut - HEADER.size) // (100 + TAG)
            assert not reader.complete
            assert reader.size == whole * 100
            assert reader.read_range(0, 10_000) == data[: whole * 100]


def test_a_changed_chunk_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "f.sealed"
    write(path, os.urandom(1000))
    sealed = bytearray(path.read_bytes())
    sealed[HEADER.size + 2 * (100 + TAG) + 5] ^= 1  # one bit in chunk 2
    path.write_bytes(bytes(sealed))
    with SealedReader(path, KEY) as reader:
        assert reader.read_range(0, 200) and reader.complete
        with pytest.raises(SealedFileError, match="chunk 2"):
            reader.read_range(150, 250)


def test_swapped_chunks_and_a_wrong_key_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "f.sealed"
    write(path, os.urandom(1000))
    sealed = path.read_bytes()
    n = 100 + TAG
    c1, c2 = sealed[HEADER.size + n : HEADER.size + 2 * n], sealed[HEADER.size + 2 * n : HEADER.size + 3 * n]
    path.write_bytes(sealed[: HEADER.size + n] + c2 + c1 + sealed[HEADER.size + 3 * n :])
    with SealedReader(path, KEY) as reader, pytest.raises(SealedFileError):
        reader.read_range(100, 300)
    write(path, os.urandom(1000))
    with pytest.raises(SealedFileError):
        SealedReader(path, bytes(32))
    # the final chunk dropped entirely also reads as incomplete, never as a whole file
    assert (len(sealed) - HEADER.size) % n == 0  # 1000 bytes: ten whole chunks, the last one final
    path.write_bytes(sealed[: len(sealed) - n])
    with SealedReader(path, KEY) as reader:
        assert not reader.complete


def record(path: Path, key: bytes, seconds: float) -> None:
    recorder = Recorder(path, key=key)
    for i in range(int(seconds * 50)):
        recorder.add_audio(browser_audio_frame(i * 960))
        if i % 2 == 0:
            recorder.add_video(video_frame(i * 1800), i * 0.02)
        time.sleep(0.002)
    recorder.close()


def audio_seconds(reader: SealedReader) -> float:
    with av.open(SealedPlaintext(reader), mode="r") as container:
        stream = container.streams.audio[0]
        end = max(p.pts + p.duration for p in container.demux(stream) if p.pts is not None)
        assert stream.time_base is not None
        return float(end * stream.time_base)


def test_a_sealed_recording_plays_once_decrypted(tmp_path: Path) -> None:
    path = tmp_path / "call.mp4"
    record(path, KEY, 3.0)
    assert is_sealed(path) and b"ftyp" not in path.read_bytes()
    with SealedReader(path, KEY) as reader:
        assert reader.complete
        assert reader.read_range(4, 8) == b"ftyp"
        assert abs(audio_seconds(reader) - 3.0) < 0.1


def test_a_crash_leaves_a_decryptable_playable_prefix(tmp_path: Path) -> None:
    path = tmp_path / "crashed.mp4"
    crash_while_recording(path, key=bytes(range(32)))
    with SealedReader(path, KEY) as reader:
        assert not reader.complete
        assert audio_seconds(reader) >= 5.0  # 8 s were sent; all but the chunk being filled survives
