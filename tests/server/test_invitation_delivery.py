"""The real worker in the app's lifespan, sending through a real local SMTP server (aiosmtpd) and the
local DingTalk/WeCom contract servers: invitation, two reminders, a bounce shown to HR, a reissued link.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from server.app import create_app
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.ehr_sync.work_notice_servers import WorkNoticeServer
from tests.fakes.speech import fake_runtime
from tests.server.smtp_server import SmtpServer
from tests.server.test_review import Review

PLAN = {
    "title": "Data analyst",
    "language": "en",
    "competencies": [{"name": "analysis"}],
    "questions": [{"competency": "analysis", "kind": "behavioural", "text": "Tell me about an analysis."}],
}


def link_in(text: str) -> str:
    return next(w for w in text.split() if "/i/" in w)


def token_of(link: str) -> str:
    return link.rsplit("/", 1)[1]


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    with SmtpServer(unknown={"nobody@example.test"}) as server:
        yield server


def app_with(tmp_path: Path, **channels: Any) -> TestClient:
    settings = Settings(
        environment="test",
        secret_key=TEST_SECRET,
        data_dir=tmp_path / "data",
        outbox_in_server=False,
        purge_in_server=False,
        messages_poll_s=0.1,
        smtp_from="Interviews <jobs@example.test>",
        **channels,
    )
    return TestClient(create_app(settings, runtime=fake_runtime()))


def invite_people(
    client: TestClient, settings: Settings, people: list[dict[str, str]]
) -> list[dict[str, Any]]:
    review = Review(client, settings)
    review.staff("hr@example.test", "hr")
    job = client.post("/api/jobs", json=PLAN)
    assert job.status_code == 201, job.text
    rows = [{**p, "job": job.json()["id"]} for p in people]
    imported = client.post("/api/import/candidates", json=rows)
    assert imported.status_code in (200, 201), imported.text
    return list(imported.json())


def wait_status(client: TestClient, interview_id: str, statuses: list[str], timeout_s: float = 20.0) -> Any:
    deadline = time.monotonic() + timeout_s
    while True:
        view = client.get(f"/api/interviews/{interview_id}/invitation").json()
        if [m["status"] for m in view["messages"]] == statuses or time.monotonic() > deadline:
            return view
        time.sleep(0.1)


def test_real_smtp_invitation_two_reminders_bounce_and_reissue(tmp_path: Path, smtp: SmtpServer) -> None:
    with app_with(tmp_path, smtp_host="127.0.0.1", smtp_port=smtp.port, smtp_security="none") as client:
        settings = client.app.state.settings  # type: ignore[attr-defined]
        ada, nobody = invite_people(
            client,
            settings,
            [
                {"name": "Ada Lovelace", "email": "ada@example.test"},
                {"name": "No Body", "email": "nobody@example.test"},
            ],
        )
        # Complete within 36 s; reminders 34.2 s and 32.4 s before it (due 1.8 s and 3.6 s from now).
        r = client.post(
            f"/api/interviews/{ada['interview_id']}/invitation",
            json={"window_hours": 0.01, "reminder_hours": [0.0095, 0.009]},
        )
        assert r.status_code == 201, r.text
        r = client.post(f"/api/interviews/{nobody['interview_id']}/invitation", json={"reminder_hours": []})
        assert r.status_code == 201, r.text

        mails = smtp.mailbox.wait_for(3)
        assert [m["Subject"] for m in mails] == [
            "Your interview for Data analyst",
            "Reminder: your interview for Data analyst",
            "Reminder: your interview for Data analyst",
        ]
        first = mails[0]
        assert first["To"] == "ada@example.test" and first["From"] == "Interviews <jobs@example.test>"
        assert first["Message-ID"].endswith("@example.test>")
        assert first["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        text = first.get_body(("plain",)).get_content()
        html = first.get_body(("html",)).get_content()
        assert "Dear Ada Lovelace" in text and "Dear Ada Lovelace" in html
        link = link_in(text)
        assert client.get("/api/invite/" + token_of(link)).status_code == 200

        view = wait_status(client, ada["interview_id"], ["sent", "sent", "sent"])
        assert [m["kind"] for m in view["messages"]] == ["invitation", "reminder", "reminder"]
        bounced = wait_status(client, nobody["interview_id"], ["bounced"])
        assert bounced["messages"][0]["status"] == "bounced"
        assert "550" in bounced["messages"][0]["last_error"]

        # Reissue: the new link arrives by e-mail and works; the old one does not.
        r = client.post(f"/api/interviews/{ada['interview_id']}/invite/reissue")
        assert r.status_code == 200, r.text
        mails = smtp.mailbox.wait_for(4)
        new_link = link_in(mails[3].get_body(("plain",)).get_content())
        assert new_link != link
        assert client.get("/api/invite/" + token_of(new_link)).status_code == 200
        assert client.get("/api/invite/" + token_of(link)).status_code == 401
        # One-click unsubscribe from the mail's header.
        unsubscribe = mails[3]["List-Unsubscribe"].strip("<>")
        assert client.post("/api/unsubscribe/" + unsubscribe.rsplit("/", 1)[1]).status_code == 200
        assert client.get(f"/api/interviews/{ada['interview_id']}/invitation").json()["unsubscribed"]
    assert len(smtp.mailbox.messages) == 4  # nothing to the refused address was accepted


def test_dingtalk_and_wecom_invitations_through_the_worker(tmp_path: Path) -> None:
    server = WorkNoticeServer().start()
    try:
        channels = {
            "dingtalk_api_url": server.base,
            "dingtalk_app_key": "ding-key",
            "dingtalk_app_secret": "ding-secret",
            "dingtalk_agent_id": 3001,
            "wecom_api_url": server.base,
            "wecom_corp_id": "ww-corp",
            "wecom_secret": "ww-secret",
            "wecom_agent_id": 1000002,
        }
        with app_with(tmp_path, **channels) as client:
            settings = client.app.state.settings  # type: ignore[attr-defined]
            one, two, three = invite_people(
                client, settings, [{"name": "张三"}, {"name": "李四"}, {"name": "王五"}]
            )
            sends = [
                (one, {"channel": "dingtalk", "to": "zhangsan", "reminder_hours": []}),
                (two, {"channel": "wecom", "to": "lisi", "reminder_hours": []}),
                (three, {"channel": "wecom", "to": "wangwu", "reminder_hours": []}),
            ]
            for person, body in sends:
                r = client.post(f"/api/interviews/{person['interview_id']}/invitation", json=body)
                assert r.status_code == 201, r.text
            assert wait_status(client, one["interview_id"], ["sent"])["messages"][0]["status"] == "sent"
            assert wait_status(client, two["interview_id"], ["sent"])["messages"][0]["status"] == "sent"
            bounce = wait_status(client, three["interview_id"], ["bounced"])["messages"][0]
            assert bounce["status"] == "bounced" and "WeCom does not know" in bounce["last_error"]
            # An e-mail with no SMTP configured fails visibly instead of vanishing.
            r = client.post(
                f"/api/interviews/{one['interview_id']}/invitation",
                json={"to": "a@example.test", "reminder_hours": []},
            )
            assert r.status_code == 201, r.text
            failed = wait_status(client, one["interview_id"], ["sent", "failed"])
            assert "not configured" in failed["messages"][-1]["last_error"]
    finally:
        server.stop()
    ding = next(d for d in server.delivered if d["platform"] == "dingtalk")
    assert ding["user"] == "zhangsan" and "/i/" in ding["msg"]["markdown"]["text"]
    wecom = [d for d in server.delivered if d["platform"] == "wecom"]
    assert [d["user"] for d in wecom] == ["lisi"]
