"""Candidates for the HR page: Excel and CSV uploads name every bad row and store nothing, search stays
within the user's departments, bulk actions create interviews (invite links) or withdraw them."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import Workbook

from server.app import create_app
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.fakes.speech import fake_runtime
from tests.server.test_review import Review

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(scope="module")
def review(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Review]:
    data = tmp_path_factory.mktemp("candidates") / "data"
    settings = Settings(environment="test", secret_key=TEST_SECRET, data_dir=data, outbox_in_server=False)
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        yield Review(client, settings)


def workbook(rows: list[list[Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def job(review: Review, title: str, department: str) -> str:
    doc = review.client.get("/api/jobs/templates/sales.en").json()
    doc.update(title=title, department=department)
    r = review.client.post("/api/jobs", json=doc)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def names(review: Review, **params: str) -> list[str]:
    r = review.client.get("/api/candidates", params=params)
    assert r.status_code == 200, r.text
    return sorted(c["name"] for c in r.json())


def test_an_excel_list_with_bad_rows_names_each_and_stores_nothing(review: Review) -> None:
    review.staff("hr-xlsx@example.test", "hr", "Sales")
    job(review, "Account manager", "Sales")
    bad = workbook(
        [
            ["name", "email", "job"],
            ["张伟", "zhang@example.cn", "Account manager"],
            ["", "nobody@example.cn", "Account manager"],
            ["Bo", "not-an-email", "Account manager"],
            ["Cy", "cy@example.test", "Astronaut"],
        ]
    )
    r = review.client.post("/api/import/candidates", content=bad, headers={"content-type": XLSX})
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert detail.startswith("nothing was imported")
    assert "row 3: name is missing" in detail and "row 4: email 'not-an-email'" in detail
    assert "row 5: job 'Astronaut' is not a job you can see" in detail
    assert names(review) == []

    # An id typed as a number has lost digits in Excel: refused, with what to do about it.
    lossy = workbook(
        [
            ["name", "email", "job", "external_moka"],
            ["张伟", "zhang@example.cn", "Account manager", 6960663240925956437],
        ]
    )
    r = review.client.post("/api/import/candidates", content=lossy, headers={"content-type": XLSX})
    assert r.status_code == 422 and "row 2: external_moka holds a number too long" in r.json()["detail"]
    good = workbook(
        [
            ["name", "email", "job", "external_moka"],
            ["张伟", "zhang@example.cn", "Account manager", "6960663240925956437"],
        ]
    )
    r = review.client.post("/api/import/candidates", content=good, headers={"content-type": XLSX})
    assert r.status_code == 201, r.text
    assert names(review, q="zhang@") == ["张伟"]
    junk = review.client.post(
        "/api/import/candidates", content=b"PK\x03\x04 not really", headers={"content-type": XLSX}
    )
    assert junk.status_code == 422 and "Excel" in junk.json()["detail"]


def test_search_stays_in_the_department_and_bulk_actions_make_and_withdraw_interviews(review: Review) -> None:
    review.staff("hr-ops@example.test", "hr", "Ops")
    ops = job(review, "Ops analyst", "Ops")
    ops2 = job(review, "Ops lead", "Ops")
    pasted = "name,email,job\nAnna Berg,anna@example.test,Ops analyst\nBen Ode,ben@example.test,Ops analyst\n"
    r = review.client.post(
        "/api/import/candidates", content=pasted.encode(), headers={"content-type": "text/csv"}
    )
    assert r.status_code == 201, r.text
    one = review.client.post("/api/import/candidates", json=[{"name": "Cleo Dunn", "job": ops}])
    assert one.status_code == 201
    assert names(review) == ["Anna Berg", "Ben Ode", "Cleo Dunn"]  # not Sales' 张伟
    assert names(review, q="ops ANALYST") == ["Anna Berg", "Ben Ode", "Cleo Dunn"]
    assert names(review, q="ben") == ["Ben Ode"]
    assert names(review, job_id=ops2) == []
    found = review.client.get("/api/candidates").json()
    ids = [c["id"] for c in found if c["name"] != "Cleo Dunn"]

    r = review.client.post(
        "/api/candidates/bulk", json={"action": "interview", "candidate_ids": ids, "job_id": ops2}
    )
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["interviews"] == 2 and all("/i/" in i["invite_url"] for i in out["invites"])
    assert names(review, job_id=ops2) == ["Anna Berg", "Ben Ode"]

    r = review.client.post("/api/candidates/bulk", json={"action": "withdraw", "candidate_ids": ids[:1]})
    assert r.status_code == 200 and r.json()["interviews"] == 2
    statuses = [
        i["status"]
        for c in review.client.get("/api/candidates").json()
        if c["id"] == ids[0]
        for i in c["interviews"]
    ]
    assert statuses == ["cancelled", "cancelled"]

    # Another department's HR cannot see them or act on them; the batch is refused whole.
    review.staff("hr-sales2@example.test", "hr", "Sales")
    assert "Anna Berg" not in names(review)
    r = review.client.post("/api/candidates/bulk", json={"action": "withdraw", "candidate_ids": ids})
    assert r.status_code == 404
    r = review.client.post(
        "/api/candidates/bulk", json={"action": "interview", "candidate_ids": ids, "job_id": ops2}
    )
    assert r.status_code == 404
    assert review.client.get("/api/candidates", params={"job_id": ops}).status_code == 404


def test_an_admin_erases_selected_candidates(review: Review) -> None:
    review.staff("admin-erase@example.test", "admin")
    everyone = {c["name"]: c["id"] for c in review.client.get("/api/candidates").json()}
    r = review.client.post(
        "/api/candidates/erase", json={"candidate_ids": [everyone["Cleo Dunn"], "no-such-candidate"]}
    )
    assert r.status_code == 404 and "Cleo Dunn" in names(review)
    r = review.client.post("/api/candidates/erase", json={"candidate_ids": [everyone["Cleo Dunn"]]})
    assert r.status_code == 200 and r.json()["interviews"] == 1
    assert "Cleo Dunn" not in names(review)
    review.login("hr-ops@example.test")
    assert (
        review.client.post("/api/candidates/erase", json={"candidate_ids": [everyone["Ben Ode"]]}).status_code
        == 403
    )
