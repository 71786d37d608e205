"""Greenhouse Assessment Partner endpoints (we are the partner; Greenhouse is the caller).

HTTP Basic with the org's API key as the user name and a blank password, over HTTPS in production.
"""

from __future__ import annotations

import base64
import binascii
import logging
from typing import Annotated

from fastapi import APIRouter, Depends, Request

from server.db.models import Endpoint
from server.deps import BoxDep, SessionDep, SettingsDep, SignerDep
from server.errors import Unauthorized, Unprocessable
from server.schemas import Ack, PartnerTest, SentTest, TestStatus
from server.services import greenhouse as service

router = APIRouter(prefix="/api/greenhouse", tags=["greenhouse"])
log = logging.getLogger(__name__)


async def _partner(request: Request, session: SessionDep, box: BoxDep) -> Endpoint:
    header = request.headers.get("authorization", "")
    if not header.lower().startswith("basic "):
        raise Unauthorized("Greenhouse must authenticate with HTTP Basic (API key as the user name)")
    try:
        user = base64.b64decode(header[6:]).decode().split(":", 1)[0]
    except (binascii.Error, UnicodeDecodeError) as exc:
        raise Unauthorized("malformed HTTP Basic credentials") from exc
    return await service.authenticate(session, box, user)


Partner = Annotated[Endpoint, Depends(_partner)]


@router.get("/list_tests")
async def list_tests(partner: Partner, session: SessionDep) -> list[PartnerTest]:
    """The tests (job interviews) this organisation can send."""
    return await service.list_tests(session, partner)


@router.post("/send_test")
async def send_test(
    request: Request, partner: Partner, session: SessionDep, signer: SignerDep, settings: SettingsDep
) -> SentTest:
    """Greenhouse sends a test to a candidate: we create the interview and return its id."""
    try:
        body = await request.json()
    except ValueError as exc:
        raise Unprocessable("the body is not valid JSON") from exc
    return await service.send_test(session, partner, body if isinstance(body, dict) else {}, signer, settings)


@router.get("/test_status")
async def test_status(
    partner_interview_id: str, partner: Partner, session: SessionDep, settings: SettingsDep
) -> TestStatus:
    """Pending, or complete with the score and per-competency results."""
    return await service.status(session, partner, partner_interview_id, settings.public_url)


@router.post("/request_errors")
async def request_errors(
    request: Request, partner: Partner, session: SessionDep, settings: SettingsDep
) -> Ack:
    """Greenhouse tells us about a request of ours it could not use; a bounded summary is audited."""
    summary = await service.record_request_errors(
        session, partner, await request.body(), settings.greenhouse_error_body_chars
    )
    log.warning("Greenhouse reported request errors (%d bytes; see the audit log)", summary["bytes"])
    return Ack(status="received")
