"""Imports from the EHR side: jobs (competency models and questions) and candidates, as JSON or CSV.

Every row is validated first and every problem is reported with its row number; nothing is stored
unless the whole upload is valid, so a bad file never leaves half an import behind.

Excel workbooks (.xlsx, first sheet) are read like CSV. Jobs CSV: one row per question, grouped by
`job_title`: job_title, language, department, time_budget_min, competency, weight, kind, question,
minutes. Candidates CSV: name, email, job (id or exact title), and any `external_<system>` column
(e.g. external_feishu_application), stored as the candidate's reference in that system. JSON: a list
of objects with the same fields (jobs as plans).
A candidate may also bring a resume, `"resume": {"filename": "cv.pdf", "content_base64": "..."}`,
parsed and checked with the rest of the rows and stored as an upload is (`server/services/resumes.py`).
"""

from __future__ import annotations

import base64
import binascii
import csv
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from agent.plan_spec import PlanSpec, plan_from_dict
from scoring.yamlsource import SourceError
from server.db.models import Candidate, Interview, User
from server.db.repositories import audit as audit_repo
from server.db.repositories import candidates as candidate_repo
from server.db.repositories import interviews as repo
from server.db.repositories import jobs as job_repo
from server.errors import DomainError, Unprocessable
from server.keys.vault import Vault
from server.schemas import ImportedCandidate, JobCreated
from server.security import Signer
from server.services import resumes as resume_service
from server.services.invites import invite_link, new_invite_nonce
from server.services.jobs import create_from_plan
from server.services.scope import may_add_to, visible_to
from server.services.spreadsheets import is_xlsx, xlsx_rows

MAX_ROWS = 5000
RESERVED_REF_PREFIXES = ("greenhouse_",)
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def tabular(content_type: str) -> bool:
    """Whether the upload is a table with a header row (CSV or Excel): its rows count from 2."""
    return "csv" in content_type or is_xlsx(content_type)


def parse_rows(body: bytes, content_type: str) -> list[dict[str, Any]]:
    """Rows of a JSON list, a CSV file (UTF-8, with or without a BOM) or an Excel workbook."""
    if is_xlsx(content_type):
        sheet = xlsx_rows(body, MAX_ROWS)
        if not sheet:
            raise Unprocessable("the upload has no rows")
        return sheet
    text = body.decode("utf-8-sig", errors="replace")
    if "csv" in content_type:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        try:
            rows: list[dict[str, Any]] = [
                {k.strip(): (v or "").strip() for k, v in row.items() if k} for row in reader
            ]
        except csv.Error as exc:
            raise Unprocessable(f"the CSV file cannot be read at line {reader.line_num}: {exc}") from exc
    else:
        try:
            data = json.loads(text or "null")
        except ValueError as exc:
            raise Unprocessable(f"the upload is not valid JSON: {exc}") from exc
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise Unprocessable("the upload must be a JSON list of objects (or a CSV file)")
        rows = data
    if not rows:
        raise Unprocessable("the upload has no rows")
    if len(rows) > MAX_ROWS:
        raise Unprocessable(f"the upload has {len(rows)} rows; at most {MAX_ROWS} at a time")
    return rows


def _fail(problems: Sequence[str]) -> None:
    if problems:
        shown = "; ".join(problems[:20]) + (f"; and {len(problems) - 20} more" if len(problems) > 20 else "")
        raise Unprocessable(f"nothing was imported: {shown}")


def _number(value: Any, default: float | None = None) -> Any:
    if value in (None, ""):
        return default
    try:
        return float(value)
    except (TypeError, ValueError):
        return value  # the plan validator names the field


def plans_from_csv_rows(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[int]]:
    """Group question rows into plan documents (and the first row number of each job)."""
    plans: dict[str, dict[str, Any]] = {}
    first_row: dict[str, int] = {}
    for n, row in enumerate(rows, start=2):  # row 1 is the header
        title = str(row.get("job_title", ""))
        plan = plans.setdefault(
            title,
            {
                "title": title,
                "language": row.get("language") or "en",
                "department": row.get("department") or None,
                "time_budget_min": _number(row.get("time_budget_min")),
                "competencies": [],
                "questions": [],
            },
        )
        first_row.setdefault(title, n)
        name = row.get("competency", "")
        if name and all(c["name"] != name for c in plan["competencies"]):
            plan["competencies"].append({"name": name, "weight": _number(row.get("weight"), 1.0)})
        plan["questions"].append(
            {
                "competency": name,
                "kind": row.get("kind") or "behavioural",
                "text": row.get("question", ""),
                "minutes": _number(row.get("minutes"), 3.0),
            }
        )
    return list(plans.values()), [first_row[p["title"]] for p in plans.values()]


