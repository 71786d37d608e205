"""Feishu Hire (飞书招聘): reports become external interviews with assessments (外部面试 / 外部面评).

Contract (open.feishu.cn, hire v1): a tenant access token from
`POST /open-apis/auth/v3/tenant_access_token/internal` {app_id, app_secret}, valid for `expire` seconds;
`POST /open-apis/hire/v1/external_interviews` {external_id, external_application_id, participate_status,
begin_time, end_time, interview_assessments} (external_id is idempotent for 24 hours);
`POST /open-apis/hire/v1/external_interview_assessments` {external_id, username, conclusion
(1 不通过, 2 通过, 3 待定), assessment_dimension_list, content, external_interview_id};
`POST /open-apis/hire/v1/external_interviews/batch_query?external_application_id=` (paged: page_size
at most 20, page_token); `DELETE /open-apis/hire/v1/external_interviews/:external_interview_id` (删除外部面试,
on erasure: every external interview we created for the candidate goes). Every answer is
`{"code": 0, "msg", "data"}`; a non-zero code is an error (an expired token is refreshed and retried).
The candidate's external application id comes from the import (`candidate_external_refs`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx
from pydantic import BaseModel, Field

from ehr_sync.model import Delivery, EndpointConfig, PushResult

EVENTS = ("report.ready", "report.reviewed", "candidate.deleted")

TOKEN_PATH = "/open-apis/auth/v3/tenant_access_token/internal"
INTERVIEWS = "/open-apis/hire/v1/external_interviews"
ASSESSMENTS = "/open-apis/hire/v1/external_interview_assessments"
TOKEN_INVALID = (99991663, 99991661, 99991668)
CONCLUSION = {"next_round": 2, "rejected": 1, "on_hold": 3, "pending_review": 3}
REFRESH_MARGIN_S = 300


class FeishuOptions(BaseModel):
    """The open platform app whose secret is the connector's secret (`app_id` is `cli_...`)."""

    app_id: str = Field(min_length=1)


class FeishuError(Exception):
    """A non-zero `code` (or an HTTP error) from Feishu."""

    def __init__(self, code: int | None, message: str, retry_after: float | None = None) -> None:
        super().__init__(f"feishu {code}: {message}")
        self.code, self.retry_after = code, retry_after


@dataclass
class TenantToken:
    """A cached tenant access token (outlives connector reloads)."""

    value: str = ""
    expires_at: float = 0.0


def _ms(value: str | None) -> int | None:
    return int(datetime.fromisoformat(value).timestamp() * 1000) if value else None


def dimensions(report: dict[str, Any]) -> list[dict[str, Any]]:
    """One 打分题 per covered competency (0-100: the 1-5 score x 20), the reviewer's score when given."""
    out = []
    for c in report.get("competencies", []):
        score = c.get("human_score") if c.get("human_score") is not None else c.get("score")
        if score is None:
            continue
        quotes = "；".join(q["text"] for q in c.get("evidence", [])[:3])
        out.append(
            {
                "assessment_type": 1,
                "title": c["name"],
                "score": round(float(score) * 20),
                "description": f"{float(score):.1f}/5" + (f" · {quotes}" if quotes else ""),
            }
        )
    return out


