"""Invitations, candidate messages, invite policies, message templates and the candidate's status."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Channel = Literal["email", "dingtalk", "wecom", "sms"]


class InvitationIn(BaseModel):
    """HR sends the interview's link: to the candidate's e-mail unless another channel/recipient is given.

    `window_hours`: complete within this time (default: the job's policy, else the server's); or a
    `slot_at` for a scheduled interview. `reminder_hours`: hours before the deadline (or slot) to remind.
    `scheduling="slot"`: the candidate picks a slot from the interviewers' availability on the status
    page (within `window_hours`); reminders then fall an hour before the slot.
    """

    model_config = ConfigDict(extra="forbid")

    channel: Channel = "email"
    to: str | None = Field(default=None, max_length=254)
    window_hours: float | None = Field(default=None, gt=0, le=24 * 60)
    slot_at: datetime | None = None
    reminder_hours: list[float] | None = Field(default=None, max_length=5)
    scheduling: Literal["deadline", "slot"] = "deadline"

    @field_validator("reminder_hours")
    @classmethod
    def _positive(cls, value: list[float] | None) -> list[float] | None:
        if value is not None and any(h <= 0 or h > 24 * 60 for h in value):
            raise ValueError("reminder hours must be between 0 and 1440")
        return value


class MessageOut(BaseModel):
    """A message as HR sees it: what, how, when, and what came of it (bounces and failures say why)."""

    model_config = ConfigDict(from_attributes=True)

    id: str
    kind: str
    channel: str
    template: str
    language: str
    status: str
    due_at: datetime
    attempts: int
    last_error: str | None
    sent_at: datetime | None


class InvitationOut(BaseModel):
    """The interview's current invitation and its messages."""

    id: str
    channel: str
    recipient: str
    language: str
    status: str
    deadline_at: datetime | None
    slot_at: datetime | None
    unsubscribed: bool
    link_requested_at: datetime | None
    messages: list[MessageOut]
    scheduling: str = "deadline"


class PolicyIn(BaseModel):
    """A job's invite policy."""

    model_config = ConfigDict(extra="forbid")

    window_hours: float = Field(default=72.0, gt=0, le=24 * 60)
    reminder_hours: list[float] = Field(default_factory=lambda: [24.0, 2.0], max_length=5)
    retakes: int = Field(default=0, ge=0, le=10)
    auto_reissue: bool = False
    auto_next_step: bool = True  # saving the decision drafts the next step (sent only once approved)


class PolicyOut(PolicyIn):
    """The job's policy (the defaults when none was set)."""

    job_id: str


class MessageTemplateIn(BaseModel):
    """An admin's wording of a template ($placeholders; see GET for the defaults)."""

    model_config = ConfigDict(extra="forbid")

    subject: str = Field(min_length=1, max_length=300)
    text: str = Field(min_length=1, max_length=20_000)
    html: str = Field(default="", max_length=50_000)


class MessageTemplateOut(BaseModel):
    """A template in one language, and whether an admin changed it."""

    name: str
    language: str
    subject: str
    text: str
    html: str
    edited: bool
    required: list[str] = []  # placeholders the wording must keep (a reset link without $link is useless)
    sample: dict[str, str] = {}  # values the editor's preview fills in
    html_from_text: bool = False  # the HTML part is the text's paragraphs (the editor leaves it empty)


class MessagePreviewIn(BaseModel):
    """A wording to preview (not stored), with the values to fill in."""

    model_config = ConfigDict(extra="forbid")

    subject: str = Field(min_length=1, max_length=300)
    text: str = Field(min_length=1, max_length=20_000)
    html: str = Field(default="", max_length=50_000)
    params: dict[str, str] = Field(default_factory=dict, max_length=20)


class MessagePreviewOut(BaseModel):
    """The wording as the reader would get it: subject, plain text and HTML with the values filled in."""

    subject: str
    text: str
    html: str


class NextStepOut(BaseModel):
    """The next step waiting for HR's approval (drafted when the decision was saved), or why none is."""

    auto: bool
    draft: MessageOut | None
    waiting_for: str | None


class NextStepIn(BaseModel):
    """The next step after the decision: a next-round invitation, or a rejection with the approved letter."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["next_round", "rejection"]
    note: str = Field(default="", max_length=4000)


class StatusOut(BaseModel):
    """The candidate's status page."""

    state: str
    language: str
    job_title: str
    deadline_at: datetime | None
    slot_at: datetime | None
    retakes: int
    can_join: bool
    scheduling: str = "deadline"  # "slot": the candidate picks a time on the status page
    reschedules_left: int = 0


class NewLinkOut(BaseModel):
    """What became of the candidate's request for a new link."""

    outcome: Literal["sent", "requested"]
    message: str
