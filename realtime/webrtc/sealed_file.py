"""A file sealed in chunks with AES-256-GCM: written as a stream, read back at any offset.

Recordings are personal data, so they never touch the disk in clear. One GCM message per file would
need the whole file to play a second of it and would lose everything if the process died; so the
plaintext is cut into fixed-size chunks, each sealed on its own (the STREAM construction):

    header  = MAGIC (8) | chunk size (4, big-endian) | nonce prefix (7, random per file) | 0 (1)
    chunk i = AES-GCM(key, nonce = prefix | i (4, big-endian) | final (1), chunk, aad = header)

Every chunk holds `chunk_size` bytes of plaintext (plus a 16-byte tag) except the last, which is
marked final and may be shorter (or empty). So:

- a byte offset maps to a chunk by division, and a range read decrypts only the chunks it needs;
- a file cut short (a crash, a disk full, an attacker) has no final chunk: it reads as an incomplete
  prefix that ends at the last whole chunk, and says so (`complete` is False);
- a changed, reordered or swapped chunk fails its tag and is refused (`SealedFileError`).

The random 7-byte prefix keeps nonces unique across the files one key seals (one per connection of an
interview): 2^56 prefixes, a few files per key. The key is raw bytes; this module knows no keyring.
"""

from __future__ import annotations

import io
import os
import struct
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"IVSEAL\x00\x01"
HEADER = struct.Struct(">8sI7sx")
TAG = 16
CHUNK_SIZE = 64 * 1024  # ~0.5 s of a 1 Mbit/s recording is the most a crash can lose
MAX_CHUNKS = 2**32 - 1


class SealedFileError(ValueError):
    """The file is not a sealed file, or a chunk failed authentication (tampered, or the wrong key)."""


def is_sealed(path: Path) -> bool:
    """Whether the file starts with the sealed-file magic (older recordings are plain MP4)."""
    with path.open("rb") as f:
        return f.read(len(MAGIC)) == MAGIC


def _nonce(prefix: bytes, index: int, final: bool) -> bytes:
    return prefix + index.to_bytes(4, "big") + (b"\x01" if final else b"\x00")


class SealedWriter(io.RawIOBase):
    """A write-only, non-seekable file object that seals what it is given, chunk by chunk.

    PyAV's fragmented MP4 muxer writes through it (it needs no seeking with `empty_moov`). Each full
    chunk goes to the OS as soon as it is sealed, so a crash loses at most the chunk being filled.
    `close()` seals the rest as the final chunk; without it the file reads as incomplete.
    """

    def __init__(self, path: Path, key: bytes, chunk_size: int = CHUNK_SIZE) -> None:
        super().__init__()
        if len(key) != 32:
            raise ValueError("a sealed file needs a 32-byte AES-256 key")
        if chunk_size < 1:
            raise ValueError("chunk size must be positive")
        self._aead = AESGCM(key)
        self._chunk_size = chunk_size
        self._prefix = os.urandom(7)
        self._header = HEADER.pack(MAGIC, chunk_size, self._prefix)
        self._buffer = bytearray()
        self._index = 0
        self._file: BinaryIO = path.open("wb")
        self._file.write(self._header)
        self._file.flush()

    def writable(self) -> bool:
        """Yes: this is an output."""
        return True

    def seekable(self) -> bool:
        """No: chunks are sealed in order (PyAV then writes the MP4 strictly forwards)."""
        return False

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        """Buffer `data`; seal and write every full chunk."""
        if self.closed:
            raise ValueError("write to a closed sealed file")
        self._buffer += data
        start = 0
        while len(self._buffer) - start > self._chunk_size:  # keep one back: it may be the final one
            self._seal(bytes(self._buffer[start : start + self._chunk_size]), final=False)
            start += self._chunk_size
        if start:
            del self._buffer[:start]
            self._file.flush()
        return len(data)

    def _seal(self, chunk: bytes, final: bool) -> None:
        if self._index > MAX_CHUNKS:
            raise SealedFileError("sealed file too long for its chunk counter")
        self._file.write(self._aead.encrypt(_nonce(self._prefix, self._index, final), chunk, self._header))
        self._index += 1

    def close(self) -> None:
        """Seal what is left as the final chunk and close the file. Idempotent."""
        if self.closed:
            return
        try:
            self._seal(bytes(self._buffer), final=True)
            self._buffer.clear()
            self._file.close()
        finally:
            super().close()


