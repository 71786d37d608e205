"""Starting a candidate's call: checks, the peer, the agent, the recording."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from agent.bargein import BargeInPolicy
from agent.interviewer import AgentSettings, InterviewAgent
from realtime.errors import CallCapacityReached, CallSlotTaken
from realtime.presence.presence import PresenceRules, PresenceSampler
from realtime.speech.pipeline import SpeechPipeline
from realtime.voice.voice import AgentVoice
from realtime.webrtc.peer import CandidatePeer
from realtime.webrtc.recorder import Recorder
from realtime.webrtc.registry import PeerRegistry, Reservation
from scoring.scorer import Scorer
from server.bus import EventBus
from server.db.base import new_id, utcnow
from server.db.models import IntegrityFlag, Interview, Recording
from server.db.repositories import audit as audit_repo
from server.db.repositories import integrity as integrity_repo
from server.db.repositories import interviews as repo
from server.db.repositories import jobs as job_repo
from server.db.repositories import resumes as resume_repo
from server.db.repositories.plans import interview_plan
from server.errors import Busy, Conflict, NotFound
from server.keys.vault import Vault
from server.observability.metrics import Metrics
from server.owners import CallOwners
from server.runtime import ModelRuntime
from server.services import consent as consent_service
from server.services import relay
from server.services.coding.sandbox import Sandbox, SandboxLimits
from server.services.ice import server_ice_servers
from server.services.invites import InviteContext, ensure_joinable
from server.services.live import LiveInterview, LiveStore, control_channel
from server.services.live.remote import RELEASE
from server.services.media import media_duration
from server.services.rejoin import close_crashed, gap_detail
from server.services.reports import job_rubric
from server.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class CallRuntime:
    """What a call needs from the app's lifespan."""

    settings: Settings
    sessions: async_sessionmaker[AsyncSession]
    bus: EventBus
    peers: PeerRegistry
    models: ModelRuntime
    scorer: Scorer
    agent_settings: AgentSettings
    vault: Vault
    owners: CallOwners
    sandbox: Sandbox = field(default_factory=Sandbox)  # the coding module's; one per server
    metrics: Metrics | None = None  # the app's Prometheus instruments (None in tools that run no server)
    draining: bool = False  # shutting down: no new calls here (the candidate rejoins on another)

    def presence(self, live: LiveInterview, consented: bool) -> PresenceSampler | None:
        """A presence sampler for one call, reporting to its live interview.

        None when checks are off, or when the candidate did not consent to them.
        """
        if self.models.faces is None or not consented:
            return None
        s = self.settings
        rules = PresenceRules(
            s.presence_no_face_s, s.presence_multiple_faces_s, s.presence_looking_away_s, s.presence_yaw_limit
        )
        return PresenceSampler(self.models.faces, live.on_presence, rules, s.presence_every_s)


def make_sandbox(settings: Settings) -> Sandbox:
    """The coding sandbox with the operator's limits."""
    s = settings
    limits = SandboxLimits(
        s.sandbox_cpu_s,
        s.sandbox_wall_s,
        s.sandbox_memory_mb,
        s.sandbox_processes,
        s.sandbox_file_mb,
        s.sandbox_open_files,
        s.sandbox_output_bytes,
        s.sandbox_concurrent,
        s.sandbox_user,
    )
    return Sandbox(limits)


async def start_call(
    runtime: CallRuntime, session: AsyncSession, ctx: InviteContext, sdp: str, kind: str
) -> str:
    """Answer the candidate's offer; the request's transaction stores the recording row.

    The call's slot is reserved before anything is awaited and released if the call does not start,
    so concurrent offers cannot pass the limits together.
    """
    interview = ctx.interview
    ensure_joinable(interview)
    if runtime.draining:
        raise Busy("this server is restarting; please join again in a few seconds")
    stale = runtime.peers.get(interview.id)
    if stale is not None and stale.idle_s >= runtime.settings.peer_stale_s:
        log.info("interview %s: a new call replaces one without media for %.1f s", interview.id, stale.idle_s)
        await stale.close()  # a reload or a dropped network: what was said is stored on close
    slot = _reserve(runtime, interview.id)
    try:
        await _claim(runtime, interview.id)
        try:
            answer = await _start(runtime, session, ctx, sdp, kind, slot)
        except BaseException:
            await runtime.owners.release(interview.id)
            raise
    finally:
        slot.release()  # a no-op once the peer filled it
    return answer


async def _claim(runtime: CallRuntime, interview_id: str) -> None:
    """Hold the call's lease; another instance's dead or abandoned call gives it up first.

    The holder answers a release request at once: it gives the call up when no media has come for
    `peer_stale_s`, and refuses while the candidate is still there. A holder that does not answer
    has died; its lease lapses within `call_lease_s`.
    """
    owners, settings = runtime.owners, runtime.settings
    if await owners.claim(interview_id) is None:
        return
    message = {"action": RELEASE, "stale_s": settings.peer_stale_s}
    reply = await relay.request(runtime.bus, control_channel(interview_id), message, settings.relay_timeout_s)
    if reply is not None and not reply.get("released"):
        raise Conflict("this interview is already open in another browser window; close it there first")
    loop = asyncio.get_running_loop()
    deadline = loop.time() + settings.call_lease_s + 1.0
    while await owners.claim(interview_id) is not None:
        if loop.time() > deadline:
            raise Busy("your previous connection is still closing; please join again in a few seconds")
        await asyncio.sleep(0.25)


