"""Generic signed webhook per Standard Webhooks (covers i人事 and any EHR with an inbound API)."""

from __future__ import annotations

import json
from email.utils import parsedate_to_datetime

import httpx
from pydantic import BaseModel

from ehr_sync import signing
from ehr_sync.model import EVENT_TYPES, Delivery, EndpointConfig, PushResult

EVENTS = EVENT_TYPES  # the receiver decides what it needs: every event, `candidate.deleted` included


class WebhookOptions(BaseModel):
    """A webhook takes no options: the URL and the `whsec_` secrets say everything."""


def retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        from datetime import UTC, datetime

        return max((parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds(), 0.0)
    except (TypeError, ValueError):
        return None


def verdict(response: httpx.Response) -> PushResult:
    """Map an HTTP answer to delivered / retry / gone."""
    status = response.status_code
    if 200 <= status < 300:
        return PushResult("delivered", status)
    if status == 410:
        return PushResult("gone", status)
    after = retry_after(response.headers.get("retry-after")) if status in (429, 503) else None
    return PushResult("retry", status, after, f"HTTP {status}")


class WebhookConnector:
    """POSTs `{"type", "timestamp", "data"}` with Standard Webhooks headers, signed with every secret."""

    def __init__(self, endpoint: EndpointConfig, client: httpx.AsyncClient) -> None:
        if not endpoint.secrets:
            raise ValueError("a webhook endpoint needs at least one whsec_ secret")
        self._endpoint = endpoint
        self._client = client

    async def push(self, delivery: Delivery) -> PushResult:
        """One attempt."""
        body = json.dumps(
            {
                "type": delivery.event_type,
                "timestamp": delivery.created_at.isoformat(),
                "data": delivery.payload,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode()
        headers = {
            "content-type": "application/json",
            **signing.headers(self._endpoint.secrets, delivery.id, body),
        }
        try:
            response = await self._client.post(self._endpoint.url, content=body, headers=headers)
        except httpx.HTTPError as exc:
            return PushResult("retry", None, None, f"{type(exc).__name__}: {exc}")
        return verdict(response)
