"""The results publication (公示): ranking by final score, masking as the admin chose, Excel and PDF."""

from __future__ import annotations

import io
from collections.abc import Iterator

import numpy as np
import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from pypdf import PdfReader

from server.app import create_app
from server.services.masking import mask_id, mask_name
from server.settings import Settings
from tests.analytics_data import generate, store
from tests.conftest import TEST_SECRET
from tests.fakes.speech import fake_runtime
from tests.server.test_review import Review

PEOPLE = [
    ("张三丰", "110101199003071234"),
    ("李四", "31010419851212567X"),
    ("Wang Wu", ""),
    ("欧阳娜娜", "440301200001019876"),
]
FULL = ["rank", "name", "id_number", "score", "decision"]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Review, str, np.ndarray]]:
    data_dir = tmp_path_factory.mktemp("publication") / "data"
    settings = Settings(environment="test", secret_key=TEST_SECRET, data_dir=data_dir, outbox_in_server=False)
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        review = Review(client, settings)
        data = generate(n=4, seed=11)
        data.scores[1] = data.scores[3]  # 李四 and 欧阳娜娜 tie: they share a rank
        job_id = review.run(lambda sessions: store(sessions, data, names=PEOPLE))
        review.staff("admin-pub@example.test", "admin")
        yield review, job_id, data.scores.mean(axis=1)


def test_masking_rules() -> None:
    assert mask_name("张三丰", "surname_only") == "张**"
    assert mask_name("李四", "surname_only") == "李*"
    assert mask_name("Wang Wu", "surname_only") == "W*** **"
    assert mask_name("李四", "none") == "李四"
    assert mask_id("110101199003071234", "last4") == "**************1234"
    assert mask_id("110101199003071234", "hidden") == ""
    assert mask_id(None, "last4") == ""


def test_the_table_ranks_by_final_score_and_masks_names_and_ids(
    world: tuple[Review, str, np.ndarray],
) -> None:
    review, job_id, overall = world
    r = review.client.post(
        f"/api/analytics/jobs/{job_id}/publication", json={"fields": FULL, "title": "2026 招聘公示"}
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["headers"] == ["排名", "姓名", "身份证号", "成绩", "结果"]
    order = sorted(range(4), key=lambda i: -overall[i])
    assert [row[3] for row in body["rows"]] == [f"{overall[i]:.2f}" for i in order]
    masked = {mask_name(n, "surname_only") for n, _ in PEOPLE}
    assert {row[1] for row in body["rows"]} == masked
    text = r.text
    for name, id_number in PEOPLE:
        assert (name not in text) or len(name) == 1
        if id_number:
            assert id_number not in text and id_number[-4:] in text
    tie = [row[0] for row in body["rows"] if row[1] in ("李*", "欧***")]
    assert tie[0] == tie[1]
    assert all(row[4] in ("进入下一环节", "未通过") for row in body["rows"])


def test_excel_and_pdf_carry_the_same_masked_table(world: tuple[Review, str, np.ndarray]) -> None:
    review, job_id, _ = world
    choice = {"fields": ["rank", "name", "id_number", "decision"], "title": "公示", "lang": "zh"}
    table = review.client.post(f"/api/analytics/jobs/{job_id}/publication", json=choice).json()
    xlsx = review.client.post(f"/api/analytics/jobs/{job_id}/publication", json={**choice, "format": "xlsx"})
    assert xlsx.status_code == 200
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = [[c if c is not None else "" for c in row] for row in sheet.iter_rows(values_only=True)]
    assert values[0][0] == "公示" and values[1] == table["headers"]
    assert values[2:] == table["rows"]
    pdf = review.client.post(f"/api/analytics/jobs/{job_id}/publication", json={**choice, "format": "pdf"})
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "公示" in text and "张**" in text and "1234" in text
    assert "张三丰" not in text and "110101199003071234" not in text


def test_only_admins_publish_and_full_ids_are_not_an_option(world: tuple[Review, str, np.ndarray]) -> None:
    review, job_id, _ = world
    r = review.client.post(
        f"/api/analytics/jobs/{job_id}/publication", json={"fields": FULL, "id_mask": "none"}
    )
    assert r.status_code == 422
    review.staff("hr-pub@example.test", "hr", "Engineering")
    try:
        r = review.client.post(f"/api/analytics/jobs/{job_id}/publication", json={"fields": FULL})
        assert r.status_code == 403
    finally:
        review.login("admin-pub@example.test")
