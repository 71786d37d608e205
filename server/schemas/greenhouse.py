"""The Greenhouse Assessment Partner API's bodies (Greenhouse's names, not ours)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field


class PartnerTest(BaseModel):
    """A test Greenhouse can send: one job's interview."""

    partner_test_id: str
    partner_test_name: str


class SentTest(BaseModel):
    """The interview made for a `send_test`, and the link the candidate opens."""

    partner_interview_id: str
    invite_url: str


class PendingTestStatus(BaseModel):
    """The interview has not ended yet."""

    partner_status: Literal["pending"]
    partner_profile_url: str


class CompleteTestStatus(BaseModel):
    """The interview's result: the score (0-100) and one metadata line per competency."""

    partner_status: Literal["complete"]
    partner_profile_url: str
    partner_score: int | None
    metadata: dict[str, str]


TestStatus = Annotated[PendingTestStatus | CompleteTestStatus, Field(discriminator="partner_status")]
