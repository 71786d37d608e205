"""The candidate's side: the invite, consent and the WebRTC offer."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from server.schemas.network import IceConfig


class InviteOut(BaseModel):
    """What the candidate page needs before the call."""

    interview_id: str
    job_title: str
    candidate_name: str
    language: str
    status: str
    consent_version: str
    consent_jurisdiction: str
    consent_text: str
    consented: bool
    ai_evaluation: bool | None = None  # what the candidate chose, once consented
    presence_checks: bool | None = None
    audio_processing: bool
    ice: IceConfig  # STUN/TURN for this call (TURN credentials expire; see server/services/ice.py)


class ConsentIn(BaseModel):
    """The candidate's consent, scope by scope.

    Recording is required to take part. `ai_evaluation` False asks for a human-only evaluation;
    `presence_checks` False turns the video presence checks off. Neither is assumed: say yes to each.
    """

    version: str = Field(min_length=1, max_length=40)
    recording: Literal[True]
    ai_evaluation: bool
    presence_checks: bool = False


class ConsentOut(BaseModel):
    """The stored consent, with the notice version it was given to and the scopes chosen."""

    consent_id: str
    version: str
    ai_evaluation: bool
    presence_checks: bool


class OfferIn(BaseModel):
    """A browser's SDP offer (size is checked again with a clearer message)."""

    sdp: str = Field(min_length=1, max_length=200_000)
    type: str = Field(max_length=20)


class AnswerOut(BaseModel):
    """Our SDP answer."""

    sdp: str
    type: Literal["answer"] = "answer"


class DeviceCheckIn(BaseModel):
    """The browser's device check before joining: camera live, microphone heard, network round trip."""

    camera: bool
    microphone: bool
    network: bool
    rtt_ms: float | None = Field(default=None, ge=0, le=600_000)


class DeviceCheckOut(BaseModel):
    """Whether all three passed (as stored for the drop-out report)."""

    passed: bool
