"""Resumes over HTTP: upload and profile, sealing at rest, the personalised plan, size and type limits,
department scoping, erasure, retention and export; and the row on SQLite and PostgreSQL."""

from __future__ import annotations

import base64
import io
import json
import zipfile
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from agent.resume.lines import NO_TEXT
from server.app import create_app
from server.db.base import utcnow
from server.db.engine import make_sessionmaker
from server.db.models import Candidate, Interview, Job, Resume
from server.db.repositories import jobs as job_repo
from server.db.repositories import resumes as resume_repo
from server.db.repositories.plans import interview_plan
from server.keys.vault import Vault, is_token
from server.security import Signer
from server.services.demo import create_demo
from server.services.retention import Retention, purge
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.fakes.speech import fake_runtime
from tests.server.test_review import Review
from tests.vaults import vault_for

CORPUS = Path(__file__).resolve().parent.parent / "data" / "resumes"
LIMIT = 200_000
HR = "hr-resume@example.test"


@pytest.fixture(scope="module")
def review(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Review]:
    data = tmp_path_factory.mktemp("resumes") / "data"
    settings = Settings(
        environment="test",
        secret_key=TEST_SECRET,
        data_dir=data,
        outbox_in_server=False,
        max_resume_bytes=LIMIT,
    )
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        review = Review(client, settings)
        review.staff(HR, "hr", "Engineering")
        yield review


def scheduled(review: Review, department: str = "Engineering") -> str:
    """A new interview that has not started (a resume can change its plan until it does)."""

    async def make(sessions: Any) -> str:
        async with sessions.begin() as s:
            demo = await create_demo(s, Signer(TEST_SECRET, 3600, 3600), "http://test")
            interview = await s.get(Interview, demo.interview_id)
            assert interview is not None
            job = await s.get(Job, interview.job_id)
            assert job is not None
            job.department = department
            return demo.interview_id

    return review.run(make)


def truth(name: str) -> dict[str, Any]:
    return json.loads((CORPUS / f"{name}.json").read_text(encoding="utf-8"))


def upload(review: Review, interview_id: str, name: str, filename: str = "Jane Roe CV.pdf") -> Any:
    return review.client.post(
        f"/api/interviews/{interview_id}/resume",
        content=(CORPUS / name).read_bytes(),
        headers={"X-Filename": filename, "Content-Type": "application/octet-stream"},
    )


def test_an_uploaded_resume_is_parsed_sealed_at_rest_and_downloadable(review: Review) -> None:
    iid = scheduled(review)
    review.login(HR)
    r = upload(review, iid, "en00.pdf")
    assert r.status_code == 201, r.text
    profile = r.json()["profile"]
    want = truth("en00")
    assert [j["organisation"] for j in profile["experience"]] == [
        j["organisation"] for j in want["experience"]
    ]
    assert review.client.get(f"/api/interviews/{iid}/resume").json()["resume"]["profile"] == profile

    (row,) = review.rows(Resume, iid)
    stored = Path(row.path)
    raw = stored.read_bytes()
    assert not raw.startswith(b"%PDF") and b"Engineer" not in raw  # sealed on disk

    async def raw_row(sessions: Any) -> Any:
        async with sessions() as s:
            return (
                await s.execute(
                    text("SELECT filename, profile FROM resume WHERE interview_id = :i"), {"i": iid}
                )
            ).one()

    filename, sealed_profile = review.run(raw_row)
    assert is_token(filename) and "Jane" not in filename
    assert want["experience"][0]["organisation"] not in str(sealed_profile)

    got = review.client.get(f"/api/interviews/{iid}/resume/file")
    assert got.status_code == 200 and got.headers["content-type"] == "application/pdf"
    assert got.content == (CORPUS / "en00.pdf").read_bytes()
    assert got.headers["cache-control"] == "no-store"


def test_the_plan_console_and_detail_show_the_resume_questions_marked(review: Review) -> None:
    iid = scheduled(review)
    review.login(HR)
    before = review.client.get(f"/api/interviews/{iid}/plan").json()
    assert not before["personalised"] and all(q["source"] is None for q in before["questions"])
    assert upload(review, iid, "zh02.docx").status_code == 201
    plan = review.client.get(f"/api/interviews/{iid}/plan").json()
    assert plan["personalised"]
    first = plan["questions"][0]
    want = truth("zh02")
    assert first["source"] == "resume" and want["experience"][0]["organisation"] in first["text"]
    assert [q["text"] for q in plan["questions"] if q["source"] is None] == [
        q["text"] for q in before["questions"]
    ]
    probes = [q for q in plan["questions"] if q["id"].startswith("resume-probe")]
    assert probes and all(q["basis"] for q in probes)
    detail = review.client.get(f"/api/interviews/{iid}").json()
    assert detail["questions"] == [q["text"] for q in plan["questions"]]
    assert detail["question_sources"] == [q["source"] for q in plan["questions"]]
    assert review.client.delete(f"/api/interviews/{iid}/resume").status_code == 204
    assert review.client.get(f"/api/interviews/{iid}/plan").json() == before
    assert review.client.get(f"/api/interviews/{iid}/resume").json() == {"resume": None}


