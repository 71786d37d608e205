"""Request dependencies: a transaction per request, the current staff user, role checks."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Request, WebSocket
from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import User
from server.db.repositories import users
from server.errors import Forbidden, Unauthorized
from server.security import Signer
from server.settings import Settings

SESSION_COOKIE = "interview_session"


async def _session(request: Request) -> AsyncIterator[AsyncSession]:
    async with request.app.state.sessions() as session:
        try:
            yield session
            await session.commit()
        except BaseException:
            await session.rollback()
            raise


SessionDep = Annotated[AsyncSession, Depends(_session)]


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _signer(request: Request) -> Signer:
    signer: Signer = request.app.state.signer
    return signer


SettingsDep = Annotated[Settings, Depends(_settings)]
SignerDep = Annotated[Signer, Depends(_signer)]


async def user_from_cookie(session: AsyncSession, signer: Signer, cookie: str | None) -> User | None:
    """The active staff user a session cookie belongs to."""
    user_id = signer.read_session(cookie) if cookie else None
    user = await users.get(session, user_id) if user_id else None
    return user if user is not None and user.active else None


async def _current_user(request: Request, session: SessionDep, signer: SignerDep) -> User:
    user = await user_from_cookie(session, signer, request.cookies.get(SESSION_COOKIE))
    if user is None:
        raise Unauthorized("please log in")
    return user


CurrentUser = Annotated[User, Depends(_current_user)]


def RequireRole(*roles: str) -> Callable[[User], Awaitable[User]]:  # noqa: N802 - reads like a type
    """A dependency that admits only the given roles (admins always pass)."""

    async def check(user: CurrentUser) -> User:
        if user.role != "admin" and user.role not in roles:
            raise Forbidden(f"this needs the {' or '.join(roles)} role")
        return user

    return check


async def websocket_user(websocket: WebSocket) -> User | None:
    """Authenticate a WebSocket by the session cookie (its own short transaction)."""
    async with websocket.app.state.sessions() as session:
        return await user_from_cookie(
            session, websocket.app.state.signer, websocket.cookies.get(SESSION_COOKIE)
        )
