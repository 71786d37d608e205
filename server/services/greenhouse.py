"""The Greenhouse Assessment Partner API we host.

Greenhouse lists our tests (a job's interview), sends one to a candidate (an interview and invite
link), and polls its status (the report); the connector PATCHes the result when it is ready.
"""

from __future__ import annotations

import hmac
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from ehr_sync.connectors.greenhouse import GreenhouseOptions, test_status
from ehr_sync.connectors.registry import GREENHOUSE
from server.crypto import SecretBox
from server.db.models import Candidate, Endpoint, Interview
from server.db.repositories import audit as audit_repo
from server.db.repositories import candidates as candidate_repo
from server.db.repositories import endpoints as endpoint_repo
from server.db.repositories import interviews as repo
from server.db.repositories import jobs as job_repo
from server.errors import NotFound, Unauthorized, Unprocessable
from server.schemas import CompleteTestStatus, PartnerTest, PendingTestStatus, SentTest
from server.security import Signer
from server.services.invites import invite_link, new_invite_nonce
from server.services.reports import build_report
from server.services.review import scorecard_of


async def authenticate(session: AsyncSession, box: SecretBox, api_key: str) -> Endpoint:
    """The enabled Greenhouse connector whose API key this is (HTTP Basic user name)."""
    for row in await endpoint_repo.enabled(session, GREENHOUSE.name):
        for sealed in row.secret_encrypted.split("\n"):
            if sealed and hmac.compare_digest(box.open(sealed).encode(), api_key.encode()):
                return row
    raise Unauthorized("unknown Greenhouse API key")


async def list_tests(session: AsyncSession, endpoint: Endpoint) -> list[PartnerTest]:
    """Our tests: the jobs this connector offers (`options.job_ids`, or every job)."""
    allowed = set(GreenhouseOptions.model_validate(endpoint.options or {}).job_ids or [])
    return [
        PartnerTest(partner_test_id=j.id, partner_test_name=j.title)
        for j in await job_repo.list_all(session)
        if not allowed or j.id in allowed
    ]


async def send_test(
    session: AsyncSession, endpoint: Endpoint, body: dict[str, Any], signer: Signer, public_url: str
) -> SentTest:
    """Create the candidate's interview; its id is the partner_interview_id."""
    tests = {t.partner_test_id for t in await list_tests(session, endpoint)}
    test_id = str(body.get("partner_test_id") or "")
    candidate = body.get("candidate") or {}
    problems = []
    if test_id not in tests:
        problems.append(f"partner_test_id {test_id!r} is not one of our tests")
    if not isinstance(candidate, dict) or not str(candidate.get("email") or "").strip():
        problems.append("candidate.email is required")
    url = str(body.get("url") or "")
    if not url.startswith(("https://", "http://")):
        problems.append("url (where we report the result) is required")
    if problems:
        raise Unprocessable("; ".join(problems))
    name = " ".join(str(candidate.get(k) or "").strip() for k in ("first_name", "last_name")).strip()
    person = Candidate(
        name=name or str(candidate["email"]),
        email=str(candidate["email"]).strip(),
        external_refs={
            "greenhouse_callback_url": url,
            **(
                {"greenhouse_profile_url": str(candidate["greenhouse_profile_url"])}
                if candidate.get("greenhouse_profile_url")
                else {}
            ),
        },
    )
    await candidate_repo.add(session, person)
    interview = await repo.add(
        session, Interview(job_id=test_id, candidate_id=person.id, invite_nonce=new_invite_nonce())
    )
    await audit_repo.audit(session, "greenhouse", "greenhouse.send_test", interview.id, endpoint=endpoint.id)
    return SentTest(partner_interview_id=interview.id, invite_url=invite_link(signer, public_url, interview))


async def status(
    session: AsyncSession, interview_id: str, public_url: str
) -> PendingTestStatus | CompleteTestStatus:
    """Pending until the interview has ended, then the report's scores (the reviewer's, once given)."""
    interview = await repo.get(session, interview_id)
    candidate = await candidate_repo.get(session, interview.candidate_id) if interview else None
    if (
        interview is None
        or candidate is None
        or "greenhouse_callback_url" not in (candidate.external_refs or {})
    ):
        raise NotFound("no such partner_interview_id")
    profile = f"{public_url.rstrip('/')}/report/{interview.id}"
    if interview.status not in ("finished", "interrupted"):
        return PendingTestStatus.model_validate(test_status(None, profile))
    card = await scorecard_of(session, interview)
    report = await build_report(session, interview, public_url, card)
    return CompleteTestStatus.model_validate(test_status(report.model_dump(mode="json"), profile))


async def record_request_errors(session: AsyncSession, endpoint: Endpoint, body: Any) -> None:
    """Keep what Greenhouse said it could not use of our requests (audited, for the admin to read)."""
    await audit_repo.audit(
        session, "greenhouse", "greenhouse.request_errors", None, endpoint=endpoint.id, body=body
    )
