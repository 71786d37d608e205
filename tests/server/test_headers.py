"""Security headers on every response, and pages the Content-Security-Policy lets work: no inline
scripts, styles or event handlers in web/static."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from server.app import create_app
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.fakes.speech import fake_runtime
from web import STATIC_DIR


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    data = tmp_path_factory.mktemp("headers") / "data"
    settings = Settings(environment="test", secret_key=TEST_SECRET, data_dir=data, outbox_in_server=False)
    with TestClient(create_app(settings, runtime=fake_runtime())) as c:
        yield c


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/login"),
        ("GET", "/i/some-invite-token"),
        ("GET", "/static/console.js"),
        ("GET", "/api/interviews"),  # 401
        ("GET", "/api/invite/forged"),  # 401
        ("GET", "/healthz"),
        ("POST", "/api/auth/logout"),
        ("GET", "/no-such-page"),  # 404
    ],
)
def test_every_response_carries_the_security_headers(client: TestClient, method: str, path: str) -> None:
    r = client.request(method, path, headers={"Content-Type": "text/plain"} if method == "POST" else {})
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["referrer-policy"] == "no-referrer"
    policy = r.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "script-src 'self';" in policy
    assert "unsafe-inline" not in policy


def test_pages_have_no_inline_code_the_policy_would_block() -> None:
    for page in STATIC_DIR.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), f"{page.name}: inline <script>"
        assert "<style" not in html, f"{page.name}: inline <style>"
        assert not re.search(r"\sstyle=", html), f"{page.name}: style attribute"
        assert not re.search(r"\son[a-z]+=", html), f"{page.name}: inline event handler"
    for script in STATIC_DIR.glob("*.js"):
        code = script.read_text(encoding="utf-8")
        assert not re.search(r"\beval\(|new Function\(|setAttribute\(\s*['\"]style", code), script.name
