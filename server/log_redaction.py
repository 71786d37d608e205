"""Secrets out of the logs: query parameters that carry credentials are masked in every log record.

Robot webhooks carry their credential in the URL (`?key=` for WeCom, `?access_token=` and `&sign=` for
DingTalk), and httpx logs each request's full URL at INFO. Rather than trusting every library and every
future log line not to print a URL, the record factory masks such parameters in each record's message
as it is made, whichever logger made it; httpx's per-request lines are also turned down to warnings.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

SECRET_PARAMS = (
    "key",
    "access_token",
    "token",
    "sign",
    "signature",
    "secret",
    "password",
    "api_key",
    "apikey",
    "app_secret",
    "client_secret",
    "refresh_token",
    "code",  # an OpenID Connect authorization code on the sign-on callback
    "code_verifier",
)
_PATTERN = re.compile(r"(?i)([?&](?:" + "|".join(re.escape(p) for p in SECRET_PARAMS) + r")=)[^&#\s\"'<>]+")
MASK = "***"


def redact(text: str) -> str:
    """`text` with the values of secret-carrying query parameters masked."""
    return _PATTERN.sub(lambda m: m.group(1) + MASK, text)


class _RedactingFactory:
    """Wraps the current log record factory; marked so installing twice does not wrap twice."""

    def __init__(self, inner: Callable[..., logging.LogRecord]) -> None:
        self.inner = inner

    def __call__(self, *args: Any, **kwargs: Any) -> logging.LogRecord:
        record = self.inner(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: leave it for logging to report as it always does
            return record
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return record


def install_redaction() -> None:
    """Mask secrets in every log record from now on (idempotent) and quiet httpx's request lines."""
    current = logging.getLogRecordFactory()
    if not isinstance(current, _RedactingFactory):
        logging.setLogRecordFactory(_RedactingFactory(current))
    logging.getLogger("httpx").setLevel(logging.WARNING)
