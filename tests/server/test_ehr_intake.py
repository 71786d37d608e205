"""Candidates pushed by an HR system over a signed webhook: imported once per webhook-id, refused when
the signature, the timestamp or the connector's opt-in is missing, bad rows named and nothing stored."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from ehr_sync.signing import headers as signed
from server.app import create_app
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.fakes.speech import fake_runtime
from tests.server.test_review import Review


@pytest.fixture(scope="module")
def review(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Review]:
    data = tmp_path_factory.mktemp("intake") / "data"
    settings = Settings(environment="test", secret_key=TEST_SECRET, data_dir=data, outbox_in_server=False)
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        yield Review(client, settings)


def connector(review: Review, options: dict[str, Any]) -> tuple[str, str]:
    review.staff(f"admin-{uuid.uuid4().hex[:6]}@example.test", "admin")
    r = review.client.post(
        "/api/admin/connectors",
        json={"name": "moka", "kind": "webhook", "url": "https://hr.example.com/hook", "options": options},
    )
    assert r.status_code == 201, r.text
    return r.json()["id"], r.json()["secret"]


def push(review: Review, cid: str, secret: str, rows: Any, msg_id: str, ts: int | None = None) -> Any:
    body = json.dumps(rows).encode()
    hdrs = {**signed([secret], msg_id, body, ts), "content-type": "application/json"}
    anonymous = TestClient(review.client.app)
    return anonymous.post(f"/api/import/hooks/{cid}/candidates", content=body, headers=hdrs)


def test_a_signed_push_imports_once_per_webhook_id_within_the_connectors_department(review: Review) -> None:
    review.staff("hr-intake@example.test", "hr", "Sales")
    doc = review.client.get("/api/jobs/templates/sales.zh").json()
    doc["department"] = "Sales"
    job = review.client.post("/api/jobs", json=doc).json()["id"]
    cid, secret = connector(review, {"accept_candidates": True, "department": "Sales"})
    rows = [{"name": "赵敏", "email": "zhao@example.cn", "job": job, "external_moka": "A-17"}]

    first = push(review, cid, secret, rows, "msg-1")
    assert first.status_code == 201, first.text
    again = push(review, cid, secret, rows, "msg-1")  # the HR system retried
    assert again.status_code == 201 and again.json() == first.json()
    review.login("hr-intake@example.test")
    found = review.client.get("/api/candidates", params={"q": "赵敏"}).json()
    assert len(found) == 1 and len(found[0]["interviews"]) == 1

    bad = push(review, cid, secret, [{"name": "", "job": job}, {"name": "X", "job": "elsewhere"}], "msg-2")
    assert bad.status_code == 422
    assert (
        "row 1: name is missing" in bad.json()["detail"] and "row 2: job 'elsewhere'" in bad.json()["detail"]
    )
    fixed = push(review, cid, secret, [{"name": "钱伟", "job": job}], "msg-2")  # corrected, same id
    assert fixed.status_code == 201


def test_unsigned_stale_or_not_opted_in_pushes_are_refused(review: Review) -> None:
    cid, secret = connector(review, {"accept_candidates": True})
    rows = [{"name": "Eve", "job": "x"}]
    assert push(review, cid, "whsec_" + "A" * 32, rows, "m1").status_code == 401
    assert push(review, cid, secret, rows, "m2", ts=int(time.time()) - 3600).status_code == 401
    other, other_secret = connector(review, {})
    r = push(review, other, other_secret, rows, "m3")
    assert r.status_code == 401 and "may send candidates" in r.json()["detail"]
    assert push(review, "no-such-connector", secret, rows, "m4").status_code == 401
