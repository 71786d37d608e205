"""The candidate's side: invite link, consent, the WebRTC offer, and withdrawal."""

from __future__ import annotations

from fastapi import APIRouter, Request

from realtime.errors import InvalidOfferError
from server.deps import (
    BusDep,
    CallsDep,
    MetricsDep,
    ReadinessDep,
    SessionDep,
    SessionsDep,
    SettingsDep,
    SignerDep,
    VaultDep,
)
from server.errors import Busy
from server.observability.logs import bind_interview
from server.schemas import (
    AnswerOut,
    ConsentIn,
    ConsentOut,
    InviteOut,
    NewLinkOut,
    OfferIn,
    SelfIdIn,
    SelfIdOut,
    StatusOut,
    WithdrawalOut,
)
from server.schemas.candidate import DeviceCheckIn, DeviceCheckOut
from server.schemas.modules import CodeRunIn, CodeRunOut, SurveyIn, SurveyOut
from server.services import candidate_status, candidate_steps, invites, self_id
from server.services import consent as consent_service
from server.services import modules as modules_service
from server.services.calls import start_call
from server.services.coding.runs import run_code
from server.services.ice import ice_config
from server.services.monitoring import refuse_unless_ready
from server.services.withdrawal import withdraw as withdraw_consent

router = APIRouter(prefix="/api/invite", tags=["candidate"])


@router.get("/{token}")
async def invite(token: str, session: SessionDep, signer: SignerDep, settings: SettingsDep) -> InviteOut:
    """What the candidate page shows before consent: the notice for the job's language and jurisdiction."""
    ctx = await invites.resolve(session, signer, token)
    await candidate_steps.opened(session, ctx.interview)
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
        ice=ice_config(settings, ctx.interview.id),
    )


@router.get("/{token}/status")
async def status(token: str, session: SessionDep, signer: SignerDep, settings: SettingsDep) -> StatusOut:
    """Where the candidate stands: invited, scheduled, in progress, completed, under review, decision sent."""
    ctx = await invites.resolve(session, signer, token)
    await candidate_steps.opened(session, ctx.interview)
    return await candidate_status.status(session, ctx, settings)


@router.post("/{token}/device-check")
async def device_check(
    token: str, body: DeviceCheckIn, session: SessionDep, signer: SignerDep
) -> DeviceCheckOut:
    """The device check's result (camera, microphone, network), for the drop-out report."""
    ctx = await invites.resolve(session, signer, token)
    return await candidate_steps.device_check(session, ctx.interview, body)


@router.post("/{token}/new-link")
async def new_link(token: str, session: SessionDep, signer: SignerDep, settings: SettingsDep) -> NewLinkOut:
    """From an expired link: a new one is sent (if the job allows it) or HR is asked to send one."""
    return await candidate_status.request_new_link(session, signer, token, settings)


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
    await candidate_status.ensure_before_deadline(session, ctx)
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
    token: str,
    body: OfferIn,
    session: SessionDep,
    signer: SignerDep,
    calls: CallsDep,
    readiness: ReadinessDep,
    metrics: MetricsDep,
) -> AnswerOut:
    """Answer the browser's SDP offer and start the interview (503 while this instance is not ready)."""
    ctx = await invites.resolve(session, signer, token)
    await candidate_status.ensure_before_deadline(session, ctx)
    await candidate_status.ensure_retake_allowed(session, ctx)
    bind_interview(ctx.interview.id)  # the call's log records carry its id from here on
    refuse_unless_ready(calls, readiness, metrics)
    try:
        sdp = await start_call(calls, session, ctx, body.sdp, body.type)
    except Busy:
        metrics.webrtc_failure("busy")
        raise
    except InvalidOfferError:
        metrics.webrtc_failure("invalid_offer")
        raise
    return AnswerOut(sdp=sdp)


@router.post("/{token}/code")
async def code(
    token: str,
    body: CodeRunIn,
    sessions: SessionsDep,
    signer: SignerDep,
    calls: CallsDep,
    bus: BusDep,
    settings: SettingsDep,
) -> CodeRunOut:
    """Run the candidate's code for the coding task in the sandbox; `submit` hands it in."""
    return await run_code(
        sessions, signer, calls.sandbox, calls.peers, bus, token, body, settings.sandbox_max_runs
    )


@router.post("/{token}/survey", status_code=201)
async def survey(token: str, body: SurveyIn, session: SessionDep, signer: SignerDep) -> SurveyOut:
    """The one-question satisfaction survey after the interview (1-5 and an optional comment)."""
    return await modules_service.answer_survey(session, signer, token, body)


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
    return await withdraw_consent(
        sessions, signer, calls.peers, bus, token, settings.recordings_dir, vault, calls.owners
    )


@router.post("/{token}/self-id")
async def self_identify(
    token: str, body: SelfIdIn, session: SessionDep, signer: SignerDep, settings: SettingsDep
) -> SelfIdOut:
    """Optional demographic answers for the bias audit, with their own consent; never shown to raters."""
    ctx = await invites.resolve(session, signer, token)
    return await self_id.give(session, ctx, body, settings.consent_version)
