"""Privacy over HTTP: notices per language and jurisdiction managed by admins, consent per scope,
human-only evaluation, withdrawal, legal holds, data export and the audit trail for auditors."""

from __future__ import annotations

import asyncio
import io
import json
import zipfile
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from agent.interviewer import InterviewAgent
from agent.plan import InterviewPlan, PlannedQuestion
from realtime.events import FinalTranscript, SpeechEnded, SpeechStarted
from scoring.rubric import DEFAULT_RUBRIC
from scoring.scorer import DefaultScorer
from server.app import create_app
from server.bus import InProcessBus
from server.db.engine import make_engine, make_sessionmaker
from server.db.models import Interview, Job
from server.db.repositories import interviews as repo
from server.security import Signer
from server.services.live import LiveInterview, LiveStore, channel
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.fakes.speech import fake_runtime
from tests.finished import seed_finished
from tests.server.test_api import Api, _login, browser_offer
from tests.server.test_persistence import FakeCall


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    data = tmp_path_factory.mktemp("privacy") / "data"
    settings = Settings(environment="test", secret_key=TEST_SECRET, data_dir=data, outbox_in_server=False)
    app = create_app(settings, runtime=fake_runtime())
    with TestClient(app) as client:
        yield Api(client, settings)
    assert len(app.state.peers) == 0


def run(api: Api, work: Any) -> Any:
    async def go() -> Any:
        engine = make_engine(api.settings.db_url)
        try:
            return await work(make_sessionmaker(engine))
        finally:
            await engine.dispose()

    return asyncio.run(go())


def set_job(api: Api, interview_id: str, **values: Any) -> str:
    async def work(sessions: Any) -> str:
        async with sessions.begin() as s:
            interview = await s.get(Interview, interview_id)
            job = await s.get(Job, interview.job_id)
            for k, v in values.items():
                setattr(job, k, v)
            return str(interview.candidate_id)

    return str(run(api, work))


def test_admins_publish_notice_versions_and_candidates_read_the_one_for_their_jurisdiction(api: Api) -> None:
    eu = api.seed("zh")
    set_job(api, eu["id"], jurisdiction="EU")
    plain = api.seed("zh")
    built_in = api.client.get(f"/api/invite/{eu['token']}").json()
    assert (
        built_in["consent_version"] == api.settings.consent_version and "录音录像" in built_in["consent_text"]
    )
    _login(api, "admin-texts@example.test", "admin")
    text = "本次面试依据欧盟法律录制并转写。AI 评分与在场检测均可单独拒绝，拒绝不影响面试。" * 2
    made = api.client.post(
        "/api/admin/consent-texts",
        json={"language": "zh", "jurisdiction": "EU", "version": "eu-1", "text": text},
    )
    assert made.status_code == 201 and made.json()["active"] is True
    again = api.client.post(
        "/api/admin/consent-texts",
        json={"language": "zh", "jurisdiction": "EU", "version": "eu-1", "text": text},
    )
    assert again.status_code == 409 and "never changed in place" in again.json()["detail"]
    second = api.client.post(
        "/api/admin/consent-texts",
        json={"language": "zh", "jurisdiction": "EU", "version": "eu-2", "text": text + "第二版。"},
    )
    assert second.status_code == 201
    listed = api.client.get("/api/admin/consent-texts").json()
    assert [(t["version"], t["active"]) for t in listed if t["jurisdiction"] == "EU"] == [
        ("eu-2", True),
        ("eu-1", False),
    ]
    api.client.post("/api/auth/logout")
    shown = api.client.get(f"/api/invite/{eu['token']}").json()
    assert (shown["consent_version"], shown["consent_jurisdiction"]) == ("eu-2", "EU")
    assert shown["consent_text"].endswith("第二版。")
    assert (
        api.client.get(f"/api/invite/{plain['token']}").json()["consent_version"]
        == api.settings.consent_version
    )
    stale = api.client.post(
        f"/api/invite/{eu['token']}/consent",
        json={"version": "eu-1", "recording": True, "ai_evaluation": True},
    )
    assert stale.status_code == 409
    given = api.client.post(
        f"/api/invite/{eu['token']}/consent",
        json={"version": "eu-2", "recording": True, "ai_evaluation": False, "presence_checks": True},
    )
    assert given.status_code == 201 and given.json()["ai_evaluation"] is False
    refused = api.client.post(
        f"/api/invite/{plain['token']}/consent",
        json={"version": api.settings.consent_version, "recording": False, "ai_evaluation": True},
    )
    assert refused.status_code == 422, "recording is required to take part"


