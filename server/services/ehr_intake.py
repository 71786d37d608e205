"""Candidates pushed by an HR system: a signed webhook into the same all-or-nothing import.

The HR system signs with the secret of its `webhook` connector (Standard Webhooks: `webhook-id`,
`webhook-timestamp`, `webhook-signature`, the scheme our own deliveries use), and the connector must
opt in with `options.accept_candidates: true`; `options.department` limits it to that department's
jobs, as for HR of that department. The `webhook-id` is the idempotency key: a retried message gets
the first answer again and creates nothing. A refused message (bad rows) is not recorded, so the HR
system can correct it and send it again under the same id.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.ext.asyncio import AsyncSession

from ehr_sync.signing import SignatureError, verify
from server.crypto import SecretBox
from server.db.models import InboundMessage, User
from server.db.repositories import endpoints as endpoint_repo
from server.db.repositories import inbound as repo
from server.errors import Unauthorized
from server.schemas import ImportedCandidate
from server.security import Signer
from server.services.imports import import_candidates

REFUSED = "the webhook is not signed by a connector that may send candidates"


async def receive(
    session: AsyncSession,
    box: SecretBox,
    endpoint_id: str,
    headers: Mapping[str, str],
    body: bytes,
    signer: Signer,
    public_url: str,
) -> list[ImportedCandidate]:
    """Check the signature, then import the candidates once per `webhook-id`."""
    endpoint = await endpoint_repo.get(session, endpoint_id)
    if (
        endpoint is None
        or endpoint.kind != "webhook"
        or not endpoint.enabled
        or (endpoint.options or {}).get("accept_candidates") is not True
    ):
        raise Unauthorized(REFUSED)  # one answer for every reason: ids reveal nothing
    message_id = headers.get("webhook-id", "")
    if not 1 <= len(message_id) <= 200:
        raise Unauthorized("the webhook has no webhook-id")
    try:
        verify(
            box.open(endpoint.secret_encrypted),
            message_id,
            headers.get("webhook-timestamp", ""),
            body,
            headers.get("webhook-signature", ""),
        )
    except SignatureError as exc:
        raise Unauthorized(f"{REFUSED} ({exc})") from exc
    seen = await repo.find(session, endpoint.id, message_id)
    if seen is not None:
        return [ImportedCandidate.model_validate(item) for item in seen.response]
    department = (endpoint.options or {}).get("department")
    actor = User(email=f"connector:{endpoint.name}", name=endpoint.name, role="hr", department=department)
    created = await import_candidates(session, actor, body, "application/json", signer, public_url)
    await repo.add(
        session,
        InboundMessage(
            endpoint_id=endpoint.id, message_id=message_id, response=[c.model_dump() for c in created]
        ),
    )
    return created
