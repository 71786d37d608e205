"""The candidate's side: the invite, consent and the WebRTC offer."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class InviteOut(BaseModel):
    """What the candidate page needs before the call."""

    interview_id: str
    job_title: str
    candidate_name: str
    language: str
    status: str
    consent_version: str
    consent_text: str
    consented: bool
    audio_processing: bool


class ConsentIn(BaseModel):
    """The candidate's consent to recording and AI evaluation."""

    version: str = Field(min_length=1, max_length=40)
    recording: Literal[True]
    ai_evaluation: Literal[True]


class ConsentOut(BaseModel):
    """The stored consent, with the notice version it was given to."""

    consent_id: str
    version: str


class OfferIn(BaseModel):
    """A browser's SDP offer (size is checked again with a clearer message)."""

    sdp: str = Field(min_length=1, max_length=200_000)
    type: str = Field(max_length=20)


class AnswerOut(BaseModel):
    """Our SDP answer."""

    sdp: str
    type: Literal["answer"] = "answer"
