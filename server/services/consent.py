"""The candidate notice and consent, per scope: recording, AI evaluation, video presence checks.

Which notice a candidate reads follows the job's language and jurisdiction (or the server's default
jurisdiction): the active version an admin published, else the built-in text. Recording is required to
take part; without AI-evaluation consent the interview runs and a person evaluates it (PIPL Art. 24,
GDPR Art. 22); without presence consent no video presence checks run. A consent counts only for the
notice as it reads now, and only until it is withdrawn.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.base import utcnow
from server.db.models import Consent, ConsentText, Interview, Job, User
from server.db.repositories import audit as audit_repo
from server.db.repositories import consent_texts as text_repo
from server.db.repositories import interviews as repo
from server.errors import Conflict, ConsentRequired
from server.schemas import ConsentTextIn, ConsentTextOut

BUILT_IN = {
    "en": (
        "This interview is recorded (audio and video) and transcribed; the recording is needed to take "
        "part. You choose separately: (1) whether an AI system may suggest scores for your answers against "
        "the job's criteria (a person reviews every score and makes every decision; if you say no, people "
        "evaluate your interview without AI scores), and (2) whether your video may be checked for your "
        "presence (no face, several faces, looking away; never your emotions). Your recording, transcript "
        "and scores are kept only as long as the employer's retention policy says. You can withdraw at any "
        "time on this page, which stops the interview and deletes your data, or ask the employer for a "
        "copy of your data."
    ),
    "zh": (
        "本次面试将被录音录像并转写为文字；参加面试需要同意录制。以下两项请您单独选择：（"
        "1）是否允许 AI 系统根据岗位标准为您的回答给出参考评分（所有评分都由人工复核"
        "，所有决定都由人作出；如不同意，将仅由人工评估您的面试）；（2）是否允许对视频进"
        "行在场检测（无人脸、多人、视线离开，不识别情绪）。录音录像、文字记录和评分仅按雇"
        "主的保存政策保留。您可以随时在本页撤回同意，面试将停止并删除您的数据；您也可以向"
        "雇主索取您的数据副本。"
    ),
}


@dataclass(frozen=True)
class Notice:
    """The notice a candidate reads: its words and the version their consent will name."""

    language: str
    jurisdiction: str
    version: str
    text: str


@dataclass(frozen=True)
class Choice:
    """The candidate's answer to the notice, scope by scope (recording is required to get this far)."""

    version: str
    ai_evaluation: bool
    presence_checks: bool


async def notice_for(
    session: AsyncSession, job: Job, default_jurisdiction: str, built_in_version: str
) -> Notice:
    """The notice a candidate of this job reads.

    The active version for the job's language and jurisdiction, else the default jurisdiction's, else
    the built-in text.
    """
    jurisdiction = job.jurisdiction or default_jurisdiction
    for where in dict.fromkeys((jurisdiction, default_jurisdiction)):
        row = await text_repo.active(session, job.language, where)
        if row is not None:
            return Notice(job.language, jurisdiction, row.version, row.text)
    return Notice(job.language, jurisdiction, built_in_version, BUILT_IN.get(job.language, BUILT_IN["en"]))


async def give(
    session: AsyncSession, interview: Interview, notice: Notice, choice: Choice, user_agent: str | None
) -> Consent:
    """Store the candidate's consent with the exact notice they read and each scope they chose."""
    if choice.version != notice.version:
        raise Conflict("the notice changed since the page loaded; reload the page and read it again")
    consent = await repo.add_consent(
        session,
        Consent(
            interview_id=interview.id,
            version=notice.version,
            language=notice.language,
            jurisdiction=notice.jurisdiction,
            text=notice.text,
            recording=True,
            ai_evaluation=choice.ai_evaluation,
            presence_checks=choice.presence_checks,
            user_agent=(user_agent or "")[:400] or None,
        ),
    )
    await audit_repo.audit(
        session,
        "candidate",
        "consent.given",
        interview.id,
        version=notice.version,
        jurisdiction=notice.jurisdiction,
        ai_evaluation=choice.ai_evaluation,
        presence_checks=choice.presence_checks,
    )
    return consent


async def current(session: AsyncSession, interview: Interview, notice: Notice) -> Consent | None:
    """The consent in force: to the notice as it reads now, and not withdrawn."""
    consent = await repo.latest_consent(session, interview.id)
    if consent is None or consent.withdrawn_at is not None:
        return None
    same = (consent.version, consent.language or notice.language) == (notice.version, notice.language)
    return consent if same else None


async def require(session: AsyncSession, interview: Interview, notice: Notice) -> Consent:
    """Media may start only after consent to the current notice; returns it (its scopes steer the call)."""
    consent = await current(session, interview, notice)
    if consent is None:
        raise ConsentRequired("please read the notice and give your consent before the call starts")
    return consent


async def ai_evaluation_allowed(session: AsyncSession, interview_id: str) -> bool:
    """Whether the candidate allowed AI scoring (False: a human-only evaluation was requested)."""
    consent = await repo.latest_consent(session, interview_id)
    return consent is None or (consent.ai_evaluation and consent.withdrawn_at is None)


async def withdraw(session: AsyncSession, interview: Interview) -> None:
    """Mark the consent withdrawn (kept only while a legal hold keeps the interview)."""
    consent = await repo.latest_consent(session, interview.id)
    if consent is not None and consent.withdrawn_at is None:
        consent.withdrawn_at = utcnow()
    await audit_repo.audit(session, "candidate", "consent.withdrawn", interview.id)


async def publish_text(session: AsyncSession, user: User, body: ConsentTextIn) -> ConsentTextOut:
    """A new notice version, active at once for its language and jurisdiction (the old one retires)."""
    if await text_repo.find(session, body.language, body.jurisdiction, body.version) is not None:
        raise Conflict(
            f"version {body.version!r} already exists for {body.language}/{body.jurisdiction}; notices are "
            "never changed in place: publish the new wording under a new version"
        )
    await text_repo.retire(session, body.language, body.jurisdiction)
    row = await text_repo.add(
        session,
        ConsentText(
            language=body.language,
            jurisdiction=body.jurisdiction,
            version=body.version,
            text=body.text,
            active=True,
            created_by=user.email,
        ),
    )
    await audit_repo.audit(
        session,
        user.email,
        "consent_text.published",
        None,
        language=body.language,
        jurisdiction=body.jurisdiction,
        version=body.version,
    )
    return ConsentTextOut.model_validate(row)


async def texts(session: AsyncSession) -> list[ConsentTextOut]:
    """Every notice version."""
    return [ConsentTextOut.model_validate(t) for t in await text_repo.list_all(session)]
