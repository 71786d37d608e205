"""The template editor's API: a wording that lost a placeholder its template needs is refused with a 422
that names it, a preview fills sample values without storing anything, a reset brings back the built-in
wording, and saves and resets are audited."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from server.app import create_app
from server.db.models import AuditEvent
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.fakes.speech import fake_runtime
from tests.server.test_review import Review

BASE = "/api/admin/message-templates"


@pytest.fixture(scope="module")
def review(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Review]:
    data = tmp_path_factory.mktemp("templates") / "data"
    settings = Settings(
        environment="test",
        secret_key=TEST_SECRET,
        data_dir=data,
        outbox_in_server=False,
        public_url="http://jobs.example.test",
    )
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        r = Review(client, settings)
        r.staff("admin-templates@example.test", "admin")
        yield r


def listed(review: Review, name: str, language: str) -> dict[str, Any]:
    rows = review.client.get(BASE).json()
    return next(t for t in rows if t["name"] == name and t["language"] == language)


def test_a_wording_without_a_needed_placeholder_is_refused_with_its_name(review: Review) -> None:
    r = review.client.put(
        f"{BASE}/password_reset/en", json={"subject": "Reset", "text": "Ask IT for a new password."}
    )
    assert r.status_code == 422
    assert "needs $link in its text and HTML" in r.json()["detail"]
    html_only = review.client.put(
        f"{BASE}/invitation/zh",
        json={"subject": "邀请", "text": "请打开 $link", "html": "<p>请查收邀请</p>"},
    )
    assert html_only.status_code == 422 and "needs $link in its HTML" in html_only.json()["detail"]
    letter = review.client.put(f"{BASE}/rejection/en", json={"subject": "Result", "text": "Sorry."})
    assert letter.status_code == 422 and "$letter" in letter.json()["detail"]
    assert not listed(review, "password_reset", "en")["edited"]  # nothing was stored


def test_preview_fills_sample_values_and_stores_nothing(review: Review) -> None:
    tpl = listed(review, "invitation", "zh")
    assert tpl["required"] == ["link"] and tpl["sample"]["candidate_name"] == "李伟"
    r = review.client.post(
        f"{BASE}/invitation/zh/preview",
        json={
            "subject": "【面试】$job_title",
            "text": "$candidate_name：请打开 $link（$job_title）",
            "params": {"job_title": "<b>销售</b>"},
        },
    )
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["subject"] == "【面试】<b>销售</b>"
    assert out["text"] == "李伟：请打开 http://jobs.example.test/i/sample-link（<b>销售</b>）"
    assert "（&lt;b&gt;销售&lt;/b&gt;）" in out["html"]  # the values are escaped in the HTML part
    assert not listed(review, "invitation", "zh")["edited"]
    missing = review.client.post(f"{BASE}/invitation/zh/preview", json={"subject": "x", "text": "no link"})
    assert missing.status_code == 422 and "$link" in missing.json()["detail"]
    unknown = review.client.post(f"{BASE}/fax/zh/preview", json={"subject": "x", "text": "$link"})
    assert unknown.status_code == 404


def test_save_then_reset_to_built_in_is_audited(review: Review) -> None:
    body = {"subject": "Your account", "text": "Set your password here: $link"}
    saved = review.client.put(f"{BASE}/staff_invitation/en", json=body)
    assert saved.status_code == 200 and saved.json()["edited"]
    assert listed(review, "staff_invitation", "en")["text"] == "Set your password here: $link"
    r = review.client.delete(f"{BASE}/staff_invitation/en")
    assert r.status_code == 200 and not r.json()["edited"]
    assert r.json()["subject"] == "Your account on the interview server"
    again = review.client.delete(f"{BASE}/staff_invitation/en")
    assert again.status_code == 404 and "already the built-in one" in again.json()["detail"]

    async def actions(sessions: Any) -> list[str]:
        async with sessions() as s:
            rows = (await s.execute(select(AuditEvent).order_by(AuditEvent.created_at))).scalars()
            return [a.action for a in rows if a.action.startswith("message_template.")]

    assert review.run(actions)[-2:] == ["message_template.saved", "message_template.reset"]
