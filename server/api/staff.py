"""Staff accounts on the admin page, and setting a password from an invitation or reset link."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Request

from server.db.models import User
from server.deps import RequireRole, SessionDep, SettingsDep
from server.schemas import (
    AccountLinkOut,
    Ack,
    ForgotPasswordIn,
    PasswordSetIn,
    StaffChangeIn,
    StaffInviteIn,
    StaffOut,
)
from server.services import password_reset
from server.services import staff as service

router = APIRouter(tags=["staff"])
Admin = Annotated[User, Depends(RequireRole("admin"))]


@router.get("/api/admin/users")
async def list_users(user: Admin, session: SessionDep) -> list[StaffOut]:
    """Every staff account."""
    return await service.list_all(session)


@router.get("/api/admin/departments")
async def list_departments(user: Admin, session: SessionDep) -> list[str]:
    """Departments in use (by accounts and jobs)."""
    return await service.departments(session)


@router.post("/api/admin/users", status_code=201)
async def invite_user(
    body: StaffInviteIn, user: Admin, session: SessionDep, settings: SettingsDep
) -> AccountLinkOut:
    """Invite a staff member: the account is made and its owner gets a link to set a password."""
    return await service.invite(session, user, body, settings)


@router.patch("/api/admin/users/{user_id}")
async def change_user(user_id: str, body: StaffChangeIn, user: Admin, session: SessionDep) -> StaffOut:
    """Change role, department, or deactivate (which ends the account's sessions at once)."""
    return await service.change(session, user, user_id, body)


@router.post("/api/admin/users/{user_id}/password-reset")
async def reset_password(
    user_id: str,
    user: Admin,
    session: SessionDep,
    settings: SettingsDep,
    language: Literal["zh", "en"] = "en",
) -> AccountLinkOut:
    """Send the staff member a link to set a new password (by e-mail, in `language`, where SMTP is set)."""
    return await service.reset_link(session, user, user_id, settings, language)


@router.post("/api/auth/password")
async def set_password(body: PasswordSetIn, session: SessionDep, settings: SettingsDep) -> Ack:
    """Set a password with the token of an invitation or reset link (works once)."""
    await service.set_password(session, settings.secret_key, body.token, body.password)
    return Ack(status="password set")


@router.post("/api/auth/password-reset", status_code=202)
async def forgot_password(
    body: ForgotPasswordIn, request: Request, session: SessionDep, settings: SettingsDep
) -> Ack:
    """Ask for a reset link by e-mail; the same answer whether or not the address has an account."""
    client = request.client.host if request.client else "unknown"
    return Ack(status=await password_reset.request(session, settings, body.email, client, body.language))
