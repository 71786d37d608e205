"""Staff login and logout."""

from __future__ import annotations

from fastapi import APIRouter, Response

from server.deps import SESSION_COOKIE, CurrentUser, SessionDep, SettingsDep, SignerDep
from server.schemas import LoginIn, UserOut
from server.services import accounts

router = APIRouter(prefix="/api/auth", tags=["auth"])


@router.post("/login")
async def login(
    body: LoginIn, response: Response, session: SessionDep, signer: SignerDep, settings: SettingsDep
) -> UserOut:
    """Check the password and set the session cookie."""
    user = await accounts.login(session, body.email, body.password)
    response.set_cookie(
        SESSION_COOKIE,
        signer.session_cookie(user.id),
        max_age=int(signer.session_ttl),
        httponly=True,
        samesite="lax",
        secure=settings.cookie_secure,
    )
    return UserOut.model_validate(user)


@router.post("/logout", status_code=204)
async def logout(response: Response) -> None:
    """Clear the session cookie."""
    response.delete_cookie(SESSION_COOKIE)


@router.get("/me")
async def me(user: CurrentUser) -> UserOut:
    """The logged-in staff member."""
    return UserOut.model_validate(user)
