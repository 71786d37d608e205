"""Starting a candidate's call: checks, the peer, the agent, the recording."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import av
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from agent.bargein import BargeInPolicy
from agent.interviewer import AgentSettings, InterviewAgent
from agent.plan import InterviewPlan, PlannedQuestion
from realtime.presence.faces import FaceDetector
from realtime.presence.presence import PresenceRules, PresenceSampler
from realtime.speech.asr import LanguageRecognizers
from realtime.speech.pipeline import SpeechPipeline
from realtime.speech.vad import SileroVAD
from realtime.voice.tts import VoiceBook
from realtime.voice.voice import AgentVoice
from realtime.webrtc.peer import CandidatePeer, PeerRegistry
from realtime.webrtc.recorder import Recorder
from scoring.rubric import Rubric
from scoring.scorer import Scorer
from server.bus import EventBus
from server.db.base import new_id, utcnow
from server.db.models import IntegrityFlag, Recording
from server.db.repositories import audit as audit_repo
from server.db.repositories import integrity as integrity_repo
from server.db.repositories import interviews as repo
from server.db.repositories import jobs as job_repo
from server.errors import Busy, Conflict, NotFound
from server.services.invites import InviteContext, ensure_joinable, require_consent
from server.services.live import LiveInterview
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
    vad: SileroVAD
    recognizer: LanguageRecognizers
    scorer: Scorer
    agent_settings: AgentSettings
    voices: VoiceBook | None = None
    faces: FaceDetector | None = None

    def presence(self, live: LiveInterview) -> PresenceSampler | None:
        """A presence sampler for one call, reporting to its live interview; None when checks are off."""
        if self.faces is None:
            return None
        s = self.settings
        rules = PresenceRules(
            s.presence_no_face_s, s.presence_multiple_faces_s, s.presence_looking_away_s, s.presence_yaw_limit
        )
        return PresenceSampler(self.faces, live.on_presence, rules, s.presence_every_s)


async def _rubric(session: AsyncSession, job_id: str) -> Rubric:
    return job_rubric(await job_repo.get_full(session, job_id))


async def _plan(session: AsyncSession, job_id: str, resume_index: int) -> InterviewPlan:
    job = await job_repo.get_full(session, job_id)
    if job is None or not job.questions:
        raise NotFound("this interview has no questions yet; contact the recruiter")
    comps = {c.id: c for c in job.competencies}
    questions = []
    for q in job.questions:
        comp = comps.get(q.competency_id or "")
        questions.append(
            PlannedQuestion(
                id=q.id,
                text=q.text,
                competency=comp.name if comp else None,
                kind=q.kind,
                minutes=q.minutes,
                weight=comp.weight if comp else 1.0,
                follow_ups=q.follow_ups or {},
            )
        )
    budget = job.time_budget_min * 60 if job.time_budget_min else None
    # Re-ask the question that was in progress when the candidate dropped.
    return InterviewPlan(questions, budget_s=budget, index=max(resume_index - 1, -1))


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
    await require_consent(session, interview, runtime.settings.consent_version)
    if runtime.peers.get(interview.id) is not None:
        raise Conflict("this interview is already open in another browser window; close it there first")
    if len(runtime.peers) >= runtime.settings.max_live_interviews:
        raise Busy("the server is at its limit of live interviews; please try again in a few minutes")
    plan = await _plan(session, interview.job_id, interview.question_index)
    settings = runtime.settings
    agent = InterviewAgent(
        plan,
        ctx.job.language,
        runtime.scorer,
        await _rubric(session, interview.job_id),
        runtime.agent_settings,
    )
    live = LiveInterview(
        interview.id,
        agent,
        runtime.sessions,
        runtime.bus,
        public_url=settings.public_url,
        voices=runtime.voices,
        barge_in=BargeInPolicy(settings.barge_in_min_speech_s),
    )
    pipeline = SpeechPipeline(
        runtime.vad,
        runtime.recognizer,
        live.on_media_event,
        language=ctx.job.language,
        prompt=ctx.job.vocabulary,
        partial_every_s=settings.asr_partial_every_s or None,
    )
    recording_id = new_id()
    live.recording_id = recording_id
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
        voice=AgentVoice() if runtime.voices is not None else None,
        presence=runtime.presence(live),
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
