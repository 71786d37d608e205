"""The HTTP API on the embedded default: invite links, consent, offers, login; bad input gets a clear 4xx
and loses nothing."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiortc import RTCPeerConnection
from aiortc.mediastreams import AudioStreamTrack, VideoStreamTrack
from fastapi.testclient import TestClient

from server.app import create_app
from server.db.engine import make_engine, make_sessionmaker
from server.security import Signer
from server.services.accounts import create_user
from server.services.demo import create_demo
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.fakes.speech import fake_runtime


def browser_offer(audio: bool = True, video: bool = True) -> str:
    """A real SDP offer from an aiortc client, like a browser's."""

    async def make() -> str:
        pc = RTCPeerConnection()
        if audio:
            pc.addTrack(AudioStreamTrack())
        if video:
            pc.addTrack(VideoStreamTrack())
        pc.createDataChannel("control")
        await pc.setLocalDescription(await pc.createOffer())
        sdp = str(pc.localDescription.sdp)
        await pc.close()
        return sdp

    return asyncio.run(make())


class Api:
    def __init__(self, client: TestClient, settings: Settings) -> None:
        self.client = client
        self.settings = settings

    def seed(self, language: str = "en") -> dict[str, Any]:
        async def run() -> dict[str, Any]:
            engine = make_engine(self.settings.db_url)
            signer = Signer(self.settings.secret_key, 3600, 3600)
            async with make_sessionmaker(engine).begin() as s:
                demo = await create_demo(s, signer, "http://test", language)
            await engine.dispose()
            return {"id": demo.interview_id, "token": demo.invite_url.rsplit("/", 1)[1]}

        return asyncio.run(run())

    def consent(self, token: str) -> None:
        r = self.client.post(
            f"/api/invite/{token}/consent",
            json={"version": self.settings.consent_version, "recording": True, "ai_evaluation": True},
        )
        assert r.status_code == 201, r.text


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    data = tmp_path_factory.mktemp("api") / "data"
    settings = Settings(environment="test", secret_key=TEST_SECRET, data_dir=data, egress_allow=["127.0.0.1"])
    app = create_app(settings, runtime=fake_runtime())
    with TestClient(app) as client:
        yield Api(client, settings)
    assert len(app.state.peers) == 0, "peers left open after shutdown"


def test_invite_shows_notice_and_consent_is_stored_with_its_version(api: Api) -> None:
    seeded = api.seed()
    info = api.client.get(f"/api/invite/{seeded['token']}").json()
    assert info["consented"] is False and "recorded" in info["consent_text"]
    api.consent(seeded["token"])
    assert api.client.get(f"/api/invite/{seeded['token']}").json()["consented"] is True


def test_consent_to_an_outdated_notice_is_refused(api: Api) -> None:
    seeded = api.seed()
    r = api.client.post(
        f"/api/invite/{seeded['token']}/consent",
        json={"version": "old", "recording": True, "ai_evaluation": True},
    )
    assert r.status_code == 409 and "reload the page" in r.json()["detail"]


@pytest.mark.parametrize("token", ["nonsense", "eyJpIjoiYSIsIm4iOiJiIn0.AAAAAA.forged"])
def test_unknown_or_forged_invite_is_401_with_a_message(api: Api, token: str) -> None:
    r = api.client.get(f"/api/invite/{token}")
    assert r.status_code == 401 and "not valid" in r.json()["detail"]


def test_expired_invite_is_401(tmp_path: Path) -> None:
    settings = Settings(
        environment="test", secret_key=TEST_SECRET, data_dir=tmp_path, invite_ttl_hours=0.0001
    )
    signer = Signer(settings.secret_key, settings.invite_ttl_hours * 3600, 3600)
    token = signer.invite_token("abc", "nonce")
    time.sleep(1.5)
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        r = client.get(f"/api/invite/{token}")
    assert r.status_code == 401 and "expired" in r.json()["detail"]


def test_offer_before_consent_is_refused(api: Api) -> None:
    seeded = api.seed()
    r = api.client.post(
        f"/api/invite/{seeded['token']}/offer", json={"sdp": browser_offer(), "type": "offer"}
    )
    assert r.status_code == 403 and "consent" in r.json()["detail"]


@pytest.mark.parametrize(
    ("sdp", "kind", "status", "words"),
    [
        ("hello", "offer", 400, "malformed"),
        ("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\n" + "a=x\r\n" * 20000, "offer", 400, "larger than"),
        ("v=0", "answer", 400, "expected an SDP offer"),
        ("x" * 300_000, "offer", 422, "at most"),
    ],
)
def test_bad_sdp_gets_a_clear_4xx_and_the_interview_is_untouched(
    api: Api, sdp: str, kind: str, status: int, words: str
) -> None:
    seeded = api.seed()
    api.consent(seeded["token"])
    r = api.client.post(f"/api/invite/{seeded['token']}/offer", json={"sdp": sdp, "type": kind})
    assert r.status_code == status and words in r.json()["detail"]
    assert api.client.get(f"/api/invite/{seeded['token']}").json()["status"] == "scheduled"
    assert api.client.get("/healthz").json()["status"] == "ok"


