"""Slots booked, moved and cancelled on a virtual clock, on SQLite and PostgreSQL: the unique slot, the
calendar files in the messages both people get, the reminder an hour before, none after a cancellation.

A fake channel records what a real one would send; the worker, templates and database are the real ones.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import icalendar
import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from ehr_sync.messaging.model import Outgoing
from server.bus import InProcessBus
from server.db.models import SlotBooking, User
from server.db.repositories import interviews as interview_repo
from server.errors import Conflict, Unprocessable
from server.schemas import InvitationIn
from server.schemas.scheduling import AvailabilityIn, BookingIn
from server.services import availability, booking, candidate_status, invitations, invites, lifecycle
from server.services.accounts import create_user
from tests.server.invite_world import World, make_world

pytestmark = pytest.mark.asyncio
SHANGHAI = "Asia/Shanghai"


async def setup(w: World, *emails: str) -> tuple[User, list[str]]:
    """An interviewer with 10:00-12:00 Shanghai time the next day (four 30-minute slots) and invitees."""
    async with w.sessions.begin() as s:
        ann = await create_user(s, "ann@example.test", "Ann Interviewer", "interviewer", "a-long-password-1")
    body = AvailabilityIn(
        starts_at=datetime(2030, 12, 2, 10, 0),
        ends_at=datetime(2030, 12, 2, 12, 0),
        timezone=SHANGHAI,
        slot_minutes=30,
    )
    await w.call(availability.publish, ann, body, w.clock())
    tokens = []
    for email in emails:
        iid = await w.interview(email)
        await w.call(invitations.send, w.hr, iid, InvitationIn(scheduling="slot"), w.settings, w.clock())
        tokens.append(token_of(await w.tick(seconds=1)))
    return ann, tokens


def token_of(sent: list[Outgoing]) -> str:
    (invitation,) = sent
    assert invitation.subject == "请选择 后端工程师 面试时间"
    return invitation.text.split("/i/", 1)[1].split()[0]


async def as_candidate(w: World, token: str, fn: Any, *args: Any) -> Any:
    async with w.sessions.begin() as s:
        ctx = await invites.resolve(s, w.signer, token)
        if fn is booking.slots:
            return await fn(s, ctx.interview, ctx.job, w.settings, w.clock())
        return await fn(s, ctx.interview, ctx.job, ctx.candidate, *args, "candidate", w.settings, w.clock())


async def status(w: World, token: str) -> Any:
    async with w.sessions.begin() as s:
        return await candidate_status.status(
            s, await invites.resolve(s, w.signer, token), w.settings, w.clock()
        )


def ics(message: Outgoing) -> icalendar.Calendar:
    (attachment,) = message.attachments
    assert attachment.content_type.startswith("text/calendar; method=")
    cal = icalendar.Calendar.from_ical(attachment.text)
    assert isinstance(cal, icalendar.Calendar)
    return cal


async def test_pick_a_slot_both_get_the_calendar_file_and_a_reminder_comes_an_hour_before(
    engine: AsyncEngine,
) -> None:
    w = await make_world(engine)
    _ann, (token,) = await setup(w, "li.wei@example.test")
    before = await status(w, token)
    assert (before.state, before.scheduling, before.can_join) == ("invited", "slot", False)
    offered = await as_candidate(w, token, booking.slots)
    first = datetime(2030, 12, 2, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai
    assert [s.starts_at for s in offered.slots] == [first + timedelta(minutes=30 * i) for i in range(4)]

    pick = offered.slots[1]
    out = await as_candidate(
        w, token, booking.book, BookingIn(**pick.model_dump(exclude={"ends_at"}), timezone="America/New_York")
    )
    assert (out.starts_at, out.interviewer_name, out.sequence) == (pick.starts_at, "Ann Interviewer", 0)
    after = await status(w, token)
    assert (after.state, after.slot_at, after.can_join) == ("scheduled", pick.starts_at, True)

    sent = {m.to: m for m in await w.tick(seconds=1)}
    candidate, interviewer = sent["li.wei@example.test"], sent["ann@example.test"]
    assert "2030-12-01 21:30 (America/New_York)" in candidate.subject  # the candidate's own zone
    assert "2030-12-02 10:30 (Asia/Shanghai)" in interviewer.subject  # the interviewer's
    for message in (candidate, interviewer):
        cal = ics(message)
        (event,) = cal.walk("VEVENT")
        assert cal["METHOD"] == "REQUEST"
        assert event.decoded("DTSTART") == pick.starts_at and event.decoded("DTEND") == pick.ends_at
    assert ics(candidate).walk("VEVENT")[0]["UID"] == ics(interviewer).walk("VEVENT")[0]["UID"]

    assert await w.tick(hours=16, minutes=29) == []  # 09:00 -> 01:29 UTC: not yet
    reminders = {m.to: m for m in await w.tick(minutes=2)}  # 01:31: an hour before 02:30, to both
    assert sorted(reminders) == ["ann@example.test", "li.wei@example.test"]
    reminder = reminders["li.wei@example.test"]
    assert reminder.subject == "提醒：后端工程师 面试将于 2030-12-01 21:30 (America/New_York) 开始"
    theirs = reminders["ann@example.test"]  # the interviewer's zone, and the way to the console
    assert theirs.subject == "提醒：后端工程师 面试将于 2030-12-02 10:30 (Asia/Shanghai) 开始"
    assert "https://jobs.example.test/console/" in theirs.text and "/i/" not in theirs.text


async def test_two_candidates_cannot_take_the_same_slot(engine: AsyncEngine) -> None:
    w = await make_world(engine)
    _ann, (one, two) = await setup(w, "one@example.test", "two@example.test")
    slot = (await as_candidate(w, one, booking.slots)).slots[0]
    pick = BookingIn(availability_id=slot.availability_id, starts_at=slot.starts_at)
    await as_candidate(w, one, booking.book, pick)
    with pytest.raises(Conflict, match="just taken"):
        await as_candidate(w, two, booking.book, pick)
    assert slot.starts_at not in [s.starts_at for s in (await as_candidate(w, two, booking.slots)).slots]
    assert (await status(w, two)).state == "invited"


async def test_the_unique_constraint_itself_refuses_a_second_row_for_the_slot(engine: AsyncEngine) -> None:
    w = await make_world(engine)
    ann, (one, two) = await setup(w, "one@example.test", "two@example.test")
    ids = []
    for token in (one, two):
        async with w.sessions.begin() as s:
            ids.append((await invites.resolve(s, w.signer, token)).interview.id)
    (window,) = await w.call(availability.listed, ann, w.clock())
    at = datetime(2030, 12, 2, 2, 0, tzinfo=UTC)

    def row(iid: str) -> SlotBooking:
        return SlotBooking(
            interview_id=iid,
            availability_id=window.id,
            interviewer_id=ann.id,
            starts_at=at,
            ends_at=at + timedelta(minutes=30),
        )

    async def both(s: AsyncSession) -> None:
        s.add(row(ids[0]))
        await s.flush()
        s.add(row(ids[1]))
        await s.flush()

    with pytest.raises(IntegrityError):
        await w.call(both)


async def test_reschedule_bumps_the_sequence_and_cancel_sends_cancel_with_the_same_uid(
    engine: AsyncEngine,
) -> None:
    w = await make_world(engine)
    _ann, (token,) = await setup(w, "li.wei@example.test")
    slots = (await as_candidate(w, token, booking.slots)).slots
    await as_candidate(
        w,
        token,
        booking.book,
        BookingIn(availability_id=slots[0].availability_id, starts_at=slots[0].starts_at),
    )
    booked = {m.to: m for m in await w.tick(seconds=1)}
    uid = ics(booked["ann@example.test"]).walk("VEVENT")[0]["UID"]

    moved = await as_candidate(
        w,
        token,
        booking.book,
        BookingIn(availability_id=slots[3].availability_id, starts_at=slots[3].starts_at),
    )
    assert (moved.sequence, moved.reschedules_left) == (1, 1)
    sent = {m.to: m for m in await w.tick(seconds=1)}
    assert "（原为 2030-12-02 02:00 (UTC)）" in sent["li.wei@example.test"].text
    event = ics(sent["ann@example.test"]).walk("VEVENT")[0]
    assert (event["UID"], int(event["SEQUENCE"]), event.decoded("DTSTART")) == (uid, 1, slots[3].starts_at)
    assert slots[0].starts_at in [s.starts_at for s in (await as_candidate(w, token, booking.slots)).slots]

    await as_candidate(w, token, booking.cancel)
    cancelled = {m.to: m for m in await w.tick(seconds=1)}
    for message in cancelled.values():
        cal = ics(message)
        event = cal.walk("VEVENT")[0]
        assert (cal["METHOD"], event["UID"], int(event["SEQUENCE"])) == ("CANCEL", uid, 2)
        assert message.attachments[0].content_type == "text/calendar; method=CANCEL"
    assert (await status(w, token)).state == "invited"
    assert await w.tick(hours=20) == []  # the reminder of the cancelled slot does not go


async def test_moves_are_limited_for_the_candidate_and_not_a_finished_interview(engine: AsyncEngine) -> None:
    w = await make_world(engine)
    _ann, (token,) = await setup(w, "li.wei@example.test")
    slots = (await as_candidate(w, token, booking.slots)).slots
    for slot in (slots[0], slots[1], slots[2]):
        await as_candidate(
            w, token, booking.book, BookingIn(availability_id=slot.availability_id, starts_at=slot.starts_at)
        )
    with pytest.raises(Conflict, match="the most allowed"):
        await as_candidate(
            w,
            token,
            booking.book,
            BookingIn(availability_id=slots[3].availability_id, starts_at=slots[3].starts_at),
        )
    with pytest.raises(Unprocessable, match="not one of the offered slots"):
        await as_candidate(
            w,
            token,
            booking.book,
            BookingIn(
                availability_id=slots[3].availability_id, starts_at=slots[3].starts_at + timedelta(minutes=7)
            ),
        )

    async def finish(s: AsyncSession) -> None:
        ctx = await invites.resolve(s, w.signer, token)
        interview = await interview_repo.get(s, ctx.interview.id)
        assert interview is not None
        interview.status = "finished"

    await w.call(finish)
    with pytest.raises(Conflict, match="finished"):
        await as_candidate(w, token, booking.cancel)
    await w.tick(seconds=1)
    assert await w.tick(hours=20) == []  # no reminder after completion


async def test_an_interviewer_of_another_department_offers_no_slots(engine: AsyncEngine) -> None:
    w = await make_world(engine)
    async with w.sessions.begin() as s:
        finance = await create_user(
            s, "fin@example.test", "Fin", "interviewer", "a-long-password-1", "Finance"
        )
    body = AvailabilityIn(
        starts_at=datetime(2030, 12, 2, 10, 0),
        ends_at=datetime(2030, 12, 2, 12, 0),
        timezone=SHANGHAI,
        slot_minutes=30,
    )
    await w.call(availability.publish, finance, body, w.clock())
    with pytest.raises(Conflict, match="overlaps"):
        await w.call(availability.publish, finance, body, w.clock())
    iid = await w.interview()
    await w.call(invitations.send, w.hr, iid, InvitationIn(scheduling="slot"), w.settings, w.clock())
    token = token_of(await w.tick(seconds=1))
    assert (await as_candidate(w, token, booking.slots)).slots == []  # the job has no department


async def test_hr_moves_the_slot_to_another_interviewer_who_gets_the_request_the_first_the_cancel(
    engine: AsyncEngine,
) -> None:
    w = await make_world(engine)
    _ann, (token,) = await setup(w, "li.wei@example.test")
    async with w.sessions.begin() as s:
        bob = await create_user(s, "bob@example.test", "Bob", "interviewer", "a-long-password-1")
        iid = (await invites.resolve(s, w.signer, token)).interview.id
    body = AvailabilityIn(
        starts_at=datetime(2030, 12, 3, 9, 0),
        ends_at=datetime(2030, 12, 3, 10, 0),
        timezone="Europe/London",
        slot_minutes=60,
    )
    await w.call(availability.publish, bob, body, w.clock())
    offered = (await w.call(booking.slots_for_staff, w.hr, iid, w.settings)).slots
    ann_slot, bob_slot = offered[0], offered[-1]
    for _ in range(4):  # HR is not held to the candidate's limit on moves
        for slot in (ann_slot, bob_slot):
            pick = BookingIn(availability_id=slot.availability_id, starts_at=slot.starts_at)
            await w.call(booking.book_for_staff, w.hr, iid, pick, w.settings)
    sent = await w.tick(seconds=1)
    last = {m.to: ics(m) for m in sent[-3:]}  # the final move: Ann -> Bob
    assert set(last) == {"li.wei@example.test", "bob@example.test", "ann@example.test"}
    assert last["ann@example.test"]["METHOD"] == "CANCEL"
    assert last["bob@example.test"]["METHOD"] == "REQUEST" == last["li.wei@example.test"]["METHOD"]
    event = last["bob@example.test"].walk("VEVENT")[0]
    assert (int(event["SEQUENCE"]), event.decoded("DTSTART")) == (7, datetime(2030, 12, 3, 9, 0, tzinfo=UTC))
    assert (await status(w, token)).slot_at == datetime(2030, 12, 3, 9, 0, tzinfo=UTC)


async def test_cancelling_the_interview_frees_the_slot_and_both_get_the_calendar_cancel(
    engine: AsyncEngine,
) -> None:
    w = await make_world(engine)
    _ann, (token, other) = await setup(w, "li.wei@example.test", "other@example.test")
    slot = (await as_candidate(w, token, booking.slots)).slots[0]
    await as_candidate(
        w, token, booking.book, BookingIn(availability_id=slot.availability_id, starts_at=slot.starts_at)
    )
    uid = ics((await w.tick(seconds=1))[0]).walk("VEVENT")[0]["UID"]
    async with w.sessions.begin() as s:
        iid = (await invites.resolve(s, w.signer, token)).interview.id
    await w.call(lifecycle.cancel, InProcessBus(), w.hr, iid, "position filled", w.settings)

    sent = {m.to: m for m in await w.tick(seconds=1)}
    assert set(sent) == {"li.wei@example.test", "ann@example.test"}
    assert sent["li.wei@example.test"].subject.startswith("已取消：")
    assert "/i/" not in sent["li.wei@example.test"].text  # the link no longer opens anything
    for message in sent.values():
        cal = ics(message)
        assert (cal["METHOD"], cal.walk("VEVENT")[0]["UID"]) == ("CANCEL", uid)
    assert slot.starts_at in [s.starts_at for s in (await as_candidate(w, other, booking.slots)).slots]
    assert await w.tick(hours=20) == []  # and no reminder


async def test_two_candidates_racing_for_one_slot_get_one_booking_and_one_refusal(
    engine: AsyncEngine,
) -> None:
    w = await make_world(engine)
    _ann, tokens = await setup(w, "one@example.test", "two@example.test")
    slot = (await as_candidate(w, tokens[0], booking.slots)).slots[0]
    pick = BookingIn(availability_id=slot.availability_id, starts_at=slot.starts_at)
    results = await asyncio.gather(
        *(as_candidate(w, t, booking.book, pick) for t in tokens), return_exceptions=True
    )
    assert sorted(type(r).__name__ for r in results) == ["BookingOut", "Conflict"]
    states = sorted([(await status(w, t)).state for t in tokens])
    assert states == ["invited", "scheduled"]
