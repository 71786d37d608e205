"""Staff sessions live on the server: logout and an admin end them (a copied cookie stops working),
login opens a new one; password guessing is slowed per email and address, unknown accounts cost as
much as known ones; after login the page goes only to a path on this site."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from server.app import create_app
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.fakes.speech import fake_runtime
from tests.server.test_review import PASSWORD, Review

COOKIE = "interview_session"


@pytest.fixture(scope="module")
def review(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Review]:
    data = tmp_path_factory.mktemp("sessions") / "data"
    settings = Settings(environment="test", secret_key=TEST_SECRET, data_dir=data, outbox_in_server=False)
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        yield Review(client, settings)


def other_browser(review: Review) -> TestClient:
    """A second client on the same running app, with its own cookies."""
    return TestClient(review.client.app)


def test_a_cookie_copied_before_logout_no_longer_works(review: Review) -> None:
    iid = review.finished(department=None)["interview_id"]
    review.staff("iv-logout@example.test", "interviewer")
    copied = review.client.cookies[COOKIE]
    assert review.client.get("/api/auth/me").status_code == 200
    assert review.client.post("/api/auth/logout").status_code == 204
    thief = other_browser(review)
    thief.cookies.set(COOKIE, copied)
    r = thief.get("/api/auth/me")
    assert r.status_code == 401 and r.json()["detail"] == "please log in"
    with pytest.raises(WebSocketDisconnect) as closed, thief.websocket_connect(f"/api/interviews/{iid}/live"):
        pass
    assert closed.value.code == 4401


def test_each_login_gets_a_new_session_and_ends_the_one_the_browser_had(review: Review) -> None:
    review.staff("iv-rotate@example.test", "interviewer")
    first = review.client.cookies[COOKIE]
    review.login("iv-rotate@example.test")
    second = review.client.cookies[COOKIE]
    assert first != second
    stale = other_browser(review)
    stale.cookies.set(COOKIE, first)
    assert stale.get("/api/auth/me").status_code == 401
    assert review.client.get("/api/auth/me").status_code == 200


def test_an_admin_logs_a_staff_member_out_everywhere(review: Review) -> None:
    laptop, phone = other_browser(review), other_browser(review)
    review.staff("iv-lost-laptop@example.test", "interviewer")
    for device in (laptop, phone):
        r = device.post(
            "/api/auth/login", json={"email": "iv-lost-laptop@example.test", "password": PASSWORD}
        )
        assert r.status_code == 200
    review.staff("admin-sessions@example.test", "admin")  # this browser's own session was replaced
    r = review.client.delete("/api/admin/users/IV-Lost-Laptop@example.test/sessions")
    assert r.status_code == 200 and r.json()["revoked"] == 2, r.text
    assert laptop.get("/api/auth/me").status_code == 401 and phone.get("/api/auth/me").status_code == 401
    r = review.client.delete("/api/admin/users/nobody@example.test/sessions")
    assert r.status_code == 404 and "no staff account" in r.json()["detail"]
    assert review.client.get("/api/auth/me").status_code == 200  # the admin's own session is untouched


def test_five_failures_per_email_and_address_then_429_even_with_the_right_password(review: Review) -> None:
    review.staff("hr-guessed@example.test", "hr")
    guesser = other_browser(review)
    for _ in range(5):
        r = guesser.post("/api/auth/login", json={"email": "hr-guessed@example.test", "password": "guess"})
        assert r.status_code == 401
    r = guesser.post("/api/auth/login", json={"email": "HR-guessed@example.test", "password": PASSWORD})
    assert r.status_code == 429 and "wait 15 minutes" in r.json()["detail"]
    review.staff("hr-neighbour@example.test", "hr")  # another account from the same address still works


def test_unknown_accounts_run_the_same_password_check(
    review: Review, monkeypatch: pytest.MonkeyPatch
) -> None:
    from server.security import DUMMY_HASH, verify_password
    from server.services import accounts

    checked: list[str] = []

    def spy(password: str, stored: str) -> bool:
        checked.append(stored)
        return verify_password(password, stored)

    monkeypatch.setattr(accounts, "verify_password", spy)
    r = other_browser(review).post("/api/auth/login", json={"email": "ghost@example.test", "password": "x"})
    assert r.status_code == 401 and r.json()["detail"] == "wrong email or password"
    assert checked == [DUMMY_HASH]


@pytest.mark.parametrize(
    ("asked", "goes_to"),
    [
        (None, "/console"),
        ("/review/abc?lang=zh", "/review/abc?lang=zh"),
        ("/\\example.com", "/console"),
        ("/%5Cexample.com", "/console"),
        ("//evil.example", "/console"),
        ("/%2F/evil.example", "/console"),
        ("https://evil.example/", "/console"),
        ("/\t/evil.example", "/console"),
        ("javascript:alert(1)", "/console"),
        ("console", "/console"),
    ],
)
def test_after_login_the_page_goes_only_to_a_path_on_this_site(
    review: Review, asked: str | None, goes_to: str
) -> None:
    review.staff(f"iv-next-{abs(hash(asked))}@example.test", "interviewer")
    r = review.client.post(
        "/api/auth/login",
        json={"email": f"iv-next-{abs(hash(asked))}@example.test", "password": PASSWORD, "next": asked},
    )
    assert r.status_code == 200 and r.json()["next"] == goes_to
