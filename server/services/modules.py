"""The interview modules in review, and the candidate's satisfaction survey.

The survey is one question after the interview, in the candidate's language: a rating of 1-5 and an
optional comment (size-limited, sealed like the transcript). HR sees it per job: count, average, count
per rating and the latest comments, without names.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import SurveyResponse, User
from server.db.repositories import jobs as job_repo
from server.db.repositories import modules as repo
from server.errors import Conflict, NotFound
from server.schemas.modules import (
    ModuleResultOut,
    ModulesOut,
    SurveyComment,
    SurveyIn,
    SurveyOut,
    SurveyReport,
)
from server.security import Signer
from server.services import invites
from server.services.coding.runs import run_out
from server.services.interviews import get_visible
from server.services.scope import visible_to

SURVEY_OPEN = ("finished", "interrupted")


async def modules_of(session: AsyncSession, user: User, interview_id: str) -> ModulesOut:
    """An interview's coding runs (with the code) and module results, for review in the user's scope."""
    await get_visible(session, user, interview_id)
    runs = await repo.code_runs(session, interview_id)
    results = await repo.module_results(session, interview_id)
    return ModulesOut(
        code_runs=[run_out(r, with_code=True) for r in runs],
        results=[
            ModuleResultOut(question_index=r.question_index, module=r.module, t=r.t, figures=r.figures)
            for r in results
        ],
    )


async def answer_survey(session: AsyncSession, signer: Signer, token: str, body: SurveyIn) -> SurveyOut:
    """Store the candidate's answer, once, after their interview."""
    ctx = await invites.resolve(session, signer, token)
    if ctx.interview.status not in SURVEY_OPEN:
        raise Conflict("the survey opens when the interview is over")
    if await repo.survey_of(session, ctx.interview.id) is not None:
        raise Conflict("thank you, your answer is already stored")
    comment = (body.comment or "").strip() or None
    row = SurveyResponse(
        interview_id=ctx.interview.id,
        job_id=ctx.job.id,
        rating=body.rating,
        comment=comment,
        language=ctx.job.language,
    )
    await repo.add(session, row)
    return SurveyOut(rating=row.rating, comment=row.comment)


async def survey_report(session: AsyncSession, job_id: str, user: User) -> SurveyReport:
    """A job's survey answers for HR of its department."""
    job = await job_repo.get(session, job_id)
    if job is None or not visible_to(user, job):
        raise NotFound("no such job")
    count, average, ratings = await repo.survey_stats(session, job_id)
    comments = [
        SurveyComment(rating=r.rating, comment=r.comment, language=r.language, created_at=r.created_at)
        for r in await repo.surveys_of_job(session, job_id, limit=50)
        if r.comment
    ]
    return SurveyReport(
        job_id=job_id,
        count=count,
        average=round(average, 2) if average is not None else None,
        ratings=ratings,
        comments=comments,
    )
