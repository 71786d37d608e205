"""Greenhouse Assessment Partner: results back to Greenhouse when an interview's report is ready.

Greenhouse calls our partner endpoints (`list_tests`, `send_test`, `test_status`, `request_errors`,
served by the server, HTTP Basic with the org's API key as user name); `send_test` gives a `url` that
we PATCH, with the same test status body, once the interview is complete and again after HR review.
"""

from __future__ import annotations

import secrets
from typing import Any

import httpx
from pydantic import BaseModel

from ehr_sync.connectors.webhook import verdict
from ehr_sync.model import Delivery, EndpointConfig, PushResult

EVENTS = ("report.ready", "report.reviewed", "candidate.deleted")
ERASURE_BY_HAND = (
    "Greenhouse offers assessment partners no call to delete a candidate's results: ask a Greenhouse admin "
    "to delete or anonymize this candidate's test results by hand (partner_interview_ids: {ids})"
)
MAX_KEY_CHARS = 170  # Greenhouse requires keys shorter than 171 characters


class GreenhouseOptions(BaseModel):
    """`job_ids` limits the tests (jobs) offered to Greenhouse; none means every job."""

    job_ids: list[str] | None = None


def new_api_key() -> str:
    """A partner API key for Greenhouse to use (HTTP Basic user name), when the admin gives none."""
    return secrets.token_urlsafe(32)


def check_api_key(key: str) -> None:
    """Refuse keys Greenhouse would not accept (ValueError)."""
    if len(key) > MAX_KEY_CHARS:
        raise ValueError(f"a Greenhouse API key must be shorter than {MAX_KEY_CHARS + 1} characters")


def test_status(report: dict[str, Any] | None, profile_url: str) -> dict[str, Any]:
    """The `test_status` body: partner_status, partner_profile_url, partner_score (0-100), flat metadata."""
    if report is None:
        return {"partner_status": "pending", "partner_profile_url": profile_url}
    review = report.get("review") or {}
    metadata: dict[str, str] = {}
    for c in report.get("competencies", []):
        score = c.get("human_score") if c.get("human_score") is not None else c.get("score")
        metadata[c["name"]] = f"{float(score):.1f}/5" if score is not None else "not covered"
    metadata["recommendation"] = str(report.get("recommendation") or "")
    if report.get("human_evaluation_requested"):
        metadata["evaluation"] = "human evaluation requested (no AI scores)"
    metadata["review_status"] = str(review.get("status") or "pending_review")
    if review.get("decided_by"):
        metadata["reviewed_by"] = str(review["decided_by"])
    overall = report.get("overall_score")
    return {
        "partner_status": "complete",
        "partner_profile_url": profile_url,
        "partner_score": round(float(overall) * 20) if overall is not None else None,
        "metadata": metadata,
    }


class GreenhouseConnector:
    """PATCHes the `url` Greenhouse gave in `send_test` with the completed test status."""

    def __init__(self, endpoint: EndpointConfig, client: httpx.AsyncClient) -> None:
        if not endpoint.secrets:
            raise ValueError("a Greenhouse connector needs the partner API key")
        self._key = endpoint.secrets[0]
        self._endpoint_id = endpoint.id
        self._client = client

    async def push(self, delivery: Delivery) -> PushResult:
        """One attempt."""
        if delivery.event_type not in EVENTS:
            return PushResult("delivered", None, error="no Greenhouse update for this event")
        if delivery.event_type == "candidate.deleted":
            return erasure(delivery.payload)
        report = delivery.payload
        refs = report.get("candidate_external_refs") or {}
        callback = refs.get("greenhouse_callback_url")
        if not callback:
            return PushResult("delivered", None, error="skipped: not a Greenhouse test")
        if refs.get("greenhouse_connector") != self._endpoint_id:
            # Our key goes only to the URL this connector's own send_test gave.
            return PushResult("delivered", None, error="skipped: a test sent through another connector")
        body = {
            "partner_interview_id": report["interview_id"],
            **test_status(report, (report.get("links") or {}).get("report", "")),
        }
        try:
            response = await self._client.patch(callback, json=body, auth=(self._key, ""))
        except httpx.HTTPError as exc:
            return PushResult("retry", None, None, f"{type(exc).__name__}: {exc}")
        return verdict(response)


def erasure(payload: dict[str, Any]) -> PushResult:
    """A person must erase in Greenhouse (its partner API has no delete); skipped if it never had data."""
    if not (payload.get("candidate_external_refs") or {}).get("greenhouse_callback_url"):
        return PushResult(
            "delivered", None, error="skipped: nothing about this candidate was sent to Greenhouse"
        )
    ids = ", ".join(payload.get("interview_ids") or []) or "none"
    return PushResult("action_required", None, error=ERASURE_BY_HAND.format(ids=ids))
