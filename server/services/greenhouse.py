"""The Greenhouse Assessment Partner API we host.

Greenhouse lists our tests (a job's interview), sends one to a candidate (an interview and invite
link), and polls its status (the report); the connector PATCHes the result when it is ready.
"""

from __future__ import annotations

import hmac
import json
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
from server.services.callback_urls import callback_problem
from server.services.invites import invite_link, new_invite_nonce
from server.services.reports import build_report
from server.services.review import scorecard_of
from server.settings import Settings


async def authenticate(session: AsyncSession, box: SecretBox, api_key: str) -> Endpoint:
    """The enabled Greenhouse connector whose API key this is (HTTP Basic user name)."""
    for row in await endpoint_repo.enabled(session, GREENHOUSE.name):
        for sealed in row.secret_encrypted.split("\n"):
            if sealed and hmac.compare_digest(box.open(sealed).encode(), api_key.encode()):
                return row
    raise Unauthorized("unknown Greenhouse API key")


async def list_tests(session: AsyncSession, endpoint: Endpoint) -> list[PartnerTest]:
    """Our tests: the jobs this connector offers (`options.job_ids`, or every job).

    A test's id is the job's first version's id, which stays when HR edits the job (an edit is a new
    version with a new id), so Greenhouse's stored test ids keep working; see `_current_version`.
    """
    allowed = set(GreenhouseOptions.model_validate(endpoint.options or {}).job_ids or [])
    return [
        PartnerTest(partner_test_id=j.family_id or j.id, partner_test_name=j.title)
        for j in await job_repo.list_all(session)
        if not allowed or (j.family_id or j.id) in allowed or j.id in allowed
    ]


async def _current_version(session: AsyncSession, test_id: str) -> str:
    """The id of the current version of the job a test id names (new interviews get the newest plan)."""
    versions = await job_repo.versions(session, test_id)
    return next((j.id for j in versions if j.current), test_id)


CONNECTOR_REF = "greenhouse_connector"
CALLBACK_REF = "greenhouse_callback_url"
ERROR_FIELDS = 20  # request_errors: at most this many top-level fields are kept


async def send_test(
    session: AsyncSession,
    endpoint: Endpoint,
    body: dict[str, Any],
    signer: Signer,
    settings: Settings,
) -> SentTest:
    """Create the candidate's interview; its id is the partner_interview_id.

    The result (with the partner key) will go to the body's `url`, so it must be one of Greenhouse's
    https hosts (`callback_urls`); the interview remembers which connector sent it.
    """
    tests = {t.partner_test_id for t in await list_tests(session, endpoint)}
    test_id = str(body.get("partner_test_id") or "")
    candidate = body.get("candidate") or {}
    problems = []
    if test_id not in tests:
        problems.append(f"partner_test_id {test_id!r} is not one of our tests")
    if not isinstance(candidate, dict) or not str(candidate.get("email") or "").strip():
        problems.append("candidate.email is required")
    url = str(body.get("url") or "")
    if not url:
        problems.append("url (where we report the result) is required")
    elif problem := callback_problem(url, settings.greenhouse_callback_hosts, settings.development):
        problems.append(problem)
    if problems:
        raise Unprocessable("; ".join(problems))
    name = " ".join(str(candidate.get(k) or "").strip() for k in ("first_name", "last_name")).strip()
    person = Candidate(
        name=name or str(candidate["email"]),
        email=str(candidate["email"]).strip(),
        external_refs={
            CALLBACK_REF: url,
            CONNECTOR_REF: endpoint.id,
            **(
                {"greenhouse_profile_url": str(candidate["greenhouse_profile_url"])}
                if candidate.get("greenhouse_profile_url")
                else {}
            ),
        },
    )
    await candidate_repo.add(session, person)
    interview = await repo.add(
        session,
        Interview(
            job_id=await _current_version(session, test_id),
            candidate_id=person.id,
            invite_nonce=new_invite_nonce(),
        ),
    )
    await audit_repo.audit(session, "greenhouse", "greenhouse.send_test", interview.id, endpoint=endpoint.id)
    link = invite_link(signer, settings.public_url, interview)
    return SentTest(partner_interview_id=interview.id, invite_url=link)


async def status(
    session: AsyncSession, endpoint: Endpoint, interview_id: str, public_url: str
) -> PendingTestStatus | CompleteTestStatus:
    """Pending until the interview has ended, then the report's scores (the reviewer's, once given).

    Only for interviews this partner's connector sent: another organisation's key gets a 404.
    """
    interview = await repo.get(session, interview_id)
    candidate = await candidate_repo.get(session, interview.candidate_id) if interview else None
    refs = (candidate.external_refs or {}) if candidate is not None else {}
    if interview is None or refs.get(CONNECTOR_REF) != endpoint.id:
        raise NotFound("no such partner_interview_id")
    profile = f"{public_url.rstrip('/')}/report/{interview.id}"
    if interview.status not in ("finished", "interrupted"):
        return PendingTestStatus.model_validate(test_status(None, profile))
    card = await scorecard_of(session, interview)
    report = await build_report(session, interview, public_url, card)
    return CompleteTestStatus.model_validate(test_status(report.model_dump(mode="json"), profile))


def error_summary(raw: bytes, max_chars: int) -> dict[str, Any]:
    """What is kept of a `request_errors` body: its size, and at most `max_chars` of its first fields.

    The body is the partner's free text; kept whole, a 2 MB body went into the audit log. A body that is
    not a JSON object is kept as a short excerpt of its text.
    """
    try:
        data = json.loads(raw or b"null")
    except ValueError:
        data = None
    summary: dict[str, Any] = {"bytes": len(raw)}
    if isinstance(data, dict):
        fields = {str(k)[:100]: v for k, v in list(data.items())[:ERROR_FIELDS]}
        text = json.dumps(fields, ensure_ascii=False, default=str)
        summary["fields_dropped"] = max(0, len(data) - ERROR_FIELDS)
    else:
        text = raw.decode("utf-8", errors="replace")
    summary["excerpt"] = text[:max_chars]
    summary["truncated"] = len(text) > max_chars
    return summary


async def record_request_errors(
    session: AsyncSession, endpoint: Endpoint, raw: bytes, max_chars: int
) -> dict[str, Any]:
    """Keep a bounded summary of what Greenhouse could not use of our requests (audited)."""
    summary = error_summary(raw, max_chars)
    await audit_repo.audit(
        session, "greenhouse", "greenhouse.request_errors", None, endpoint=endpoint.id, body=summary
    )
    return summary
