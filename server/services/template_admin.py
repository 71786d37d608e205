"""Admins edit the wording of candidate and staff messages, per template and language (audited).

A saved wording must keep the placeholders its template needs (`message_templates.REQUIRED`: an
invitation without `$link` is refused with a 422 that names it); a preview fills a wording with sample
values without storing it; a reset drops the admin's wording so the built-in one is sent again.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import MessageTemplate, User
from server.db.repositories import audit as audit_repo
from server.db.repositories import messages as repo
from server.errors import NotFound
from server.schemas import MessageTemplateIn, MessageTemplateOut
from server.schemas.messages import MessagePreviewIn, MessagePreviewOut
from server.services import message_templates as mt


def _out(name: str, language: str, w: mt.Wording, edited: bool, public_url: str) -> MessageTemplateOut:
    return MessageTemplateOut(
        name=name,
        language=language,
        edited=edited,
        required=list(mt.REQUIRED.get(name, ())),
        sample=mt.sample(language, public_url),
        html_from_text=w.html == mt.wording_from_text(w.subject, w.text).html,
        **vars(w),
    )


async def list_all(session: AsyncSession, public_url: str = "") -> list[MessageTemplateOut]:
    """Every template in every language, as it is sent now."""
    edited = {(t.name, t.language): t for t in await repo.templates(session)}
    out = []
    for (name, language), builtin in mt.BUILTIN.items():
        row = edited.get((name, language))
        w = mt.Wording(row.subject, row.text, row.html) if row else builtin
        out.append(_out(name, language, w, row is not None, public_url))
    return out


async def save(
    session: AsyncSession, user: User, name: str, language: str, body: MessageTemplateIn, public_url: str = ""
) -> MessageTemplateOut:
    """Store an admin's wording (an empty HTML part is made from the text)."""
    mt.check(name, language)
    html = body.html or mt.wording_from_text(body.subject, body.text).html
    mt.validate(body.subject, body.text, html)
    mt.require(name, body.subject, body.text, html)
    row = await repo.template(session, name, language)
    if row is None:
        row = MessageTemplate(name=name, language=language, subject="", text="", html="", updated_by="")
    row.subject, row.text, row.html, row.updated_by = body.subject, body.text, html, user.email
    await repo.save_template(session, row)
    await audit_repo.audit(session, user.email, "message_template.saved", None, name=name, language=language)
    return _out(name, language, mt.Wording(row.subject, row.text, html), True, public_url)


async def reset(
    session: AsyncSession, user: User, name: str, language: str, public_url: str = ""
) -> MessageTemplateOut:
    """Drop the admin's wording: the built-in one is sent again."""
    mt.check(name, language)
    row = await repo.template(session, name, language)
    if row is None:
        raise NotFound(f"the {name} template in {language!r} is already the built-in one")
    await repo.delete_template(session, row)
    await audit_repo.audit(session, user.email, "message_template.reset", None, name=name, language=language)
    return _out(name, language, mt.BUILTIN[(name, language)], False, public_url)


def preview(name: str, language: str, body: MessagePreviewIn, public_url: str) -> MessagePreviewOut:
    """The wording filled with the sample values (overridden by the editor's), as the reader sees it."""
    mt.check(name, language)
    html = body.html or mt.wording_from_text(body.subject, body.text).html
    mt.validate(body.subject, body.text, html)
    mt.require(name, body.subject, body.text, html)
    filled = mt.render(
        mt.Wording(body.subject, body.text, html), {**mt.sample(language, public_url), **body.params}
    )
    return MessagePreviewOut(subject=filled.subject, text=filled.text, html=filled.html)
