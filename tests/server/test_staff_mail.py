"""Staff account e-mails through the real worker and a real local SMTP server (aiosmtpd): the invitation
and the admin's reset arrive in the chosen language and their links set a password once; "forgot
password" answers the same for every address, mails only active accounts, and is rate-limited."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from server.db.models import CandidateMessage
from tests.server.smtp_server import SmtpServer
from tests.server.test_invitation_delivery import app_with
from tests.server.test_review import Review
from tests.server.test_staff_accounts import token_of


def link_of(mail: EmailMessage) -> str:
    text = str(mail.get_body(("plain",)).get_content())  # type: ignore[union-attr]
    return next(w for w in text.split() if "/password?token=" in w)


def set_password(client: TestClient, mail: EmailMessage, password: str) -> int:
    r = client.post("/api/auth/password", json={"token": token_of(link_of(mail)), "password": password})
    return r.status_code


def test_invitation_and_reset_arrive_by_email_and_their_links_work_once(tmp_path: Path) -> None:
    with (
        SmtpServer() as smtp,
        app_with(tmp_path, smtp_host="127.0.0.1", smtp_port=smtp.port, smtp_security="none") as client,
    ):
        review = Review(client, client.app.state.settings)  # type: ignore[attr-defined]
        review.staff("admin@example.test", "admin")
        r = client.post(
            "/api/admin/users",
            json={"email": "li.na@example.cn", "name": "李娜", "role": "hr", "language": "zh"},
        )
        assert r.status_code == 201, r.text
        assert r.json()["emailed"] is True and r.json()["link"] is None  # never on the admin's screen
        invite = smtp.mailbox.wait_for(1)[0]
        assert invite["To"] == "li.na@example.cn" and invite["Subject"] == "您的面试系统账号"
        assert "已为您开通账号（hr）" in invite.get_body(("plain",)).get_content()  # type: ignore[union-attr]

        visitor = TestClient(client.app)
        assert set_password(visitor, invite, "一个足够长的新密码abc") == 200
        assert set_password(visitor, invite, "another long password") == 409
        login = {"email": "li.na@example.cn", "password": "一个足够长的新密码abc"}
        assert visitor.post("/api/auth/login", json=login).status_code == 200

        user_id = next(
            u["id"] for u in client.get("/api/admin/users").json() if u["email"] == "li.na@example.cn"
        )
        r = client.post(f"/api/admin/users/{user_id}/password-reset", params={"language": "en"})
        assert r.status_code == 200 and r.json()["emailed"] and r.json()["link"] is None
        reset = smtp.mailbox.wait_for(2)[1]
        assert reset["Subject"] == "Reset your password"
        assert set_password(visitor, reset, "the newest long password") == 200
        assert visitor.post("/api/auth/login", json=login).status_code == 401

        async def params(sessions: Any) -> list[dict[str, str]]:
            async with sessions() as s:
                return [m.params for m in (await s.execute(select(CandidateMessage))).scalars()]

        assert review.run(params) == [{}, {}]  # a sent password link is not kept in the outbox


def test_forgot_password_answers_alike_mails_only_active_accounts_and_is_rate_limited(
    tmp_path: Path,
) -> None:
    with (
        SmtpServer() as smtp,
        app_with(tmp_path, smtp_host="127.0.0.1", smtp_port=smtp.port, smtp_security="none") as client,
    ):
        review = Review(client, client.app.state.settings)  # type: ignore[attr-defined]
        review.staff("gone@example.test", "hr")
        review.staff("admin@example.test", "admin")
        gone = next(
            u["id"] for u in client.get("/api/admin/users").json() if u["email"] == "gone@example.test"
        )
        assert client.patch(f"/api/admin/users/{gone}", json={"active": False}).status_code == 200
        visitor = TestClient(client.app)
        answers = [
            visitor.post("/api/auth/password-reset", json={"email": e, "language": "zh"})
            for e in ("Admin@Example.test", "nobody@example.test", "gone@example.test")
        ]
        assert [a.status_code for a in answers] == [202, 202, 202]
        assert len({a.text for a in answers}) == 1  # the same words whether an account exists or not
        mail = smtp.mailbox.wait_for(1)[0]
        assert mail["To"] == "admin@example.test" and mail["Subject"] == "重置密码"
        assert set_password(visitor, mail, "a brand new long password") == 200
        assert set_password(visitor, mail, "a second new long password") == 409
        login = {"email": "admin@example.test", "password": "a brand new long password"}
        assert visitor.post("/api/auth/login", json=login).status_code == 200

        # Three requests per address in 15 minutes, for accounts and unknown addresses alike.
        for email in ("admin@example.test", "nobody@example.test"):
            codes = [
                visitor.post("/api/auth/password-reset", json={"email": email}).status_code for _ in range(3)
            ]
            assert codes == [202, 202, 429], email
        limited = visitor.post("/api/auth/password-reset", json={"email": "admin@example.test"})
        assert "wait 15 minutes" in limited.json()["detail"]
        assert len(smtp.mailbox.wait_for(3)) == 3  # one per accepted request for the real account
        too_long = visitor.post("/api/auth/password-reset", json={"email": "x" * 300})
        assert too_long.status_code == 422
