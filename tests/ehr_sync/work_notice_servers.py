"""Local servers implementing the DingTalk work-notification and WeCom app-message contracts, as documented.

DingTalk (oapi): `GET /gettoken?appkey=&appsecret=` answers `{"errcode": 0, "access_token", "expires_in":
7200}` (a wrong key or secret: errcode 40089); `POST /topapi/message/corpconversation/asyncsend_v2?
access_token=` takes `agent_id`, `userid_list` (comma-separated) and `msg` (`msgtype` with its body)
and answers `{"errcode": 0, "task_id", "request_id"}`; an unknown or expired token is errcode 40014 /
42001, a wrong agent 10008 (agentid 与 accessToken 不匹配), a malformed message 40035.

WeCom (qyapi): `GET /cgi-bin/gettoken?corpid=&corpsecret=` (a wrong secret: 40001, an unknown corp:
40013); `POST /cgi-bin/message/send?access_token=` takes `touser` ("a|b"), `agentid`, `msgtype` "text"
with `text.content` (at most 2048 bytes, else 45002); users the corp does not have come back in
`invaliduser`, and when none is valid errcode 81013; with `enable_duplicate_check` the same content to
the same user within `duplicate_check_interval` seconds is not delivered again (still errcode 0).
"""

from __future__ import annotations

import itertools
import secrets
import threading
import time
from typing import Any

from tests.ehr_sync.jsonserver import JsonServer


class WorkNoticeServer(JsonServer):
    """Both platforms on one local port; `delivered` holds what reached each user."""

    def __init__(
        self,
        dingtalk: tuple[str, str, int] = ("ding-key", "ding-secret", 3001),
        wecom: tuple[str, str, int] = ("ww-corp", "ww-secret", 1000002),
        users: tuple[str, ...] = ("zhangsan", "lisi"),
    ) -> None:
        self.dingtalk, self.wecom, self.users = dingtalk, wecom, set(users)
        self.tokens: dict[str, tuple[str, float]] = {}  # token: (platform, expires at)
        self.token_requests = {"dingtalk": 0, "wecom": 0}
        self.delivered: list[dict[str, Any]] = []
        self._dedup: dict[tuple[str, str], float] = {}
        self._task = itertools.count(1000)
        self._lock = threading.Lock()
        super().__init__()

    def expire_tokens(self) -> None:
        """Every token issued so far stops working (as after `expires_in`)."""
        with self._lock:
            self.tokens.clear()

    def respond(
        self, method: str, path: str, query: dict[str, str], body: Any, headers: dict[str, str]
    ) -> tuple[int, dict[str, Any] | None]:
        with self._lock:
            if method == "GET" and path == "/gettoken":
                return 200, self._token("dingtalk", query.get("appkey"), query.get("appsecret"), 40089)
            if method == "GET" and path == "/cgi-bin/gettoken":
                if query.get("corpid") != self.wecom[0]:
                    return 200, {"errcode": 40013, "errmsg": "invalid corpid"}
                return 200, self._token("wecom", query.get("corpid"), query.get("corpsecret"), 40001)
            if method == "POST" and path == "/topapi/message/corpconversation/asyncsend_v2":
                return 200, self._dingtalk_send(query.get("access_token", ""), body)
            if method == "POST" and path == "/cgi-bin/message/send":
                return 200, self._wecom_send(query.get("access_token", ""), body)
        return 404, {"errcode": 404, "errmsg": "no such API"}

    def _token(self, platform: str, key: str | None, secret: str | None, bad: int) -> dict[str, Any]:
        expected = self.dingtalk if platform == "dingtalk" else self.wecom
        if key != expected[0] or secret != expected[1]:
            return {"errcode": bad, "errmsg": "invalid credential"}
        self.token_requests[platform] += 1
        token = secrets.token_hex(16)
        self.tokens[token] = (platform, time.time() + 7200)
        return {"errcode": 0, "errmsg": "ok", "access_token": token, "expires_in": 7200}

    def _valid(self, token: str, platform: str) -> bool:
        held = self.tokens.get(token)
        return held is not None and held[0] == platform and held[1] > time.time()

    def _dingtalk_send(self, token: str, body: dict[str, Any]) -> dict[str, Any]:
        if not self._valid(token, "dingtalk"):
            return {"errcode": 40014, "errmsg": "不合法的access_token"}
        if body.get("agent_id") != self.dingtalk[2]:
            return {"errcode": 10008, "errmsg": "agentid 与 accessToken 不匹配"}
        msg = body.get("msg") or {}
        kind = msg.get("msgtype")
        content = msg.get(kind) if isinstance(kind, str) else None
        users = [u for u in str(body.get("userid_list", "")).split(",") if u]
        if not users or not isinstance(content, dict) or (kind == "markdown" and not content.get("text")):
            return {"errcode": 40035, "errmsg": "缺少参数 msg / userid_list"}
        for user in users:  # asynchronous on the real platform: unknown users are dropped silently
            if user in self.users:
                self.delivered.append({"platform": "dingtalk", "user": user, "msg": msg})
        return {"errcode": 0, "errmsg": "ok", "task_id": next(self._task), "request_id": secrets.token_hex(6)}

    def _wecom_send(self, token: str, body: dict[str, Any]) -> dict[str, Any]:
        if not self._valid(token, "wecom"):
            return {"errcode": 40014, "errmsg": "invalid access_token"}
        if body.get("agentid") != self.wecom[2]:
            return {"errcode": 301002, "errmsg": "not allow operate another agent with this accesstoken"}
        content = (body.get("text") or {}).get("content", "")
        if body.get("msgtype") != "text" or not content:
            return {"errcode": 44004, "errmsg": "empty content"}
        if len(content.encode()) > 2048:
            return {"errcode": 45002, "errmsg": "content size out of limit"}
        users = [u for u in str(body.get("touser", "")).split("|") if u]
        invalid = [u for u in users if u not in self.users]
        if users and len(invalid) == len(users):
            return {
                "errcode": 81013,
                "errmsg": "user & party & tag all invalid",
                "invaliduser": "|".join(invalid),
            }
        now = time.time()
        window = float(body.get("duplicate_check_interval", 1800))
        for user in users:
            if user in invalid:
                continue
            key = (user, content)
            if body.get("enable_duplicate_check") and now - self._dedup.get(key, -1e9) < window:
                continue
            self._dedup[key] = now
            self.delivered.append({"platform": "wecom", "user": user, "content": content})
        return {"errcode": 0, "errmsg": "ok", "invaliduser": "|".join(invalid), "msgid": secrets.token_hex(8)}