def test_too_large_wrong_type_and_scans_are_refused_and_keep_the_last_resume(review: Review) -> None:
    iid = scheduled(review)
    review.login(HR)
    assert upload(review, iid, "en04.txt").status_code == 201
    url = f"/api/interviews/{iid}/resume"
    octet = {"Content-Type": "application/octet-stream"}
    big = review.client.post(url, content=b"x" * (LIMIT + 1), headers=octet)
    assert big.status_code == 413 and "at most" in big.json()["detail"]
    png = review.client.post(
        url, content=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", headers={"Content-Type": "application/pdf"}
    )
    assert png.status_code == 415 and "PDF" in png.json()["detail"]
    scan = review.client.post(url, content=(CORPUS / "scanned.pdf").read_bytes(), headers=octet)
    assert scan.status_code == 422 and scan.json()["detail"] == NO_TEXT
    empty = review.client.post(url, content=b"", headers=octet)
    assert empty.status_code == 422
    kept = review.client.get(url).json()["resume"]
    assert kept["kind"] == "text" and kept["profile"]["experience"]
    form = review.client.post(url, content=b"EXPERIENCE", headers={"Content-Type": "text/plain"})
    assert form.status_code == 415  # a type a cross-site form could send


def test_other_departments_and_interviewers_cannot_reach_a_resume(review: Review) -> None:
    iid = scheduled(review)
    review.login(HR)
    assert upload(review, iid, "en02.docx").status_code == 201
    review.staff("hr-finance@example.test", "hr", "Finance")
    assert review.client.get(f"/api/interviews/{iid}/resume").status_code == 404
    assert upload(review, iid, "en00.pdf").status_code == 404
    assert review.client.get(f"/api/interviews/{iid}/resume/file").status_code == 404
    review.staff("iv-eng@example.test", "interviewer", "Engineering")
    assert review.client.get(f"/api/interviews/{iid}/resume").status_code == 200
    assert review.client.get(f"/api/interviews/{iid}/resume/file").status_code == 403
    assert upload(review, iid, "en00.pdf").status_code == 403


def test_erasure_removes_the_resume_row_and_file(review: Review) -> None:
    iid = scheduled(review)
    review.login(HR)
    assert upload(review, iid, "zh03.docx").status_code == 201
    (row,) = review.rows(Resume, iid)
    assert Path(row.path).is_file()
    cid = review.client.get(f"/api/interviews/{iid}").json()["candidate_id"]
    review.staff("admin-resume@example.test", "admin")
    assert review.client.delete(f"/api/admin/candidates/{cid}").status_code == 200
    assert review.rows(Resume, iid) == [] and not Path(row.path).exists()


def test_retention_purges_resumes_after_their_days(review: Review) -> None:
    iid = scheduled(review)
    review.login(HR)
    assert upload(review, iid, "en06.pdf").status_code == 201
    (row,) = review.rows(Resume, iid)
    vault = vault_for(review.settings)
    keep_else = dict(recordings_days=10_000, transcripts_days=10_000, scores_days=10_000, reports_days=10_000)

    async def run_purge(sessions: Any, days: float) -> Any:
        return await purge(
            sessions,
            Retention(**keep_else, resumes_days=days),
            review.settings.recordings_dir,
            vault,
            now=utcnow() + timedelta(days=31),
        )

    kept = review.run(lambda s: run_purge(s, 60))
    assert kept.removed["resumes"] == 0 and Path(row.path).is_file()
    done = review.run(lambda s: run_purge(s, 30))
    assert done.removed["resumes"] >= 1
    assert review.rows(Resume, iid) == [] and not Path(row.path).exists()


def test_the_export_has_the_profile_and_the_file(review: Review) -> None:
    iid = scheduled(review)
    review.login(HR)
    assert upload(review, iid, "zh05.txt").status_code == 201
    cid = review.client.get(f"/api/interviews/{iid}").json()["candidate_id"]
    r = review.client.get(f"/api/candidates/{cid}/export")
    assert r.status_code == 200
    with zipfile.ZipFile(io.BytesIO(r.content)) as zf:
        data = json.loads(zf.read("data.json"))
        original = zf.read(f"resumes/{iid}.txt")
    (interview,) = data["interviews"]
    assert interview["resume"]["profile"]["skills"]
    assert interview["resume"]["filename"] == "Jane Roe CV.pdf"
    assert original == (CORPUS / "zh05.txt").read_bytes()


