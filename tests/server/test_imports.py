"""Imports from the EHR side: jobs and candidates as CSV or JSON; every bad row is named, and a bad
upload stores nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from server.app import create_app
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.fakes.speech import fake_runtime
from tests.server.test_review import Review

JOBS_CSV = """job_title,language,department,time_budget_min,competency,weight,kind,question,minutes
产品经理,zh,产品部,15,leadership,1.5,behavioural,请讲一次您带领团队度过困难局面的经历。,5
产品经理,zh,产品部,15,collaboration,1,situational,假设您需要协调跨部门资源，您会如何沟通？,4
Data Analyst,en,Data,10,analysis,1,behavioural,Tell me about a time your analysis changed a decision.,5
"""


@pytest.fixture(scope="module")
def review(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Review]:
    data = tmp_path_factory.mktemp("imports") / "data"
    settings = Settings(environment="test", secret_key=TEST_SECRET, data_dir=data, outbox_in_server=False)
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        yield Review(client, settings)


def post(review: Review, path: str, body: str, kind: str) -> tuple[int, object]:
    r = review.client.post(path, content=body.encode(), headers={"content-type": kind})
    return r.status_code, r.json()


def test_jobs_and_candidates_from_csv_get_interviews_and_invite_links(review: Review) -> None:
    review.staff("hr-import@example.test", "hr")
    status, jobs = post(review, "/api/import/jobs", JOBS_CSV, "text/csv")
    assert status == 201, jobs
    assert [(j["title"], j["questions"]) for j in jobs] == [("产品经理", 2), ("Data Analyst", 1)]  # type: ignore[index]
    plan = review.client.get(f"/api/jobs/{jobs[0]['id']}/plan").json()  # type: ignore[index]
    assert plan["department"] == "产品部" and {c["name"]: c["weight"] for c in plan["competencies"]} == {
        "leadership": 1.5,
        "collaboration": 1.0,
    }

    candidates = (
        "name,email,job,external_feishu_application\n"
        "王芳,wang@example.cn,产品经理,6960663240925956437\n"
        "Sam Lee,,Data Analyst,\n"
    )
    status, created = post(review, "/api/import/candidates", candidates, "text/csv")
    assert status == 201, created
    assert [c["job_title"] for c in created] == ["产品经理", "Data Analyst"]  # type: ignore[index]
    invite = created[0]["invite_url"].rsplit("/", 1)[1]  # type: ignore[index]
    page = review.client.get(f"/api/invite/{invite}").json()
    assert page["candidate_name"] == "王芳" and page["language"] == "zh"
    report_refs = review.client.get(f"/api/interviews/{created[0]['interview_id']}/report").json()  # type: ignore[index]
    assert report_refs["candidate_external_refs"] == {"feishu_application": "6960663240925956437"}


def test_a_bad_upload_names_every_bad_row_and_stores_nothing(review: Review) -> None:
    review.staff("hr-bad@example.test", "hr")
    before = len(review.client.get("/api/interviews").json())
    rows = (
        "name,email,job\nAna,ana@example.com,No Such Job\n,bob@example.com,Data Analyst\n"
        "Cai,not-an-email,Data Analyst\nDee,dee@example.com,Data Analyst\n"
    )
    status, body = post(review, "/api/import/candidates", rows, "text/csv")
    assert status == 422
    detail = body["detail"]  # type: ignore[index]
    assert detail.startswith("nothing was imported")
    assert "row 2: job 'No Such Job' is not a job you can see" in detail
    assert "row 3: name is missing" in detail and "row 4: email 'not-an-email'" in detail
    assert len(review.client.get("/api/interviews").json()) == before, "the valid row was not stored either"

    bad_jobs = JOBS_CSV + "Broken,en,Data,10,analysis,-3,behavioural,Why?,5\n"
    status, body = post(review, "/api/import/jobs", bad_jobs, "text/csv")
    assert status == 422 and "job 'Broken' (row 5)" in body["detail"] and "weight" in body["detail"]  # type: ignore[index]
    status, body = post(review, "/api/import/jobs", "{not json", "application/json")
    assert status == 422 and "not valid JSON" in body["detail"]  # type: ignore[index]


def test_json_imports_and_department_scoping(review: Review) -> None:
    review.staff("hr-data@example.test", "hr", "Data")
    plan = {
        "title": "BI Engineer",
        "language": "en",
        "department": "Data",
        "competencies": [{"name": "analysis"}],
        "questions": [
            {"competency": "analysis", "kind": "behavioural", "text": "Tell me about a dashboard you built."}
        ],
    }
    status, jobs = post(review, "/api/import/jobs", json.dumps([plan]), "application/json")
    assert status == 201
    other = {**plan, "title": "Sales Lead", "department": "Sales"}
    status, body = post(review, "/api/import/jobs", json.dumps([other]), "application/json")
    assert status == 422 and "Data department only" in body["detail"]  # type: ignore[index]
    people = [{"name": "Rui", "job": jobs[0]["id"], "external_refs": {"greenhouse_application": "12345"}}]  # type: ignore[index]
    status, created = post(review, "/api/import/candidates", json.dumps(people), "application/json")
    assert status == 201 and created[0]["job_title"] == "BI Engineer"  # type: ignore[index]
