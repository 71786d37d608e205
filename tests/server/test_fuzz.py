"""Fuzzing: every API operation with generated requests (no 5xx), the SDP and import parsers with any
input (a clear domain error or a result, nothing else), and 10,000 requests with forged, expired or
foreign tokens (no access)."""

from __future__ import annotations

import asyncio
import random
import string
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from itsdangerous import URLSafeTimedSerializer

from realtime.errors import InvalidOfferError, NoAudioTrackError
from realtime.webrtc.sdp import check_offer
from server.app import create_app
from server.db.engine import make_engine, make_sessionmaker
from server.errors import Unprocessable
from server.security import Signer
from server.services.accounts import create_user
from server.services.demo import create_demo
from server.services.imports import parse_rows, plans_from_csv_rows
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.fakes.speech import fake_runtime

# Only its OpenAPI schema is read; a folder of its own, so parallel runs never share a database file.
APP = create_app(
    Settings(
        environment="test", secret_key=TEST_SECRET, data_dir=Path(tempfile.mkdtemp(prefix="fuzz-schema-"))
    ),
    runtime=fake_runtime(),
)
SCHEMA = schemathesis.openapi.from_asgi("/openapi.json", APP)
OPERATIONS = [op.ok() for op in SCHEMA.get_all_operations()]
EXAMPLES = 12  # per operation and identity: ~40 operations x 2 identities; `bench`-size runs: raise it


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, dict[str, str]]]:
    data = tmp_path_factory.mktemp("fuzz") / "data"
    config = Settings(environment="test", secret_key=TEST_SECRET, data_dir=data)
    app = create_app(config, runtime=fake_runtime())
    with TestClient(app) as c:

        async def seed() -> str:
            engine = make_engine(config.db_url)
            async with make_sessionmaker(engine).begin() as s:
                await create_user(s, "admin@example.test", "Admin", "admin", "correct horse battery")
                demo = await create_demo(s, Signer(TEST_SECRET, 3600, 3600), "http://test")
            await engine.dispose()
            return demo.invite_url.rsplit("/", 1)[1]

        token = asyncio.run(seed())
        r = c.post(
            "/api/auth/login", json={"email": "admin@example.test", "password": "correct horse battery"}
        )
        assert r.status_code == 200, r.text
        yield c, {"token": token, "admin_cookie": "; ".join(f"{k}={v}" for k, v in c.cookies.items())}


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: f"{op.method.upper()} {op.path}")
@pytest.mark.parametrize("as_admin", [False, True], ids=["anonymous", "admin"])
def test_no_generated_request_gets_a_server_error(
    client: tuple[TestClient, dict[str, str]], operation: Any, as_admin: bool
) -> None:
    c, seeded = client
    seen: list[tuple[str, int]] = []

    @given(operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    def run(case: Any) -> None:
        kwargs = case.as_transport_kwargs()
        headers = {k: v for k, v in kwargs.pop("headers").items() if k.lower() != "cookie"}
        kwargs.pop("cookies", None)
        url = kwargs.pop("url").replace("%7Btoken%7D", seeded["token"])
        c.cookies.clear()
        if as_admin:
            headers["Cookie"] = seeded["admin_cookie"]
        r = c.request(kwargs.pop("method"), url, headers=headers, **kwargs)
        seen.append((url, r.status_code))
        assert r.status_code < 500, (url, kwargs, r.status_code, r.text[:300])

    run()
    assert seen


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=600), st.sampled_from(["offer", "answer", "", "OFFER"]), st.booleans())
def test_any_sdp_is_accepted_or_refused_with_a_reason(sdp: str, kind: str, microphone: bool) -> None:
    try:
        check_offer(sdp, kind, microphone)
    except (InvalidOfferError, NoAudioTrackError) as exc:
        assert str(exc)


SDP_LINES = st.sampled_from(
    ["v=0", "o=- 1 1 IN IP4 0.0.0.0", "s=-", "t=0 0", "m=audio 9 UDP/TLS/RTP/SAVPF 111", "a=recvonly",
     "a=sendrecv", "m=video 9 UDP/TLS/RTP/SAVPF 96", "m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
     "a=inactive", "m=audio", ""]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(SDP_LINES, max_size=12))
