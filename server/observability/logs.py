"""Structured logs: one JSON object per line (`INTERVIEW_LOG_FORMAT=json`), with the interview's id.

A log pipeline (Loki, Elasticsearch, CloudWatch) filters by field, so each record from a live call
carries `interview_id`: it is set once where a call starts (`bind_interview`) and every task the call
starts afterwards inherits it (asyncio copies the context into new tasks). Logs never hold transcript
text or personal data: the live path logs ids, counts and timings only, and secrets in URLs are masked
by `server.log_redaction` before a record reaches any formatter.
"""

from __future__ import annotations

import json
import logging
import sys
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Literal

_INTERVIEW: ContextVar[str | None] = ContextVar("interview_id", default=None)


def bind_interview(interview_id: str) -> None:
    """Tag every record from this task (and the tasks it starts from now on) with `interview_id`."""
    _INTERVIEW.set(interview_id)


class InterviewIdFilter(logging.Filter):
    """Copies the bound interview id onto each record (as `interview_id`, None outside a call)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Always keep the record; only annotate it."""
        if not hasattr(record, "interview_id"):
            record.interview_id = _INTERVIEW.get()
        return True


class JsonFormatter(logging.Formatter):
    """`{"ts", "level", "logger", "message", "interview_id", "exc"}`, one line per record."""

    def format(self, record: logging.LogRecord) -> str:
        """The record as one JSON line."""
        out: dict[str, object] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        interview_id = getattr(record, "interview_id", None)
        if interview_id is not None:
            out["interview_id"] = interview_id
        if record.exc_info:
            out["exc"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False)


TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(fmt: Literal["text", "json"], level: int = logging.INFO) -> logging.Handler:
    """Replace the root logger's handlers with one on stderr in `fmt`; returns it (tests remove it)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else logging.Formatter(TEXT_FORMAT))
    handler.addFilter(InterviewIdFilter())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    return handler
