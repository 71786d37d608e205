"""Candidate entry: invite links (consent is `server.services.consent`)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import Candidate, Interview, Job
from server.db.repositories import candidates as candidate_repo
from server.db.repositories import interviews as repo
from server.db.repositories import jobs as job_repo
from server.errors import Conflict, InviteInvalid, NotFound
from server.security import Signer


@dataclass(frozen=True)
class InviteContext:
    """The interview an invite link opens, with its job and candidate."""

    interview: Interview
    job: Job
    candidate: Candidate


def new_invite_nonce() -> str:
    """A fresh nonce; storing it on the interview revokes earlier links."""
    return secrets.token_urlsafe(16)


def invite_link(signer: Signer, public_url: str, interview: Interview) -> str:
    """The candidate's URL for an interview."""
    return f"{public_url.rstrip('/')}/i/{signer.invite_token(interview.id, interview.invite_nonce)}"


async def resolve(session: AsyncSession, signer: Signer, token: str) -> InviteContext:
    """Check an invite token against the stored interview; raise a domain error a person understands."""
    claims = signer.read_invite(token)
    interview = await repo.get(session, claims.interview_id)
    if interview is None:
        raise NotFound("this interview no longer exists")
    if not secrets.compare_digest(interview.invite_nonce, claims.nonce):
        raise InviteInvalid("this invite link was replaced by a newer one; use the latest link you received")
    job = await job_repo.get(session, interview.job_id)
    candidate = await candidate_repo.get(session, interview.candidate_id)
    if job is None or candidate is None:
        raise NotFound("this interview no longer exists")
    return InviteContext(interview, job, candidate)


def ensure_joinable(interview: Interview) -> None:
    """Refuse interviews that are over."""
    if interview.status == "finished":
        raise Conflict("this interview has already finished; thank you for your time")
    if interview.status == "cancelled":
        raise Conflict("this interview was cancelled; contact the recruiter")
