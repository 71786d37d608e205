"""Staff accounts on the admin page: invitations with a one-time link, roles and departments,
deactivation that ends sessions at once, password resets; on SQLite and PostgreSQL for the links."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.ext.asyncio import AsyncEngine

from server.app import create_app
from server.db.engine import make_sessionmaker
from server.errors import Conflict
from server.schemas import StaffInviteIn
from server.services import staff
from server.services.accounts import create_user
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.fakes.speech import fake_runtime
from tests.server.test_review import PASSWORD, Review


@pytest.fixture(scope="module")
def review(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Review]:
    data = tmp_path_factory.mktemp("staff") / "data"
    settings = Settings(environment="test", secret_key=TEST_SECRET, data_dir=data, outbox_in_server=False)
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        yield Review(client, settings)


def token_of(link: str) -> str:
    return parse_qs(urlsplit(link).query)["token"][0]


def test_an_invited_member_sets_a_password_once_and_logs_in_with_role_and_department(review: Review) -> None:
    review.staff("admin-staff@example.test", "admin")
    r = review.client.post(
        "/api/admin/users",
        json={"email": "li.na@example.cn", "name": "李娜", "role": "hr", "department": "销售部"},
    )
    assert r.status_code == 201, r.text
    invited = r.json()
    assert invited["purpose"] == "invite" and invited["link"].startswith(
        "http://127.0.0.1:8000/password?token="
    )
    assert invited["user"]["department"] == "销售部" and "password_hash" not in invited["user"]
    listed = {u["email"]: u for u in review.client.get("/api/admin/users").json()}
    assert listed["li.na@example.cn"]["role"] == "hr"
    assert "销售部" in review.client.get("/api/admin/departments").json()
    again = review.client.post(
        "/api/admin/users", json={"email": "LI.NA@example.cn", "name": "x", "role": "hr"}
    )
    assert again.status_code == 409

    visitor = TestClient(review.client.app)
    # No password works before one is set from the link.
    assert (
        visitor.post(
            "/api/auth/login", json={"email": "li.na@example.cn", "password": "!invited"}
        ).status_code
        == 401
    )
    token = token_of(invited["link"])
    short = visitor.post("/api/auth/password", json={"token": token, "password": "short"})
    assert short.status_code == 400 and "at least 10" in short.json()["detail"]
    assert (
        visitor.post(
            "/api/auth/password", json={"token": token, "password": "一个足够长的新密码abc"}
        ).status_code
        == 200
    )
    reused = visitor.post("/api/auth/password", json={"token": token, "password": "another long password"})
    assert reused.status_code == 409 and "already used" in reused.json()["detail"]
    forged = visitor.post("/api/auth/password", json={"token": token[:-3] + "abc", "password": "x" * 12})
    assert forged.status_code == 401
    me = visitor.post(
        "/api/auth/login", json={"email": "li.na@example.cn", "password": "一个足够长的新密码abc"}
    )
    assert me.status_code == 200 and me.json()["role"] == "hr"


def test_deactivation_ends_sessions_at_once_and_a_reset_link_replaces_the_password(review: Review) -> None:
    review.staff("leaver@example.test", "interviewer", "Engineering")
    leaver = TestClient(review.client.app)
    assert (
        leaver.post(
            "/api/auth/login", json={"email": "leaver@example.test", "password": PASSWORD}
        ).status_code
        == 200
    )
    assert leaver.get("/api/auth/me").status_code == 200
    review.staff("admin-deact@example.test", "admin")
    uid = next(
        u["id"] for u in review.client.get("/api/admin/users").json() if u["email"] == "leaver@example.test"
    )

    r = review.client.patch(f"/api/admin/users/{uid}", json={"role": "hr", "department": "Finance"})
    assert r.status_code == 200 and (r.json()["role"], r.json()["department"]) == ("hr", "Finance")
    assert leaver.get("/api/auth/me").json()["role"] == "hr"
    assert review.client.patch(f"/api/admin/users/{uid}", json={"role": "boss"}).status_code == 422

    r = review.client.patch(f"/api/admin/users/{uid}", json={"active": False})
    assert r.status_code == 200 and r.json()["active"] is False
    assert leaver.get("/api/auth/me").status_code == 401  # the open session ended with the change
    relogin = leaver.post("/api/auth/login", json={"email": "leaver@example.test", "password": PASSWORD})
    assert relogin.status_code == 401
    assert review.client.post(f"/api/admin/users/{uid}/password-reset").status_code == 409

    review.client.patch(f"/api/admin/users/{uid}", json={"active": True})
    link = review.client.post(f"/api/admin/users/{uid}/password-reset").json()
    assert link["purpose"] == "reset"
    older = review.client.post(f"/api/admin/users/{uid}/password-reset").json()
    assert (
        leaver.post(
            "/api/auth/login", json={"email": "leaver@example.test", "password": PASSWORD}
        ).status_code
        == 200
    )
    assert (
        leaver.post(
            "/api/auth/password", json={"token": token_of(link["link"]), "password": "brand new secret"}
        ).status_code
        == 200
    )
    assert leaver.get("/api/auth/me").status_code == 401  # a reset ends sessions opened before it
    assert (
        leaver.post(
            "/api/auth/password", json={"token": token_of(older["link"]), "password": "x" * 12}
        ).status_code
        == 409
    )
    assert (
        leaver.post(
            "/api/auth/login", json={"email": "leaver@example.test", "password": "brand new secret"}
        ).status_code
        == 200
    )

    me = next(
        u["id"]
        for u in review.client.get("/api/admin/users").json()
        if u["email"] == "admin-deact@example.test"
    )
    own = review.client.patch(f"/api/admin/users/{me}", json={"active": False})
    assert own.status_code == 409 and "your own" in own.json()["detail"]


def test_hr_and_interviewers_cannot_manage_accounts(review: Review) -> None:
    review.staff("hr-notadmin@example.test", "hr")
    assert review.client.get("/api/admin/users").status_code == 403
    r = review.client.post("/api/admin/users", json={"email": "x@example.test", "name": "x", "role": "admin"})
    assert r.status_code == 403


async def test_links_work_once_on_both_databases(engine: AsyncEngine) -> None:
    sessions = make_sessionmaker(engine)
    async with sessions.begin() as s:
        admin = await create_user(s, "root@example.test", "Root", "admin", PASSWORD)
        out = await staff.invite(
            s,
            admin,
            StaffInviteIn(email="new@example.test", name="New", role="interviewer"),
            Settings(environment="test", secret_key=TEST_SECRET, public_url="http://x"),
        )
    assert out.link is not None and not out.emailed  # no SMTP here: the admin hands the link over
    async with sessions.begin() as s:
        await staff.set_password(s, TEST_SECRET, token_of(out.link), "a good long password")
    with pytest.raises(Conflict):
        async with sessions.begin() as s:
            await staff.set_password(s, TEST_SECRET, token_of(out.link), "a good long password")


def test_forgot_password_on_a_server_without_smtp_points_to_an_administrator(review: Review) -> None:
    visitor = TestClient(review.client.app)
    for email in ("li.na@example.cn", "nobody@example.test"):
        r = visitor.post("/api/auth/password-reset", json={"email": email})
        assert r.status_code == 202 and "ask an administrator" in r.json()["status"]
