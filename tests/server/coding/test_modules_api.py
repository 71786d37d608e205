"""The modules through the API on a real app and SQLite: a plan with a coding task and a timed
introduction, the candidate's runs in the real sandbox (stored sealed, listed in review), and the survey
(stored once, after the interview, reported per job)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text, update

from server.app import create_app
from server.db.models import Interview
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.fakes.speech import fake_runtime
from tests.server.test_review import Review

PLAN: dict[str, Any] = {
    "title": "Python developer",
    "language": "en",
    "department": "Engineering",
    "competencies": [{"name": "communication"}, {"name": "problem_solving"}],
    "questions": [
        {"competency": "communication", "kind": "self_intro", "text": "Please introduce yourself."},
        {
            "competency": "problem_solving",
            "kind": "coding",
            "text": "Write add(a, b) that returns the sum of two numbers.",
            "limit_s": 600,
            "coding": {
                "starter": "def add(a, b):\n    pass\n",
                "tests": [
                    {"name": "small numbers", "code": "assert add(1, 2) == 3"},
                    {"name": "negatives", "code": "assert add(-1, -2) == -3"},
                ],
            },
        },
    ],
}


class World:
    def __init__(self, client: TestClient, review: Review) -> None:
        self.client = client
        self.review = review
        job = client.post("/api/jobs", json=PLAN)
        assert job.status_code == 201, job.text
        self.job_id = job.json()["id"]
        made = client.post("/api/import/candidates", json=[{"name": "Ada Coder", "job": self.job_id}])
        assert made.status_code in (200, 201), made.text
        self.interview_id = made.json()[0]["interview_id"]
        self.token = made.json()[0]["invite_url"].rsplit("/", 1)[1]
        plan = client.get(f"/api/jobs/{self.job_id}/plan").json()
        self.coding = next(q for q in plan["questions"] if q["kind"] == "coding")
        self.question_id = self.question_ids()[1]

    def question_ids(self) -> list[str]:
        async def read(sessions: Any) -> list[str]:
            async with sessions() as s:
                rows = await s.execute(
                    text("SELECT id FROM question WHERE job_id = :j ORDER BY position"), {"j": self.job_id}
                )
                return [r[0] for r in rows]

        result: list[str] = self.review.run(read)
        return result

    def status(self, status: str) -> None:
        async def write(sessions: Any) -> None:
            async with sessions.begin() as s:
                await s.execute(
                    update(Interview).where(Interview.id == self.interview_id).values(status=status)
                )

        self.review.run(write)

    def run(self, code: str, submit: bool = False, question_id: str | None = None) -> Any:
        body = {"question_id": question_id or self.question_id, "code": code, "submit": submit}
        return self.client.post(f"/api/invite/{self.token}/code", json=body)


MAX_RUNS = 6


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    data = tmp_path_factory.mktemp("modules") / "data"
    settings = Settings(
        environment="test",
        secret_key=TEST_SECRET,
        data_dir=data,
        outbox_in_server=False,
        sandbox_cpu_s=1,
        sandbox_wall_s=5,
        sandbox_max_runs=MAX_RUNS,
    )
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        review = Review(client, settings)
        review.staff("hr-modules@example.test", "hr", "Engineering")
        yield World(client, review)


def test_the_plan_keeps_the_coding_task_and_the_time_limits(world: World) -> None:
    plan = world.client.get(f"/api/jobs/{world.job_id}/plan").json()
    intro, coding = plan["questions"]
    assert intro["kind"] == "self_intro" and intro["limit_s"] == 120  # the default introduction limit
    assert coding["limit_s"] == 600
    assert [t["name"] for t in coding["coding"]["tests"]] == ["small numbers", "negatives"]
    assert plan["spoken_english"] is False  # off unless the job asks for it
    again = world.client.post("/api/jobs", json={k: v for k, v in plan.items() if k != "id"})
    assert again.status_code == 201, again.text  # a stored plan's document is a plan again
    copy = world.client.get(f"/api/jobs/{again.json()['id']}/plan").json()
    assert copy["questions"] == plan["questions"]


def test_runs_need_a_live_interview_and_a_real_task(world: World) -> None:
    world.status("scheduled")
    early = world.run("def add(a, b):\n    return a + b\n")
    assert early.status_code == 409 and "join the call" in early.json()["detail"]
    world.status("live")
    wrong = world.run("x = 1", question_id=world.question_ids()[0])  # the introduction has no task
    assert wrong.status_code == 404
    assert world.run("x" * 20_001).status_code == 422


def test_runs_are_judged_by_the_tasks_tests_stored_sealed_and_shown_in_review(world: World) -> None:
    world.status("live")
    good = world.run("def add(a, b):\n    return a + b\n")
    assert good.status_code == 200, good.text
    assert good.json()["status"] == "passed"
    bad = world.run("def add(a, b):\n    return a - b\n")
    assert bad.json()["status"] == "failed"
    assert [t["passed"] for t in bad.json()["result"]["tests"]] == [False, False]
    loop = world.run("while True:\n    pass\n", submit=True)
    assert loop.json()["status"] == "timeout"
    assert loop.json()["result"]["reason"] == "it used up its CPU time limit"
    modules = world.client.get(f"/api/interviews/{world.interview_id}/modules").json()
    runs = modules["code_runs"]
    assert [r["status"] for r in runs][-3:] == ["passed", "failed", "timeout"]
    assert runs[-1]["submitted"] is True and runs[-1]["code"] == "while True:\n    pass\n"

    async def raw(sessions: Any) -> list[str]:
        async with sessions() as s:
            return [r[0] for r in await s.execute(text("SELECT code FROM code_run"))]

    stored = world.review.run(raw)
    assert stored and not any("def add" in c for c in stored)  # sealed like the transcript


def test_runs_per_interview_are_capped(world: World) -> None:
    world.status("live")
    # one past the cap, whatever other tests of this interview already ran (the order varies under xdist)
    answers = [world.run("def add(a, b):\n    return a + b\n").status_code for _ in range(MAX_RUNS + 1)]
    assert 429 in answers
    assert answers[answers.index(429) :] == [429] * (len(answers) - answers.index(429))


def test_the_survey_opens_after_the_interview_is_stored_once_and_reported_per_job(world: World) -> None:
    world.status("live")
    url = f"/api/invite/{world.token}/survey"
    assert world.client.post(url, json={"rating": 5}).status_code == 409
    world.status("finished")
    assert world.client.post(url, json={"rating": 6}).status_code == 422
    assert world.client.post(url, json={"rating": 4, "comment": "x" * 1001}).status_code == 422
    ok = world.client.post(url, json={"rating": 4, "comment": "  Clear and friendly.  "})
    assert ok.status_code == 201 and ok.json() == {"rating": 4, "comment": "Clear and friendly."}
    again = world.client.post(url, json={"rating": 1})
    assert again.status_code == 409 and "already" in again.json()["detail"]
    report = world.client.get(f"/api/jobs/{world.job_id}/survey").json()
    assert report["count"] == 1 and report["average"] == 4.0 and report["ratings"] == {"4": 1}
    assert [c["comment"] for c in report["comments"]] == ["Clear and friendly."]
