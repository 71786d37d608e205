"""Scheduling routes: interviewers' availability, and an interview's slot (HR's and the candidate's).

The candidate's routes sit under their invite link (the token is the credential); HR's under the
interview, scoped by department like every interview route.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from server.db.models import User
from server.deps import CurrentUser, RequireRole, SessionDep, SettingsDep, SignerDep
from server.schemas.scheduling import AvailabilityIn, AvailabilityOut, BookingIn, BookingOut, SlotsOut
from server.services import availability, booking, invites

router = APIRouter(prefix="/api", tags=["scheduling"])
candidate_router = APIRouter(prefix="/api/invite", tags=["candidate"])
HR = Annotated[User, Depends(RequireRole("hr"))]
Interviewer = Annotated[User, Depends(RequireRole("interviewer"))]


@router.get("/availability")
async def list_availability(user: CurrentUser, session: SessionDep) -> list[AvailabilityOut]:
    """Windows not yet over: an interviewer's own; HR's department's; all for admins."""
    return await availability.listed(session, user)


@router.post("/availability", status_code=201)
async def publish_availability(
    body: AvailabilityIn, user: Interviewer, session: SessionDep
) -> AvailabilityOut:
    """Publish a window (wall-clock times in a named time zone) cut into slots of `slot_minutes`."""
    return await availability.publish(session, user, body)


@router.delete("/availability/{availability_id}", status_code=204)
async def withdraw_availability(availability_id: str, user: Interviewer, session: SessionDep) -> Response:
    """Remove one of one's windows (refused while a candidate has a slot in it)."""
    await availability.withdraw(session, user, availability_id)
    return Response(status_code=204)


@router.get("/interviews/{interview_id}/slots")
async def interview_slots(
    interview_id: str, user: HR, session: SessionDep, settings: SettingsDep
) -> SlotsOut:
    """The free slots for this interview and the one it has booked."""
    return await booking.slots_for_staff(session, user, interview_id, settings)


@router.put("/interviews/{interview_id}/booking")
async def book_for_candidate(
    interview_id: str, body: BookingIn, user: HR, session: SessionDep, settings: SettingsDep
) -> BookingOut:
    """Book or move the interview's slot for the candidate; both people get the calendar file."""
    return await booking.book_for_staff(session, user, interview_id, body, settings)


@router.delete("/interviews/{interview_id}/booking", status_code=204)
async def cancel_booking(interview_id: str, user: HR, session: SessionDep, settings: SettingsDep) -> Response:
    """Cancel the booked slot; both people get the cancellation and the candidate may pick again."""
    await booking.cancel_for_staff(session, user, interview_id, settings)
    return Response(status_code=204)


@candidate_router.get("/{token}/slots")
async def candidate_slots(
    token: str, session: SessionDep, signer: SignerDep, settings: SettingsDep
) -> SlotsOut:
    """The times the candidate may pick (UTC; the page shows them in the browser's zone)."""
    ctx = await invites.resolve(session, signer, token)
    return await booking.slots(session, ctx.interview, ctx.job, settings)


@candidate_router.put("/{token}/booking")
async def candidate_book(
    token: str, body: BookingIn, session: SessionDep, signer: SignerDep, settings: SettingsDep
) -> BookingOut:
    """Pick a slot, or move the booked one (a limited number of times)."""
    ctx = await invites.resolve(session, signer, token)
    return await booking.book(session, ctx.interview, ctx.job, ctx.candidate, body, "candidate", settings)


@candidate_router.delete("/{token}/booking", status_code=204)
async def candidate_cancel(
    token: str, session: SessionDep, signer: SignerDep, settings: SettingsDep
) -> Response:
    """Cancel the booked slot (another may be picked afterwards)."""
    ctx = await invites.resolve(session, signer, token)
    await booking.cancel(session, ctx.interview, ctx.job, ctx.candidate, "candidate", settings)
    return Response(status_code=204)
