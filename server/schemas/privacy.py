"""Privacy: consent texts and what a candidate agreed to, legal holds, withdrawal, the audit chain."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class ConsentTextIn(BaseModel):
    """A new version of the candidate notice, active at once for its language and jurisdiction.

    Texts are never edited in place: a change is a new version.
    """

    language: str = Field(min_length=2, max_length=10, pattern=r"^[a-z]{2}(-[A-Za-z]{2,4})?$")
    jurisdiction: str = Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9_-]+$")
    version: str = Field(min_length=1, max_length=40)
    text: str = Field(min_length=20, max_length=20_000)


class ConsentTextOut(BaseModel):
    """A stored notice version."""

    model_config = ConfigDict(from_attributes=True)

    id: str
    language: str
    jurisdiction: str
    version: str
    text: str
    active: bool
    created_by: str
    created_at: datetime


class ConsentRecordOut(BaseModel):
    """What the candidate agreed to, scope by scope, and the notice they read."""

    model_config = ConfigDict(from_attributes=True)

    version: str
    language: str | None
    jurisdiction: str | None
    text: str
    recording: bool
    ai_evaluation: bool
    presence_checks: bool
    created_at: datetime
    withdrawn_at: datetime | None


class LegalHoldIn(BaseModel):
    """Set or clear a legal hold; a reason is required to set one."""

    hold: bool
    reason: str | None = Field(default=None, max_length=300)


class LegalHoldOut(BaseModel):
    """Whether an interview is held past its retention, and why."""

    interview_id: str
    legal_hold: bool
    reason: str | None


class WithdrawalOut(BaseModel):
    """What happened after a candidate withdrew: the call stopped, and their data erased (or held)."""

    status: str  # "erased" or "held"
    message: str


class AuditVerificationOut(BaseModel):
    """The audit chain walked from its first row to its head."""

    rows: int
    ok: bool
    broken_at_seq: int | None
    problem: str | None


class PurgeOut(BaseModel):
    """What a retention purge removed (or, dry run, would remove), per data kind."""

    dry_run: bool
    removed: dict[str, int]
    skipped_on_hold: int
