"""Prometheus metrics, one registry per app (never the library's import-time global one).

Events are counted where they happen (histograms and counters below, observed by the live path);
levels (live calls, recognition queue and lag, outbox backlog) are read when Prometheus scrapes, so
they are never stale. Labels are fixed small sets (a language, a cause): never an interview id, a
name or any text, which would leak personal data and grow without bound.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

# Seconds: from tens of milliseconds (a decision) to tens of seconds (a queue behind).
BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0)
FAILURE_CAUSES = ("ice_failed", "never_connected", "disconnected", "invalid_offer", "busy", "not_ready")


@dataclass(frozen=True)
class LiveLevels:
    """What the collector reads at scrape time."""

    live_calls: int
    queue_depth: dict[str, int]
    lags_s: list[float]
    lag_p95_s: float | None
    ready: bool
    outbox_pending: int | None  # None: the database did not answer (the gauges are left out)
    outbox_oldest_age_s: float | None


class _Levels(Collector):
    def __init__(self, read: Callable[[], LiveLevels | None]) -> None:
        self._read = read

    def collect(self) -> Iterator[GaugeMetricFamily]:
        levels = self._read()
        if levels is None:  # before the lifespan started: nothing to say yet
            return
        yield GaugeMetricFamily(
            "interview_live_calls", "Candidate calls live on this instance", levels.live_calls
        )
        depth = GaugeMetricFamily(
            "interview_recognition_queue_depth", "Recognitions running or waiting", labels=["language"]
        )
        for language, n in sorted(levels.queue_depth.items()):
            depth.add_metric([language], n)
        yield depth
        yield GaugeMetricFamily(
            "interview_recognition_lag_seconds",
            "Latest time from a sentence's end to its final transcript, worst live call",
            max(levels.lags_s, default=0.0),
        )
        yield GaugeMetricFamily(
            "interview_recognition_lag_p95_seconds",
            "p95 over live calls of their latest recognition lag (readiness compares it to its limit)",
            levels.lag_p95_s or 0.0,
        )
        yield GaugeMetricFamily("interview_ready", "1 when this instance takes new calls", int(levels.ready))
        if levels.outbox_pending is None or levels.outbox_oldest_age_s is None:
            return
        yield GaugeMetricFamily(
            "interview_outbox_pending", "Deliveries to HR systems not yet delivered", levels.outbox_pending
        )
        yield GaugeMetricFamily(
            "interview_outbox_oldest_pending_age_seconds",
            "Age of the oldest undelivered outbox event (0 when none)",
            levels.outbox_oldest_age_s,
        )


class Metrics:
    """The app's registry and the instruments the live path observes."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.levels: LiveLevels | None = None  # refreshed by the /metrics route before each scrape
        r = self.registry
        self.end_of_answer_delay = Histogram(
            "interview_end_of_answer_delay_seconds",
            "From the candidate's last speech to the agent deciding the answer ended",
            registry=r,
            buckets=BUCKETS,
        )
        self.decision_latency = Histogram(
            "interview_decision_seconds",
            "Compute time of an agent step after a final transcript",
            registry=r,
            buckets=BUCKETS,
        )
        self.score_latency = Histogram(
            "interview_score_seconds", "Time to score one answer", registry=r, buckets=BUCKETS
        )
        self.fanout_delay = Histogram(
            "interview_console_fanout_delay_seconds",
            "From a live event's creation to its send on a console WebSocket",
            registry=r,
            buckets=BUCKETS,
        )
        self.webrtc_failures = Counter(
            "interview_webrtc_failures", "WebRTC calls that failed, by cause", ["cause"], registry=r
        )
        for cause in FAILURE_CAUSES:  # present at 0, so rate() and alerts work from the first scrape
            self.webrtc_failures.labels(cause)
        r.register(_Levels(lambda: self.levels))

    def webrtc_failure(self, cause: str) -> None:
        """Count one failure (an unknown cause is counted as `other`, keeping the label set small)."""
        self.webrtc_failures.labels(cause if cause in FAILURE_CAUSES else "other").inc()

    def render(self) -> bytes:
        """The Prometheus text exposition."""
        return generate_latest(self.registry)
