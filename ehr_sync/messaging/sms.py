"""An SMS hook: the operator's own HTTP endpoint (an SMS gateway adapter) receives each text.

Contract: `POST url` with JSON `{"id", "to", "text"}`, headers `Idempotency-Key: id` and, when a
token is configured, `Authorization: Bearer token`. 2xx: sent. 429 and 5xx: retried (Retry-After
honoured). 400/404/410/422: the number is refused (a bounce). Other 4xx: failed (misconfiguration).
"""

from __future__ import annotations

import httpx

from ehr_sync.messaging.model import Outgoing, SendResult

BOUNCE_STATUSES = (400, 404, 410, 422)


class SmsHook:
    """`Channel` for SMS through the configured endpoint."""

    def __init__(self, url: str, token: str | None, client: httpx.AsyncClient) -> None:
        self._url = url
        self._token = token
        self._client = client

    async def send(self, message: Outgoing) -> SendResult:
        """POST the text once."""
        headers = {"Idempotency-Key": message.id}
        if self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        body = {"id": message.id, "to": message.to, "text": f"{message.subject}: {message.text}"}
        try:
            r = await self._client.post(self._url, json=body, headers=headers)
        except httpx.HTTPError as exc:
            return SendResult("retry", type(exc).__name__)
        if 200 <= r.status_code < 300:
            return SendResult("sent")
        if r.status_code == 429 or r.status_code >= 500:
            after = r.headers.get("retry-after", "")
            return SendResult("retry", f"HTTP {r.status_code}", float(after) if after.isdigit() else None)
        if r.status_code in BOUNCE_STATUSES:
            return SendResult("bounced", f"SMS hook refused the number (HTTP {r.status_code})")
        return SendResult("failed", f"SMS hook answered HTTP {r.status_code}")
