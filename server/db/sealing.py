"""The columns that hold a candidate's words, sealed on their way to the database and opened on load.

Sealing happens in the ORM rather than in each repository so that no path can forget it: a row is
sealed at flush whoever built it (a service, the live store, the outbox, the audit trail), and opened
when loaded, so services and schemas see plain values and need no change. A column's type cannot do
it alone, because the key depends on the row (its interview), so a `before_flush` hook replaces each
new or changed value with its sealed token for the flush, and puts the plain value back afterwards
(`set_committed_value`: the object is not dirtied). Loads and refreshes open tokens the same way.

Nothing queries inside these columns (filters use scores, status, dates, ids), so sealing them costs
no query. Rows written before encryption are plain and read as they are. Bulk `update()` statements
bypass the hooks: the only ones that touch these columns write erasure markers (`{"erased": True}`).
Only sessions made by `make_sessionmaker(engine, vault)` seal; others read tokens as stored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import chain
from typing import Any

from sqlalchemy import JSON, event, inspect
from sqlalchemy.orm import Session, UOWTransaction
from sqlalchemy.orm.attributes import set_committed_value

from server.db.base import Base
from server.db.models import (
    AnswerScoreRow,
    AuditEvent,
    CodeRun,
    FeedbackLetter,
    InterviewNote,
    ModuleResult,
    OutboxEvent,
    Resume,
    ReviewDecision,
    SurveyResponse,
    Utterance,
)
from server.keys.vault import UNCOMMITTED, SealedDataError, Vault, is_token


@dataclass(frozen=True)
class Sealed:
    """Which attribute names the row's key scope (its interview), and which attributes are sealed."""

    scope: str
    columns: tuple[str, ...]


SEALED: dict[type[Base], Sealed] = {
    Utterance: Sealed("interview_id", ("text",)),  # the transcript
    AnswerScoreRow: Sealed("interview_id", ("detail",)),  # evidence quotes, reasons
    ReviewDecision: Sealed("interview_id", ("comment",)),
    InterviewNote: Sealed("interview_id", ("text",)),
    FeedbackLetter: Sealed("interview_id", ("text",)),
    AuditEvent: Sealed("interview_id", ("detail",)),  # e.g. a letter before and after an edit
    OutboxEvent: Sealed("ordering_key", ("payload",)),  # reports: answers, evidence, comments
    CodeRun: Sealed("interview_id", ("code", "result")),  # the candidate's code and its output
    ModuleResult: Sealed("interview_id", ("figures",)),
    SurveyResponse: Sealed("interview_id", ("comment",)),
    Resume: Sealed("interview_id", ("filename", "profile")),  # the parsed resume; its file is sealed too
}
"""One entry per model: a new column with a candidate's words belongs here."""


class SealingSession(Session):
    """The synchronous session behind every `AsyncSession` the server makes: its flushes seal."""


def _is_json(model: type[Base], column: str) -> bool:
    return isinstance(model.__table__.c[column].type, JSON)


def _aad(model: type[Base], column: str, scope: str) -> bytes:
    """Binds a token to its column and interview: it cannot be moved to another's row and opened."""
    return f"{model.__tablename__}.{column}|{scope}".encode()


def seal_value(vault: Vault, key: bytes, model: type[Base], column: str, scope: str, value: Any) -> str:
    """The sealed token of a plain value (JSON columns: its JSON text)."""
    plain = json.dumps(value, ensure_ascii=False) if _is_json(model, column) else str(value)
    return vault.seal(key, plain.encode(), _aad(model, column, scope))


def open_value(vault: Vault, key: bytes, model: type[Base], column: str, scope: str, token: str) -> Any:
    """The plain value of a sealed token."""
    plain = vault.open(key, token, _aad(model, column, scope)).decode()
    return json.loads(plain) if _is_json(model, column) else plain


@event.listens_for(SealingSession, "before_flush")
def _seal_pending(session: Session, _flush: UOWTransaction, _instances: object) -> None:
    vault: Vault = session.info["vault"]
    restore: list[tuple[object, str, Any]] = []
    session.info["unsealed"] = restore
    for obj in chain(session.new, session.dirty):
        spec = SEALED.get(type(obj))
        scope = getattr(obj, spec.scope) if spec else None
        if spec is None or scope is None:
            continue  # e.g. an audit event about no interview: nothing of a candidate's words
        state = inspect(obj)
        key: bytes | None = None
        for column in spec.columns:
            value = getattr(obj, column)
            if value is None or not (state.pending or state.attrs[column].history.has_changes()):
                continue
            key = key or vault.data_key(session, scope)
            assert key is not None
            restore.append((obj, column, value))
            setattr(obj, column, seal_value(vault, key, type(obj), column, scope, value))


@event.listens_for(SealingSession, "after_flush_postexec")
def _unseal_flushed(session: Session, _flush: UOWTransaction) -> None:
    for obj, column, value in session.info.pop("unsealed", []):
        set_committed_value(obj, column, value)


@event.listens_for(SealingSession, "after_commit")
def _adopt_new_keys(session: Session) -> None:
    session.info["vault"].adopt(session)


@event.listens_for(SealingSession, "after_rollback")
def _drop_new_keys(session: Session) -> None:
    session.info.pop(UNCOMMITTED, None)


def _open_loaded(target: Base, session: Session | None) -> None:
    if not isinstance(session, SealingSession):
        return
    spec = SEALED[type(target)]
    scope = getattr(target, spec.scope)
    for column in spec.columns:
        token = target.__dict__.get(column)
        if not isinstance(token, str) or not is_token(token):
            continue
        vault: Vault = session.info["vault"]
        key = vault.data_key(session, scope, create=False)
        if key is None:
            raise SealedDataError(f"the data key of {scope} is gone (erased): its sealed rows cannot be read")
        set_committed_value(target, column, open_value(vault, key, type(target), column, scope, token))


def _on_load(target: Base, context: Any) -> None:
    _open_loaded(target, context.session)


def _on_refresh(target: Base, context: Any, _attrs: object) -> None:
    _open_loaded(target, context.session)


for _model in SEALED:
    event.listen(_model, "load", _on_load)
    event.listen(_model, "refresh", _on_refresh)
