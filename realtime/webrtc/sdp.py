"""Checks on a browser's SDP offer before aiortc sees it."""

from __future__ import annotations

from realtime.errors import InvalidOfferError, NoAudioTrackError

MAX_OFFER_BYTES = 64 * 1024


def check_offer(sdp: str, kind: str, need_microphone: bool = True) -> None:
    """Reject offers that are not offers, are oversized, malformed, or (a candidate's) carry no audio."""
    if kind != "offer":
        raise InvalidOfferError(f"expected an SDP offer, got type {kind!r}")
    if len(sdp.encode()) > MAX_OFFER_BYTES:
        raise InvalidOfferError(f"the SDP offer is larger than {MAX_OFFER_BYTES // 1024} KiB")
    lines = [line.strip() for line in sdp.strip().splitlines()]
    if not lines or lines[0] != "v=0" or not any(line.startswith("o=") for line in lines):
        raise InvalidOfferError("the SDP offer is malformed (it must start with v=0 and have an o= line)")
    media = [line.split()[0][2:] for line in lines if line.startswith("m=") and len(line.split()) > 3]
    if not media:
        raise InvalidOfferError("the SDP offer has no media sections")
    if not need_microphone:
        return
    if "audio" not in media:
        raise NoAudioTrackError("the browser offered no microphone track; allow microphone access and retry")
    audio_sections = sdp.split("m=audio")[1:]
    if all(("a=recvonly" in s.split("m=")[0] or "a=inactive" in s.split("m=")[0]) for s in audio_sections):
        raise NoAudioTrackError("the browser offered no microphone track; allow microphone access and retry")