class FeishuHireConnector:
    """Pushes `report.ready` (待定 until reviewed) and `report.reviewed` (the HR decision)."""

    def __init__(
        self, endpoint: EndpointConfig, client: httpx.AsyncClient, token: TenantToken | None = None
    ) -> None:
        if not endpoint.secrets or not endpoint.options.get("app_id"):
            raise ValueError("a Feishu connector needs options.app_id and the app secret")
        self._endpoint = endpoint
        self._options = FeishuOptions.model_validate(endpoint.options)
        self._client = client
        self._base = endpoint.url.rstrip("/")
        self.token = token or TenantToken()

    async def _tenant_token(self, force: bool = False) -> str:
        if not force and self.token.value and time.time() < self.token.expires_at - REFRESH_MARGIN_S:
            return self.token.value
        body = {"app_id": self._options.app_id, "app_secret": self._endpoint.secrets[0]}
        data = await self._call("POST", TOKEN_PATH, body, auth=False)
        self.token.value = str(data["tenant_access_token"])
        self.token.expires_at = time.time() + float(data.get("expire", 7200))
        return self.token.value

    async def _call(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None = None,
        auth: bool = True,
        params: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        for attempt in (1, 2):
            headers = {"content-type": "application/json; charset=utf-8"}
            if auth:
                headers["authorization"] = f"Bearer {await self._tenant_token(force=attempt == 2)}"
            response = await self._client.request(
                method, self._base + path, json=body, headers=headers, params=params or None
            )
            if response.status_code == 429:
                after = response.headers.get("retry-after")
                raise FeishuError(429, "rate limited", float(after) if after and after.isdigit() else None)
            try:
                answer = response.json()
            except ValueError:
                raise FeishuError(None, f"HTTP {response.status_code}, not JSON") from None
            code = int(answer.get("code", -1))
            if code == 0:
                return dict(answer.get("data") or answer)
            if auth and code in TOKEN_INVALID and attempt == 1:
                continue  # the token expired early or was revoked: fetch a new one, once
            raise FeishuError(code, str(answer.get("msg", "")))
        raise FeishuError(None, "unreachable")

    async def _interviews(self, application_id: str) -> list[dict[str, Any]]:
        """Every external interview of an application, page by page."""
        items: list[dict[str, Any]] = []
        page: dict[str, str] = {"external_application_id": application_id, "page_size": "20"}
        while True:
            data = await self._call("POST", INTERVIEWS + "/batch_query", {}, params=page)
            items.extend(data.get("items", []))
            if not data.get("has_more") or not data.get("page_token"):
                return items
            page["page_token"] = str(data["page_token"])

    async def _find_interview(self, application_id: str, external_id: str) -> str | None:
        for item in await self._interviews(application_id):
            if item.get("external_id") == external_id:
                return str(item["id"])
        return None

    async def _erase(self, payload: dict[str, Any], application: str) -> None:
        """Delete the external interviews (and their assessments) we created for the candidate."""
        ours = set(payload.get("interview_ids") or [])
        for item in await self._interviews(application):
            if item.get("external_id") in ours:
                await self._call("DELETE", f"{INTERVIEWS}/{item['id']}")

    async def push(self, delivery: Delivery) -> PushResult:
        """One attempt."""
        if delivery.event_type not in EVENTS:
            return PushResult("delivered", None, error="no Feishu record for this event")
        report = delivery.payload
        application = (report.get("candidate_external_refs") or {}).get("feishu_application")
        if not application:
            return PushResult("delivered", None, error="skipped: the candidate has no Feishu application id")
        try:
            if delivery.event_type == "candidate.deleted":
                await self._erase(report, str(application))
            else:
                await self._push(delivery.event_type, report, str(application))
        except FeishuError as exc:
            return PushResult("retry", exc.code if exc.code == 429 else None, exc.retry_after, str(exc))
        except httpx.HTTPError as exc:
            return PushResult("retry", None, None, f"{type(exc).__name__}: {exc}")
        return PushResult("delivered", 200)

    async def _push(self, event_type: str, report: dict[str, Any], application: str) -> None:
        interview_id = str(report["interview_id"])
        review = report.get("review") or {}
        assessment = {
            "username": review.get("decided_by") or "AI interviewer",
            "conclusion": CONCLUSION.get(str(review.get("status", "pending_review")), 3),
            "assessment_dimension_list": dimensions(report),
            "content": review.get("comment") or _summary(report),
        }
        if event_type == "report.ready":
            existing = await self._find_interview(application, interview_id)
            if existing is not None:  # a retry after a lost answer: created already
                return
            await self._call(
                "POST",
                INTERVIEWS,
                {
                    "external_id": interview_id,
                    "external_application_id": application,
                    "participate_status": 2,
                    "end_time": _ms(report.get("completed_at")),
                    "interview_assessments": [{**assessment, "external_id": report["report_id"]}],
                },
            )
            return
        feishu_interview = await self._find_interview(application, interview_id)
        if feishu_interview is None:
            raise FeishuError(None, "the external interview is not in Feishu yet (report.ready first)")
        decided = str(review.get("decided_at") or "")
        await self._call(
            "POST",
            ASSESSMENTS,
            {
                **assessment,
                "external_id": f"{report['report_id']}-reviewed-{decided}",
                "external_interview_id": feishu_interview,
            },
        )


def _summary(report: dict[str, Any]) -> str:
    if report.get("human_evaluation_requested"):
        return (
            f"Human evaluation requested (no AI scores). {report.get('links', {}).get('report', '')}".strip()
        )
    overall = report.get("overall_score")
    head = f"AI overall {overall:.1f}/5" if overall is not None else "AI overall: not enough evidence"
    return f"{head}; pending human review. {report.get('links', {}).get('report', '')}".strip()
