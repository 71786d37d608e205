"""Admin: HR-system connectors (secrets encrypted, never echoed back), the delivery log, replays."""

from __future__ import annotations

import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field
from sqlalchemy import select

from ehr_sync.report import report_schema
from ehr_sync.signing import SignatureError, key_bytes, new_secret
from server.crypto import SecretBox
from server.db.models import Endpoint, User
from server.db.repositories import interviews as audit_repo
from server.db.repositories import outbox as repo
from server.deps import RequireRole, SessionDep
from server.errors import DomainError, NotFound
from server.services.erasure import erase_candidate
from server.services.greenhouse import MAX_KEY_CHARS
from server.services.outbox import KINDS

router = APIRouter(prefix="/api/admin", tags=["admin"])
Admin = Annotated[User, Depends(RequireRole("admin"))]


class ConnectorIn(BaseModel):
    """A new connector.

    webhook: omit `secret` to have a `whsec_` one generated (shown once). dingtalk: the robot's URL with
    its access_token, `secret` the 加签 secret if set. wecom: the robot's URL with its key. feishu: the
    open platform's base URL (https://open.feishu.cn), `secret` the app secret, `options.app_id`.
    greenhouse: any URL (results go to the URL each `send_test` gives); omit `secret` to have the partner
    API key generated (shown once); `options.job_ids` limits the tests offered.
    """

    name: str = Field(min_length=1, max_length=100)
    kind: str
    url: str = Field(pattern=r"^https?://", max_length=500)
    secret: str | None = None
    options: dict[str, Any] = {}


def masked(url: str) -> str:
    """A connector URL without its query string (robot URLs carry their access token there)."""
    base, _, query = url.partition("?")
    return f"{base}?…" if query else base


def _out(row: Endpoint) -> dict[str, Any]:
    return {
        "id": row.id,
        "name": row.name,
        "kind": row.kind,
        "url": masked(row.url),
        "enabled": row.enabled,
        "disabled_reason": row.disabled_reason,
        "has_secret": bool(row.secret_encrypted),
    }


@router.post("/connectors", status_code=201)
async def create_connector(
    body: ConnectorIn, request: Request, user: Admin, session: SessionDep
) -> dict[str, Any]:
    """Add a connector; its secret is stored encrypted."""
    if body.kind not in KINDS:
        raise DomainError(f"unknown connector kind {body.kind!r}; available: {', '.join(KINDS)}")
    generated = body.kind in ("webhook", "greenhouse") and body.secret is None
    if body.kind == "greenhouse":
        secret = body.secret or secrets.token_urlsafe(32)  # the API key Greenhouse will use
        if len(secret) > MAX_KEY_CHARS:
            raise DomainError(f"a Greenhouse API key must be shorter than {MAX_KEY_CHARS + 1} characters")
    else:
        secret = new_secret() if generated else (body.secret or "")
    if body.kind == "webhook":
        try:
            key_bytes(secret)
        except SignatureError as exc:
            raise DomainError(str(exc)) from exc
    box = SecretBox(request.app.state.settings.secret_key)
    row = Endpoint(
        name=body.name, kind=body.kind, url=body.url, secret_encrypted=box.seal(secret), options=body.options
    )
    session.add(row)
    await session.flush()
    await audit_repo.audit(session, user.email, "connector.created", None, connector=row.id, kind=row.kind)
    out = _out(row)
    if generated:
        out["secret"] = secret  # shown once, at creation, because we made it
    return out


@router.get("/connectors")
async def list_connectors(user: Admin, session: SessionDep) -> list[dict[str, Any]]:
    """Connectors, without their secrets."""
    return [
        _out(r) for r in (await session.execute(select(Endpoint).order_by(Endpoint.created_at))).scalars()
    ]


@router.get("/deliveries")
async def list_deliveries(
    user: Admin, session: SessionDep, status: str | None = None
) -> list[dict[str, Any]]:
    """The delivery log (filter: pending, delivered, dead)."""
    return [
        {
            "id": d.id,
            "event_type": t,
            "interview_id": key,
            "endpoint_id": d.endpoint_id,
            "status": d.status,
            "attempts": d.attempts,
            "last_status": d.last_status,
            "last_error": d.last_error,
            "next_attempt_at": d.next_attempt_at,
            "delivered_at": d.delivered_at,
        }
        for d, t, key in await repo.deliveries(session, status)
    ]


@router.post("/deliveries/{delivery_id}/retry")
async def retry_delivery(delivery_id: str, user: Admin, session: SessionDep) -> dict[str, str]:
    """Queue a dead letter (or a delivered event) again."""
    if not await repo.replay(session, delivery_id):
        raise NotFound("no such delivery, or it is already queued")
    await audit_repo.audit(session, user.email, "delivery.replayed", None, delivery=delivery_id)
    return {"status": "pending"}


@router.delete("/candidates/{candidate_id}")
async def erase(candidate_id: str, request: Request, user: Admin) -> dict[str, Any]:
    """Erase a candidate's personal data; connected HR systems get `candidate.deleted`."""
    state = request.app.state
    count = await erase_candidate(state.sessions, candidate_id, user.email, state.settings.recordings_dir)
    return {"erased": candidate_id, "interviews": count}


@router.get("/metrics")
async def metrics(request: Request, user: Admin) -> dict[str, Any]:
    """Live load: recogniser queue depth per language, and per interview its transcript lag and more."""
    state = request.app.state
    return {
        "live_interviews": len(state.peers),
        "asr_queue_depth": state.calls.models.recognizers.queue_depth(),
        "asr_greedy_finals": state.calls.models.recognizers.greedy_finals(),
        "face_detector": None if state.calls.models.faces is None else state.calls.models.faces.metrics(),
        "interviews": state.peers.metrics(),
    }


@router.get("/schemas/report.json", include_in_schema=True)
async def get_report_schema() -> dict[str, Any]:
    """JSON Schema of the report sent to HR systems."""
    return report_schema()