class SealedReader:
    """Random access to a sealed file's plaintext; checks the end of the file when opened.

    `size` is the plaintext length that can be read; `complete` is False when the file has no final
    chunk (cut short), in which case `size` ends at the last whole chunk.
    """

    def __init__(self, path: Path, key: bytes) -> None:
        self._file: BinaryIO = path.open("rb")
        try:
            self._header = self._file.read(HEADER.size)
            if len(self._header) < HEADER.size:
                raise SealedFileError("not a sealed file: the header is cut short")
            magic, self.chunk_size, self._prefix = HEADER.unpack(self._header)
            if magic != MAGIC or self.chunk_size < 1:
                raise SealedFileError("not a sealed file (wrong magic)")
            self._aead = AESGCM(key)
            self._cached: tuple[int, bytes] | None = None  # PyAV reads a chunk in several calls
            self.size, self.complete = self._find_end(os.fstat(self._file.fileno()).st_size - HEADER.size)
        except BaseException:
            self._file.close()
            raise

    def _find_end(self, body: int) -> tuple[int, bool]:
        """The readable plaintext size and whether the final chunk is there."""
        sealed = self.chunk_size + TAG
        last = (body - 1) // sealed if body > 0 else -1
        while last >= 0:
            stored = min(sealed, body - last * sealed)
            data = self._read_sealed(last, stored)
            for final in (True, False) if stored == sealed else (True,):
                try:
                    plain = self._aead.decrypt(_nonce(self._prefix, last, final), data, self._header)
                except InvalidTag:
                    continue
                return last * self.chunk_size + len(plain), final
            if stored == sealed:  # a whole chunk that fails both ways was changed, or the key is wrong
                raise SealedFileError(f"chunk {last} of the sealed file failed authentication")
            last -= 1  # a torn partial chunk: a crash mid-write (or a cut); the prefix before it stands
            body = last * sealed + sealed
        return 0, False

    def _read_sealed(self, index: int, length: int) -> bytes:
        self._file.seek(HEADER.size + index * (self.chunk_size + TAG))
        return self._file.read(length)

    def chunk(self, index: int) -> bytes:
        """The plaintext of chunk `index` (authenticated; `SealedFileError` when it was changed)."""
        if self._cached is not None and self._cached[0] == index:
            return self._cached[1]
        last = (self.size - 1) // self.chunk_size if self.size else 0
        final = self.complete and index == last
        data = self._read_sealed(index, self.chunk_size + TAG)
        try:
            plain = self._aead.decrypt(_nonce(self._prefix, index, final), data, self._header)
        except InvalidTag:
            raise SealedFileError(f"chunk {index} of the sealed file failed authentication") from None
        self._cached = (index, plain)
        return plain

    def read_range(self, start: int, end: int) -> bytes:
        """Plaintext bytes [start, end) (clipped to `size`), decrypting only the chunks they lie in."""
        end = min(end, self.size)
        if start >= end:
            return b""
        first, last = start // self.chunk_size, (end - 1) // self.chunk_size
        data = b"".join(self.chunk(i) for i in range(first, last + 1))
        offset = start - first * self.chunk_size
        return data[offset : offset + end - start]

    def close(self) -> None:
        """Close the underlying file."""
        self._file.close()

    def __enter__(self) -> SealedReader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


class SealedPlaintext(io.RawIOBase):
    """The plaintext of a sealed file as a seekable, read-only file object (for PyAV to demux)."""

    def __init__(self, reader: SealedReader) -> None:
        super().__init__()
        self._reader = reader
        self._pos = 0

    def readable(self) -> bool:
        """Yes."""
        return True

    def seekable(self) -> bool:
        """Yes: any offset maps to a chunk."""
        return True

    def tell(self) -> int:
        """The current plaintext offset."""
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        """Move within the plaintext."""
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._reader.size}[whence]
        self._pos = max(base + offset, 0)
        return self._pos

    def read(self, size: int = -1) -> bytes:
        """Up to `size` bytes from the current offset (all the rest when negative)."""
        end = self._reader.size if size < 0 else self._pos + size
        data = self._reader.read_range(self._pos, end)
        self._pos += len(data)
        return data

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        """Fill `buffer` from the current offset."""
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)
