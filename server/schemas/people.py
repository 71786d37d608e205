"""Staff accounts on the admin page, and candidates on the HR page (search, bulk actions)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from server.schemas.jobs import ImportedCandidate

Role = Literal["admin", "hr", "interviewer"]


class StaffOut(BaseModel):
    """A staff account as the admin page lists it (never its password hash)."""

    model_config = ConfigDict(from_attributes=True)

    id: str
    email: str
    name: str
    role: str
    department: str | None
    active: bool
    created_at: datetime


class StaffInviteIn(BaseModel):
    """A new staff account: it gets no password until the person sets one from the link."""

    email: str = Field(min_length=3, max_length=254)
    name: str = Field(min_length=1, max_length=200)
    role: Role
    department: str | None = Field(default=None, max_length=100)
    language: Literal["zh", "en"] = "en"  # of the invitation e-mail


class StaffChangeIn(BaseModel):
    """A change to an account; fields left out stay as they are (`department: null` clears it)."""

    role: Role | None = None
    department: str | None = Field(default=None, max_length=100)
    clear_department: bool = False
    active: bool | None = None


class AccountLinkOut(BaseModel):
    """A one-time link to set a password, e-mailed or handed over.

    E-mailed (`emailed`) leaves `link` empty; on a server without SMTP the link itself is here, shown
    once to the admin who hands it over.
    """

    user: StaffOut
    purpose: Literal["invite", "reset"]
    emailed: bool
    link: str | None
    expires_at: datetime


class ForgotPasswordIn(BaseModel):
    """Someone who forgot their password asks for a reset link by e-mail."""

    email: str = Field(min_length=1, max_length=254)
    language: Literal["zh", "en"] = "en"


class PasswordSetIn(BaseModel):
    """A new password, with the one-time token from the invitation or reset link."""

    token: str = Field(min_length=10, max_length=1000)
    password: str = Field(min_length=1, max_length=200)


class CandidateInterviewOut(BaseModel):
    """One interview of a candidate in the candidates list."""

    id: str
    job_id: str
    job_title: str
    status: str
    created_at: datetime


class CandidateOut(BaseModel):
    """A candidate the user may see, with their interviews of jobs the user may see."""

    id: str
    name: str
    email: str | None
    interviews: list[CandidateInterviewOut]


class BulkIn(BaseModel):
    """A bulk action on selected candidates.

    `interview`: a new interview (and invite link) for `job_id` each; `withdraw`: cancel their open
    interviews (links stop working, nothing is deleted).
    """

    action: Literal["interview", "withdraw"]
    candidate_ids: list[str] = Field(min_length=1, max_length=500)
    job_id: str | None = Field(default=None, max_length=32)
    reason: str = Field(default="", max_length=500)


class BulkOut(BaseModel):
    """What a bulk action did."""

    action: str
    candidates: int
    interviews: int
    invites: list[ImportedCandidate] = Field(default_factory=list)


class BulkEraseIn(BaseModel):
    """Candidates to erase (admin only), all or none checked first."""

    candidate_ids: list[str] = Field(min_length=1, max_length=200)
