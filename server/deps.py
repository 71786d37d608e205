"""Request dependencies: app state as typed aliases, a transaction per request, the user, role checks.

Routes reach what the lifespan made (`app.state`) only through these aliases, so a route's signature
says what it uses and tests can override one dependency instead of patching the app.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Request, WebSocket
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import HTTPConnection

from realtime.webrtc.registry import PeerRegistry
from server.bus import EventBus
from server.crypto import SecretBox
from server.db.models import User
from server.errors import Forbidden, Unauthorized
from server.keys.vault import Vault
from server.observability.metrics import Metrics
from server.observability.readiness import Readiness
from server.security import Signer
from server.services.calls import CallRuntime
from server.services.sessions import user_from_cookie
from server.settings import Settings

SESSION_COOKIE = "interview_session"


# HTTPConnection, not Request: the same dependencies serve WebSocket routes.
def _sessions(conn: HTTPConnection) -> async_sessionmaker[AsyncSession]:
    sessions: async_sessionmaker[AsyncSession] = conn.app.state.sessions
    return sessions


def _settings(conn: HTTPConnection) -> Settings:
    settings: Settings = conn.app.state.settings
    return settings


def _signer(conn: HTTPConnection) -> Signer:
    signer: Signer = conn.app.state.signer
    return signer


def _bus(conn: HTTPConnection) -> EventBus:
    bus: EventBus = conn.app.state.bus
    return bus


def _peers(conn: HTTPConnection) -> PeerRegistry:
    peers: PeerRegistry = conn.app.state.peers
    return peers


def _calls(conn: HTTPConnection) -> CallRuntime:
    calls: CallRuntime = conn.app.state.calls
    return calls


def _vault(conn: HTTPConnection) -> Vault:
    vault: Vault = conn.app.state.vault
    return vault


SessionsDep = Annotated[async_sessionmaker[AsyncSession], Depends(_sessions)]
SettingsDep = Annotated[Settings, Depends(_settings)]
SignerDep = Annotated[Signer, Depends(_signer)]
BusDep = Annotated[EventBus, Depends(_bus)]
PeersDep = Annotated[PeerRegistry, Depends(_peers)]
CallsDep = Annotated[CallRuntime, Depends(_calls)]
VaultDep = Annotated[Vault, Depends(_vault)]


def _metrics(conn: HTTPConnection) -> Metrics:
    metrics: Metrics = conn.app.state.metrics
    return metrics


def _readiness(conn: HTTPConnection) -> Readiness:
    readiness: Readiness = conn.app.state.readiness
    return readiness


MetricsDep = Annotated[Metrics, Depends(_metrics)]
ReadinessDep = Annotated[Readiness, Depends(_readiness)]


def _box(settings: SettingsDep) -> SecretBox:
    return SecretBox(settings.secret_key)


BoxDep = Annotated[SecretBox, Depends(_box)]
"""Seals and opens connector secrets with the key derived from the server's secret key."""


async def _session(sessions: SessionsDep) -> AsyncIterator[AsyncSession]:
    async with sessions() as session:
        try:
            yield session
            await session.commit()
        except BaseException:
            await session.rollback()
            raise


SessionDep = Annotated[AsyncSession, Depends(_session)]


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
    async with _sessions(websocket)() as session:
        return await user_from_cookie(session, _signer(websocket), websocket.cookies.get(SESSION_COOKIE))
