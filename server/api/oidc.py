"""Single sign-on by OpenID Connect (see `server/services/oidc.py` for the flow and its checks)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse

from server.api.auth import set_session_cookie
from server.deps import SESSION_COOKIE, SessionDep, SettingsDep, SignerDep
from server.schemas import SignOnOut
from server.security import safe_next_path
from server.services import oidc, oidc_accounts, sessions

router = APIRouter(prefix="/api/auth/oidc", tags=["auth"])


@router.get("")
async def sign_on_config(settings: SettingsDep) -> SignOnOut:
    """Whether the login page offers single sign-on."""
    return SignOnOut(enabled=oidc.enabled(settings), label=settings.oidc_label)


@router.get("/login")
async def sign_on(
    settings: SettingsDep, next: Annotated[str | None, Query(max_length=2000)] = None
) -> RedirectResponse:
    """Send the browser to the sign-on provider (authorization code with PKCE)."""
    url, flow = await oidc.start(settings, safe_next_path(next))
    response = RedirectResponse(url, status_code=302)
    response.set_cookie(
        oidc.FLOW_COOKIE,
        flow,
        max_age=oidc.FLOW_TTL_S,
        httponly=True,
        samesite="lax",  # the provider sends the browser back with a top-level GET
        secure=settings.cookie_secure,
        path="/api/auth/oidc",
    )
    return response


@router.get("/callback")
async def sign_on_callback(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    signer: SignerDep,
    code: Annotated[str, Query(max_length=4000)],
    state: Annotated[str, Query(max_length=200)],
) -> RedirectResponse:
    """Check the provider's answer, open a session for the mapped staff account, go to the next page."""
    who, next_path = await oidc.finish(settings, request.cookies.get(oidc.FLOW_COOKIE), code, state)
    user = await oidc_accounts.account_for(session, settings, who)
    cookie = await sessions.open_session(session, signer, user, request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse(safe_next_path(next_path), status_code=302)
    response.delete_cookie(oidc.FLOW_COOKIE, path="/api/auth/oidc")
    set_session_cookie(response, cookie, signer, settings)
    return response
