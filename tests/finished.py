"""A finished, scored interview with a real recording, for review tests.

The recording is one of the spoken test clips (with a visible clock as video) and the transcript and
scores come from the real scorer on the clip's sentences at their real times, so seeking to an evidence
quote can be checked against the audio.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import numpy as np
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from realtime.webrtc.sealed_file import SealedWriter
from scoring.models import Answer, TimedSegment, join_segments
from scoring.scorer import DefaultScorer
from server.db.base import utcnow
from server.db.models import AnswerScoreRow, IntegrityFlag, Interview, Job, Recording, Utterance
from server.keys.vault import Vault
from server.security import Signer
from server.services.demo import create_demo
from tests.media import MEDIA, clip, read_wav

CLIPS = {"en": "en_leadership_star", "zh": "zh_leadership_star"}
LEAD_S = 2.0  # the question is asked at 0 s; the answer starts after it


def write_recording(path: Path, samples: np.ndarray, rate: int, lead_s: float) -> float:
    """An MP4 (AAC audio, H.264 video at 5 fps) of `lead_s` of silence and then the samples."""
    audio = np.concatenate([np.zeros(int(rate * lead_s), np.int16), samples, np.zeros(rate, np.int16)])
    path.parent.mkdir(parents=True, exist_ok=True)
    with av.open(str(path), "w", format="mp4") as out:
        a = out.add_stream("aac", rate=rate, layout="mono")
        v = out.add_stream("libx264", rate=5)
        v.width, v.height, v.pix_fmt = 160, 120, "yuv420p"
        frames = int(len(audio) / rate * 5)
        for i in range(frames):
            img = np.full((120, 160, 3), 40 + (i % 5) * 30, np.uint8)
            frame = av.VideoFrame.from_ndarray(img, format="rgb24")
            frame.pts, frame.time_base = i, Fraction(1, 5)
            out.mux(v.encode(frame))
        out.mux(v.encode(None))
        step = 1024
        for i in range(0, len(audio), step):
            chunk = audio[i : i + step].reshape(1, -1)
            frame = av.AudioFrame.from_ndarray(chunk, format="s16", layout="mono")
            frame.sample_rate, frame.pts, frame.time_base = rate, i, Fraction(1, rate)
            out.mux(a.encode(frame))
        out.mux(a.encode(None))
    return len(audio) / rate


def seal_in_place(path: Path, key: bytes) -> bytes:
    """Replace a plain file with its sealed form; returns the plaintext (for tests to compare with)."""
    plain = path.read_bytes()
    writer = SealedWriter(path, key)  # truncates: the plaintext is never left on disk
    writer.write(plain)
    writer.close()
    return plain


async def seed_finished(
    sessions: async_sessionmaker[AsyncSession],
    signer: Signer,
    recordings_dir: Path,
    language: str = "en",
    department: str | None = None,
    vault: Vault | None = None,
) -> dict[str, Any]:
    """Create a finished interview of the demo job (in `department`) with transcript, scores, recording.

    With the server's `vault` (and `sessions` made with it) the recording is sealed with the interview's
    data key, as a call's recorder writes it; without, it is a plain MP4 (a recording from before
    encryption).
    """
    spoken = clip(CLIPS[language])
    async with sessions.begin() as s:
        demo = await create_demo(s, signer, "http://test", language)
        interview = await s.get(Interview, demo.interview_id)
        assert interview is not None
        job = await s.get(Job, interview.job_id)
        assert job is not None
        job.department = department
        question = spoken["question"]
        s.add(
            Utterance(
                interview_id=interview.id,
                speaker="agent",
                text=question,
                start_s=0.0,
                end_s=0.0,
                question_index=0,
            )
        )
        segments = [
            TimedSegment(seg["text"], LEAD_S + seg["start"], LEAD_S + seg["end"])
            for seg in spoken["segments"]
        ]
        for seg in segments:
            s.add(
                Utterance(
                    interview_id=interview.id,
                    speaker="candidate",
                    text=seg.text,
                    start_s=seg.start_s,
                    end_s=seg.end_s,
                    question_index=0,
                )
            )
        answer = Answer(
            question,
            join_segments(segments, language),
            language,
            "leadership",
            "behavioural",
            tuple(segments),
        )
        score = DefaultScorer().score(answer)
        detail = {"question_index": 0, **score.as_dict()}
        score_row = AnswerScoreRow(
            interview_id=interview.id,
            question_index=0,
            competency="leadership",
            score=detail["score"],
            score_exact=detail["score_exact"],
            confidence=detail["confidence"],
            scorer=detail["scorer"],
            detail=detail,
        )
        s.add(score_row)
        samples, rate = read_wav(MEDIA / spoken["file"])
        recording = Recording(interview_id=interview.id, path="")
        s.add(recording)
        await s.flush()
        path = recordings_dir / interview.id / f"{recording.id}.mp4"
        recording.duration_s = write_recording(path, samples, rate, LEAD_S)
        plain = seal_in_place(path, await vault.data_key_async(s, interview.id)) if vault else None
        recording.path, recording.ended_at = str(path), utcnow()
        s.add(
            IntegrityFlag(
                interview_id=interview.id,
                kind="tab_hidden",
                t_start=20.0,
                t_end=23.5,
                detail={"recording_id": recording.id},
            )
        )
        interview.status, interview.question_index = "finished", 0
        interview.started_at = interview.ended_at = utcnow()
        return {
            "interview_id": interview.id,
            "job_id": interview.job_id,
            "candidate_id": interview.candidate_id,
            "invite_token": demo.invite_url.rsplit("/", 1)[1],
            "recording_id": recording.id,
            "score_id": score_row.id,
            "recording_plain": plain,  # the MP4 before it was sealed (None: it was not)
            "evidence": detail["evidence"],
            "score": detail["score"],
            "clip": spoken,
            "login_email": demo.login_email,
            "login_password": demo.login_password,
        }
