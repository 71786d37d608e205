"""Admin: HR-system connectors, their kinds, the delivery log, erasure and live metrics."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from server.schemas.common import Timestamp


class ConnectorIn(BaseModel):
    """A new connector.

    webhook: omit `secret` to have a `whsec_` one generated (shown once). dingtalk: the robot's URL with
    its access_token, `secret` the 加签 secret if set. wecom: the robot's URL with its key. feishu: the
    open platform's base URL (https://open.feishu.cn), `secret` the app secret, `options.app_id`.
    greenhouse: any URL (results go to the URL each `send_test` gives); omit `secret` to have the partner
    API key generated (shown once); `options.job_ids` limits the tests offered.
    """

    name: str = Field(min_length=1, max_length=100)
    kind: str  # checked against the registry, so an unknown kind gets a 400 that lists the known ones
    url: str = Field(pattern=r"^https?://", max_length=500)
    secret: str | None = None
    options: dict[str, Any] = {}


class SecretIn(BaseModel):
    """A connector's new secret; omit it to have one generated (kinds that generate theirs)."""

    secret: str | None = Field(default=None, max_length=500)


class ConnectorOut(BaseModel):
    """A connector as the admin sees it: never its secret, and its URL without the query string."""

    id: str
    name: str
    kind: str
    url: str
    enabled: bool
    disabled_reason: str | None
    has_secret: bool


class ConnectorCreated(ConnectorOut):
    """A connector just made, with the secret we generated for it: the only time it is shown."""

    secret: str


class ConnectorKindOut(BaseModel):
    """A kind of connector an admin can add (from the registry)."""

    kind: str
    label: str
    events: list[str]
    supports_erasure: bool
    erasure: str  # automatic, by_hand (the delivery log asks a person), none (it holds no candidate data)
    generates_secret: bool
    options_schema: dict[str, Any]


class DeliveryOut(BaseModel):
    """A row of the delivery log."""

    id: str
    event_type: str
    interview_id: str
    endpoint_id: str
    status: str
    attempts: int
    last_status: int | None
    last_error: str | None
    next_attempt_at: Timestamp
    delivered_at: Timestamp | None


class ErasureOut(BaseModel):
    """Whose data was erased, and how many interviews went with it."""

    erased: str
    interviews: int


class MetricsOut(BaseModel):
    """Live load: recogniser queues per language, the face detector, and each live interview."""

    live_interviews: int
    asr_queue_depth: dict[str, int]
    asr_greedy_finals: dict[str, int]
    face_detector: dict[str, Any] | None
    interviews: dict[str, dict[str, Any]]
