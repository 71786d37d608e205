"""Analytics for HR: predictive validity, suggested weights and the bias audit, per job (department-scoped).

Interviewers do not see these: they are about the hiring process, not about one candidate.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from server.db.models import User
from server.deps import RequireRole, SessionDep, SettingsDep, SignerDep
from server.schemas import (
    BiasAuditOut,
    CalibrationOut,
    DashboardOut,
    ImportedCandidate,
    PoolInviteIn,
    PoolMatch,
    PublicationIn,
    PublicationOut,
    ValidityOut,
    WeightsIn,
    WeightVersionOut,
)
from server.services import analytics as service
from server.services import dashboard as dashboard_service
from server.services import dashboard_export, publication, talent_pool, weights
from server.services.analytics_export import audit_csv

router = APIRouter(prefix="/api/analytics", tags=["analytics"])
Analyst = Annotated[User, Depends(RequireRole("hr"))]
Admin = Annotated[User, Depends(RequireRole("admin"))]


@router.get("/jobs/{job_id}/validity")
async def validity(
    job_id: str,
    user: Analyst,
    session: SessionDep,
    metric: Annotated[str, Query(max_length=40)] = "performance",
) -> ValidityOut:
    """How well the AI's scores (and HR's recommendation) predicted an outcome, with 95 % intervals."""
    return await service.validity(session, user, job_id, metric)


@router.get("/jobs/{job_id}/calibration")
async def calibration(
    job_id: str,
    user: Analyst,
    session: SessionDep,
    target: Annotated[str, Query(max_length=40)] = "performance",
) -> CalibrationOut:
    """Weights the outcomes (or, with target=hr, HR's overrides) suggest, beside the current ones."""
    return await service.calibration(session, user, job_id, target)


@router.get("/jobs/{job_id}/audit", response_model=None)
async def audit(
    job_id: str,
    user: Analyst,
    session: SessionDep,
    category: Annotated[str, Query(max_length=40)] = "sex",
    format: Literal["json", "csv"] = "json",  # noqa: A002 - the query parameter's name
) -> BiasAuditOut | Response:
    """Selection and scoring rates per self-reported group, impact ratios and four-fifths flags."""
    report = await service.audit(session, user, job_id, category)
    if format == "csv":
        name = f"bias-audit-{job_id[:12]}-{category}.csv"
        return Response(
            audit_csv(report),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )
    return report


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@router.get("/dashboard", response_model=None)
async def dashboard(
    user: Analyst,
    session: SessionDep,
    job_id: Annotated[str | None, Query(max_length=40)] = None,
    department: Annotated[str | None, Query(max_length=100)] = None,
    since: date | None = None,
    until: date | None = None,
    format: Literal["json", "csv", "xlsx"] = "json",  # noqa: A002 - the query parameter's name
    lang: Literal["en", "zh"] = "en",
) -> DashboardOut | Response:
    """Funnel, drop-out, times, AI-HR agreement and presence flags for the jobs the user may see."""
    numbers = await dashboard_service.dashboard(session, user, job_id, department, since, until)
    if format == "csv":
        return Response(
            dashboard_export.to_csv(numbers, lang),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="dashboard.csv"'},
        )
    if format == "xlsx":
        return Response(
            dashboard_export.to_xlsx(numbers, lang),
            media_type=XLSX,
            headers={"Content-Disposition": 'attachment; filename="dashboard.xlsx"'},
        )
    return numbers


@router.get("/jobs/{job_id}/weights")
async def weight_versions(job_id: str, user: Analyst, session: SessionDep) -> list[WeightVersionOut]:
    """The job's accepted weight versions (version 1: the weights it had before the first change)."""
    return await weights.versions(session, user, job_id)


@router.post("/jobs/{job_id}/weights", status_code=201)
async def accept_weights(job_id: str, body: WeightsIn, user: Admin, session: SessionDep) -> WeightVersionOut:
    """Accept new weights (e.g. the calibration's suggestion); earlier interviews keep theirs."""
    return await weights.accept(session, user, job_id, body)


@router.post("/jobs/{job_id}/publication", response_model=None)
async def publish(
    job_id: str, body: PublicationIn, user: Admin, session: SessionDep
) -> PublicationOut | Response:
    """The results publication (公示): columns and masking as the admin chose, as JSON, Excel or PDF."""
    pub = await publication.table(session, user, job_id, body)
    if body.format == "xlsx":
        return Response(
            publication.to_xlsx(pub),
            media_type=XLSX,
            headers={"Content-Disposition": 'attachment; filename="publication.xlsx"'},
        )
    if body.format == "pdf":
        return Response(
            publication.to_pdf(pub),
            media_type="application/pdf",
            headers={"Content-Disposition": 'attachment; filename="publication.pdf"'},
        )
    return pub


@router.get("/talent-pool")
async def search_pool(
    user: Analyst,
    session: SessionDep,
    competency: Annotated[str, Query(min_length=1, max_length=100)],
    min_score: Annotated[float, Query(ge=1, le=5)] = 4.0,
    quantified: bool = False,
) -> list[PoolMatch]:
    """Past candidates by competency evidence (e.g. customer_focus >= 4 with a quantified result)."""
    return await talent_pool.search(session, user, competency, min_score, quantified)


@router.post("/talent-pool/invite", status_code=201)
async def invite_from_pool(
    body: PoolInviteIn, user: Analyst, session: SessionDep, signer: SignerDep, settings: SettingsDep
) -> ImportedCandidate:
    """Invite a pool candidate to a new job: a new interview and its invite link."""
    return await talent_pool.invite(session, user, body, signer, settings.public_url)
