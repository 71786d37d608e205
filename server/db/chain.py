"""The audit trail's hash chain, as pure functions shared by the migration, repository and verifier.

A row's hash is SHA-256 over the previous row's hash and the row's own fields; the detail enters as
its own hash, so a redacted row (detail erased, `detail_hash` kept) still links. Timestamps are hashed
as UTC text with microseconds, which both SQLite and PostgreSQL give back unchanged.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64
REDACTED: dict[str, Any] = {"redacted": True}


def detail_hash(detail: dict[str, Any]) -> str:
    """The hash of a row's detail, in a canonical JSON form."""
    text = json.dumps(detail, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _utc(value: datetime) -> str:
    aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    return aware.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")


def row_hash(
    prev: str,
    seq: int,
    created_at: datetime,
    actor: str,
    action: str,
    interview_id: str | None,
    detail_digest: str,
) -> str:
    """The hash of one row, chained to `prev`."""
    fields = [prev, str(seq), _utc(created_at), actor, action, interview_id or "", detail_digest]
    return hashlib.sha256("\x1f".join(fields).encode()).hexdigest()


@dataclass(frozen=True)
class Verification:
    """The result of walking the chain: how many rows, and the first broken link if any."""

    rows: int
    ok: bool
    broken_at_seq: int | None = None
    problem: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """For the export's trailer and the verify endpoint."""
        return {
            "rows": self.rows,
            "ok": self.ok,
            "broken_at_seq": self.broken_at_seq,
            "problem": self.problem,
        }


class Walker:
    """Checks rows one at a time, in `seq` order, so a long trail verifies without loading it whole."""

    def __init__(self) -> None:
        self.rows = 0
        self._prev = GENESIS
        self._failed: Verification | None = None

    def feed(self, row: Any) -> None:
        """Check the next row (after a failure, rows are only counted)."""
        self.rows += 1
        if self._failed is not None:
            return
        problem = None
        if row.seq != self.rows:
            problem = f"row {self.rows} is missing"
        elif row.prev_hash != self._prev:
            problem = "the link to the previous row is broken"
        elif not row.redacted and detail_hash(row.detail or {}) != row.detail_hash:
            problem = "the detail was changed"
        elif row.hash != row_hash(
            self._prev, row.seq, row.created_at, row.actor, row.action, row.interview_id, row.detail_hash
        ):
            problem = "the row's fields were changed"
        if problem is not None:
            self._failed = Verification(0, False, row.seq, problem)
        self._prev = row.hash

    def result(self, head_seq: int, head_hash: str) -> Verification:
        """The verdict, checked against the chain's head.

        The head is what catches rows deleted from the end: without it, a shortened chain still links.
        """
        if self._failed is not None:
            return Verification(self.rows, False, self._failed.broken_at_seq, self._failed.problem)
        if self.rows != head_seq or self._prev != head_hash:
            return Verification(self.rows, False, self.rows + 1, "rows after this one were removed")
        return Verification(self.rows, True)


def verify(rows: list[Any], head_seq: int, head_hash: str) -> Verification:
    """Check rows (ordered by `seq`) link up, match their contents, and end at the chain's head."""
    walker = Walker()
    for row in rows:
        walker.feed(row)
    return walker.result(head_seq, head_hash)
