"""The access matrix: every route of the app (the OpenAPI schema, plus pages, docs, static files and the
console's WebSocket, from `app.routes`) called by every kind of caller against an interview of
department A, and the class of answer each must get.

A route missing from `MATRIX` fails the test: a new endpoint is not done until it says who may call it.
Cells: `2xx`, `3xx`, or an exact status; `a|b` where either is right (a letter approved once is 409 for the
next approver). `4xx` statuses other than 401/403/404 are documented in `BODIES`: the body is left
invalid on purpose, or the state (a finished call) refuses it after the access checks passed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.routing import APIRoute, APIWebSocketRoute
from fastapi.testclient import TestClient
from starlette.routing import Mount, Route
from starlette.testclient import WebSocketDenialResponse
from starlette.websockets import WebSocketDisconnect

from server.app import create_app
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.fakes.speech import fake_runtime
from tests.server.test_api import browser_offer
from tests.server.test_review import PASSWORD, Review

DEPT_A, DEPT_B = "Engineering", "Finance"
ROLES = ("anonymous", "candidate", "interviewer_a", "interviewer_b", "hr_a", "hr_none", "admin")
STAFF = {  # role: (account role, department)
    "interviewer_a": ("interviewer", DEPT_A),
    "interviewer_b": ("interviewer", DEPT_B),
    "hr_a": ("hr", DEPT_A),
    "hr_none": ("hr", None),
    "admin": ("admin", None),
}
PUBLIC = "2xx 2xx 2xx 2xx 2xx 2xx 2xx"
SEES_A = "401 401 2xx 404 2xx 2xx 2xx"  # the interview of department A, by anyone who may see it
REVIEWS_A = "401 401 403 403 2xx 2xx 2xx"  # HR's and admins' (all of whom see department A)
HR = "401 401 403 403 2xx 2xx 2xx"
STAFF_ONLY = "401 401 2xx 2xx 2xx 2xx 2xx"
ADMIN = "401 401 403 403 403 403 2xx"

# (method, path as declared): one cell per role, in the order of ROLES.
MATRIX: dict[tuple[str, str], str] = {
    ("GET", "/healthz"): PUBLIC,
    ("GET", "/readyz"): PUBLIC,  # a load balancer asks without credentials
    ("GET", "/metrics"): ADMIN,  # or the metrics bearer token (tests/server/test_monitoring.py)
    ("GET", "/api/ice"): STAFF_ONLY,  # the console's STUN/TURN, with TURN credentials for the user
    ("GET", "/openapi.json"): PUBLIC,
    ("GET", "/docs"): PUBLIC,
    ("GET", "/docs/oauth2-redirect"): PUBLIC,
    ("GET", "/redoc"): PUBLIC,
    ("GET", "/static/{path}"): PUBLIC,
    # pages: static HTML; their data comes from the API below
    ("GET", "/"): "3xx 3xx 3xx 3xx 3xx 3xx 3xx",
    ("GET", "/login"): PUBLIC,
    ("GET", "/console"): PUBLIC,
    ("GET", "/console/{interview_id}"): PUBLIC,
    ("GET", "/i/{token}"): PUBLIC,
    ("GET", "/review/{interview_id}"): PUBLIC,
    ("GET", "/report/{interview_id}"): PUBLIC,
    ("GET", "/admin"): PUBLIC,
    ("GET", "/jobs"): PUBLIC,
    ("GET", "/candidates"): PUBLIC,
    ("GET", "/staff"): PUBLIC,
    ("GET", "/password"): PUBLIC,
    ("GET", "/unsubscribe/{token}"): PUBLIC,
    ("GET", "/analytics"): PUBLIC,
    ("GET", "/publication"): PUBLIC,
    ("GET", "/templates"): PUBLIC,
    ("GET", "/talent-pool"): PUBLIC,
    # staff login
    ("POST", "/api/auth/login"): "422 422 422 422 422 422 422",
    ("GET", "/api/auth/me"): STAFF_ONLY,
    ("POST", "/api/auth/logout"): PUBLIC,
    # a password link's token is the credential (everyone holds a forged one here)
    ("POST", "/api/auth/password"): "401 401 401 401 401 401 401",
    # "forgot password": anyone may ask; the fourth request for one address within 15 minutes waits
    ("POST", "/api/auth/password-reset"): "2xx 2xx 2xx 429 429 429 429",
    # single sign-on (not configured here): the login page asks; the flow has nothing to start, and a
    # callback without the flow's cookie is refused
    ("GET", "/api/auth/oidc"): PUBLIC,
    ("GET", "/api/auth/oidc/login"): "404 404 404 404 404 404 404",
    ("GET", "/api/auth/oidc/callback"): "401 401 401 401 401 401 401",
    # the candidate: the invite token is the credential (everyone else holds a forged one)
    ("GET", "/api/invite/{token}"): "401 2xx 401 401 401 401 401",
    ("POST", "/api/invite/{token}/consent"): "401 409 401 401 401 401 401",
    ("POST", "/api/invite/{token}/offer"): "401 409 401 401 401 401 401",
    # interview modules (before the invite is revoked below): code runs only while live, survey after
    ("POST", "/api/invite/{token}/code"): "401 409 401 401 401 401 401",
    ("POST", "/api/invite/{token}/survey"): "401 2xx 401 401 401 401 401",
    ("GET", "/api/interviews/{interview_id}/modules"): SEES_A,
    ("GET", "/api/jobs/{job_id}/survey"): REVIEWS_A,
    ("GET", "/api/invite/{token}/status"): "401 2xx 401 401 401 401 401",
    ("POST", "/api/invite/{token}/device-check"): "401 2xx 401 401 401 401 401",
    ("POST", "/api/invite/{token}/new-link"): "401 409 401 401 401 401 401",  # 409: the call is over
    # the unsubscribe link's own signed token (an invite token is not one)
    ("POST", "/api/unsubscribe/{token}"): "401 401 401 401 401 401 401",
    ("POST", "/api/invite/{token}/self-id"): "401 2xx 401 401 401 401 401",
    # interviews
    ("GET", "/api/interviews"): STAFF_ONLY,
    ("GET", "/api/interviews/{interview_id}"): SEES_A,
    ("GET", "/api/interviews/{interview_id}/summary"): SEES_A,
    # resumes: HR uploads, downloads and removes; whoever sees the interview sees the profile and plan
    # (409: the interview is over, so its plan is fixed; 404: so it has no resume file)
    ("POST", "/api/interviews/{interview_id}/resume"): "401 401 403 403 409 409 409",
    ("GET", "/api/interviews/{interview_id}/resume"): SEES_A,
    ("GET", "/api/interviews/{interview_id}/resume/file"): "401 401 403 403 404 404 404",
    ("DELETE", "/api/interviews/{interview_id}/resume"): REVIEWS_A,
    ("GET", "/api/interviews/{interview_id}/plan"): SEES_A,
    ("GET", "/api/interviews/{interview_id}/recordings/{recording_id}"): SEES_A,
    ("POST", "/api/interviews/{interview_id}/control"): "401 401 409 404 403 403 409",
    ("POST", "/api/interviews/{interview_id}/watch"): "401 401 409 404 409 409 409",
    ("WS", "/api/interviews/{interview_id}/live"): SEES_A,
    ("GET", "/api/interviews/{interview_id}/review"): SEES_A,
    ("POST", "/api/interviews/{interview_id}/review"): REVIEWS_A,
    ("GET", "/api/interviews/{interview_id}/report"): SEES_A,
    ("GET", "/api/interviews/{interview_id}/score-marks"): REVIEWS_A,
    ("PUT", "/api/interviews/{interview_id}/score-marks/{score_id}"): REVIEWS_A,
    ("GET", "/api/interviews/{interview_id}/notes"): SEES_A,
    ("POST", "/api/interviews/{interview_id}/notes"): SEES_A,
    ("POST", "/api/interviews/{interview_id}/feedback/draft"): REVIEWS_A,
    ("GET", "/api/interviews/{interview_id}/feedback"): REVIEWS_A,
    ("PUT", "/api/interviews/{interview_id}/feedback"): REVIEWS_A,
    ("POST", "/api/interviews/{interview_id}/feedback/approve"): "401 401 403 403 2xx|409 2xx|409 2xx|409",
    # invitations: 409 sending to a finished interview, 404 before it was ever sent, 409 a next round
    # while the review says on_hold
    ("POST", "/api/interviews/{interview_id}/invitation"): "401 401 403 403 409 409 409",
    ("GET", "/api/interviews/{interview_id}/invitation"): "401 401 403 403 404 404 404",
    ("POST", "/api/interviews/{interview_id}/next-step"): "401 401 403 403 409 409 409",
    ("GET", "/api/interviews/{interview_id}/next-step"): REVIEWS_A,
    ("POST", "/api/interviews/{interview_id}/next-step/{message_id}/approve"): "401 401 403 403 404 404 404",
    ("GET", "/api/jobs/{job_id}/invite-policy"): HR,
    ("PUT", "/api/jobs/{job_id}/invite-policy"): HR,
    # scheduling: interviewers (and admins) publish availability, HR sees its department's; a finished
    # interview's slot can no longer change (409), and the candidate holds the invite token
    ("GET", "/availability"): PUBLIC,
    ("GET", "/api/availability"): STAFF_ONLY,
    ("POST", "/api/availability"): "401 401 2xx 2xx 403 403 2xx",
    ("DELETE", "/api/availability/{availability_id}"): "401 401 404 404 403 403 404",
    ("GET", "/api/interviews/{interview_id}/slots"): "401 401 403 403 409 409 409",
    ("PUT", "/api/interviews/{interview_id}/booking"): "401 401 403 403 409 409 409",
    ("DELETE", "/api/interviews/{interview_id}/booking"): "401 401 403 403 409 409 409",
    ("GET", "/api/invite/{token}/slots"): "401 409 401 401 401 401 401",
    ("PUT", "/api/invite/{token}/booking"): "401 409 401 401 401 401 401",
    ("DELETE", "/api/invite/{token}/booking"): "401 409 401 401 401 401 401",
    ("GET", "/api/admin/message-templates"): ADMIN,
    ("PUT", "/api/admin/message-templates/{name}/{language}"): ADMIN,
    ("POST", "/api/admin/message-templates/{name}/{language}/preview"): ADMIN,
    ("DELETE", "/api/admin/message-templates/{name}/{language}"): ADMIN,  # after the PUT: back to built-in
    # jobs and imports
    ("POST", "/api/jobs"): HR,
    ("GET", "/api/jobs"): STAFF_ONLY,
    ("GET", "/api/jobs/{job_id}/plan"): SEES_A,
    ("GET", "/api/jobs/{job_id}/versions"): SEES_A,
    ("GET", "/api/jobs/templates"): HR,
    ("GET", "/api/jobs/templates/{template_id}"): HR,
    ("POST", "/api/jobs/check"): HR,
    # candidates: search and bulk actions in the user's departments; erasure in bulk for admins
    ("GET", "/api/candidates"): HR,
    ("POST", "/api/candidates/bulk"): HR,
    ("POST", "/api/candidates/erase"): "401 401 403 403 403 403 404",
    ("POST", "/api/import/jobs"): HR,
    ("POST", "/api/import/candidates"): HR,
    # an HR system pushing candidates signs with its connector's secret; no login or invite opens it
    ("POST", "/api/import/hooks/{connector_id}/candidates"): "401 401 401 401 401 401 401",
    ("POST", "/api/import/outcomes"): HR,
    # analytics: HR's and admins', department-scoped (an interviewer sees none)
    ("GET", "/api/analytics/dashboard"): REVIEWS_A,
    ("GET", "/api/analytics/jobs/{job_id}/validity"): REVIEWS_A,
    ("GET", "/api/analytics/jobs/{job_id}/calibration"): REVIEWS_A,
    ("GET", "/api/analytics/jobs/{job_id}/audit"): REVIEWS_A,
    ("GET", "/api/analytics/jobs/{job_id}/weights"): REVIEWS_A,
    ("POST", "/api/analytics/jobs/{job_id}/weights"): ADMIN,
    ("POST", "/api/analytics/jobs/{job_id}/publication"): ADMIN,
    ("GET", "/api/analytics/talent-pool"): REVIEWS_A,
    ("POST", "/api/analytics/talent-pool/invite"): "401 401 403 403 404 404 404",  # names no candidate
    # Greenhouse calls with HTTP Basic (the partner key); no staff cookie or invite opens these
    ("GET", "/api/greenhouse/list_tests"): "401 401 401 401 401 401 401",
    ("POST", "/api/greenhouse/send_test"): "401 401 401 401 401 401 401",
    ("GET", "/api/greenhouse/test_status"): "401 401 401 401 401 401 401",
    ("POST", "/api/greenhouse/request_errors"): "401 401 401 401 401 401 401",
    # admin
    ("GET", "/api/admin/connector-kinds"): ADMIN,
    ("POST", "/api/admin/connectors"): ADMIN,
    ("GET", "/api/admin/connectors"): ADMIN,
    ("GET", "/api/admin/deliveries"): ADMIN,
    ("POST", "/api/admin/deliveries/{delivery_id}/retry"): "401 401 403 403 403 403 404",
    ("DELETE", "/api/admin/candidates/{candidate_id}"): "401 401 403 403 403 403 404",
    ("DELETE", "/api/admin/users/{email}/sessions"): ADMIN,
    ("GET", "/api/admin/metrics"): ADMIN,
    # staff accounts
    ("GET", "/api/admin/users"): ADMIN,
    ("GET", "/api/admin/departments"): ADMIN,
    ("POST", "/api/admin/users"): ADMIN,
    ("PATCH", "/api/admin/users/{user_id}"): "401 401 403 403 403 403 404",
    ("POST", "/api/admin/users/{user_id}/password-reset"): "401 401 403 403 403 403 404",
    ("GET", "/api/admin/schemas/report.json"): PUBLIC,  # receivers fetch the report's schema
    ("POST", "/api/admin/connectors/{connector_id}/disable"): "401 401 403 403 403 403 404",
    ("POST", "/api/admin/connectors/{connector_id}/enable"): "401 401 403 403 403 403 404",
    ("POST", "/api/admin/connectors/{connector_id}/rotate-secret"): "401 401 403 403 403 403 404",
    # privacy: notices, the audit trail, access requests, legal holds
    ("GET", "/api/admin/consent-texts"): ADMIN,
    ("POST", "/api/admin/consent-texts"): ADMIN,
    ("GET", "/api/admin/audit/verify"): ADMIN,
    ("GET", "/api/admin/audit/export"): ADMIN,
    ("GET", "/api/candidates/{candidate_id}/export"): "401 401 403 403 404 404 404",
    ("PUT", "/api/interviews/{interview_id}/legal-hold"): REVIEWS_A,
    # last, as they change the interview: cancelling or reissuing a finished one is refused, revoking its
    # link is not; the candidate withdraws from an interview of their own (it erases them)
    ("POST", "/api/interviews/{interview_id}/cancel"): "401 401 403 403 409 409 409",
    ("POST", "/api/interviews/{interview_id}/invite/reissue"): "401 401 403 403 409 409 409",
    ("POST", "/api/interviews/{interview_id}/invite/revoke"): REVIEWS_A,
    ("POST", "/api/invite/{token}/withdraw"): "401 2xx 401 401 401 401 401",
    # editing stores the next version and retires this one (so it comes last): HR of department A
    # edits it; the others then hold an earlier version, which cannot be edited
    ("PUT", "/api/jobs/{job_id}"): "401 401 403 403 2xx 409 409",
}

PLAN = {
    "title": "Matrix job",
    "language": "en",
    "department": DEPT_A,
    "competencies": [{"name": "analysis"}],
    "questions": [{"competency": "analysis", "kind": "behavioural", "text": "Tell me about an analysis."}],
}
BODIES: dict[tuple[str, str], Any] = {
    ("POST", "/api/auth/login"): {},  # 422: left invalid (a valid one would log the caller in)
    ("POST", "/api/invite/{token}/consent"): {
        "version": "{consent_version}",
        "recording": True,
        "ai_evaluation": True,
    },
    ("POST", "/api/invite/{token}/offer"): {"sdp": "{offer}", "type": "offer"},  # 409: the call is over
    ("POST", "/api/invite/{token}/code"): {"question_id": "q1", "code": "x = 1"},  # 409: the call is over
    ("POST", "/api/invite/{token}/survey"): {"rating": 4, "comment": "Clear questions."},
    ("POST", "/api/interviews/{interview_id}/control"): {"action": "inject", "text": "Salary?"},  # 409: over
    ("POST", "/api/interviews/{interview_id}/watch"): {"sdp": "{offer}", "type": "offer"},  # 409: not live
    ("POST", "/api/interviews/{interview_id}/review"): {
        "status": "on_hold",
        "recommendation": "yes",
        "comment": "matrix",
    },
    ("POST", "/api/interviews/{interview_id}/resume"): "EXPERIENCE  Acme Ltd | Engineer | 2019 - 2021",  # 409
    ("POST", "/api/interviews/{interview_id}/notes"): {"text": "matrix note", "t_s": 1.0},
    ("PUT", "/api/interviews/{interview_id}/feedback"): {"text": "Dear candidate, thank you."},
    ("PUT", "/api/interviews/{interview_id}/score-marks/{score_id}"): {
        "reasonable": False,
        "reason": "matrix",
    },
    ("POST", "/api/invite/{token}/device-check"): {"camera": True, "microphone": True, "network": True},
    ("POST", "/api/jobs"): PLAN,
    ("PUT", "/api/jobs/{job_id}"): PLAN,
    ("POST", "/api/jobs/check"): PLAN,
    ("POST", "/api/candidates/bulk"): {
        "action": "interview",
        "candidate_ids": ["{seeded_candidate}"],
        "job_id": "{job_id}",
    },
    ("POST", "/api/candidates/erase"): {"candidate_ids": ["{candidate_id}"]},
    ("POST", "/api/admin/users"): {"email": "matrix-invite@example.test", "name": "Matrix", "role": "hr"},
    ("PATCH", "/api/admin/users/{user_id}"): {"department": "Finance"},
    ("POST", "/api/auth/password"): {"token": "forged-password-token", "password": "a long new password"},
    ("POST", "/api/auth/password-reset"): {"email": "matrix-forgot@example.test"},
    ("POST", "/api/admin/message-templates/{name}/{language}/preview"): {
        "subject": "Reminder: $job_title",
        "text": "Open $link",
    },
    ("POST", "/api/interviews/{interview_id}/invitation"): {"to": "matrix@example.test"},
    ("POST", "/api/interviews/{interview_id}/next-step"): {"kind": "next_round"},
    ("PUT", "/api/jobs/{job_id}/invite-policy"): {"window_hours": 48, "reminder_hours": [12]},
    ("POST", "/api/availability"): {
        "starts_at": "{window_start}",
        "ends_at": "{window_end}",
        "timezone": "Asia/Shanghai",
        "slot_minutes": 30,
    },
    ("PUT", "/api/interviews/{interview_id}/booking"): {
        "availability_id": "x",
        "starts_at": "{window_start}",
    },
    ("PUT", "/api/invite/{token}/booking"): {"availability_id": "x", "starts_at": "{window_start}"},
    ("PUT", "/api/admin/message-templates/{name}/{language}"): {
        "subject": "Reminder: $job_title",
        "text": "Your interview closes at $deadline: $link",
    },
    ("POST", "/api/import/jobs"): [PLAN],
    ("POST", "/api/import/candidates"): [{"name": "Matrix Candidate", "job": "{job_id}"}],
    ("POST", "/api/import/outcomes"): [{"interview_id": "{interview_id}", "performance": 3.5}],
    ("POST", "/api/analytics/jobs/{job_id}/weights"): {
        "weights": {"leadership": 1, "teamwork": 1, "motivation": 1}
    },
    ("POST", "/api/analytics/jobs/{job_id}/publication"): {"fields": ["rank", "name", "score"]},
    ("POST", "/api/analytics/talent-pool/invite"): {
        "candidate_id": "no-such-candidate",
        "job_id": "{job_id}",
    },
    ("POST", "/api/invite/{token}/self-id"): {"consent": True, "answers": {"sex": "female"}},
    ("POST", "/api/greenhouse/send_test"): {},
    ("POST", "/api/greenhouse/request_errors"): {},
    ("POST", "/api/admin/connectors"): {
        "name": "matrix",
        "kind": "webhook",
        "url": "https://hr.example.com/hook",
    },
    ("POST", "/api/admin/consent-texts"): {
        "language": "en",
        "jurisdiction": "matrix",
        "version": "matrix-1",
        "text": "We record this interview.",
    },
    ("PUT", "/api/interviews/{interview_id}/legal-hold"): {"hold": False},
    ("POST", "/api/interviews/{interview_id}/cancel"): {"reason": "matrix"},
    ("POST", "/api/admin/connectors/{connector_id}/rotate-secret"): {},
}
PARAMS: dict[tuple[str, str], dict[str, str]] = {
    ("GET", "/api/analytics/talent-pool"): {"competency": "leadership"},
    ("GET", "/api/greenhouse/test_status"): {"partner_interview_id": "x"},
    ("GET", "/api/auth/oidc/callback"): {"code": "a-code", "state": "a-state"},
}
# 404 for the admin: these ids name nothing (erasing or replaying a real one is tested elsewhere).
MISSING = {
    "delivery_id": "no-such-delivery",
    "candidate_id": "no-such-candidate",
    "connector_id": "no-such-connector",
    "user_id": "no-such-user",
    "message_id": "no-such-message",
    "availability_id": "no-such-window",
}


@dataclass
class World:
    review: Review
    clients: dict[str, TestClient]
    values: dict[str, str]  # path parameters and body placeholders
    token: str
    withdrawing: str  # the invite of another candidate, who withdraws


def declared_routes(app: Any) -> set[tuple[str, str]]:
    """Every (method, path) the app answers: API routes, pages, docs, WebSockets, static files."""
    found = set(walk(app.routes, ""))
    schema = app.openapi()["paths"]
    in_schema = {(m.upper(), p) for p, ops in schema.items() for m in ops}
    assert in_schema <= found, in_schema - found
    return found


def walk(routes: Any, prefix: str) -> Iterator[tuple[str, str]]:
    for route in routes:
        if isinstance(route, APIWebSocketRoute):
            yield ("WS", prefix + route.path)
        elif isinstance(route, APIRoute | Route):
            yield from ((m, prefix + route.path) for m in (route.methods or ()) if m != "HEAD")
        elif isinstance(route, Mount):
            yield ("GET", prefix + route.path + "/{path}")
        elif hasattr(route, "original_router"):  # FastAPI 0.16x keeps included routers nested
            yield from walk(route.original_router.routes, prefix + route.include_context.prefix)
        else:
            raise AssertionError(f"a kind of route the matrix does not know: {route!r}")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    data = tmp_path_factory.mktemp("matrix") / "data"
    settings = Settings(environment="test", secret_key=TEST_SECRET, data_dir=data, outbox_in_server=False)
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        review = Review(client, settings)
        seeded = review.finished(department=DEPT_A)
        clients = {role: TestClient(client.app, follow_redirects=False) for role in ROLES}
        review.staff("revoke-target@example.test", "interviewer")
        for role, (kind, department) in STAFF.items():
            review.staff(f"{role}@example.test", kind, department)
            login(clients[role], role)
        values = {
            "interview_id": seeded["interview_id"],
            "recording_id": seeded["recording_id"],
            "score_id": seeded["score_id"],
            "job_id": seeded["job_id"],
            "seeded_candidate": seeded["candidate_id"],
            "template_id": "sales.zh",
            "email": "revoke-target@example.test",
            "path": "style.css",
            "name": "reminder",
            "language": "en",
            "consent_version": settings.consent_version,
            "offer": browser_offer(),
            "window_start": f"{datetime.now(UTC) + timedelta(days=1):%Y-%m-%dT09:00}",
            "window_end": f"{datetime.now(UTC) + timedelta(days=1):%Y-%m-%dT12:00}",
            **MISSING,
        }
        other = review.finished(department=DEPT_A)
        yield World(review, clients, values, seeded["invite_token"], other["invite_token"])


def login(client: TestClient, role: str) -> None:
    r = client.post("/api/auth/login", json={"email": f"{role}@example.test", "password": PASSWORD})
    assert r.status_code == 200, r.text


def fill(template: Any, values: dict[str, str]) -> Any:
    """The template with `{name}` placeholders replaced (in strings, lists and dicts)."""
    if isinstance(template, str):
        return template.format(**values)
    if isinstance(template, list):
        return [fill(t, values) for t in template]
    if isinstance(template, dict):
        return {k: fill(v, values) for k, v in template.items()}
    return template


def answer_class(status: int, expected: str) -> bool:
    for option in expected.split("|"):
        if option.endswith("xx") and status // 100 == int(option[0]):
            return True
        if option.isdigit() and status == int(option):
            return True
    return False


def call(world: World, role: str, method: str, path: str) -> int:
    own = world.withdrawing if path.endswith("/withdraw") else world.token
    values = {**world.values, "token": own if role == "candidate" else "forged-invite-token"}
    url = fill(path, values)
    client = world.clients[role]
    if method == "WS":
        try:
            with client.websocket_connect(url) as ws:
                assert ws.receive_json()["type"] == "snapshot"
                return 200
        except WebSocketDisconnect as closed:
            return closed.code - 4000  # 4401, 4404: the HTTP status in the close code
        except WebSocketDenialResponse as denied:
            return denied.status_code
    body = fill(BODIES.get((method, path)), values)
    r = client.request(method, url, json=body, params=PARAMS.get((method, path)))
    if path == "/api/auth/logout" and role in STAFF:
        login(client, role)
    return r.status_code


def test_every_route_is_in_the_matrix(world: World) -> None:
    routes = declared_routes(world.review.client.app)
    assert not routes - MATRIX.keys(), f"add these routes to MATRIX: {sorted(routes - MATRIX.keys())}"
    assert not MATRIX.keys() - routes, f"these routes are gone: {sorted(MATRIX.keys() - routes)}"
    assert all(len(cells.split()) == len(ROLES) for cells in MATRIX.values())


def test_every_role_gets_the_answer_the_matrix_says(world: World) -> None:
    wrong = []
    for (method, path), cells in MATRIX.items():
        for role, expected in zip(ROLES, cells.split(), strict=True):
            status = call(world, role, method, path)
            if not answer_class(status, expected):
                wrong.append(f"{role:>13} {method} {path}: {status}, expected {expected}")
    assert not wrong, f"{len(wrong)} of {len(MATRIX) * len(ROLES)} calls:\n" + "\n".join(wrong)
