"""The job editor's API: templates (validated by the plan spec, 4 roles in en and zh, with anchors),
the live coverage check, and versions (an edit stores a new version; interviews keep theirs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.ext.asyncio import AsyncEngine

from agent.plan_spec import load_plan_file
from server.app import create_app
from server.db.engine import make_sessionmaker
from server.db.repositories import jobs as job_repo
from server.services import job_templates
from server.services.job_templates import TEMPLATE_DIR
from server.services.jobs import create_from_plan
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.fakes.speech import fake_runtime
from tests.server.test_review import Review

ROLES = {"customer_service", "sales", "software_engineer", "management_trainee"}


@pytest.fixture(scope="module")
def review(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Review]:
    data = tmp_path_factory.mktemp("editor") / "data"
    settings = Settings(environment="test", secret_key=TEST_SECRET, data_dir=data, outbox_in_server=False)
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        yield Review(client, settings)


def test_every_template_is_a_valid_plan_with_anchors_in_its_own_language() -> None:
    files = sorted(TEMPLATE_DIR.glob("*.yaml"))
    assert {(f.stem.split(".")[0], f.stem.split(".")[1]) for f in files} >= {
        (role, lang) for role in ROLES for lang in ("en", "zh")
    }
    for path in files:
        spec = load_plan_file(path)
        assert spec.language == path.stem.split(".")[1]
        for comp in spec.rubric.competencies:
            own = comp.custom_anchors.get(spec.language, {})
            assert set(own) == {1, 3, 5}, (path.name, comp.name)
            assert comp.anchors(spec.language)[5] == own[5]  # the BARS text replaces the generic one
            assert comp.anchors(spec.language)[2]  # the scale's generic text fills the gaps
        assert sum(q.minutes for q in spec.questions) <= (spec.time_budget_min or 0)


def test_hr_starts_a_job_from_a_template_and_the_plan_keeps_anchors(review: Review) -> None:
    review.staff("hr-editor@example.test", "hr", "Support")
    listed = review.client.get("/api/jobs/templates", params={"language": "zh"}).json()
    assert {t["id"] for t in listed} == {f"{r}.zh" for r in ROLES}
    doc = review.client.get("/api/jobs/templates/customer_service.zh").json()
    assert doc["title"] == "客服专员" and doc["competencies"][0]["anchors"]["zh"]
    assert review.client.get("/api/jobs/templates/..%2Fsecrets").status_code == 404
    doc["department"] = "Support"
    r = review.client.post("/api/jobs", json=doc)
    assert r.status_code == 201, r.text
    job = r.json()
    assert job["version"] == 1 and job["questions"] == 4
    plan = review.client.get(f"/api/jobs/{job['id']}/plan").json()
    first = next(c for c in plan["competencies"] if c["name"] == "customer_focus")
    assert first["anchors"]["zh"]["5"].startswith("弄清客户的真实需求")


def test_the_coverage_check_names_uncovered_competencies_and_an_overrun_budget(review: Review) -> None:
    review.staff("hr-check@example.test", "hr")
    doc: dict[str, Any] = review.client.get("/api/jobs/templates/sales.en").json()
    ok = review.client.post("/api/jobs/check", json=doc).json()
    assert ok == {
        "ok": True,
        "problem": None,
        "planned_minutes": 20.0,
        "time_budget_min": 25.0,
        "uncovered": [],
    }
    doc["questions"] = [q for q in doc["questions"] if q["competency"] != "persuasion"]
    out = review.client.post("/api/jobs/check", json=doc).json()
    assert not out["ok"] and out["uncovered"] == ["persuasion"] and "persuasion" in out["problem"]
    doc = review.client.get("/api/jobs/templates/sales.en").json()
    doc["time_budget_min"] = 10
    out = review.client.post("/api/jobs/check", json=doc).json()
    assert not out["ok"] and "raise the budget" in out["problem"] and out["planned_minutes"] == 20.0


def test_an_edit_is_a_new_version_and_the_interview_keeps_the_one_it_was_created_with(
    review: Review,
) -> None:
    review.staff("hr-versions@example.test", "hr", "Engineering")
    doc = review.client.get("/api/jobs/templates/software_engineer.en").json()
    doc["department"] = "Engineering"
    v1 = review.client.post("/api/jobs", json=doc).json()
    made = review.client.post("/api/import/candidates", json=[{"name": "Ada", "job": v1["id"]}])
    assert made.status_code == 201, made.text
    interview_id = made.json()[0]["interview_id"]

    doc["questions"][0]["text"] = "Walk me through the worst outage you helped resolve."
    r = review.client.put(f"/api/jobs/{v1['id']}", json=doc)
    assert r.status_code == 201, r.text
    v2 = r.json()
    assert v2["version"] == 2 and v2["id"] != v1["id"]
    # Only the current version is offered; the old one stays for its interview.
    listed = [j for j in review.client.get("/api/jobs").json() if j["title"] == "Software engineer"]
    assert [(j["id"], j["version"]) for j in listed] == [(v2["id"], 2)]
    detail = review.client.get(f"/api/interviews/{interview_id}").json()
    assert detail["job_id"] == v1["id"] and detail["job_version"] == 1
    assert detail["questions"][0].startswith("Tell me about the hardest bug")
    # The interviews list filtered by the job (its current version) shows every version's interviews.
    filtered = review.client.get("/api/interviews", params={"job_id": v2["id"]}).json()
    assert [(i["id"], i["job_version"]) for i in filtered] == [(interview_id, 1)]
    versions = review.client.get(f"/api/jobs/{v2['id']}/versions").json()
    assert [(v["version"], v["current"]) for v in versions] == [(2, True), (1, False)]
    again = review.client.put(f"/api/jobs/{v1['id']}", json=doc)
    assert again.status_code == 409 and "current version" in again.json()["detail"]
    # HR of another department can neither see nor edit it, nor move it to their department.
    review.staff("hr-finance@example.test", "hr", "Finance")
    assert review.client.put(f"/api/jobs/{v2['id']}", json=doc).status_code == 404
    assert review.client.get(f"/api/jobs/{v2['id']}/versions").status_code == 404
    review.login("hr-versions@example.test")
    doc["department"] = "Finance"
    moved = review.client.put(f"/api/jobs/{v2['id']}", json=doc)
    assert moved.status_code == 403
    assert [v["version"] for v in review.client.get(f"/api/jobs/{v2['id']}/versions").json()] == [2, 1]


async def test_versions_and_anchors_are_stored_on_both_databases(engine: AsyncEngine) -> None:
    sessions = make_sessionmaker(engine)
    spec = job_templates.load("management_trainee.zh")
    async with sessions.begin() as s:
        v1 = await create_from_plan(s, spec, "hr@example.test")
        v1.vocabulary = "客诉, SLA"
        v2 = await create_from_plan(s, spec, "hr@example.test", previous=v1)
        assert v2.vocabulary == "客诉, SLA"
    async with sessions() as s:
        assert [(j.version, j.current) for j in await job_repo.versions(s, v2.family_id or "")] == [
            (2, True),
            (1, False),
        ]
        assert [j.id for j in await job_repo.list_all(s)] == [v2.id]
        stored = await job_repo.get_full(s, v1.id)
        assert stored is not None
        leadership = next(c for c in stored.competencies if c.name == "leadership")
        assert leadership.anchors is not None and leadership.anchors["zh"]["5"].startswith("设定目标")