def test_human_only_evaluation_stores_and_publishes_no_ai_score(api: Api) -> None:
    seeded = api.seed()
    r = api.client.post(
        f"/api/invite/{seeded['token']}/consent",
        json={"version": api.settings.consent_version, "recording": True, "ai_evaluation": False},
    )
    assert r.status_code == 201

    async def answer(sessions: Any) -> tuple[list[str], int]:
        bus = InProcessBus()
        plan = InterviewPlan([PlannedQuestion("q1", "Why this job?"), PlannedQuestion("q2", "Second?")])
        agent = InterviewAgent(plan, "en", DefaultScorer(), DEFAULT_RUBRIC)
        live = LiveInterview(agent, LiveStore(seeded["id"], sessions, bus, ai_scoring=False), bus)
        await live.attach(FakeCall())
        assert live.conductor is not None
        seen: list[str] = []
        async with bus.subscribe(channel(seeded["id"])) as events:
            await live.conductor.act(lambda: agent.start(0.0))
            await live.on_media_event(SpeechStarted(t=0.5))
            await live.on_media_event(SpeechEnded(start=0.5, end=2.0, t=2.3))
            await live.on_media_event(
                FinalTranscript("I led the migration and cut costs by 30%.", 0.5, 2.0, "en")
            )
            await live.conductor.act(lambda: agent.tick(10.0))
            while True:
                try:
                    seen.append((await asyncio.wait_for(anext(events), 0.3))["type"])
                except TimeoutError:
                    break
        await live.stop()
        async with sessions() as s:
            return seen, len(await repo.scores(s, seeded["id"]))

    seen, stored = run(api, answer)
    assert "utterance.final" in seen and "agent.decision" in seen, "the interview still runs"
    assert "answer.scored" not in seen and stored == 0
    _login(api, "hr-human@example.test", "hr")
    try:
        report = api.client.get(f"/api/interviews/{seeded['id']}/report").json()
        card = api.client.get(f"/api/interviews/{seeded['id']}/review").json()
        detail = api.client.get(f"/api/interviews/{seeded['id']}").json()
    finally:
        api.client.post("/api/auth/logout")
    assert report["human_evaluation_requested"] and report["overall_score"] is None
    assert all(c["score"] is None and c["evidence"] == [] for c in report["competencies"])
    assert card["human_evaluation_requested"] and card["consent"]["ai_evaluation"] is False
    assert card["consent"]["recording"] is True and card["consent"]["presence_checks"] is False
    assert detail["human_evaluation_requested"] and detail["scores"] == []


def test_withdrawal_closes_the_call_and_erases_the_candidate(api: Api) -> None:
    seeded = api.seed()
    api.consent(seeded["token"])
    joined = api.client.post(
        f"/api/invite/{seeded['token']}/offer", json={"sdp": browser_offer(), "type": "offer"}
    )
    assert joined.status_code == 200
    assert api.client.get(f"/api/invite/{seeded['token']}").json()["status"] == "live"
    out = api.client.post(f"/api/invite/{seeded['token']}/withdraw")
    assert out.status_code == 200 and out.json()["status"] == "erased"
    assert api.client.get("/healthz").json()["live_interviews"] == 0
    gone = api.client.get(f"/api/invite/{seeded['token']}")
    assert gone.status_code == 404


