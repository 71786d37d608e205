"""Live load for operators: what the shared recognisers, the face detector and each call are doing."""

from __future__ import annotations

from server.schemas import MetricsOut
from server.services.calls import CallRuntime


def live_metrics(calls: CallRuntime) -> MetricsOut:
    """Recogniser queue depth per language, greedy finals, the face detector, and per interview its lag."""
    return MetricsOut(
        live_interviews=len(calls.peers),
        asr_queue_depth=calls.models.recognizers.queue_depth(),
        asr_greedy_finals=calls.models.recognizers.greedy_finals(),
        face_detector=None if calls.models.faces is None else calls.models.faces.metrics(),
        interviews=calls.peers.metrics(),
    )
