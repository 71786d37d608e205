"""Pure rules of invitations: when reminders fall, whether a due message still goes, the candidate's state.

No I/O and the time passed in, so the schedule is tested exactly on a virtual clock.

Whether a due invitation or reminder is sent:

| situation                                               | invitation | reminder |
|---------------------------------------------------------|------------|----------|
| the invitation was replaced or cancelled                | skipped    | skipped  |
| the interview finished or was cancelled (or withdrawn)  | skipped    | skipped  |
| the candidate has started (live or interrupted)         | sent       | skipped  |
| the candidate unsubscribed                              | sent       | skipped  |
| the deadline has passed                                 | sent       | skipped  |
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from server.db.models import Interview, Invitation

STATES = ("invited", "scheduled", "in_progress", "completed", "under_review", "decision_sent", "cancelled")


def reminder_times(
    now: datetime, deadline: datetime | None, slot: datetime | None, hours_before: Iterable[float]
) -> list[datetime]:
    """When each reminder is due: hours before the slot (if scheduled) or the deadline; future ones only."""
    anchor = slot or deadline
    if anchor is None:
        return []
    times = {anchor - timedelta(hours=h) for h in hours_before if h > 0}
    return sorted(t for t in times if t > now)


def skip_reason(kind: str, interview: Interview | None, invitation: Invitation | None, now: datetime) -> str:
    """Why a due invitation/reminder must not go ('' when it should)."""
    if interview is None:
        return "the interview no longer exists"
    if interview.status in ("finished", "cancelled"):
        return f"the interview is {interview.status}"
    if invitation is not None and invitation.status != "active":
        return f"the invitation was {invitation.status}"
    if kind != "reminder":
        return ""
    if interview.status in ("live", "interrupted"):
        return "the candidate has started"
    if invitation is not None and invitation.unsubscribed_at is not None:
        return "the candidate unsubscribed"
    if invitation is not None and invitation.deadline_at is not None and aware(invitation.deadline_at) <= now:
        return "the deadline has passed"
    return ""


def candidate_state(
    interview: Interview, invitation: Invitation | None, reviewed: bool, decision_sent: bool
) -> str:
    """Where the candidate stands, as the status page shows it (never the decision itself)."""
    if interview.status == "cancelled":
        return "cancelled"
    if interview.status in ("live", "interrupted"):
        return "in_progress"
    if interview.status == "finished":
        if decision_sent:
            return "decision_sent"
        return "under_review" if reviewed or interview.review_status != "pending_review" else "completed"
    return "scheduled" if invitation is not None and invitation.slot_at is not None else "invited"


def past_deadline(interview: Interview, invitation: Invitation | None, now: datetime) -> bool:
    """An unstarted interview whose invitation's deadline has passed: its link no longer opens a call."""
    return (
        interview.status == "scheduled"
        and invitation is not None
        and invitation.deadline_at is not None
        and aware(invitation.deadline_at) <= now
    )


def aware(t: datetime) -> datetime:
    """SQLite hands back naive datetimes for timezone-aware columns: they were stored as UTC."""
    return t if t.tzinfo else t.replace(tzinfo=UTC)
