"""Staff routes: interviews list, detail, recordings, and the live console stream."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, WebSocket, WebSocketDisconnect
from fastapi.responses import StreamingResponse

from server.db.models import User
from server.deps import (
    BusDep,
    CallsDep,
    CurrentUser,
    MetricsDep,
    RequireRole,
    SessionDep,
    SessionsDep,
    SettingsDep,
    VaultDep,
    websocket_user,
)
from server.errors import DomainError
from server.observability.timing import age_s
from server.schemas import (
    Ack,
    AnswerOut,
    ControlIn,
    CoverageOut,
    InterviewDetail,
    InterviewFilter,
    InterviewSummary,
    WatchIn,
)
from server.services import controls, playback
from server.services import interviews as service
from server.services import watch as watch_service
from server.services.live import channel

router = APIRouter(prefix="/api/interviews", tags=["interviews"])
log = logging.getLogger(__name__)
Staff = Annotated[User, Depends(RequireRole("hr", "interviewer"))]
Interviewer = Annotated[User, Depends(RequireRole("interviewer"))]


@router.get("")
async def list_interviews(
    user: Staff, session: SessionDep, filters: Annotated[InterviewFilter, Query()]
) -> list[InterviewSummary]:
    """Interviews the user may see: filter by job, status, review status, dates and minimum score."""
    return await service.list_for(session, user, filters)


@router.get("/{interview_id}")
async def get_interview(interview_id: str, user: Staff, session: SessionDep) -> InterviewDetail:
    """One interview with transcript and recordings."""
    return await service.detail(session, user, interview_id)


@router.get("/{interview_id}/summary")
async def get_summary(interview_id: str, user: Staff, session: SessionDep) -> CoverageOut:
    """Scores so far and competency coverage, without the transcript (the console asks after each score)."""
    return await service.coverage(session, user, interview_id)


@router.get("/{interview_id}/recordings/{recording_id}")
async def get_recording(
    interview_id: str,
    recording_id: str,
    user: CurrentUser,
    session: SessionDep,
    vault: VaultDep,
    range_: Annotated[str | None, Header(alias="Range")] = None,
) -> StreamingResponse:
    """Stream a recording, decrypted on the fly; a `Range` gets 206 and only its chunks are decrypted."""
    play = await playback.open_recording(session, user, vault, interview_id, recording_id, range_)
    headers = {
        "Accept-Ranges": "bytes",
        "Content-Length": str(play.end - play.start),
        "Cache-Control": "no-store",  # decrypted personal data: not for shared or disk caches
        "X-Recording-Complete": "true" if play.complete else "false",
    }
    if play.partial:
        headers["Content-Range"] = f"bytes {play.start}-{play.end - 1}/{play.size}"
    return StreamingResponse(
        play.body(), status_code=206 if play.partial else 200, media_type="video/mp4", headers=headers
    )


@router.post("/{interview_id}/control", status_code=202)
async def control(
    interview_id: str,
    body: ControlIn,
    user: Interviewer,
    session: SessionDep,
    bus: BusDep,
    settings: SettingsDep,
) -> Ack:
    """Inject a question, skip, pause/resume the agent, take over/hand back, or end the interview."""
    await controls.send(session, bus, user, interview_id, body, settings.relay_timeout_s)
    return Ack(status="sent")


@router.post("/{interview_id}/watch")
async def watch(
    interview_id: str, offer: WatchIn, user: Staff, session: SessionDep, calls: CallsDep
) -> AnswerOut:
    """WebRTC for the console: the candidate's video and audio, relayed by the server.

    With `talk`, the interviewer's microphone goes to the candidate instead (after a take-over).
    """
    sdp = await watch_service.connect(session, calls, user, interview_id, offer)
    return AnswerOut(sdp=sdp)


@router.websocket("/{interview_id}/live")
async def live(
    websocket: WebSocket,
    interview_id: str,
    bus: BusDep,
    sessions: SessionsDep,
    settings: SettingsDep,
    metrics: MetricsDep,
) -> None:
    """Console stream: a snapshot of the interview, then every live event, with nothing missed between."""
    user = await websocket_user(websocket)
    if user is None:
        await websocket.close(code=4401, reason="please log in")
        return
    async with bus.subscribe(channel(interview_id)) as events:
        # Subscribe first, then read the snapshot: events in between arrive twice at worst
        # (the page de-duplicates by id), never not at all.
        async with sessions() as session:
            try:
                snapshot = await service.detail(session, user, interview_id)
            except DomainError as exc:
                await websocket.close(code=4404, reason=exc.message)
                return
        await websocket.accept()
        await websocket.send_json({"type": "snapshot", "interview": snapshot.model_dump(mode="json")})
        tasks = [
            asyncio.create_task(_drain(websocket, settings.max_ws_message_bytes)),
            asyncio.create_task(_forward(websocket, events, metrics.fanout_delay.observe)),
        ]
        try:
            await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in tasks:
                task.cancel()
            for task in tasks:
                with contextlib.suppress(asyncio.CancelledError, WebSocketDisconnect, RuntimeError):
                    await task


async def _forward(
    websocket: WebSocket, events: AsyncIterator[dict[str, Any]], observe: Callable[[float], None]
) -> None:
    async for event in events:
        await websocket.send_json(event)
        delay = age_s(event.get("created_at"))
        if delay is not None:
            observe(delay)


async def _drain(websocket: WebSocket, max_bytes: int) -> None:
    """Read (and ignore) client messages so a closed socket is noticed; close on an oversize one.

    The console sends nothing this route uses, so a large message is a misbehaving or hostile client:
    it is closed with 1009 (message too big) rather than left to fill memory.
    """
    with contextlib.suppress(WebSocketDisconnect):
        while True:
            message = await websocket.receive()
            if message["type"] == "websocket.disconnect":
                return
            size = len(message.get("bytes") or b"") + len((message.get("text") or "").encode())
            if size > max_bytes:
                log.warning("console socket sent a %d-byte message (limit %d): closed", size, max_bytes)
                await websocket.close(code=1009, reason=f"messages are limited to {max_bytes} bytes")
                return