def test_offer_without_a_microphone_is_422(api: Api) -> None:
    seeded = api.seed()
    api.consent(seeded["token"])
    r = api.client.post(
        f"/api/invite/{seeded['token']}/offer", json={"sdp": browser_offer(audio=False), "type": "offer"}
    )
    assert r.status_code == 422 and "microphone" in r.json()["detail"]


def test_second_browser_for_the_same_interview_is_409_and_a_finished_one_too(api: Api) -> None:
    seeded = api.seed()
    api.consent(seeded["token"])
    first = api.client.post(
        f"/api/invite/{seeded['token']}/offer", json={"sdp": browser_offer(), "type": "offer"}
    )
    assert first.status_code == 200 and first.json()["sdp"].startswith("v=0")
    assert api.client.get(f"/api/invite/{seeded['token']}").json()["status"] == "live"
    second = api.client.post(
        f"/api/invite/{seeded['token']}/offer", json={"sdp": browser_offer(), "type": "offer"}
    )
    assert second.status_code == 409 and "another browser window" in second.json()["detail"]

    finished = api.seed()
    api.consent(finished["token"])

    async def finish() -> None:
        engine = make_engine(api.settings.db_url)
        async with make_sessionmaker(engine).begin() as s:
            from server.db.repositories import interviews

            row = await interviews.get(s, finished["id"])
            assert row is not None
            row.status = "finished"
        await engine.dispose()

    asyncio.run(finish())
    r = api.client.post(
        f"/api/invite/{finished['token']}/offer", json={"sdp": browser_offer(), "type": "offer"}
    )
    assert r.status_code == 409 and "already finished" in r.json()["detail"]


def _staff(api: Api, email: str, role: str, department: str | None = None) -> None:
    async def run() -> None:
        engine = make_engine(api.settings.db_url)
        async with make_sessionmaker(engine).begin() as s:
            await create_user(s, email, email, role, "correct horse battery", department)
        await engine.dispose()

    asyncio.run(run())


def test_login_console_access_and_department_scoping(api: Api) -> None:
    seeded = api.seed()
    assert api.client.get(f"/api/interviews/{seeded['id']}").status_code == 401
    _staff(api, "hr-other@example.test", "hr", department="Finance")
    bad = api.client.post("/api/auth/login", json={"email": "hr-other@example.test", "password": "wrong"})
    assert bad.status_code == 401 and "wrong email or password" in bad.json()["detail"]
    ok = api.client.post(
        "/api/auth/login", json={"email": "hr-other@example.test", "password": "correct horse battery"}
    )
    assert ok.status_code == 200 and ok.json()["role"] == "hr"
    # The demo job belongs to no department: HR of the Finance department cannot see it.
    hidden = api.client.get(f"/api/interviews/{seeded['id']}")
    assert hidden.status_code == 404 and hidden.json()["detail"] == "no such interview"
    assert all(row["id"] != seeded["id"] for row in api.client.get("/api/interviews").json())
    _staff(api, "iv@example.test", "interviewer")
    api.client.post("/api/auth/login", json={"email": "iv@example.test", "password": "correct horse battery"})
    detail = api.client.get(f"/api/interviews/{seeded['id']}").json()
    assert detail["questions"][0].startswith("Tell me about a time")
    assert any(row["id"] == seeded["id"] for row in api.client.get("/api/interviews").json())
    api.client.post("/api/auth/logout")


PLAN_YAML = (
    Path(__file__).resolve().parents[2] / "examples" / "plans" / "zh_product_manager.yaml"
).read_text()


def test_jobs_from_plans_in_yaml_and_json_with_errors_that_name_the_line(api: Api) -> None:
    _staff(api, "hr-plans@example.test", "hr")
    api.client.post(
        "/api/auth/login", json={"email": "hr-plans@example.test", "password": "correct horse battery"}
    )
    created = api.client.post("/api/jobs", content=PLAN_YAML, headers={"Content-Type": "application/yaml"})
    assert created.status_code == 201, created.text
    plan = api.client.get(f"/api/jobs/{created.json()['id']}/plan").json()
    assert plan["language"] == "zh" and plan["time_budget_min"] == 15
    assert [q["competency"] for q in plan["questions"]] == ["leadership", "customer_focus", "collaboration"]
    assert plan["questions"][1]["follow_ups"]["missing_result"].startswith("这件事")
    again = api.client.post("/api/jobs", json={k: v for k, v in plan.items() if k != "id"})
    assert again.status_code == 201
    broken = PLAN_YAML.replace("weight: 2}", "weight: zero}")
    bad = api.client.post("/api/jobs", content=broken, headers={"Content-Type": "application/yaml"})
    assert bad.status_code == 422 and "line 8: competencies[1].weight" in bad.json()["detail"]
    bad_json = api.client.post("/api/jobs", content=b"{", headers={"Content-Type": "application/json"})
    assert bad_json.status_code == 400 and "not valid JSON" in bad_json.json()["detail"]
    api.client.post("/api/auth/logout")
    _staff(api, "iv-plans@example.test", "interviewer")
    api.client.post(
        "/api/auth/login", json={"email": "iv-plans@example.test", "password": "correct horse battery"}
    )
    assert (
        api.client.post(
            "/api/jobs", content=PLAN_YAML, headers={"Content-Type": "application/yaml"}
        ).status_code
        == 403
    )
    api.client.post("/api/auth/logout")