async def import_jobs(session: AsyncSession, user: User, body: bytes, content_type: str) -> list[JobCreated]:
    """Create jobs from plans; all or nothing."""
    rows = parse_rows(body, content_type)
    docs, where = (
        plans_from_csv_rows(rows) if tabular(content_type) else (rows, list(range(1, len(rows) + 1)))
    )
    specs: list[PlanSpec] = []
    problems = []
    for doc, n in zip(docs, where, strict=True):
        label = f"job {doc.get('title') or '?'!r} (row {n})"
        try:
            spec = plan_from_dict(doc)
        except SourceError as exc:
            problems.append(f"{label}: {exc}")
            continue
        if not may_add_to(user, spec.department):
            problems.append(f"{label}: you can import jobs of the {user.department} department only")
            continue
        specs.append(spec)
    _fail(problems)
    created = []
    for spec in specs:
        job = await create_from_plan(session, spec, user.email)
        created.append(
            JobCreated(id=job.id, title=job.title, questions=len(spec.questions), version=job.version)
        )
    return created


@dataclass(frozen=True)
class ResumeStore:
    """What storing imported resumes needs (the upload route's limits and the vault)."""

    vault: Vault
    max_bytes: int
    recordings_dir: Path


async def _resume_of(row: dict[str, Any], n: int, limit: int, problems: list[str]) -> Any:
    """(bytes, filename, kind, profile) of a row's resume, None without one; problems are appended."""
    raw = row.get("resume")
    if raw is None:
        return None
    if not isinstance(raw, dict) or not isinstance(raw.get("content_base64"), str):
        problems.append(f'row {n}: resume must be {{"filename": ..., "content_base64": ...}}')
        return None
    try:
        data = base64.b64decode(raw["content_base64"], validate=True)
    except (binascii.Error, ValueError):
        problems.append(f"row {n}: resume.content_base64 is not base64")
        return None
    try:
        kind, profile = await resume_service.prepare(data, limit)
    except DomainError as exc:
        problems.append(f"row {n}: resume: {exc.message}")
        return None
    return data, str(raw.get("filename") or "resume")[:200], kind, profile


async def import_candidates(
    session: AsyncSession,
    user: User,
    body: bytes,
    content_type: str,
    signer: Signer,
    public_url: str,
    resumes: ResumeStore | None = None,
) -> list[ImportedCandidate]:
    """Create candidates with an interview each and return their invite links; all or nothing."""
    rows = parse_rows(body, content_type)
    first = 2 if tabular(content_type) else 1
    jobs = [j for j in await job_repo.list_all(session) if visible_to(user, j)]
    by_id = {j.id: j for j in jobs}
    by_title: dict[str, list[Any]] = {}
    for j in jobs:
        by_title.setdefault(j.title, []).append(j)
    problems, valid = [], []
    for n, row in enumerate(rows, start=first):
        name = str(row.get("name") or "").strip()
        email = str(row.get("email") or "").strip() or None
        job_key = str(row.get("job") or "").strip()
        job = by_id.get(job_key) or (
            by_title.get(job_key, [None])[0] if len(by_title.get(job_key, [])) == 1 else None
        )
        if not name:
            problems.append(f"row {n}: name is missing")
        if email is not None and not EMAIL.match(email):
            problems.append(f"row {n}: email {email!r} is not an email address")
        if job is None:
            reason = (
                "matches several jobs; use its id"
                if len(by_title.get(job_key, [])) > 1
                else "is not a job you can see"
            )
            problems.append(f"row {n}: job {job_key!r} {reason}")
        refs = {
            k.removeprefix("external_"): str(v).strip()
            for k, v in row.items()
            if k.startswith("external_") and str(v or "").strip()
        }
        refs.update(
            {str(k): str(v) for k, v in (row.get("external_refs") or {}).items()}
            if isinstance(row.get("external_refs"), dict)
            else {}
        )
        # Partner references are set by the partner API only: an imported callback URL would be sent
        # the Greenhouse key and the candidate's results.
        refs = {k: v for k, v in refs.items() if not k.startswith(RESERVED_REF_PREFIXES)}
        resume = await _resume_of(row, n, resumes.max_bytes, problems) if resumes else None
        valid.append((name, email, job, refs, resume))
    _fail(problems)
    out = []
    for name, email, job, refs, resume in valid:
        assert job is not None  # rows without a job failed validation above
        candidate = await candidate_repo.add(session, Candidate(name=name, email=email, external_refs=refs))
        interview = await repo.add(
            session, Interview(job_id=job.id, candidate_id=candidate.id, invite_nonce=new_invite_nonce())
        )
        if resume is not None and resumes is not None:
            data, filename, kind, profile = resume
            # The interview is new in this transaction, so its key is too (a rollback leaves no row
            # that could point at the file).
            key = await resumes.vault.data_key_async(session, interview.id)
            await resume_service.store(
                session,
                key,
                user.email,
                interview.id,
                data,
                filename,
                kind,
                profile,
                resumes.recordings_dir,
            )
        out.append(
            ImportedCandidate(
                candidate_id=candidate.id,
                interview_id=interview.id,
                job_title=job.title,
                invite_url=invite_link(signer, public_url, interview),
            )
        )
    await audit_repo.audit(session, user.email, "candidates.imported", None, count=len(out))
    return out
