"""Single sign-on against a real local OpenID Connect provider (tests/server/oidc_provider.py): the
code flow with PKCE, each check of the ID token, and claims mapped to role and department."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from fastapi.testclient import TestClient

from server.app import create_app
from server.log_redaction import redact
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.fakes.speech import fake_runtime
from tests.server.oidc_provider import CLIENT_ID, CLIENT_SECRET, Provider
from tests.server.test_review import Review


@pytest.fixture(scope="module")
def provider() -> Iterator[Provider]:
    with Provider() as p:
        yield p


@pytest.fixture(scope="module")
def review(provider: Provider, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Review]:
    data = tmp_path_factory.mktemp("oidc") / "data"
    settings = Settings(
        environment="test",
        secret_key=TEST_SECRET,
        data_dir=data,
        outbox_in_server=False,
        public_url="http://testserver",
        oidc_issuer=provider.url,
        oidc_client_id=CLIENT_ID,
        oidc_client_secret=CLIENT_SECRET,
        oidc_role_map={"interview-hr": "hr", "interview-admins": "admin", "engineers": "interviewer"},
    )
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        yield Review(client, settings)


def sign_on(
    review: Review, person: dict[str, Any], provider: Provider, tamper: str | None = None
) -> httpx.Response:
    """Run the browser's part of the flow; the answer of the callback."""
    provider.person, provider.tamper = person, tamper
    client = TestClient(review.client.app, follow_redirects=False)
    review.client = client
    start = client.get("/api/auth/oidc/login", params={"next": "/candidates"})
    assert start.status_code == 302, start.text
    assert start.headers["location"].startswith(provider.url + "/authorize?")
    at_idp = httpx.get(start.headers["location"], follow_redirects=False)
    assert at_idp.status_code == 302, at_idp.text
    back = urlsplit(at_idp.headers["location"])
    assert back.path == "/api/auth/oidc/callback"
    return client.get(f"{back.path}?{back.query}")


def test_the_login_page_learns_whether_sign_on_is_offered(review: Review) -> None:
    assert review.client.get("/api/auth/oidc").json() == {"enabled": True, "label": "Single sign-on"}


def test_a_new_person_signs_on_with_the_role_and_department_their_claims_map_to(
    review: Review, provider: Provider
) -> None:
    person = {
        "email": "wang.fang@example.cn",
        "email_verified": True,
        "name": "王芳",
        "groups": ["staff", "interview-hr"],
        "department": "销售部",
    }
    done = sign_on(review, person, provider)
    assert done.status_code == 302 and done.headers["location"] == "/candidates"
    me = review.client.get("/api/auth/me").json()
    assert (me["email"], me["role"], me["name"]) == ("wang.fang@example.cn", "hr", "王芳")
    assert review.client.get("/api/candidates").status_code == 200

    # The IdP moves them: at the next sign-on the mapped role and department follow.
    done = sign_on(review, {**person, "groups": ["engineers"], "department": "研发部"}, provider)
    assert done.status_code == 302
    assert review.client.get("/api/auth/me").json()["role"] == "interviewer"


@pytest.mark.parametrize("tamper", ["wrong_nonce", "wrong_aud", "wrong_iss", "expired", "other_key"])
def test_an_id_token_that_fails_a_check_opens_no_session(
    review: Review, provider: Provider, tamper: str
) -> None:
    done = sign_on(
        review, {"email": "mallory@example.test", "groups": ["interview-admins"]}, provider, tamper
    )
    assert done.status_code == 401, done.text
    assert review.client.get("/api/auth/me").status_code == 401


def test_a_replayed_or_foreign_callback_is_refused(review: Review, provider: Provider) -> None:
    done = sign_on(review, {"email": "li.lei@example.test", "groups": ["interview-hr"]}, provider)
    assert done.status_code == 302
    # The same code again (the provider spent it), and an answer with another sign-on's state.
    stranger = TestClient(review.client.app, follow_redirects=False)
    r = stranger.get("/api/auth/oidc/callback", params={"code": "x", "state": "y"})
    assert r.status_code == 401 and "try again" in r.json()["detail"]


def test_no_role_no_account_and_a_deactivated_account_stays_out(review: Review, provider: Provider) -> None:
    done = sign_on(review, {"email": "visitor@example.test", "groups": ["contractors"]}, provider)
    assert done.status_code == 403 and "no role here" in done.json()["detail"]
    unverified = sign_on(
        review, {"email": "x@example.test", "email_verified": False, "groups": ["interview-hr"]}, provider
    )
    assert unverified.status_code == 403

    review.staff("admin-sso@example.test", "admin")
    sign_on(review, {"email": "leaver@example.cn", "groups": ["interview-hr"]}, provider)
    review.client = TestClient(review.client.app)
    review.login("admin-sso@example.test")
    uid = next(
        u["id"] for u in review.client.get("/api/admin/users").json() if u["email"] == "leaver@example.cn"
    )
    assert review.client.patch(f"/api/admin/users/{uid}", json={"active": False}).status_code == 200
    again = sign_on(review, {"email": "leaver@example.cn", "groups": ["interview-hr"]}, provider)
    assert again.status_code == 401 and "deactivated" in again.json()["detail"]


def test_the_callbacks_code_is_masked_in_logs() -> None:
    line = "GET /api/auth/oidc/callback?code=SplxlOBeZQQYbYS6WxSbIA&state=af0ifjsldkj HTTP/1.1"
    assert redact(line) == "GET /api/auth/oidc/callback?code=***&state=af0ifjsldkj HTTP/1.1"
