"""Candidates' optional self-reported demographic answers, for the bias audit only.

Collected on their own, after the interview's consent, with a consent of their own: declining stores
nothing (and removes earlier answers) and changes nothing else. The answers go to their own table,
which only the audit's counts read; the candidate's erasure or withdrawal deletes them with them.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import SelfReportedGroup
from server.db.repositories import analytics as repo
from server.errors import Unprocessable
from server.schemas.analytics import SelfIdIn, SelfIdOut
from server.services.analytics import AUDIT_CATEGORIES
from server.services.invites import InviteContext

MAX_VALUE = 80


async def give(session: AsyncSession, ctx: InviteContext, body: SelfIdIn, consent_version: str) -> SelfIdOut:
    """Store the answers if the candidate consented; otherwise store none and drop earlier ones."""
    unknown = sorted(set(body.answers) - set(AUDIT_CATEGORIES))
    if unknown:
        raise Unprocessable(
            f"unknown question(s) {', '.join(unknown)[:100]}; one of {', '.join(AUDIT_CATEGORIES)}"
        )
    answers = {k: v.strip() for k, v in body.answers.items() if v.strip()}
    if any(len(v) > MAX_VALUE for v in answers.values()):
        raise Unprocessable(f"an answer may be at most {MAX_VALUE} characters")
    if not body.consent:
        answers = {}
    rows = [
        SelfReportedGroup(candidate_id=ctx.candidate.id, category=k, value=v, consent_version=consent_version)
        for k, v in answers.items()
    ]
    await repo.replace_groups(session, ctx.candidate.id, rows)
    return SelfIdOut(stored=len(rows))
