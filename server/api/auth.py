"""Staff login and logout."""

from __future__ import annotations

from fastapi import APIRouter, Response

from server.db.repositories import interviews as audit_repo
from server.db.repositories import users
from server.deps import SESSION_COOKIE, CurrentUser, SessionDep, SettingsDep, SignerDep
from server.errors import Unauthorized
from server.schemas import LoginIn, UserOut
from server.security import verify_password

router = APIRouter(prefix="/api/auth", tags=["auth"])


@router.post("/login")
async def login(
    body: LoginIn, response: Response, session: SessionDep, signer: SignerDep, settings: SettingsDep
) -> UserOut:
    """Check the password and set the session cookie."""
    user = await users.by_email(session, body.email)
    if user is None or not user.active or not verify_password(body.password, user.password_hash):
        raise Unauthorized("wrong email or password")
    response.set_cookie(
        SESSION_COOKIE,
        signer.session_cookie(user.id),
        max_age=int(signer.session_ttl),
        httponly=True,
        samesite="lax",
        secure=settings.cookie_secure,
    )
    await audit_repo.audit(session, user.email, "auth.login")
    return UserOut.model_validate(user)


@router.post("/logout", status_code=204)
async def logout(response: Response) -> None:
    """Clear the session cookie."""
    response.delete_cookie(SESSION_COOKIE)


@router.get("/me")
async def me(user: CurrentUser) -> UserOut:
    """The logged-in staff member."""
    return UserOut.model_validate(user)
