"""A local server implementing the Feishu Hire contract we use, as documented on open.feishu.cn.

Tenant tokens from `/open-apis/auth/v3/tenant_access_token/internal` (app id and secret checked); every
hire call needs `Authorization: Bearer <live token>` (99991663 otherwise, which `revoke()` simulates);
external interviews need a known external application and an external_id not used in the last 24 hours;
assessments need an existing external interview and a conclusion of 1, 2 or 3; DELETE of an external
interview removes it with its assessments (删除外部面试). It records what it accepted and deleted.
"""

from __future__ import annotations

import itertools
import threading
from typing import Any

from tests.ehr_sync.jsonserver import JsonServer


class FeishuServer(JsonServer):
    """Feishu's open platform, the parts Hire external interviews use."""

    def __init__(self, app_id: str, app_secret: str, applications: set[str]) -> None:
        self.app_id, self.app_secret, self.applications = app_id, app_secret, applications
        self.tokens: set[str] = set()
        self.tokens_issued = 0
        self.interviews: list[dict[str, Any]] = []
        self.assessments: list[dict[str, Any]] = []
        self.errors: list[int] = []
        self.deleted: list[str] = []
        self._ids = itertools.count(7_000_000_000_000_000_000)
        self._lock = threading.Lock()
        super().__init__()

    def respond(
        self, method: str, path: str, query: dict[str, str], body: Any, headers: dict[str, str]
    ) -> tuple[int, dict[str, Any] | None]:
        status, answer = self.handle(method, path, query, body, headers.get("authorization", ""))
        if answer.get("code"):
            self.errors.append(int(answer["code"]))
        return status, answer

    def revoke(self) -> None:
        """Every issued token stops working (as after expiry)."""
        with self._lock:
            self.tokens.clear()

    def handle(
        self, method: str, path: str, query: dict[str, str], body: dict[str, Any], auth: str
    ) -> tuple[int, dict[str, Any]]:
        with self._lock:
            if path == "/open-apis/auth/v3/tenant_access_token/internal":
                if body.get("app_id") != self.app_id or body.get("app_secret") != self.app_secret:
                    return 200, {"code": 10014, "msg": "app secret invalid"}
                self.tokens_issued += 1
                token = f"t-{self.tokens_issued:04d}"
                self.tokens.add(token)
                return 200, {"code": 0, "msg": "ok", "tenant_access_token": token, "expire": 7200}
            if auth.removeprefix("Bearer ") not in self.tokens:
                return 400, {"code": 99991663, "msg": "Invalid access token for authorization"}
            if path == "/open-apis/hire/v1/external_interviews":
                if body.get("external_application_id") not in self.applications:
                    return 200, {"code": 1002002, "msg": "external application not found"}
                if any(i["external_id"] == body.get("external_id") for i in self.interviews):
                    return 200, {"code": 1002001, "msg": "external_id can only be created once in 24 hours"}
                for a in body.get("interview_assessments", []):
                    if a.get("conclusion") not in (1, 2, 3):
                        return 200, {"code": 1002003, "msg": "invalid conclusion"}
                record = {"id": str(next(self._ids)), **body}
                self.interviews.append(record)
                return 200, {"code": 0, "msg": "success", "data": {"external_interview": record}}
            if method == "DELETE" and path.startswith("/open-apis/hire/v1/external_interviews/"):
                found = [i for i in self.interviews if i["id"] == path.rsplit("/", 1)[1]]
                if not found:
                    return 200, {"code": 1002004, "msg": "external interview not found"}
                self.interviews.remove(found[0])
                self.assessments = [
                    a for a in self.assessments if a["external_interview_id"] != found[0]["id"]
                ]
                self.deleted.append(found[0]["id"])
                return 200, {"code": 0, "msg": "success", "data": {}}
            if path == "/open-apis/hire/v1/external_interviews/batch_query":
                app = query.get("external_application_id")
                items = [i for i in self.interviews if i["external_application_id"] == app]
                return 200, {"code": 0, "msg": "success", "data": {"items": items, "has_more": False}}
            if path == "/open-apis/hire/v1/external_interview_assessments":
                if not any(i["id"] == body.get("external_interview_id") for i in self.interviews):
                    return 200, {"code": 1002004, "msg": "external interview not found"}
                if body.get("conclusion") not in (1, 2, 3):
                    return 200, {"code": 1002003, "msg": "invalid conclusion"}
                record = {"id": str(next(self._ids)), **body}
                self.assessments.append(record)
                return 200, {"code": 0, "msg": "success", "data": {"external_interview_assessment": record}}
            return 404, {"code": 404, "msg": "not found"}
