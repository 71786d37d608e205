"""Admin: HR-system connectors (secrets encrypted, never echoed back), the delivery log, replays."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from ehr_sync.report import report_schema
from server.db.models import User
from server.deps import BoxDep, CallsDep, RequireRole, SessionDep, SessionsDep, SettingsDep, VaultDep
from server.schemas import (
    Ack,
    ConnectorCreated,
    ConnectorIn,
    ConnectorKindOut,
    ConnectorOut,
    DeliveryOut,
    ErasureOut,
    MetricsOut,
    SecretIn,
    SessionsRevoked,
)
from server.services import connectors, sessions
from server.services.erasure import erase_candidate
from server.services.metrics import live_metrics
from server.services.outbox import egress_policy

router = APIRouter(prefix="/api/admin", tags=["admin"])
Admin = Annotated[User, Depends(RequireRole("admin"))]


@router.get("/connector-kinds")
async def list_connector_kinds(user: Admin) -> list[ConnectorKindOut]:
    """The kinds of connector that can be added (the admin page builds its choice from these)."""
    return connectors.kinds()


@router.post("/connectors", status_code=201)
async def create_connector(
    body: ConnectorIn, user: Admin, session: SessionDep, box: BoxDep, settings: SettingsDep
) -> ConnectorCreated | ConnectorOut:
    """Add a connector; its secret is stored encrypted (and shown once when we generated it)."""
    return await connectors.create(session, box, egress_policy(settings), user, body)


@router.get("/connectors")
async def list_connectors(user: Admin, session: SessionDep, box: BoxDep) -> list[ConnectorOut]:
    """Connectors, without their secrets (URL parameters masked)."""
    return await connectors.list_all(session, box)


@router.post("/connectors/{connector_id}/disable")
async def disable_connector(connector_id: str, user: Admin, session: SessionDep, box: BoxDep) -> ConnectorOut:
    """Stop deliveries to a connector (queued events wait until it is enabled again)."""
    return await connectors.set_enabled(session, box, user, connector_id, False)


@router.post("/connectors/{connector_id}/enable")
async def enable_connector(connector_id: str, user: Admin, session: SessionDep, box: BoxDep) -> ConnectorOut:
    """Resume deliveries to a connector."""
    return await connectors.set_enabled(session, box, user, connector_id, True)


@router.post("/connectors/{connector_id}/rotate-secret")
async def rotate_connector_secret(
    connector_id: str, body: SecretIn, user: Admin, session: SessionDep, box: BoxDep
) -> ConnectorCreated | ConnectorOut:
    """Replace the connector's secret or partner key; a generated one is shown in this answer only."""
    return await connectors.rotate_secret(session, box, user, connector_id, body.secret)


@router.get("/deliveries")
async def list_deliveries(user: Admin, session: SessionDep, status: str | None = None) -> list[DeliveryOut]:
    """The delivery log (filter: pending, delivered, dead)."""
    return await connectors.deliveries(session, status)


@router.post("/deliveries/{delivery_id}/retry")
async def retry_delivery(delivery_id: str, user: Admin, session: SessionDep) -> Ack:
    """Queue a dead letter (or a delivered event) again."""
    await connectors.replay(session, user, delivery_id)
    return Ack(status="pending")


@router.delete("/candidates/{candidate_id}")
async def erase(
    candidate_id: str, user: Admin, sessions: SessionsDep, settings: SettingsDep, vault: VaultDep
) -> ErasureOut:
    """Erase a candidate's data and destroy their interviews' keys; HR systems get `candidate.deleted`."""
    count = await erase_candidate(sessions, candidate_id, user.email, settings.recordings_dir, vault)
    return ErasureOut(erased=candidate_id, interviews=count)


@router.delete("/users/{email}/sessions")
async def revoke_sessions(email: str, user: Admin, session: SessionDep) -> SessionsRevoked:
    """Log a staff member out everywhere (a lost laptop, a leaving employee): every open session ends."""
    return SessionsRevoked(email=email, revoked=await sessions.revoke_all(session, user, email))


@router.get("/metrics")
async def metrics(user: Admin, calls: CallsDep) -> MetricsOut:
    """Live load: recogniser queue depth per language, and per interview its transcript lag and more."""
    return live_metrics(calls)


@router.get("/schemas/report.json", include_in_schema=True)
async def get_report_schema() -> JSONResponse:
    """JSON Schema of the report sent to HR systems (a schema document, so it is sent as it is)."""
    return JSONResponse(report_schema())
