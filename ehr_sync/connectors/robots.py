"""Group-chat robots: DingTalk (钉钉) and WeCom (企业微信) notify HR groups that a report awaits review.

Their contracts: an HTTP 200 with `{"errcode": 0}` means sent; other errcodes are errors. Both take
20 messages a minute per robot (DingTalk then blocks the robot for 10 minutes), so each endpoint has a
limiter and an over-limit message waits, without counting as an attempt. DingTalk robots with
"加签" sign each request: base64 of HMAC-SHA256 with the secret over the timestamp (ms), a newline
and the secret, URL-encoded.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from typing import Any
from urllib.parse import quote_plus

import httpx
from pydantic import BaseModel

from ehr_sync.connectors.messages import NOTIFIED, notice
from ehr_sync.model import Delivery, EndpointConfig, PushResult
from ehr_sync.ratelimit import SlidingWindow

DINGTALK_MAX_BYTES = 5000
WECOM_MAX_BYTES = 4096
DINGTALK_TOO_FAST = 130101
WECOM_TOO_FAST = 45009
WECOM_BAD_KEY = 93000


def dingtalk_sign(secret: str, timestamp_ms: int) -> str:
    """The `sign` query parameter of a signed DingTalk robot request."""
    digest = hmac.new(secret.encode(), f"{timestamp_ms}\n{secret}".encode(), hashlib.sha256).digest()
    return quote_plus(base64.b64encode(digest).decode())


EVENTS = NOTIFIED  # a notice per report; the group chat holds nothing to erase


class RateLimit(BaseModel):
    """Messages per window; both robots allow 20 a minute (tests shorten the window)."""

    count: int = 20
    per_s: float = 60.0


class RobotOptions(BaseModel):
    """The notice's language (`zh` or `en`) and the robot's rate limit."""

    language: str | None = "zh"
    rate_limit: RateLimit | None = None


class _Robot:
    max_bytes = WECOM_MAX_BYTES
    too_fast = WECOM_TOO_FAST

    def __init__(
        self, endpoint: EndpointConfig, client: httpx.AsyncClient, limiter: SlidingWindow | None
    ) -> None:
        options = RobotOptions.model_validate(endpoint.options)
        self._endpoint = endpoint
        self._client = client
        limit = options.rate_limit or RateLimit()
        self.limiter = limiter or SlidingWindow(limit.count, limit.per_s)
        self._language = options.language or "zh"

    def _url(self) -> str:
        return self._endpoint.url

    def _body(self, title: str, text: str) -> dict[str, Any]:
        raise NotImplementedError

    def _gone(self, errcode: int) -> bool:
        return False

    async def push(self, delivery: Delivery) -> PushResult:
        """Send the notice for report events; other events need no message."""
        if delivery.event_type not in EVENTS:
            return PushResult("delivered", None, error="no message for this event")
        wait = self.limiter.acquire()
        if wait > 0:
            return PushResult("throttled", None, wait, "robot rate limit: waiting for a free slot")
        slot = self.limiter.newest
        title, text = notice(delivery.event_type, delivery.payload, self._language, self.max_bytes)
        try:
            response = await self._client.post(self._url(), json=self._body(title, text))
        except httpx.HTTPError as exc:
            return PushResult("retry", None, None, f"{type(exc).__name__}: {exc}")
        finally:
            self.limiter.sent(slot)
        if response.status_code != 200:
            return PushResult("retry", response.status_code, None, f"HTTP {response.status_code}")
        try:
            answer = response.json()
            errcode = int(answer.get("errcode", -1))
        except (ValueError, AttributeError):
            return PushResult("retry", 200, None, "the robot's answer was not JSON")
        if errcode == 0:
            return PushResult("delivered", 200)
        if self._gone(errcode):
            return PushResult("gone", 410, None, f"errcode {errcode}: {answer.get('errmsg', '')}")
        after = 60.0 if errcode == self.too_fast else None
        return PushResult("retry", 200, after, f"errcode {errcode}: {answer.get('errmsg', '')}")


class DingTalkRobot(_Robot):
    """A DingTalk custom robot (webhook URL with access_token; optional 加签 secret)."""

    max_bytes = DINGTALK_MAX_BYTES
    too_fast = DINGTALK_TOO_FAST

    def _url(self) -> str:
        if not self._endpoint.secrets:
            return self._endpoint.url
        ts = int(time.time() * 1000)
        sign = dingtalk_sign(self._endpoint.secrets[0], ts)
        joiner = "&" if "?" in self._endpoint.url else "?"
        return f"{self._endpoint.url}{joiner}timestamp={ts}&sign={sign}"

    def _body(self, title: str, text: str) -> dict[str, Any]:
        return {"msgtype": "markdown", "markdown": {"title": title, "text": text}}


class WeComRobot(_Robot):
    """A WeCom group robot (webhook URL with key)."""

    def _body(self, title: str, text: str) -> dict[str, Any]:
        return {"msgtype": "markdown", "markdown": {"content": text}}

    def _gone(self, errcode: int) -> bool:
        return errcode == WECOM_BAD_KEY  # the robot was removed from the group
