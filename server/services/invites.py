"""Candidate entry: invite links and consent."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import Candidate, Consent, Interview, Job
from server.db.repositories import audit as audit_repo
from server.db.repositories import candidates as candidate_repo
from server.db.repositories import interviews as repo
from server.db.repositories import jobs as job_repo
from server.errors import Conflict, ConsentRequired, InviteInvalid, NotFound
from server.security import Signer

CONSENT_TEXT = {
    "en": (
        "This interview is recorded (audio and video) and transcribed. An AI system suggests scores for "
        "your answers against the job's criteria; a person reviews every score and makes every decision. "
        "Your recording and transcript are kept only as long as the employer's retention policy allows, "
        "and you can ask for them to be deleted."
    ),
    "zh": (
        "本次面试将被录音录像并转写为文字。AI 系统会根据岗位标准为您的回答给出参考评分，"
        "所有评分都由人工复核，所有决定都由人作出。录音录像和文字记录仅按雇主的保存政策保留，您可以要求删除。"
    ),
}


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


def consent_text(language: str) -> str:
    """The notice shown to candidates in the job's language."""
    return CONSENT_TEXT.get(language, CONSENT_TEXT["en"])


async def give_consent(
    session: AsyncSession, ctx: InviteContext, version: str, current_version: str, user_agent: str | None
) -> Consent:
    """Store the candidate's consent with the exact text version they saw."""
    ensure_joinable(ctx.interview)
    if version != current_version:
        raise Conflict("the notice changed since the page loaded; reload the page and read it again")
    consent = await repo.add_consent(
        session,
        Consent(
            interview_id=ctx.interview.id,
            version=version,
            text=consent_text(ctx.job.language),
            recording=True,
            ai_evaluation=True,
            user_agent=(user_agent or "")[:400] or None,
        ),
    )
    await audit_repo.audit(session, "candidate", "consent.given", ctx.interview.id, version=version)
    return consent


async def has_consented(session: AsyncSession, interview: Interview, current_version: str) -> bool:
    """Whether the candidate consented to the notice as it reads now (an older version does not count)."""
    consent = await repo.latest_consent(session, interview.id)
    return consent is not None and consent.version == current_version


async def require_consent(session: AsyncSession, interview: Interview, current_version: str) -> None:
    """Media may start only after consent to the current notice."""
    if not await has_consented(session, interview, current_version):
        raise ConsentRequired("please read the notice and give your consent before the call starts")
