"""Starting a candidate's call: checks, the peer, the agent, the recording."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import av
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from agent.bargein import BargeInPolicy
from agent.interviewer import AgentSettings, InterviewAgent
from realtime.presence.presence import PresenceRules, PresenceSampler
from realtime.speech.pipeline import SpeechPipeline
from realtime.voice.voice import AgentVoice
from realtime.webrtc.peer import CandidatePeer, PeerRegistry
from realtime.webrtc.recorder import Recorder
from scoring.scorer import Scorer
from server.bus import EventBus
from server.db.base import new_id, utcnow
from server.db.models import IntegrityFlag, Recording
from server.db.repositories import audit as audit_repo
from server.db.repositories import integrity as integrity_repo
from server.db.repositories import interviews as repo
from server.db.repositories import jobs as job_repo
from server.db.repositories.plans import interview_plan
from server.errors import Busy, Conflict, NotFound
from server.runtime import ModelRuntime
from server.services import consent as consent_service
from server.services.invites import InviteContext, ensure_joinable
from server.services.live import LiveInterview, LiveStore
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


def media_duration(path: Path) -> float | None:
    """Duration of the audio track of a recording, read from its packets."""
    try:
        with av.open(str(path)) as container:
            stream = container.streams.audio[0]
            end = 0
            for packet in container.demux(stream):
                if packet.pts is not None and packet.duration is not None:
                    end = max(end, packet.pts + packet.duration)
            return float(end * stream.time_base) if stream.time_base else None
    except (av.error.FFmpegError, IndexError, OSError):
        return None


async def start_call(
    runtime: CallRuntime, session: AsyncSession, ctx: InviteContext, sdp: str, kind: str
) -> str:
    """Answer the candidate's offer; the request's transaction stores the recording row."""
    interview = ctx.interview
    ensure_joinable(interview)
    settings = runtime.settings
    notice = await consent_service.notice_for(
        session, ctx.job, settings.consent_jurisdiction, settings.consent_version
    )
    consent = await consent_service.require(session, interview, notice)
    if runtime.peers.get(interview.id) is not None:
        raise Conflict("this interview is already open in another browser window; close it there first")
    if len(runtime.peers) >= runtime.settings.max_live_interviews:
        raise Busy("the server is at its limit of live interviews; please try again in a few minutes")
    job = await job_repo.get_full(session, interview.job_id)
    plan = interview_plan(job, interview.question_index)  # re-ask the question a dropped call was on
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
    path = settings.recordings_dir / interview.id / f"{recording_id}.mp4"
    recorder = Recorder(path, width=settings.record_video_width, height=settings.record_video_height)

    started = False

    async def closed(peer: CandidatePeer) -> None:
        runtime.peers.remove(interview.id, peer)
        if not started:
            return
        await live.stop()
        duration = media_duration(path)
        async with runtime.sessions.begin() as s:
            row = await s.get(Recording, recording_id)
            if row is not None:
                row.ended_at, row.duration_s = utcnow(), duration
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
    )
    try:
        answer = await peer.answer(sdp, kind)
    except Exception:
        await peer.close()
        path.unlink(missing_ok=True)
        raise
    started = True
    runtime.peers.add(interview.id, peer)
    await live.attach(peer)
    interview.status = "live"
    interview.started_at = interview.started_at or utcnow()
    earlier = await repo.recordings(session, interview.id)
    await repo.add_recording(session, Recording(id=recording_id, interview_id=interview.id, path=str(path)))
    if earlier:  # the candidate joins again: the reviewer should know the interview was split
        await integrity_repo.add(
            session,
            IntegrityFlag(
                interview_id=interview.id,
                kind="reconnected",
                t_start=0.0,
                t_end=0.0,
                detail={"recording_id": recording_id, "previous_calls": len(earlier)},
            ),
        )
    await audit_repo.audit(session, "candidate", "call.started", interview.id)
    return answer
