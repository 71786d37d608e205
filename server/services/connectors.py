"""HR-system connectors as the admin manages them: kinds, creation, the delivery log, replays.

Kinds come from the registry (`ehr_sync.connectors.registry`), so the API, the admin page and the
dispatcher agree on what exists. Secrets are sealed before they are stored and never shown back,
except one we generated, once, in the answer that created it.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from ehr_sync.connectors.registry import KINDS, UnknownKind, kind
from ehr_sync.egress import EgressPolicy, EgressRefused
from server.crypto import SecretBox
from server.db.models import Endpoint, User
from server.db.repositories import audit as audit_repo
from server.db.repositories import endpoints as endpoint_repo
from server.db.repositories import outbox as outbox_repo
from server.errors import DomainError, NotFound, Unprocessable
from server.schemas import ConnectorCreated, ConnectorIn, ConnectorKindOut, ConnectorOut, DeliveryOut
from server.services.connector_urls import masked, seal_legacy, seal_url


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


def _out(row: Endpoint, box: SecretBox) -> ConnectorOut:
    return ConnectorOut(
        id=row.id,
        name=row.name,
        kind=row.kind,
        url=masked(row, box),
        enabled=row.enabled,
        disabled_reason=row.disabled_reason,
        has_secret=bool(row.secret_encrypted),
    )


async def check_destination(egress: EgressPolicy, url: str) -> None:
    """Refuse a connector URL that names this machine, a private network or plain http (outside dev).

    Checked again at every send (the dispatcher's transport): a name may resolve differently later.
    """
    try:
        await egress.check_url(url)
    except EgressRefused as exc:
        raise Unprocessable(f"this connector URL cannot be used: {exc}") from None


async def create(
    session: AsyncSession, box: SecretBox, egress: EgressPolicy, user: User, body: ConnectorIn
) -> ConnectorOut | ConnectorCreated:
    """Add a connector; its secret is stored sealed and returned only when we generated it."""
    try:
        secret, generated = kind(body.kind).secret_for(body.secret)
    except (UnknownKind, ValueError) as exc:
        raise DomainError(str(exc)) from exc
    await check_destination(egress, body.url)
    endpoint = Endpoint(
        name=body.name, kind=body.kind, secret_encrypted=box.seal(secret), options=body.options
    )
    seal_url(endpoint, box, body.url)
    row = await endpoint_repo.add(session, endpoint)
    await audit_repo.audit(session, user.email, "connector.created", None, connector=row.id, kind=row.kind)
    out = _out(row, box)
    return ConnectorCreated(**out.model_dump(), secret=secret) if generated else out


async def _get(session: AsyncSession, connector_id: str) -> Endpoint:
    row = await endpoint_repo.get(session, connector_id)
    if row is None:
        raise NotFound("no such connector")
    return row


async def set_enabled(
    session: AsyncSession, box: SecretBox, user: User, connector_id: str, enabled: bool
) -> ConnectorOut:
    """Stop or resume deliveries to a connector (its queued events wait meanwhile), audited."""
    row = await _get(session, connector_id)
    row.enabled = enabled
    row.disabled_reason = None if enabled else f"disabled by {user.email}"
    action = "connector.enabled" if enabled else "connector.disabled"
    await audit_repo.audit(session, user.email, action, None, connector=row.id)
    return _out(row, box)


async def rotate_secret(
    session: AsyncSession, box: SecretBox, user: User, connector_id: str, given: str | None
) -> ConnectorOut | ConnectorCreated:
    """Replace a connector's secret (a Greenhouse partner key, a webhook's signing secret), audited.

    The old one stops working at once; a generated one is shown in this answer only. Kinds whose
    secret comes from the other system (a robot's 加签 secret, a Feishu app secret) need it given.
    """
    row = await _get(session, connector_id)
    entry = kind(row.kind)
    if not given and entry.secret.generate is None:
        raise Unprocessable(f"a {row.kind} connector's secret comes from the other system: give the new one")
    try:
        secret, generated = entry.secret_for(given)
    except ValueError as exc:
        raise Unprocessable(str(exc)) from exc
    row.secret_encrypted = box.seal(secret)
    await audit_repo.audit(session, user.email, "connector.secret_rotated", None, connector=row.id)
    out = _out(row, box)
    return ConnectorCreated(**out.model_dump(), secret=secret) if generated else out


async def list_all(session: AsyncSession, box: SecretBox) -> list[ConnectorOut]:
    """Connectors, oldest first, without their secrets (URLs with their parameters masked)."""
    return [_out(row, box) for row in await endpoint_repo.list_all(session)]


async def seal_legacy_urls(session: AsyncSession, box: SecretBox) -> int:
    """Seal the URL query strings of connectors stored before they were sealed; how many."""
    return sum(seal_legacy(row, box) for row in await endpoint_repo.list_all(session))


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
