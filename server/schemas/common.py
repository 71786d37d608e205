"""Types shared by the response schemas."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, PlainSerializer

Timestamp = Annotated[
    datetime, PlainSerializer(lambda value: value.isoformat(), return_type=str, when_used="json")
]
"""A datetime written as `datetime.isoformat()` (`+00:00`, not pydantic's `Z`).

These responses were plain dicts encoded by FastAPI before they had schemas; their clients see the
same text as before.
"""


class Ack(BaseModel):
    """A request was accepted; `status` says what happens next (`sent`, `pending`, `received`)."""

    status: str


class Health(BaseModel):
    """Whether the process can serve (`ok`, or `not ok` with a reason); how many interviews it holds live."""

    status: str
    live_interviews: int
    detail: str | None = None
