"""`interview demo`: a job with questions, a candidate and an interview, ready to join."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import Candidate, Competency, Interview, Job, Question
from server.db.repositories import audit as audit_repo
from server.db.repositories import candidates as candidate_repo
from server.db.repositories import interviews as interview_repo
from server.db.repositories import jobs as job_repo
from server.db.repositories import users
from server.security import Signer
from server.services.accounts import create_user
from server.services.invites import invite_link, new_invite_nonce

QUESTIONS = {
    "en": [
        ("leadership", "Tell me about a time you led a team through a difficult situation."),
        ("teamwork", "Describe a time you disagreed with a colleague. What did you do?"),
        ("motivation", "Why do you want this job?"),
    ],
    "zh": [
        ("leadership", "请讲一次您带领团队度过困难局面的经历。"),
        ("teamwork", "请描述一次您与同事意见不一致的情况，您是怎么做的？"),
        ("motivation", "您为什么想做这份工作？"),
    ],
}
DEMO_INTERVIEWER = "interviewer@demo.local"


@dataclass(frozen=True)
class DemoInterview:
    """What `interview demo` prints."""

    interview_id: str
    invite_url: str
    console_url: str
    login_email: str
    login_password: str | None


async def create_demo(
    session: AsyncSession, signer: Signer, public_url: str, language: str = "en"
) -> DemoInterview:
    """Create the demo records; the interviewer account is created once, with a printed random password."""
    job = Job(
        title="Software Engineer (demo)" if language == "en" else "软件工程师（演示）", language=language
    )
    for position, (competency, text) in enumerate(QUESTIONS[language]):
        comp = Competency(name=competency, weight=1.0)
        job.competencies.append(comp)
        job.questions.append(Question(position=position, text=text, kind="behavioural"))
    await job_repo.add(session, job)
    for comp, question in zip(job.competencies, job.questions, strict=True):
        question.competency_id = comp.id
    candidate = Candidate(name="Demo Candidate" if language == "en" else "演示候选人")
    await candidate_repo.add(session, candidate)
    interview = await interview_repo.add(
        session, Interview(job_id=job.id, candidate_id=candidate.id, invite_nonce=new_invite_nonce())
    )
    password: str | None = None
    if await users.by_email(session, DEMO_INTERVIEWER) is None:
        password = secrets.token_urlsafe(12)
        await create_user(session, DEMO_INTERVIEWER, "Demo Interviewer", "interviewer", password)
    await audit_repo.audit(session, "cli", "demo.created", interview.id)
    return DemoInterview(
        interview_id=interview.id,
        invite_url=invite_link(signer, public_url, interview),
        console_url=f"{public_url.rstrip('/')}/console/{interview.id}",
        login_email=DEMO_INTERVIEWER,
        login_password=password,
    )