def test_erasing_a_candidate_removes_their_data_and_tells_the_hr_systems(api: Api) -> None:
    from ehr_sync.signing import new_secret
    from server.db.models import Interview
    from tests.ehr_sync.receiver import Receiver

    receiver = Receiver(new_secret()).start()
    try:
        _staff(api, "admin-erase@example.test", "admin")
        api.client.post(
            "/api/auth/login", json={"email": "admin-erase@example.test", "password": "correct horse battery"}
        )
        made = api.client.post(
            "/api/admin/connectors",
            json={"name": "EHR", "kind": "webhook", "url": receiver.url, "secret": receiver.secret},
        )
        assert made.status_code == 201 and "secret" not in made.json()  # our own secret is never echoed
        assert all("secret" not in c for c in api.client.get("/api/admin/connectors").json())
        seeded = api.seed()
        api.consent(seeded["token"])

        async def candidate_of() -> str:
            engine = make_engine(api.settings.db_url)
            async with make_sessionmaker(engine)() as s:
                row = await s.get(Interview, seeded["id"])
                assert row is not None
                candidate = row.candidate_id
            await engine.dispose()
            return candidate

        candidate = asyncio.run(candidate_of())
        erased = api.client.delete(f"/api/admin/candidates/{candidate}")
        assert erased.status_code == 200 and erased.json()["interviews"] == 1
        assert api.client.get(f"/api/interviews/{seeded['id']}").status_code == 404
        gone = api.client.get(f"/api/invite/{seeded['token']}")
        assert gone.status_code == 404 and "no longer exists" in gone.json()["detail"]
        assert api.client.delete(f"/api/admin/candidates/{candidate}").status_code == 404
        deadline = time.monotonic() + 15
        while not receiver.processed and time.monotonic() < deadline:
            time.sleep(0.1)
        assert [(e["type"], e["data"]["candidate_ref"]) for e in receiver.processed] == [
            ("candidate.deleted", candidate)
        ]
        bad = api.client.post("/api/admin/connectors", json={"name": "x", "kind": "fax", "url": "http://x"})
        assert bad.status_code == 400 and "unknown connector kind" in bad.json()["detail"]
    finally:
        receiver.stop()
        api.client.post("/api/auth/logout")


def _login(api: Api, email: str, role: str) -> None:
    _staff(api, email, role)
    r = api.client.post("/api/auth/login", json={"email": email, "password": "correct horse battery"})
    assert r.status_code == 200, r.text


PUBLIC_ADMIN_ROUTES = {"/api/admin/schemas/report.json"}  # receivers fetch the report's schema


def test_every_admin_route_needs_the_admin_role(api: Api) -> None:
    from tests.test_architecture import api_routes

    routes = [
        (method, route.path.replace("{", "").replace("}", ""))
        for route in api_routes(api.client.app.routes)  # type: ignore[attr-defined]
        if route.path.startswith("/api/admin/") and route.path not in PUBLIC_ADMIN_ROUTES
        for method in route.methods
    ]
    assert ("GET", "/api/admin/connector-kinds") in routes
    for method, path in routes:
        assert api.client.request(method, path).status_code == 401, (method, path)
    for role in ("hr", "interviewer"):
        _login(api, f"{role}-not-admin@example.test", role)
        for method, path in routes:
            r = api.client.request(method, path)
            assert r.status_code == 403 and "admin" in r.json()["detail"], (role, method, path)
        api.client.post("/api/auth/logout")


def test_connector_kinds_come_from_the_registry_and_the_page_lists_them(api: Api) -> None:
    from ehr_sync.connectors.registry import KINDS

    _login(api, "admin-kinds@example.test", "admin")
    try:
        kinds = api.client.get("/api/admin/connector-kinds").json()
    finally:
        api.client.post("/api/auth/logout")
    assert [k["kind"] for k in kinds] == list(KINDS)  # greenhouse included, webhook first (the default)
    by_kind = {k["kind"]: k for k in kinds}
    assert by_kind["webhook"]["supports_erasure"] and by_kind["webhook"]["generates_secret"]
    assert by_kind["feishu"]["supports_erasure"] and by_kind["greenhouse"]["erasure"] == "by_hand"
    assert "app_id" in by_kind["feishu"]["options_schema"]["properties"]
    page = api.client.get("/admin").text + api.client.get("/static/admin.js").text  # the page and its script
    assert "/api/admin/connector-kinds" in page
    # The page keeps no list of its own (that list once lacked greenhouse).
    for kind in KINDS:
        assert f'value="{kind}"' not in page and f"value='{kind}'" not in page, kind
