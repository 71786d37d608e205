"""Work notifications inside the company: DingTalk (钉钉工作通知) and WeCom (企业微信应用消息).

Both contracts: fetch an access token with the app's credentials (`gettoken`, valid `expires_in`
seconds, cached here and refetched a minute early or when the API says it is invalid or expired), then
send with it; every answer is HTTP 200 with `errcode` 0 for success.

- DingTalk: `GET /gettoken?appkey=&appsecret=`, then `POST
  /topapi/message/corpconversation/asyncsend_v2?access_token=` with `agent_id`, `userid_list` and a
  `msg` (markdown here).
- WeCom: `GET /cgi-bin/gettoken?corpid=&corpsecret=`, then `POST /cgi-bin/message/send?access_token=`
  with `touser`, `agentid`, `msgtype` text and `enable_duplicate_check` (our idempotency: a retried
  message within the window is not shown twice). A user id WeCom does not know comes back in
  `invaliduser` (errcode 81013 when no recipient is valid): a bounce.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import httpx

from ehr_sync.messaging.model import Outgoing, SendResult

TOKEN_INVALID = (40014, 42001, 88)  # invalid / expired access_token: fetch a new one, send again
WECOM_NO_VALID_USER = 81013


@dataclass(frozen=True)
class AppCredentials:
    """An internal app's identity: DingTalk appkey/appsecret/agent_id, WeCom corpid/secret/agentid."""

    base_url: str
    key: str
    secret: str
    agent_id: int


class _TokenApp:
    token_path = ""
    token_params: tuple[str, str] = ("", "")

    def __init__(self, app: AppCredentials, client: httpx.AsyncClient) -> None:
        self._app = app
        self._client = client
        self._token: str | None = None
        self._expires = 0.0

    async def _access_token(self, fresh: bool = False) -> str:
        if self._token and not fresh and time.monotonic() < self._expires:
            return self._token
        key_name, secret_name = self.token_params
        r = await self._client.get(
            self._app.base_url.rstrip("/") + self.token_path,
            params={key_name: self._app.key, secret_name: self._app.secret},
        )
        answer = r.json() if r.status_code == 200 else {}
        if answer.get("errcode", -1) != 0 or not answer.get("access_token"):
            raise PermissionError(f"access token refused: errcode {answer.get('errcode', r.status_code)}")
        self._token = str(answer["access_token"])
        self._expires = time.monotonic() + float(answer.get("expires_in", 7200)) - 60.0
        return self._token

    def _request(self, message: Outgoing) -> tuple[str, dict[str, Any]]:
        raise NotImplementedError

    def _verdict(self, answer: dict[str, Any]) -> SendResult:
        return SendResult("sent")

    async def send(self, message: Outgoing) -> SendResult:
        """Send once (refetching the token once if it was invalid)."""
        path, body = self._request(message)
        try:
            for fresh in (False, True):
                token = await self._access_token(fresh)
                r = await self._client.post(
                    self._app.base_url.rstrip("/") + path, params={"access_token": token}, json=body
                )
                if r.status_code != 200:
                    return SendResult("retry", f"HTTP {r.status_code}")
                answer = r.json()
                errcode = int(answer.get("errcode", -1))
                if errcode in TOKEN_INVALID and not fresh:
                    continue
                if errcode != 0:
                    return self._error(errcode, answer)
                return self._verdict(answer)
        except PermissionError as exc:
            return SendResult("retry", str(exc))
        except (httpx.HTTPError, ValueError) as exc:
            return SendResult("retry", f"{type(exc).__name__}")
        return SendResult("retry", "access token keeps being refused")

    def _error(self, errcode: int, answer: dict[str, Any]) -> SendResult:
        return SendResult("retry", f"errcode {errcode}: {str(answer.get('errmsg', ''))[:120]}")


class DingTalkWorkNotice(_TokenApp):
    """`Channel` for DingTalk work notifications; `to` is the user's DingTalk userid."""

    token_path = "/gettoken"
    token_params = ("appkey", "appsecret")

    def _request(self, message: Outgoing) -> tuple[str, dict[str, Any]]:
        return "/topapi/message/corpconversation/asyncsend_v2", {
            "agent_id": self._app.agent_id,
            "userid_list": message.to,
            "msg": {"msgtype": "markdown", "markdown": {"title": message.subject, "text": message.text}},
        }


class WeComAppMessage(_TokenApp):
    """`Channel` for WeCom app messages; `to` is the user's WeCom userid."""

    token_path = "/cgi-bin/gettoken"
    token_params = ("corpid", "corpsecret")

    def _request(self, message: Outgoing) -> tuple[str, dict[str, Any]]:
        return "/cgi-bin/message/send", {
            "touser": message.to,
            "msgtype": "text",
            "agentid": self._app.agent_id,
            "text": {"content": f"{message.subject}\n\n{message.text}"},
            "enable_duplicate_check": 1,
            "duplicate_check_interval": 14400,
        }

    def _verdict(self, answer: dict[str, Any]) -> SendResult:
        if answer.get("invaliduser"):
            return SendResult("bounced", "WeCom does not know this user id")
        return SendResult("sent")

    def _error(self, errcode: int, answer: dict[str, Any]) -> SendResult:
        if errcode == WECOM_NO_VALID_USER:
            return SendResult("bounced", "WeCom does not know this user id")
        return super()._error(errcode, answer)