def _reserve(runtime: CallRuntime, interview_id: str) -> Reservation:
    try:
        return runtime.peers.reserve(interview_id, runtime.settings.max_live_interviews)
    except CallSlotTaken:
        raise Conflict(
            "this interview is already open in another browser window; close it there first"
        ) from None
    except CallCapacityReached:
        raise Busy(
            "the server is at its limit of live interviews; please try again in a few minutes"
        ) from None


async def _start(
    runtime: CallRuntime, session: AsyncSession, ctx: InviteContext, sdp: str, kind: str, slot: Reservation
) -> str:
    interview = ctx.interview
    settings = runtime.settings
    notice = await consent_service.notice_for(
        session, ctx.job, settings.consent_jurisdiction, settings.consent_version
    )
    consent = await consent_service.require(session, interview, notice)
    job = await job_repo.get_full(session, interview.job_id)
    resume = await resume_repo.of_interview(session, interview.id)
    # Re-ask the question a dropped call was on; a resume adds its opening and probes.
    plan = interview_plan(job, interview.question_index, resume.profile if resume else None)
    if job is None or plan is None:
        raise NotFound("this interview has no questions yet; contact the recruiter")
    models = runtime.models
    agent = InterviewAgent(plan, job.language, runtime.scorer, job_rubric(job), runtime.agent_settings)
    recording_id = new_id()
    store = LiveStore(
        interview.id,
        runtime.sessions,
        runtime.bus,
        settings.public_url,
        recording_id,
        ai_scoring=consent.ai_evaluation,
    )
    live = LiveInterview(
        agent, store, runtime.bus, models.voices, BargeInPolicy(settings.barge_in_min_speech_s)
    )
    pipeline = SpeechPipeline(
        models.vad,
        models.recognizers,
        live.on_media_event,
        language=job.language,
        prompt=job.vocabulary,
        partial_every_s=settings.asr_partial_every_s or None,
    )
    live.on_language = pipeline.set_language
    if settings.asr_bias_with_question:
        live.on_context = pipeline.set_context  # the recogniser hears what was just asked
    path = settings.recordings_dir / interview.id / f"{recording_id}.mp4"
    async with runtime.sessions.begin() as own:  # committed before any of the recording is sealed
        key = await runtime.vault.data_key_async(own, interview.id)
    recorder = Recorder(path, width=settings.record_video_width, height=settings.record_video_height, key=key)

    started = False
    live.metrics = runtime.metrics

    async def closed(peer: CandidatePeer) -> None:
        runtime.peers.remove(interview.id, peer)
        if peer.failure is not None and runtime.metrics is not None:
            runtime.metrics.webrtc_failure(peer.failure)
        if not started:
            return
        await live.stop()
        duration = await asyncio.to_thread(media_duration, path, key)
        async with runtime.sessions.begin() as s:
            row = await s.get(Recording, recording_id)
            if row is not None:
                row.ended_at, row.duration_s = utcnow(), duration
        await runtime.owners.release(interview.id)  # after the last write: a rejoin reads it all
        log.info("call for interview %s closed; recording %.1f s", interview.id, duration or 0.0)

    peer = CandidatePeer(
        f"peer-{interview.id[:8]}",
        pipeline,
        recorder,
        on_closed=closed,
        on_message=live.on_page_message,
        disconnect_timeout_s=settings.peer_disconnect_timeout_s,
        voice=AgentVoice() if models.voices is not None else None,
        presence=runtime.presence(live, consent.presence_checks),
        ice_servers=server_ice_servers(settings, interview.id),
    )
    try:
        answer = await peer.answer(sdp, kind)
    except Exception:
        await peer.close()
        path.unlink(missing_ok=True)
        raise
    started = True
    slot.fill(peer)
    try:
        await _begin(session, interview, peer, live, recording_id, path, key)
    except BaseException:
        await peer.close()  # counted but unrecorded: never leave such a call running
        raise
    return answer


async def _begin(
    session: AsyncSession,
    interview: Interview,
    peer: CandidatePeer,
    live: LiveInterview,
    recording_id: str,
    path: Path,
    key: bytes,
) -> None:
    """Start the agent and store the call: status, recording row, a reconnection flag, the audit."""
    await live.attach(peer)
    interview.status = "live"
    interview.started_at = interview.started_at or utcnow()
    earlier = await repo.recordings(session, interview.id)
    if earlier:  # the candidate joins again: the reviewer should know the interview was split, and how long
        crashed = earlier[-1].ended_at is None
        await close_crashed(earlier, key)
        await integrity_repo.add(
            session,
            IntegrityFlag(
                interview_id=interview.id,
                kind="reconnected",
                t_start=0.0,
                t_end=0.0,
                detail=gap_detail(earlier, crashed, recording_id),
            ),
        )
    await repo.add_recording(session, Recording(id=recording_id, interview_id=interview.id, path=str(path)))
    await audit_repo.audit(session, "candidate", "call.started", interview.id)
