"""DingTalk work notifications and WeCom app messages against local servers of their documented contracts."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from ehr_sync.messaging.model import Outgoing
from ehr_sync.messaging.sms import SmsHook
from ehr_sync.messaging.work_notice import AppCredentials, DingTalkWorkNotice, WeComAppMessage
from tests.ehr_sync.jsonserver import JsonServer
from tests.ehr_sync.work_notice_servers import WorkNoticeServer

pytestmark = pytest.mark.asyncio


@pytest.fixture
def server() -> Iterator[WorkNoticeServer]:
    s = WorkNoticeServer().start()
    yield s  # type: ignore[misc]
    s.stop()


def notice(to: str, n: int = 1) -> Outgoing:
    return Outgoing(f"msg{n}", to, "面试邀请", f"请在截止前完成面试：https://jobs.example.test/i/t{n}")


async def test_dingtalk_sends_a_markdown_notice_and_caches_the_token(server: WorkNoticeServer) -> None:
    async with httpx.AsyncClient() as client:
        ding = DingTalkWorkNotice(AppCredentials(server.base, "ding-key", "ding-secret", 3001), client)
        assert (await ding.send(notice("zhangsan", 1))).outcome == "sent"
        assert (await ding.send(notice("lisi", 2))).outcome == "sent"
    assert [d["user"] for d in server.delivered] == ["zhangsan", "lisi"]
    assert server.delivered[0]["msg"]["markdown"]["title"] == "面试邀请"
    assert server.token_requests["dingtalk"] == 1


async def test_an_expired_token_is_fetched_again_and_the_message_still_goes(server: WorkNoticeServer) -> None:
    async with httpx.AsyncClient() as client:
        ding = DingTalkWorkNotice(AppCredentials(server.base, "ding-key", "ding-secret", 3001), client)
        wecom = WeComAppMessage(AppCredentials(server.base, "ww-corp", "ww-secret", 1000002), client)
        await ding.send(notice("zhangsan"))
        await wecom.send(notice("zhangsan"))
        server.expire_tokens()
        assert (await ding.send(notice("zhangsan", 2))).outcome == "sent"
        assert (await wecom.send(notice("zhangsan", 3))).outcome == "sent"
    assert server.token_requests == {"dingtalk": 2, "wecom": 2}
    assert len(server.delivered) == 4


async def test_wrong_credentials_are_retried_with_a_reason(server: WorkNoticeServer) -> None:
    async with httpx.AsyncClient() as client:
        ding = DingTalkWorkNotice(AppCredentials(server.base, "ding-key", "wrong", 3001), client)
        result = await ding.send(notice("zhangsan"))
        wrong_agent = DingTalkWorkNotice(AppCredentials(server.base, "ding-key", "ding-secret", 9), client)
        agent_result = await wrong_agent.send(notice("zhangsan"))
    assert result.outcome == "retry" and "40089" in result.error
    assert agent_result.outcome == "retry" and "10008" in agent_result.error
    assert server.delivered == []


async def test_wecom_unknown_user_is_a_bounce_and_a_retry_is_not_shown_twice(
    server: WorkNoticeServer,
) -> None:
    async with httpx.AsyncClient() as client:
        wecom = WeComAppMessage(AppCredentials(server.base, "ww-corp", "ww-secret", 1000002), client)
        bounced = await wecom.send(notice("wangwu"))
        first = await wecom.send(notice("lisi", 7))
        again = await wecom.send(notice("lisi", 7))  # the worker retried after a lost answer
    assert bounced.outcome == "bounced" and "wangwu" not in bounced.error
    assert first.outcome == again.outcome == "sent"
    assert [d["user"] for d in server.delivered] == ["lisi"]
    assert server.delivered[0]["content"].startswith("面试邀请\n\n")


class SmsServer(JsonServer):
    def __init__(self) -> None:
        self.received: list[tuple[dict[str, str], dict[str, str]]] = []
        super().__init__()

    def respond(
        self, method: str, path: str, query: dict[str, str], body: dict[str, str], headers: dict[str, str]
    ) -> tuple[int, dict[str, str] | None]:
        if headers.get("authorization") != "Bearer sms-token":
            return 401, {"error": "unauthorised"}
        if not body.get("to", "").startswith("+"):
            return 422, {"error": "not a phone number"}
        if body["to"] == "+8613900000000":
            return 503, {"error": "gateway busy"}
        self.received.append((body, headers))
        return 202, {"status": "queued"}


async def test_the_sms_hook_sends_with_an_idempotency_key_and_classifies_answers() -> None:
    server = SmsServer().start()
    try:
        async with httpx.AsyncClient() as client:
            hook = SmsHook(server.base + "/sms", "sms-token", client)
            sent = await hook.send(notice("+8613812345678"))
            bounced = await hook.send(notice("13812345678"))
            busy = await hook.send(notice("+8613900000000"))
            refused = await SmsHook(server.base + "/sms", "wrong", client).send(notice("+8613812345678"))
    finally:
        server.stop()
    assert (sent.outcome, bounced.outcome, busy.outcome, refused.outcome) == (
        "sent",
        "bounced",
        "retry",
        "failed",
    )
    body, headers = server.received[0]
    assert headers["idempotency-key"] == "msg1" and body["to"] == "+8613812345678"
    assert "jobs.example.test/i/t1" in body["text"]
