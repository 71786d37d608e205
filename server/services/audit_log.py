"""The audit trail for auditors: verified against its hash chain, exported as JSON lines or CSV.

An export is itself audited (after it is read, so the export's own row is in the next one).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Literal

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.chain import Verification, Walker
from server.db.models import AuditEvent, User
from server.db.repositories import audit as audit_repo

FIELDS = (
    "seq",
    "created_at",
    "actor",
    "action",
    "interview_id",
    "detail",
    "redacted",
    "detail_hash",
    "prev_hash",
    "hash",
)


def _row(event: AuditEvent) -> dict[str, Any]:
    return {
        "seq": event.seq,
        "created_at": event.created_at.isoformat(),
        "actor": event.actor,
        "action": event.action,
        "interview_id": event.interview_id,
        "detail": event.detail,
        "redacted": event.redacted,
        "detail_hash": event.detail_hash,
        "prev_hash": event.prev_hash,
        "hash": event.hash,
    }


async def verify(session: AsyncSession) -> Verification:
    """Walk the whole chain and compare its end with the head."""
    walker = Walker()
    async for event in audit_repo.chain(session):
        walker.feed(event)
    return walker.result(*await audit_repo.head(session))


async def export(session: AsyncSession, user: User, fmt: Literal["jsonl", "csv"]) -> tuple[str, Verification]:
    """Every row, then the verification result (the last JSON line; a `#` line after the CSV)."""
    walker = Walker()
    out = io.StringIO()
    writer = csv.DictWriter(out, FIELDS) if fmt == "csv" else None
    if writer is not None:
        writer.writeheader()
    async for event in audit_repo.chain(session):
        walker.feed(event)
        row = _row(event)
        if writer is not None:
            writer.writerow({**row, "detail": json.dumps(row["detail"], ensure_ascii=False)})
        else:
            out.write(json.dumps({"type": "audit", **row}, ensure_ascii=False) + "\n")
    result = walker.result(*await audit_repo.head(session))
    if writer is not None:
        out.write(f"# verification: {json.dumps(result.as_dict())}\n")
    else:
        out.write(json.dumps({"type": "verification", **result.as_dict()}) + "\n")
    await audit_repo.audit(session, user.email, "audit.exported", None, rows=result.rows, ok=result.ok)
    return out.getvalue(), result