async def test_the_resume_row_is_sealed_and_opened_on_both_databases(engine: AsyncEngine) -> None:
    settings = Settings(environment="test", secret_key=TEST_SECRET)
    vault: Vault = vault_for(settings)
    sessions = make_sessionmaker(engine, vault)
    async with sessions.begin() as s:
        demo = await create_demo(s, Signer(TEST_SECRET, 3600, 3600), "http://test")
        profile = {
            "language": "en",
            "skills": [{"text": "Zeta-Kubernetes", "source": {"page": 1, "line": 3}}],
        }
        await resume_repo.replace(
            s,
            Resume(
                interview_id=demo.interview_id,
                filename="cv.pdf",
                kind="pdf",
                size=10,
                path="/nowhere",
                language="en",
                profile=profile,
                uploaded_by="hr@example.test",
            ),
        )
    async with engine.connect() as conn:
        raw = (await conn.execute(text("SELECT filename, profile FROM resume"))).one()
    assert is_token(raw[0]) and "Zeta" not in str(raw[1])
    async with sessions() as s:
        row = await resume_repo.of_interview(s, demo.interview_id)
        assert row is not None and row.profile == profile and row.filename == "cv.pdf"
        interview = await s.get(Interview, demo.interview_id)
        assert interview is not None
        job = (await s.execute(select(Job))).scalars().first()
        assert job is not None and (await s.execute(select(Candidate))).scalars().first() is not None


def test_a_started_interview_keeps_its_resume_and_plan(review: Review) -> None:
    iid = scheduled(review)
    review.login(HR)
    assert upload(review, iid, "en04.txt").status_code == 201
    plan = review.client.get(f"/api/interviews/{iid}/plan").json()

    async def start(sessions: Any) -> None:
        async with sessions.begin() as s:
            interview = await s.get(Interview, iid)
            assert interview is not None
            interview.status, interview.started_at = "interrupted", utcnow()

    review.run(start)
    again = upload(review, iid, "en00.pdf")
    assert again.status_code == 409 and "started" in again.json()["detail"]
    assert review.client.delete(f"/api/interviews/{iid}/resume").status_code == 409
    assert review.client.get(f"/api/interviews/{iid}/plan").json() == plan
    finished = review.finished()["interview_id"]
    assert upload(review, finished, "en00.pdf").status_code == 409


def test_candidates_import_with_their_resumes_all_or_nothing(review: Review) -> None:
    review.login(HR)
    job_id = review.client.get(f"/api/interviews/{scheduled(review)}").json()["job_id"]

    def row(name: str, file: str) -> dict[str, Any]:
        content = base64.b64encode((CORPUS / file).read_bytes()).decode()
        return {"name": name, "job": job_id, "resume": {"filename": file, "content_base64": content}}

    bad = review.client.post(
        "/api/import/candidates", json=[row("Ana", "zh04.txt"), row("Bo", "scanned.pdf")]
    )
    assert bad.status_code == 422 and f"row 2: resume: {NO_TEXT}" in bad.json()["detail"]
    assert "Ana" not in json.dumps(review.client.get("/api/interviews").json())  # nothing stored
    done = review.client.post(
        "/api/import/candidates", json=[row("Ana", "zh04.txt"), {"name": "Cy", "job": job_id}]
    )
    assert done.status_code == 201, done.text
    first, second = done.json()
    resume = review.client.get(f"/api/interviews/{first['interview_id']}/resume").json()["resume"]
    assert resume["filename"] == "zh04.txt"
    assert (
        resume["profile"]["experience"][0]["organisation"] == truth("zh04")["experience"][0]["organisation"]
    )
    assert review.client.get(f"/api/interviews/{second['interview_id']}/resume").json() == {"resume": None}


def test_a_call_follows_the_personalised_plan_and_resumes_at_the_same_question(review: Review) -> None:
    iid = scheduled(review)
    review.login(HR)
    assert upload(review, iid, "en05.txt").status_code == 201
    listed = [q["text"] for q in review.client.get(f"/api/interviews/{iid}/plan").json()["questions"]]

    async def plans(sessions: Any) -> tuple[str, str]:
        async with sessions() as s:
            interview = await s.get(Interview, iid)
            assert interview is not None
            job = await job_repo.get_full(s, interview.job_id)
            resume = await resume_repo.of_interview(s, iid)
            assert resume is not None
            first = interview_plan(job, -1, resume.profile)  # as calls.py builds it, before any question
            again = interview_plan(job, 2, resume.profile)  # a dropped call on question 3 (0-based 2)
            assert first is not None and again is not None
            # what the agent asks on start: the current question on a resume, else the next
            one, three = first.current or first.advance(), again.current or again.advance()
            assert one is not None and three is not None
            return one.text, three.text

    first, resumed = review.run(plans)
    assert first == listed[0] and "Thank you for joining" in first
    assert resumed == listed[2]
