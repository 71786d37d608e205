"""The candidate's side: invite link, consent, and the WebRTC offer."""

from __future__ import annotations

from fastapi import APIRouter, Request

from server.deps import CallsDep, SessionDep, SettingsDep, SignerDep
from server.schemas import AnswerOut, ConsentIn, ConsentOut, InviteOut, OfferIn
from server.services import invites
from server.services.calls import start_call

router = APIRouter(prefix="/api/invite", tags=["candidate"])


@router.get("/{token}")
async def invite(token: str, session: SessionDep, signer: SignerDep, settings: SettingsDep) -> InviteOut:
    """What the candidate page shows before consent."""
    ctx = await invites.resolve(session, signer, token)
    return InviteOut(
        interview_id=ctx.interview.id,
        job_title=ctx.job.title,
        candidate_name=ctx.candidate.name,
        language=ctx.job.language,
        status=ctx.interview.status,
        consent_version=settings.consent_version,
        consent_text=invites.consent_text(ctx.job.language),
        consented=await invites.has_consented(session, ctx.interview, settings.consent_version),
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
    """Store consent to recording and AI evaluation, with the notice's version."""
    ctx = await invites.resolve(session, signer, token)
    row = await invites.give_consent(
        session, ctx, body.version, settings.consent_version, request.headers.get("user-agent")
    )
    return ConsentOut(consent_id=row.id, version=row.version)


@router.post("/{token}/offer")
async def offer(
    token: str, body: OfferIn, session: SessionDep, signer: SignerDep, calls: CallsDep
) -> AnswerOut:
    """Answer the browser's SDP offer and start the interview."""
    ctx = await invites.resolve(session, signer, token)
    sdp = await start_call(calls, session, ctx, body.sdp, body.type)
    return AnswerOut(sdp=sdp)
