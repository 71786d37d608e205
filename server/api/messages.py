"""Admins' message templates, and the candidate's unsubscribe (a signed link in every message)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from server.db.models import User
from server.deps import RequireRole, SessionDep, SettingsDep, SignerDep
from server.schemas import Ack, MessageTemplateIn, MessageTemplateOut
from server.schemas.messages import MessagePreviewIn, MessagePreviewOut
from server.services import candidate_status, template_admin

admin_router = APIRouter(prefix="/api/admin/message-templates", tags=["admin"])
public_router = APIRouter(prefix="/api/unsubscribe", tags=["candidate"])
Admin = Annotated[User, Depends(RequireRole("admin"))]


@admin_router.get("")
async def list_templates(user: Admin, session: SessionDep, settings: SettingsDep) -> list[MessageTemplateOut]:
    """Every message template in zh and en, as it is sent now, with the placeholders it must keep."""
    return await template_admin.list_all(session, settings.public_url)


@admin_router.put("/{name}/{language}")
async def save_template(
    name: str, language: str, body: MessageTemplateIn, user: Admin, session: SessionDep, settings: SettingsDep
) -> MessageTemplateOut:
    """Change a template's wording in one language ($placeholders, e.g. $link, $deadline)."""
    return await template_admin.save(session, user, name, language, body, settings.public_url)


@admin_router.delete("/{name}/{language}")
async def reset_template(
    name: str, language: str, user: Admin, session: SessionDep, settings: SettingsDep
) -> MessageTemplateOut:
    """Go back to the built-in wording (audited)."""
    return await template_admin.reset(session, user, name, language, settings.public_url)


@admin_router.post("/{name}/{language}/preview")
async def preview_template(
    name: str, language: str, body: MessagePreviewIn, user: Admin, settings: SettingsDep
) -> MessagePreviewOut:
    """A wording filled with sample values, as the reader would get it (nothing is stored)."""
    return template_admin.preview(name, language, body, settings.public_url)


@public_router.post("/{token}")
async def unsubscribe(token: str, session: SessionDep, signer: SignerDep) -> Ack:
    """No more reminders about this interview (RFC 8058 one-click POST, or the page's button)."""
    await candidate_status.unsubscribe(session, signer, token)
    return Ack(status="unsubscribed")
