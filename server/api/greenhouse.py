"""Greenhouse Assessment Partner endpoints (we are the partner; Greenhouse is the caller).

HTTP Basic with the org's API key as the user name and a blank password, over HTTPS in production.
"""

from __future__ import annotations

import base64
import binascii
import logging
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request

from server.crypto import SecretBox
from server.db.models import Endpoint
from server.db.repositories import interviews as repo
from server.deps import SessionDep, SettingsDep
from server.errors import Unauthorized
from server.services import greenhouse as service

router = APIRouter(prefix="/api/greenhouse", tags=["greenhouse"])
log = logging.getLogger(__name__)


async def _partner(request: Request, session: SessionDep) -> Endpoint:
    header = request.headers.get("authorization", "")
    if not header.lower().startswith("basic "):
        raise Unauthorized("Greenhouse must authenticate with HTTP Basic (API key as the user name)")
    try:
        user = base64.b64decode(header[6:]).decode().split(":", 1)[0]
    except (binascii.Error, UnicodeDecodeError) as exc:
        raise Unauthorized("malformed HTTP Basic credentials") from exc
    return await service.authenticate(session, SecretBox(request.app.state.settings.secret_key), user)


Partner = Annotated[Endpoint, Depends(_partner)]


@router.get("/list_tests")
async def list_tests(partner: Partner, session: SessionDep) -> list[dict[str, str]]:
    """The tests (job interviews) this organisation can send."""
    return await service.list_tests(session, partner)


@router.post("/send_test")
async def send_test(
    request: Request, partner: Partner, session: SessionDep, settings: SettingsDep
) -> dict[str, Any]:
    """Greenhouse sends a test to a candidate: we create the interview and return its id."""
    body = await request.json()
    return await service.send_test(
        session,
        partner,
        body if isinstance(body, dict) else {},
        request.app.state.signer,
        settings.public_url,
    )


@router.get("/test_status")
async def test_status(
    partner_interview_id: str, partner: Partner, session: SessionDep, settings: SettingsDep
) -> dict[str, Any]:
    """Pending, or complete with the score and per-competency results."""
    return await service.status(session, partner_interview_id, settings.public_url)


@router.post("/request_errors")
async def request_errors(request: Request, partner: Partner, session: SessionDep) -> dict[str, str]:
    """Greenhouse tells us about a request of ours it could not use; logged and audited."""
    body = await request.json()
    log.warning("Greenhouse reported request errors: %s", body)
    await repo.audit(session, "greenhouse", "greenhouse.request_errors", None, endpoint=partner.id, body=body)
    return {"status": "received"}