def test_sdp_shaped_offers_are_accepted_or_refused_with_a_reason(lines: list[str]) -> None:
    try:
        check_offer("\r\n".join(lines), "offer")
    except (InvalidOfferError, NoAudioTrackError) as exc:
        assert str(exc)


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(["application/json", "text/csv", "text/csv; charset=utf-8"]))
def test_any_upload_is_parsed_or_refused_with_a_reason(body: bytes, content_type: str) -> None:
    try:
        rows = parse_rows(body, content_type)
    except Unprocessable as exc:
        assert str(exc)
        return
    assert rows and all(isinstance(r, dict) for r in rows)
    if "csv" in content_type:
        plans, first_rows = plans_from_csv_rows(rows)
        assert len(plans) == len(first_rows)


CSV_CELLS = st.text(alphabet=string.printable + "，。职位", max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(CSV_CELLS, min_size=1, max_size=9), min_size=1, max_size=8))
def test_csv_shaped_uploads_are_parsed_or_refused_with_a_reason(table: list[list[str]]) -> None:
    header = "job_title,language,department,time_budget_min,competency,weight,kind,question,minutes"
    body = (header + "\n" + "\n".join(",".join(row) for row in table)).encode()
    try:
        rows = parse_rows(body, "text/csv")
    except Unprocessable:
        return
    plans, _ = plans_from_csv_rows(rows)
    assert all(isinstance(p["questions"], list) for p in plans)


def forged_tokens(count: int, real: str, interview_id: str) -> Iterator[str]:
    """Tokens that must not open anything: tampered, foreign-key, expired-shaped, random, truncated."""
    rng = random.Random(7)
    foreign = URLSafeTimedSerializer("another-server-secret-" + "y" * 30, salt="interview-invite")
    other_salt = URLSafeTimedSerializer(TEST_SECRET, salt="staff-session")  # a session cookie as an invite
    alphabet = string.ascii_letters + string.digits + "-_."
    for i in range(count):
        match i % 6:
            case 0:  # one character of the real token changed (not a segment's last: base64 pads there,
                # and another letter can decode to the same bytes, which is the same token)
                ends = {i for i, ch in enumerate(real) if i + 1 == len(real) or real[i + 1] == "."}
                j = rng.choice([i for i, ch in enumerate(real) if ch != "." and i not in ends])
                yield real[:j] + rng.choice(alphabet.replace(real[j], "").replace(".", "")) + real[j + 1 :]
            case 1:
                yield str(foreign.dumps({"i": interview_id, "n": "x"}))
            case 2:
                yield str(other_salt.dumps({"i": interview_id, "n": "x"}))
            case 3:
                yield "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 120)))
            case 4:
                yield real[: rng.randrange(1, len(real))]
            case _:
                yield real + rng.choice(alphabet)


def test_ten_thousand_forged_expired_or_foreign_tokens_get_no_access(
    client: tuple[TestClient, dict[str, str]], tmp_path: Path
) -> None:
    c, seeded = client
    real = seeded["token"]
    interview_id = "x"
    statuses: dict[int, int] = {}
    c.cookies.clear()
    tokens = list(forged_tokens(9_000, real, interview_id))
    # Expired: a real token from a server whose invites last no time at all.
    config = Settings(environment="test", secret_key=TEST_SECRET, data_dir=tmp_path, invite_ttl_hours=1e-9)
    with TestClient(create_app(config, runtime=fake_runtime())) as expired_app:
        for _ in range(500):
            r = expired_app.get(f"/api/invite/{real}")
            statuses[r.status_code] = statuses.get(r.status_code, 0) + 1
    requests = [
        ("GET", f"/api/invite/{t}", None, None) if n % 2 == 0 else
        ("POST", f"/api/invite/{t}/consent", {"version": "v", "recording": True}, None)
        for n, t in enumerate(tokens)
    ]  # fmt: skip
    requests += [("GET", "/api/interviews", None, tokens[n] if n % 2 else real) for n in range(500)]

    async def send_all() -> list[int]:
        """In the app's own event loop, many at a time (a thread hop per request would take minutes)."""
        transport = httpx.ASGITransport(app=c.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:

            async def one(method: str, path: str, body: Any, cookie: str | None) -> int:
                cookies = {"interview_session": cookie} if cookie else None
                http.cookies.clear()
                r = await http.request(
                    method,
                    path,
                    json=body,
                    headers={"Cookie": f"interview_session={cookie}"} if cookies else None,
                )
                return r.status_code

            out: list[int] = []
            for i in range(0, len(requests), 50):
                out += await asyncio.gather(*(one(*req) for req in requests[i : i + 50]))
            return out

    assert c.portal is not None
    for status in c.portal.call(send_all):
        statuses[status] = statuses.get(status, 0) + 1
    assert sum(statuses.values()) == 10_000
    assert not [s for s in statuses if 200 <= s < 300 or s >= 500], statuses
