"""Admins edit the wording of candidate and staff messages, per template and language (audited)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import MessageTemplate, User
from server.db.repositories import audit as audit_repo
from server.db.repositories import messages as repo
from server.schemas import MessageTemplateIn, MessageTemplateOut
from server.services import message_templates as mt


async def list_all(session: AsyncSession) -> list[MessageTemplateOut]:
    """Every template in every language, as it is sent now."""
    edited = {(t.name, t.language): t for t in await repo.templates(session)}
    out = []
    for (name, language), builtin in mt.BUILTIN.items():
        row = edited.get((name, language))
        w = mt.Wording(row.subject, row.text, row.html) if row else builtin
        out.append(MessageTemplateOut(name=name, language=language, edited=row is not None, **vars(w)))
    return out


async def save(
    session: AsyncSession, user: User, name: str, language: str, body: MessageTemplateIn
) -> MessageTemplateOut:
    """Store an admin's wording (an empty HTML part is made from the text)."""
    mt.check(name, language)
    html = body.html or mt.wording_from_text(body.subject, body.text).html
    mt.validate(body.subject, body.text, html)
    row = await repo.template(session, name, language)
    if row is None:
        row = MessageTemplate(name=name, language=language, subject="", text="", html="", updated_by="")
    row.subject, row.text, row.html, row.updated_by = body.subject, body.text, html, user.email
    await repo.save_template(session, row)
    await audit_repo.audit(session, user.email, "message_template.saved", None, name=name, language=language)
    return MessageTemplateOut(
        name=name, language=language, subject=row.subject, text=row.text, html=html, edited=True
    )
