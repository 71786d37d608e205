"""Domain errors of the media layer; the server maps them to HTTP responses."""


class RealtimeError(Exception):
    """Base class for media errors a caller can report to a person."""


class ModelNotFoundError(RealtimeError):
    """A configured model file or folder does not exist."""


class InvalidOfferError(RealtimeError):
    """The browser's SDP offer cannot be used."""


class NoAudioTrackError(InvalidOfferError):
    """The offer carries no audio track, so nobody could be heard."""


class CallSlotTaken(RealtimeError):
    """The key (an interview) already has a live or starting call."""


class CallCapacityReached(RealtimeError):
    """The process already runs as many calls as it may."""
