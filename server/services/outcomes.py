"""Import of post-hire outcomes from the HR systems (JSON list or CSV), all or nothing.

One row per hired candidate: `interview_id` (the interview that led to the hire) and any of the metric
columns `probation_passed`, `performance`, `retained_3m`, `retained_6m`, `retained_12m`. Yes/no metrics
take yes/no, true/false, 1/0, 通过/未通过, 是/否; `performance` takes a number. Every problem is named
with its row number and nothing is stored unless every row is valid and every interview is one the
importer may see (an interview out of their department reads as unknown, revealing nothing).
"""

from __future__ import annotations

import math
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import Outcome, User
from server.db.models.outcome import OUTCOME_METRICS
from server.db.repositories import analytics as repo
from server.db.repositories import audit as audit_repo
from server.db.repositories import interviews as interview_repo
from server.db.repositories import jobs as job_repo
from server.schemas.analytics import OutcomesImported
from server.services.imports import _fail, parse_rows
from server.services.scope import visible_to

YES = {"yes", "true", "1", "1.0", "y", "passed", "pass", "通过", "是", "在职"}
NO = {"no", "false", "0", "0.0", "n", "failed", "fail", "未通过", "否", "离职"}
PERFORMANCE_RANGE = (-1000.0, 1000.0)


def _value(metric: str, raw: Any) -> float | str:
    """The stored number, or the reason the value is refused."""
    if OUTCOME_METRICS[metric]:
        text = str(raw).strip().lower()
        if text in YES:
            return 1.0
        if text in NO:
            return 0.0
        return f"{metric} {str(raw)[:40]!r} is not yes or no"
    try:
        number = float(raw)
    except (TypeError, ValueError):
        return f"{metric} {str(raw)[:40]!r} is not a number"
    if not math.isfinite(number) or not PERFORMANCE_RANGE[0] <= number <= PERFORMANCE_RANGE[1]:
        return f"{metric} {number} is out of range"
    return number


async def import_outcomes(session: AsyncSession, user: User, body: bytes, kind: str) -> OutcomesImported:
    """Validate every row, then store all of them (replacing earlier values of the same metric)."""
    rows = parse_rows(body, kind)
    problems: list[str] = []
    stored: list[Outcome] = []
    seen: set[tuple[str, str]] = set()
    for number, row in enumerate(rows, start=1):
        iid = str(row.get("interview_id") or "").strip()
        interview = await interview_repo.get(session, iid) if iid else None
        job = await job_repo.get(session, interview.job_id) if interview else None
        if not iid:
            problems.append(f"row {number}: interview_id is missing")
            continue
        if interview is None or job is None or not visible_to(user, job):
            problems.append(f"row {number}: no interview {iid[:40]!r}")
            continue
        unknown = sorted(k for k in row if k != "interview_id" and k not in OUTCOME_METRICS)
        if unknown:
            problems.append(f"row {number}: unknown column(s) {', '.join(unknown)[:120]}")
        present = [m for m in OUTCOME_METRICS if row.get(m) not in (None, "")]
        if not present:
            problems.append(f"row {number}: no outcome given ({', '.join(OUTCOME_METRICS)})")
        for metric in present:
            value = _value(metric, row[metric])
            if isinstance(value, str):
                problems.append(f"row {number}: {value}")
            elif (iid, metric) in seen:
                problems.append(f"row {number}: {metric} of this interview is given twice")
            else:
                seen.add((iid, metric))
                stored.append(Outcome(interview_id=iid, metric=metric, value=value, imported_by=user.email))
    _fail(problems)
    await repo.replace_outcomes(session, stored)
    await audit_repo.audit(session, user.email, "outcomes.imported", None, count=len(stored))
    return OutcomesImported(stored=len(stored), interviews=len({o.interview_id for o in stored}))
