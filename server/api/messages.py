"""Admins' message templates, and the candidate's unsubscribe (a signed link in every message)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from server.db.models import User
from server.deps import RequireRole, SessionDep, SignerDep
from server.schemas import Ack, MessageTemplateIn, MessageTemplateOut
from server.services import candidate_status, template_admin

admin_router = APIRouter(prefix="/api/admin/message-templates", tags=["admin"])
public_router = APIRouter(prefix="/api/unsubscribe", tags=["candidate"])
Admin = Annotated[User, Depends(RequireRole("admin"))]


@admin_router.get("")
async def list_templates(user: Admin, session: SessionDep) -> list[MessageTemplateOut]:
    """Every message template in zh and en, as it is sent now."""
    return await template_admin.list_all(session)


@admin_router.put("/{name}/{language}")
async def save_template(
    name: str, language: str, body: MessageTemplateIn, user: Admin, session: SessionDep
) -> MessageTemplateOut:
    """Change a template's wording in one language ($placeholders, e.g. $link, $deadline)."""
    return await template_admin.save(session, user, name, language, body)


@public_router.post("/{token}")
async def unsubscribe(token: str, session: SessionDep, signer: SignerDep) -> Ack:
    """No more reminders about this interview (RFC 8058 one-click POST, or the page's button)."""
    await candidate_status.unsubscribe(session, signer, token)
    return Ack(status="unsubscribed")
