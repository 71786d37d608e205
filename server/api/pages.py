"""The HTML pages (static files; their scripts call the API)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import FileResponse, RedirectResponse

from web import STATIC_DIR

router = APIRouter(include_in_schema=False)


def _page(name: str) -> FileResponse:
    return FileResponse(STATIC_DIR / name, media_type="text/html", headers={"Cache-Control": "no-store"})


@router.get("/")
async def root() -> RedirectResponse:
    """Staff land on the console."""
    return RedirectResponse("/console")


@router.get("/login")
async def login_page() -> FileResponse:
    """Staff login."""
    return _page("login.html")


@router.get("/console")
async def console_list() -> FileResponse:
    """Interviews list."""
    return _page("interviews.html")


@router.get("/console/{interview_id}")
async def console_page(interview_id: str) -> FileResponse:
    """Live console of one interview."""
    return _page("console.html")


@router.get("/i/{token}")
async def candidate_page(token: str) -> FileResponse:
    """The candidate's page, opened from the invite link."""
    return _page("candidate.html")


@router.get("/availability")
async def availability_page() -> FileResponse:
    """Interviewers publish the times they take interviews in; HR sees them."""
    return _page("availability.html")


@router.get("/review/{interview_id}")
async def review_page(interview_id: str) -> FileResponse:
    """HR review of one interview: recording, synced transcript, scorecard, decision."""
    return _page("review.html")


@router.get("/report/{interview_id}")
async def report_page(interview_id: str) -> FileResponse:
    """The printable report of one interview."""
    return _page("report.html")


@router.get("/admin")
async def admin_page() -> FileResponse:
    """Admin: HR-system connectors and the delivery log."""
    return _page("admin.html")


@router.get("/jobs")
async def jobs_page() -> FileResponse:
    """HR: jobs and the job editor (templates, competencies, questions, coverage, versions)."""
    return _page("jobs.html")


@router.get("/candidates")
async def candidates_page() -> FileResponse:
    """HR: candidates (add, paste, upload CSV/Excel, search, bulk actions)."""
    return _page("candidates.html")


@router.get("/staff")
async def staff_page() -> FileResponse:
    """Admin: staff accounts and departments."""
    return _page("staff.html")


@router.get("/password")
async def password_page() -> FileResponse:
    """Setting a password from an invitation or reset link."""
    return _page("password.html")


@router.get("/unsubscribe/{token}")
async def unsubscribe_page(token: str) -> FileResponse:
    """The unsubscribe link in a candidate's messages (the page asks before it posts)."""
    return _page("unsubscribe.html")


@router.get("/analytics")
async def analytics_page() -> FileResponse:
    """HR dashboard: funnel, times, AI-HR agreement, presence flags, with charts and exports."""
    return _page("analytics.html")


@router.get("/publication")
async def publication_page() -> FileResponse:
    """Admin: the results publication (公示) of a job, with masking, as Excel or PDF."""
    return _page("publication.html")


@router.get("/templates")
async def templates_page() -> FileResponse:
    """Admins edit the wording of candidate and staff messages (zh and en), with a preview."""
    return _page("templates.html")


@router.get("/talent-pool")
async def talent_pool_page() -> FileResponse:
    """HR search past candidates by competency evidence and invite them to a job."""
    return _page("talent-pool.html")
