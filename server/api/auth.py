"""Staff login and logout."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from server.deps import SESSION_COOKIE, CurrentUser, SessionDep, SettingsDep, SignerDep
from server.schemas import LoginIn, LoginOut, UserOut
from server.security import Signer, safe_next_path
from server.services import accounts, sessions
from server.settings import Settings

router = APIRouter(prefix="/api/auth", tags=["auth"])


@router.post("/login")
async def login(
    body: LoginIn,
    request: Request,
    response: Response,
    session: SessionDep,
    signer: SignerDep,
    settings: SettingsDep,
) -> LoginOut:
    """Check the password, open a new session and set its cookie; say where the page may go next."""
    client = request.client.host if request.client else "unknown"
    user = await accounts.login(session, body.email, body.password, client)
    cookie = await sessions.open_session(session, signer, user, request.cookies.get(SESSION_COOKIE))
    set_session_cookie(response, cookie, signer, settings)
    return LoginOut(**UserOut.model_validate(user).model_dump(), next=safe_next_path(body.next))


@router.post("/logout", status_code=204)
async def logout(request: Request, response: Response, session: SessionDep, signer: SignerDep) -> None:
    """End the session on the server (a copy of the cookie stops working too) and clear the cookie."""
    await sessions.close_session(session, signer, request.cookies.get(SESSION_COOKIE))
    response.delete_cookie(SESSION_COOKIE)


@router.get("/me")
async def me(user: CurrentUser) -> UserOut:
    """The logged-in staff member."""
    return UserOut.model_validate(user)


def set_session_cookie(response: Response, cookie: str, signer: Signer, settings: Settings) -> None:
    """The staff session cookie, as every way of signing in sets it (password, single sign-on)."""
    response.set_cookie(
        SESSION_COOKIE,
        cookie,
        max_age=int(signer.session_ttl),
        httponly=True,
        samesite="lax",
        secure=settings.cookie_secure,
    )
