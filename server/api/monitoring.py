"""Operators' routes: Prometheus metrics, readiness, and the ICE servers the staff console uses.

`/metrics` answers a bearer token (`INTERVIEW_METRICS_TOKEN`, what Prometheus sends) or an admin's
session (a person looking). `/readyz` is public like `/healthz`: a load balancer calls it without
credentials, and it says nothing but whether new calls are taken and why not.
"""

from __future__ import annotations

import hmac

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST

from server.deps import (
    SESSION_COOKIE,
    CallsDep,
    CurrentUser,
    MetricsDep,
    ReadinessDep,
    SessionDep,
    SessionsDep,
    SettingsDep,
    SignerDep,
)
from server.errors import Forbidden, Unauthorized
from server.schemas import IceConfig
from server.services.ice import ice_config
from server.services.monitoring import ready_state, refresh_levels
from server.services.sessions import user_from_cookie

router = APIRouter(tags=["monitoring"])


def _bearer_matches(request: Request, token: str | None) -> bool:
    given = request.headers.get("authorization", "")
    if not token or not given.lower().startswith("bearer "):
        return False
    return hmac.compare_digest(given[7:].strip().encode(), token.encode())


@router.get("/metrics", include_in_schema=False)
async def metrics(
    request: Request,
    settings: SettingsDep,
    session: SessionDep,
    signer: SignerDep,
    metrics: MetricsDep,
    calls: CallsDep,
    readiness: ReadinessDep,
    sessions: SessionsDep,
) -> Response:
    """The Prometheus text format, for the metrics token or an admin."""
    token = settings.metrics_token.get_secret_value() if settings.metrics_token is not None else None
    if not _bearer_matches(request, token):
        user = await user_from_cookie(session, signer, request.cookies.get(SESSION_COOKIE))
        if user is None:
            raise Unauthorized("send the metrics token as 'Authorization: Bearer ...', or log in as an admin")
        if user.role != "admin":
            raise Forbidden("metrics are for admins and the metrics token")
    await refresh_levels(metrics, calls, readiness, sessions)
    return Response(metrics.render(), media_type=CONTENT_TYPE_LATEST)


@router.get("/readyz", include_in_schema=False)
async def readyz(calls: CallsDep, readiness: ReadinessDep) -> JSONResponse:
    """200 when this instance takes new calls; 503 with the reasons when it does not."""
    state = ready_state(calls, readiness)
    body = {
        "ready": state.ready,
        "reasons": list(state.reasons),
        "recognition_lag_p95_s": state.lag_p95_s,
        "recognition_queue": state.queue_depth,
    }
    return JSONResponse(body, status_code=200 if state.ready else 503)


@router.get("/api/ice")
async def staff_ice(user: CurrentUser, settings: SettingsDep) -> IceConfig:
    """STUN/TURN for the staff console's connections (TURN credentials for this user, short-lived)."""
    return ice_config(settings, user.id)
