"""Recordings played back decrypted, one byte range at a time.

A browser's `<video>` seeks by asking for byte ranges; a sealed recording maps any range to the 64 KiB
chunks it lies in (realtime/webrtc/sealed_file.py), so a seek decrypts a chunk or two, never the file,
and nothing decrypted is written anywhere. Recordings made before encryption are plain MP4 files and
are served by the same code.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from realtime.webrtc.sealed_file import SealedFileError, SealedReader, is_sealed
from server.db.models import User
from server.db.repositories import audit as audit_repo
from server.db.repositories import interviews as repo
from server.errors import Corrupt, NotFound, RangeNotSatisfiable
from server.keys.vault import Vault
from server.services.interviews import get_visible

BLOCK = 1024 * 1024  # bytes decrypted per step of a response: 16 chunks, a few milliseconds
_RANGE = re.compile(r"bytes=(\d*)-(\d*)$")


class Source(Protocol):
    """Plaintext bytes of a recording by offset."""

    size: int

    def read_range(self, start: int, end: int) -> bytes:
        """Bytes [start, end)."""
        ...

    def close(self) -> None:
        """Release the file."""
        ...


class PlainFile:
    """A recording written before encryption."""

    def __init__(self, path: Path) -> None:
        self._file = path.open("rb")
        self.size = path.stat().st_size

    def read_range(self, start: int, end: int) -> bytes:
        """Bytes [start, end)."""
        self._file.seek(start)
        return self._file.read(max(min(end, self.size) - start, 0))

    def close(self) -> None:
        """Close the file."""
        self._file.close()


@dataclass
class Playback:
    """An open recording and the part of it asked for ([start, end), end exclusive)."""

    source: Source
    start: int
    end: int
    partial: bool  # a Range was asked for: 206 with Content-Range
    complete: bool  # False: the call's recording was cut short (e.g. the server died mid-call)
    head: bytes  # the range's first block, decrypted before answering: a bad chunk there is a 500

    @property
    def size(self) -> int:
        """The whole recording's plaintext length."""
        return self.source.size

    async def body(self) -> AsyncIterator[bytes]:
        """The range, decrypted a block at a time off the event loop; closes the file when done."""
        try:
            if self.head:
                yield self.head
            offset = self.start + len(self.head)
            while offset < self.end:
                step = min(BLOCK, self.end - offset)
                yield await asyncio.to_thread(self.source.read_range, offset, offset + step)
                offset += step
        finally:
            self.source.close()


def byte_range(header: str | None, size: int) -> tuple[int, int] | None:
    """[start, end) of a single `bytes=` range, None for no (or a multi-range) header; 416 when outside."""
    if not header:
        return None
    match = _RANGE.match(header.strip())
    if match is None:
        return None  # several ranges, or another unit: the whole file (allowed by RFC 9110)
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # the last N bytes
        start, end = max(size - int(last), 0), size
    else:
        start, end = int(first), min(int(last) + 1, size) if last else size
    if start >= size or start >= end:
        raise RangeNotSatisfiable(f"the range {header} lies outside the recording's {size} bytes", size)
    return start, end


def _open(path: Path, key: bytes | None) -> tuple[Source, bool]:
    if not is_sealed(path):
        return PlainFile(path), True
    if key is None:
        raise NotFound("the recording's key is gone: the interview was erased")
    try:
        reader = SealedReader(path, key)
    except SealedFileError as exc:
        raise Corrupt(f"the recording failed its integrity check and will not be played ({exc})") from exc
    return reader, reader.complete


async def open_recording(
    session: AsyncSession,
    user: User,
    vault: Vault,
    interview_id: str,
    recording_id: str,
    range_header: str | None,
) -> Playback:
    """The recording (range) the user may play; audited. 404 when missing, 500 when it was tampered with."""
    await get_visible(session, user, interview_id)
    recording = await repo.recording(session, recording_id)
    if recording is None or recording.interview_id != interview_id:
        raise NotFound("no such recording")
    path = Path(recording.path)
    if not await asyncio.to_thread(path.is_file):
        raise NotFound("the recording file is missing")
    key = await vault.stored_key(session, interview_id)
    source, complete = await asyncio.to_thread(_open, path, key)
    try:
        span = byte_range(range_header, source.size)
    except RangeNotSatisfiable:
        source.close()
        raise
    start, end = span or (0, source.size)
    try:
        head = await asyncio.to_thread(source.read_range, start, min(start + BLOCK, end))
    except SealedFileError as exc:
        source.close()
        raise Corrupt(f"the recording failed its integrity check and will not be played ({exc})") from exc
    await audit_repo.audit(session, user.email, "recording.viewed", interview_id, recording_id=recording_id)
    return Playback(source, start, end, span is not None, complete, head)
