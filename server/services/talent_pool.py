"""The talent pool: past candidates found by competency evidence, and invited to a new job.

A candidate is found when a finished interview, in a department the user may see, scored the
competency at least `min_score` (HR's score where HR gave one, else the mean of the AI's) and, with
`quantified`, one of its result quotes carries a number ("cut costs by 20 %", "提前三天"). Only
interviews whose candidate consented to AI evaluation and did not withdraw are searched; erased and
purged candidates are gone already (retention deletes them). A dedicated "keep me in the talent pool"
consent scope does not exist yet: this search relies on the interview's consent.
"""

from __future__ import annotations

import re
from statistics import fmean

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import Interview, User
from server.db.repositories import analytics as analytics_repo
from server.db.repositories import audit as audit_repo
from server.db.repositories import interviews as interview_repo
from server.db.repositories import jobs as job_repo
from server.db.repositories import talent as repo
from server.errors import NotFound
from server.schemas import ImportedCandidate
from server.schemas.analytics import PoolInviteIn, PoolMatch
from server.security import Signer
from server.services.invites import invite_link, new_invite_nonce
from server.services.scope import visible_to
from server.services.scores import detail_of

QUANTIFIED = re.compile(
    r"\d|percent|百分之|[一二两三四五六七八九十百千万]+\s*(?:倍|天|周|个|月|年|人|次|成|万|%)"
    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred|thousand|million|"
    r"half|double|twice)\b",
    re.IGNORECASE,
)
MAX_RESULTS = 200


def is_quantified(text: str) -> bool:
    """Whether a quote states a number (digits, number words, Chinese numerals with a unit)."""
    return bool(QUANTIFIED.search(text))


async def search(
    session: AsyncSession, user: User, competency: str, min_score: float, quantified: bool
) -> list[PoolMatch]:
    """Best matches first, one per interview."""
    rows = [(i, j, c) for i, j, c in await repo.finished_of(session) if visible_to(user, j)]
    ids = [i.id for i, _, _ in rows]
    consents = await repo.consents_of(session, ids)
    allowed = {iid for iid, c in consents.items() if c.ai_evaluation and c.withdrawn_at is None}
    scores: dict[str, list[float]] = {}
    quotes: dict[str, list[str]] = {}
    for s in await repo.scores_of(session, [i for i in ids if i in allowed], competency):
        scores.setdefault(s.interview_id, []).append(s.score_exact)
        for q in detail_of(s).evidence:
            if q.get("label") == "result" and is_quantified(str(q.get("text", ""))):
                quotes.setdefault(s.interview_id, []).append(str(q["text"])[:300])
    human = await analytics_repo.human_scores(session, list(scores))
    out = []
    for interview, job, candidate in rows:
        if interview.id not in scores:
            continue
        score = human.get(interview.id, {}).get(competency, fmean(scores[interview.id]))
        if score < min_score or (quantified and not quotes.get(interview.id)):
            continue
        out.append(
            PoolMatch(
                candidate_id=candidate.id,
                name=candidate.name,
                interview_id=interview.id,
                job_title=job.title,
                score=round(score, 2),
                quantified_results=quotes.get(interview.id, [])[:3],
            )
        )
    return sorted(out, key=lambda m: -m.score)[:MAX_RESULTS]


async def invite(
    session: AsyncSession, user: User, body: PoolInviteIn, signer: Signer, public_url: str
) -> ImportedCandidate:
    """A new interview of a pool candidate for another job, with its invite link."""
    job = await job_repo.get(session, body.job_id)
    if job is None or not visible_to(user, job):
        raise NotFound("no such job")
    mine = [
        c for i, j, c in await repo.finished_of(session) if c.id == body.candidate_id and visible_to(user, j)
    ]
    if not mine:
        raise NotFound("no such candidate in your talent pool")
    interview = await interview_repo.add(
        session, Interview(job_id=job.id, candidate_id=body.candidate_id, invite_nonce=new_invite_nonce())
    )
    await audit_repo.audit(session, user.email, "talent_pool.invited", interview.id, job=job.id)
    return ImportedCandidate(
        candidate_id=body.candidate_id,
        interview_id=interview.id,
        job_title=job.title,
        invite_url=invite_link(signer, public_url, interview),
    )
