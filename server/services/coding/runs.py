"""The candidate runs their code: checks, the sandbox run, the stored run, the console told.

A run is three steps, each short: read the interview and the task (one transaction), run in the sandbox
(no transaction held for its seconds), store the run (another). The task's tests come from the stored
plan, never from the page. "Done" (`submit`) tells the live interview, wherever its call is held, over
the control channel; the agent then asks the candidate to explain their approach.
"""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from agent.modules import CodingTask
from realtime.webrtc.registry import PeerRegistry
from server.bus import EventBus
from server.db.models import CodeRun
from server.db.repositories import jobs as job_repo
from server.db.repositories import modules as repo
from server.errors import Conflict, NotFound, TooManyAttempts
from server.events import CodeRan
from server.schemas.modules import CodeRunIn, CodeRunOut
from server.security import Signer
from server.services import invites
from server.services.coding.sandbox import Sandbox
from server.services.live import channel, control_channel
from server.services.live.interview import CODE_SUBMITTED

log = logging.getLogger(__name__)


async def _task(
    session: AsyncSession, signer: Signer, token: str, question_id: str, max_runs: int
) -> tuple[str, int, CodingTask]:
    ctx = await invites.resolve(session, signer, token)
    if ctx.interview.status != "live":
        raise Conflict("code runs only during the interview; join the call first")
    job = await job_repo.get_full(session, ctx.job.id)
    question = next((q for q in job.questions if q.id == question_id), None) if job else None
    if question is None or question.kind != "coding" or not (question.module or {}).get("coding"):
        raise NotFound("this interview has no such coding task")
    if await repo.count_runs(session, ctx.interview.id) >= max_runs:
        raise TooManyAttempts(f"this interview has used its {max_runs} code runs")
    assert question.module is not None
    return ctx.interview.id, ctx.interview.question_index, CodingTask.from_dict(question.module["coding"])


async def run_code(
    sessions: async_sessionmaker[AsyncSession],
    signer: Signer,
    sandbox: Sandbox,
    peers: PeerRegistry,
    bus: EventBus,
    token: str,
    body: CodeRunIn,
    max_runs: int,
) -> CodeRunOut:
    """Run the candidate's code against the task's tests, store the run, and tell the consoles."""
    async with sessions.begin() as session:
        interview_id, index, task = await _task(session, signer, token, body.question_id, max_runs)
    result = await sandbox.run(body.code, [{"name": t.name, "code": t.code} for t in task.tests])
    peer = peers.get(interview_id)
    t = round(peer.heard_time, 3) if peer is not None else None
    row = CodeRun(
        interview_id=interview_id,
        question_index=index,
        t=t,
        code=body.code,
        status=result.status,
        submitted=body.submit,
        result=result.as_dict(),
    )
    async with sessions.begin() as session:
        await repo.add(session, row)
    passed = sum(1 for x in result.tests if x.passed)
    log.info("interview %s: code run %s (%d/%d tests)", interview_id, result.status, passed, len(task.tests))
    event = CodeRan(
        interview_id=interview_id,
        run_id=row.id,
        question_index=index,
        status=result.status,
        passed=passed,
        total=len(task.tests),
        submitted=body.submit,
        t=t,
    )
    await bus.publish(channel(interview_id), event.model_dump(mode="json"))
    if body.submit:
        await bus.publish(control_channel(interview_id), {"action": CODE_SUBMITTED})
    return run_out(row)


def run_out(row: CodeRun, with_code: bool = False) -> CodeRunOut:
    """A stored run as the API answers it."""
    return CodeRunOut(
        id=row.id,
        question_index=row.question_index,
        t=row.t,
        status=row.status,
        submitted=row.submitted,
        created_at=row.created_at,
        result=row.result,
        code=row.code if with_code else None,
    )