def test_legal_hold_blocks_erasure_and_withdrawal_keeps_the_data(api: Api) -> None:
    seeded = api.seed()
    candidate = set_job(api, seeded["id"])
    api.consent(seeded["token"])
    _login(api, "hr-hold@example.test", "hr")
    path = f"/api/interviews/{seeded['id']}/legal-hold"
    assert api.client.put(path, json={"hold": True}).status_code == 422
    held = api.client.put(path, json={"hold": True, "reason": "employment tribunal case 17"})
    assert held.status_code == 200 and held.json()["legal_hold"] is True
    assert api.client.get(f"/api/interviews/{seeded['id']}").json()["legal_hold"] is True
    api.client.post("/api/auth/logout")
    out = api.client.post(f"/api/invite/{seeded['token']}/withdraw").json()
    assert out["status"] == "held" and "legal hold" in out["message"]
    after = api.client.get(f"/api/invite/{seeded['token']}").json()
    assert after["status"] == "cancelled" and after["consented"] is False
    _login(api, "admin-hold@example.test", "admin")
    blocked = api.client.delete(f"/api/admin/candidates/{candidate}")
    assert blocked.status_code == 409 and "legal hold" in blocked.json()["detail"]
    cleared = api.client.put(path, json={"hold": False})
    assert cleared.json() == {"interview_id": seeded["id"], "legal_hold": False, "reason": None}
    trail = [json.loads(line) for line in api.client.get("/api/admin/audit/export").text.splitlines()]
    actions = [row["action"] for row in trail if row.get("interview_id") == seeded["id"]]
    assert {"legal_hold.set", "legal_hold.cleared", "consent.withdrawn"} <= set(actions)
    api.client.post("/api/auth/logout")


def test_export_gives_the_candidate_data_and_recordings_and_is_audited(api: Api) -> None:

    finished = run(
        api,
        lambda sessions: seed_finished(
            sessions, Signer(TEST_SECRET, 3600, 3600), api.settings.recordings_dir
        ),
    )
    candidate = set_job(api, finished["interview_id"])
    _login(api, "iv-export@example.test", "interviewer")
    assert api.client.get(f"/api/candidates/{candidate}/export").status_code == 403
    api.client.post("/api/auth/logout")
    _login(api, "hr-export@example.test", "hr")
    r = api.client.get(f"/api/candidates/{candidate}/export")
    api.client.post("/api/auth/logout")
    assert r.status_code == 200 and r.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(r.content)) as zf:
        data = json.loads(zf.read("data.json"))
        names = zf.namelist()
    (interview,) = data["interviews"]
    assert data["candidate"]["id"] == candidate and interview["transcript"] and interview["scores"]
    assert f"recordings/{finished['interview_id']}/{finished['recording_id']}.mp4" in names
    assert interview["flags"][0]["kind"] == "tab_hidden"
    _login(api, "admin-export@example.test", "admin")
    lines = api.client.get("/api/admin/audit/export").text.splitlines()
    csv_text = api.client.get("/api/admin/audit/export", params={"format": "csv"}).text
    verified = api.client.get("/api/admin/audit/verify").json()
    api.client.post("/api/auth/logout")
    rows = [json.loads(line) for line in lines]
    assert any(
        r.get("action") == "candidate.exported" and r["detail"]["candidate"] == candidate for r in rows
    )
    assert rows[-1]["type"] == "verification" and rows[-1]["ok"] is True
    assert csv_text.startswith("seq,created_at,actor") and '"ok": true' in csv_text.splitlines()[-1]
    assert verified["ok"] and verified["rows"] >= len(rows) - 1


@pytest.mark.parametrize(
    ("method", "path"),
    [("PUT", "/api/interviews/x/legal-hold"), ("GET", "/api/candidates/x/export")],
)
def test_holds_and_exports_need_hr_or_admin(api: Api, method: str, path: str) -> None:
    body = {"hold": False} if method == "PUT" else None
    assert api.client.request(method, path, json=body).status_code == 401
    _login(api, f"iv-{method.lower()}@example.test", "interviewer")
    r = api.client.request(method, path, json=body)
    api.client.post("/api/auth/logout")
    assert r.status_code == 403 and "hr" in r.json()["detail"]


def test_a_plan_names_its_jurisdiction(api: Api) -> None:
    from tests.server.test_api import PLAN_YAML

    _login(api, "hr-jurisdiction@example.test", "hr")
    try:
        made = api.client.post(
            "/api/jobs",
            content="jurisdiction: CN\n" + PLAN_YAML,
            headers={"Content-Type": "application/yaml"},
        )
        assert made.status_code == 201, made.text
        assert api.client.get(f"/api/jobs/{made.json()['id']}/plan").json()["jurisdiction"] == "CN"
        bad = api.client.post(
            "/api/jobs",
            content="jurisdiction: 'C N!'\n" + PLAN_YAML,
            headers={"Content-Type": "application/yaml"},
        )
        assert bad.status_code == 422 and "jurisdiction" in bad.json()["detail"]
    finally:
        api.client.post("/api/auth/logout")
