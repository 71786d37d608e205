"""Local servers implementing the DingTalk and WeCom group-robot contracts, as documented.

DingTalk (`POST /robot/send?access_token=T[&timestamp=&sign=]`): a wrong token is errcode 300001; with
加签, the timestamp must be within an hour and the sign must be base64(HMAC-SHA256(secret,
"timestamp\\nsecret")) URL-encoded, else 310000; more than `limit` messages in `window_s` (20 a
minute) is errcode 130101 and blocks the robot for `block_s` (10 minutes). WeCom
(`POST /cgi-bin/webhook/send?key=K`): an unknown key is errcode 93000, markdown content over 4096 bytes
is 40058, over the rate limit 45009. Both answer HTTP 200 with `{"errcode", "errmsg"}` and record what
they accepted.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import threading
import time
from typing import Any

from tests.ehr_sync.jsonserver import JsonServer


class RobotServer(JsonServer):
    """Both robots on one local port."""

    def __init__(
        self,
        token: str,
        sign_secret: str | None,
        wecom_key: str,
        limit: int = 20,
        window_s: float = 60.0,
        block_s: float = 600.0,
    ) -> None:
        self.token, self.sign_secret, self.wecom_key = token, sign_secret, wecom_key
        self.limit, self.window_s, self.block_s = limit, window_s, block_s
        self.accepted: dict[str, list[dict[str, Any]]] = {"dingtalk": [], "wecom": []}
        self.errors: list[tuple[str, int]] = []
        self._sent: dict[str, list[float]] = {"dingtalk": [], "wecom": []}
        self._blocked_until = 0.0
        self._lock = threading.Lock()
        super().__init__()

    def respond(
        self, method: str, path: str, query: dict[str, str], body: Any, headers: dict[str, str]
    ) -> tuple[int, dict[str, Any] | None]:
        robot = "dingtalk" if path == "/robot/send" else "wecom"
        errcode, errmsg = self.handle(robot, query, body)
        if errcode:
            self.errors.append((robot, errcode))
        return 200, {"errcode": errcode, "errmsg": errmsg}

    def _rate(self, robot: str, now: float) -> bool:
        sent = [t for t in self._sent[robot] if now - t < self.window_s]
        self._sent[robot] = sent
        if len(sent) >= self.limit:
            return False
        sent.append(now)
        return True

    def handle(self, robot: str, query: dict[str, str], body: dict[str, Any]) -> tuple[int, str]:
        now = time.time()
        with self._lock:
            if robot == "dingtalk":
                if query.get("access_token") != self.token:
                    return 300001, "token is not exist"
                if self.sign_secret is not None:
                    ts = query.get("timestamp", "")
                    if not ts.isdigit() or abs(now * 1000 - int(ts)) > 3600_000:
                        return 310000, "invalid timestamp"
                    mac = hmac.new(
                        self.sign_secret.encode(), f"{ts}\n{self.sign_secret}".encode(), hashlib.sha256
                    )
                    if query.get("sign") != base64.b64encode(mac.digest()).decode():
                        return 310000, "sign not match"
                if now < self._blocked_until:
                    return 130101, "send too fast, exceed 20 times per minute"
                markdown = body.get("markdown") or {}
                if body.get("msgtype") != "markdown" or not markdown.get("title") or not markdown.get("text"):
                    return 40035, "missing markdown title or text"
                if not self._rate(robot, now):
                    self._blocked_until = now + self.block_s
                    return 130101, "send too fast, exceed 20 times per minute"
            else:
                if query.get("key") != self.wecom_key:
                    return 93000, "invalid webhook url"
                content = (body.get("markdown") or {}).get("content", "")
                if body.get("msgtype") != "markdown" or not content:
                    return 40008, "invalid message type"
                if len(content.encode()) > 4096:
                    return 40058, "markdown.content exceed max length 4096"
                if not self._rate(robot, now):
                    return 45009, "api freq out of limit"
            self.accepted[robot].append({"at": now, **body})
            return 0, "ok"
