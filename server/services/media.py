"""How long a recording is, read from its audio packets (sealed or plain, complete or cut by a crash)."""

from __future__ import annotations

from pathlib import Path

import av

from realtime.webrtc.sealed_file import SealedFileError, SealedPlaintext, SealedReader, is_sealed


def media_duration(path: Path, key: bytes) -> float | None:
    """Duration of the audio track of a recording (sealed with `key`, or plain), read from its packets."""
    try:
        if is_sealed(path):
            with SealedReader(path, key) as reader:
                return _audio_duration(av.open(SealedPlaintext(reader), mode="r"))
        return _audio_duration(av.open(str(path)))
    except (av.error.FFmpegError, IndexError, OSError, SealedFileError):
        return None


def _audio_duration(opened: av.container.InputContainer) -> float | None:
    with opened as container:
        stream = container.streams.audio[0]
        end = 0
        for packet in container.demux(stream):
            if packet.pts is not None and packet.duration is not None:
                end = max(end, packet.pts + packet.duration)
        return float(end * stream.time_base) if stream.time_base else None
