"""HR-system connectors as the admin manages them: kinds, creation, the delivery log, replays.

Kinds come from the registry (`ehr_sync.connectors.registry`), so the API, the admin page and the
dispatcher agree on what exists. Secrets are sealed before they are stored and never shown back,
except one we generated, once, in the answer that created it.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from ehr_sync.connectors.registry import KINDS, UnknownKind, kind
from server.crypto import SecretBox
from server.db.models import Endpoint, User
from server.db.repositories import audit as audit_repo
from server.db.repositories import endpoints as endpoint_repo
from server.db.repositories import outbox as outbox_repo
from server.errors import DomainError, NotFound
from server.schemas import ConnectorCreated, ConnectorIn, ConnectorKindOut, ConnectorOut, DeliveryOut


def kinds() -> list[ConnectorKindOut]:
    """Every kind an admin can add, in the order they are offered."""
    return [
        ConnectorKindOut(
            kind=k.name,
            label=k.label,
            events=list(k.events),
            supports_erasure=k.supports_erasure,
            erasure=k.erasure,
            generates_secret=k.secret.generate is not None,
            options_schema=k.options.model_json_schema(),
        )
        for k in KINDS.values()
    ]


def masked(url: str) -> str:
    """A connector URL without its query string (robot URLs carry their access token there)."""
    base, _, query = url.partition("?")
    return f"{base}?…" if query else base


def _out(row: Endpoint) -> ConnectorOut:
    return ConnectorOut(
        id=row.id,
        name=row.name,
        kind=row.kind,
        url=masked(row.url),
        enabled=row.enabled,
        disabled_reason=row.disabled_reason,
        has_secret=bool(row.secret_encrypted),
    )


async def create(
    session: AsyncSession, box: SecretBox, user: User, body: ConnectorIn
) -> ConnectorOut | ConnectorCreated:
    """Add a connector; its secret is stored sealed and returned only when we generated it."""
    try:
        secret, generated = kind(body.kind).secret_for(body.secret)
    except (UnknownKind, ValueError) as exc:
        raise DomainError(str(exc)) from exc
    row = await endpoint_repo.add(
        session,
        Endpoint(
            name=body.name,
            kind=body.kind,
            url=body.url,
            secret_encrypted=box.seal(secret),
            options=body.options,
        ),
    )
    await audit_repo.audit(session, user.email, "connector.created", None, connector=row.id, kind=row.kind)
    out = _out(row)
    return ConnectorCreated(**out.model_dump(), secret=secret) if generated else out


async def list_all(session: AsyncSession) -> list[ConnectorOut]:
    """Connectors, oldest first, without their secrets."""
    return [_out(row) for row in await endpoint_repo.list_all(session)]


async def deliveries(session: AsyncSession, status: str | None) -> list[DeliveryOut]:
    """The delivery log, newest first (filter: pending, delivered, dead)."""
    return [
        DeliveryOut(
            id=d.id,
            event_type=event_type,
            interview_id=key,
            endpoint_id=d.endpoint_id,
            status=d.status,
            attempts=d.attempts,
            last_status=d.last_status,
            last_error=d.last_error,
            next_attempt_at=d.next_attempt_at,
            delivered_at=d.delivered_at,
        )
        for d, event_type, key in await outbox_repo.deliveries(session, status)
    ]


async def replay(session: AsyncSession, user: User, delivery_id: str) -> None:
    """Queue a dead letter (or a delivered event) again, audited."""
    if not await outbox_repo.replay(session, delivery_id):
        raise NotFound("no such delivery, or it is already queued")
    await audit_repo.audit(session, user.email, "delivery.replayed", None, delivery=delivery_id)
