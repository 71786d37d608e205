"""The candidate's side: invite link, consent, the WebRTC offer, and withdrawal."""

from __future__ import annotations

from fastapi import APIRouter, Request

from server.deps import BusDep, CallsDep, SessionDep, SessionsDep, SettingsDep, SignerDep, VaultDep
from server.schemas import (
    AnswerOut,
    ConsentIn,
    ConsentOut,
    InviteOut,
    OfferIn,
    SelfIdIn,
    SelfIdOut,
    WithdrawalOut,
)
from server.services import consent as consent_service
from server.services import invites, self_id
from server.services.calls import start_call
from server.services.withdrawal import withdraw as withdraw_consent

router = APIRouter(prefix="/api/invite", tags=["candidate"])


@router.get("/{token}")
async def invite(token: str, session: SessionDep, signer: SignerDep, settings: SettingsDep) -> InviteOut:
    """What the candidate page shows before consent: the notice for the job's language and jurisdiction."""
    ctx = await invites.resolve(session, signer, token)
    notice = await consent_service.notice_for(
        session, ctx.job, settings.consent_jurisdiction, settings.consent_version
    )
    given = await consent_service.current(session, ctx.interview, notice)
    return InviteOut(
        interview_id=ctx.interview.id,
        job_title=ctx.job.title,
        candidate_name=ctx.candidate.name,
        language=ctx.job.language,
        status=ctx.interview.status,
        consent_version=notice.version,
        consent_jurisdiction=notice.jurisdiction,
        consent_text=notice.text,
        consented=given is not None,
        ai_evaluation=given.ai_evaluation if given else None,
        presence_checks=given.presence_checks if given else None,
        audio_processing=settings.browser_audio_processing,
    )


@router.post("/{token}/consent", status_code=201)
async def consent(
    token: str,
    body: ConsentIn,
    request: Request,
    session: SessionDep,
    signer: SignerDep,
    settings: SettingsDep,
) -> ConsentOut:
    """Store consent per scope (recording; AI evaluation; presence checks) with the notice's version."""
    ctx = await invites.resolve(session, signer, token)
    invites.ensure_joinable(ctx.interview)
    notice = await consent_service.notice_for(
        session, ctx.job, settings.consent_jurisdiction, settings.consent_version
    )
    choice = consent_service.Choice(body.version, body.ai_evaluation, body.presence_checks)
    row = await consent_service.give(
        session, ctx.interview, notice, choice, request.headers.get("user-agent")
    )
    return ConsentOut(
        consent_id=row.id,
        version=row.version,
        ai_evaluation=row.ai_evaluation,
        presence_checks=row.presence_checks,
    )


@router.post("/{token}/offer")
async def offer(
    token: str, body: OfferIn, session: SessionDep, signer: SignerDep, calls: CallsDep
) -> AnswerOut:
    """Answer the browser's SDP offer and start the interview."""
    ctx = await invites.resolve(session, signer, token)
    sdp = await start_call(calls, session, ctx, body.sdp, body.type)
    return AnswerOut(sdp=sdp)


@router.post("/{token}/withdraw")
async def withdraw(
    token: str,
    sessions: SessionsDep,
    signer: SignerDep,
    calls: CallsDep,
    bus: BusDep,
    settings: SettingsDep,
    vault: VaultDep,
) -> WithdrawalOut:
    """The candidate withdraws consent: a live call ends, scoring stops, and their data is erased."""
    return await withdraw_consent(sessions, signer, calls.peers, bus, token, settings.recordings_dir, vault)


@router.post("/{token}/self-id")
async def self_identify(
    token: str, body: SelfIdIn, session: SessionDep, signer: SignerDep, settings: SettingsDep
) -> SelfIdOut:
    """Optional demographic answers for the bias audit, with their own consent; never shown to raters."""
    ctx = await invites.resolve(session, signer, token)
    return await self_id.give(session, ctx, body, settings.consent_version)
