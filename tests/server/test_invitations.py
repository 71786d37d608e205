"""Invitations, reminders and their suppression on a virtual clock, on SQLite and PostgreSQL.

A fake channel records what a real one would send; the worker, the claim, the templates and the
database are the real ones.
"""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from server.db.repositories import interviews as interview_repo
from server.errors import Conflict, InviteExpired, InviteInvalid
from server.schemas import InvitationIn, PolicyIn
from server.services import candidate_status, invitations, invites, lifecycle
from server.services.message_worker import MessageWorker
from tests.server.invite_world import make_world

pytestmark = pytest.mark.asyncio


def token_of(message_text: str) -> str:
    return message_text.split("/i/", 1)[1].split()[0]


async def test_invitation_then_two_reminders_in_the_candidates_language(engine: AsyncEngine) -> None:
    w = await make_world(engine)
    iid = await w.interview()
    out = await w.call(invitations.send, w.hr, iid, InvitationIn(window_hours=72), w.settings, w.clock())
    assert [m.kind for m in out.messages] == ["invitation", "reminder", "reminder"]

    first = await w.tick(seconds=1)
    assert len(first) == 1 and first[0].to == "li.wei@example.test"
    assert first[0].subject == "后端工程师 面试邀请"
    assert "李伟 您好" in first[0].text and "/i/" in first[0].text
    assert "2030-12-04 17:00 (Asia/Shanghai)" in first[0].text  # 09:00 UTC + 72 h, in China time
    assert first[0].unsubscribe_url and "/unsubscribe/" in first[0].text
    assert "&lt;" not in first[0].text and "<p>" in first[0].html

    assert await w.tick(hours=46) == []  # 46 h after: nothing due yet
    reminder = await w.tick(hours=2, minutes=1)  # 24 h before the deadline
    assert [m.subject for m in reminder] == ["提醒：后端工程师 面试"]
    assert await w.tick(hours=20) == []
    last = await w.tick(hours=2)  # 2 h before
    assert len(last) == 1 and "提醒" in last[0].subject
    assert await w.tick(hours=10) == []
    view = await w.call(invitations.view, w.hr, iid)
    assert [m.status for m in view.messages] == ["sent", "sent", "sent"]


async def test_no_reminder_after_completion_or_unsubscribe(engine: AsyncEngine) -> None:
    w = await make_world(engine)
    done, quiet = await w.interview("done@example.test"), await w.interview("quiet@example.test")
    for iid in (done, quiet):
        await w.call(invitations.send, w.hr, iid, InvitationIn(window_hours=48), w.settings, w.clock())
    sent = await w.tick(seconds=1)
    assert sorted(m.to for m in sent) == ["done@example.test", "quiet@example.test"]

    async def finish(s: object) -> None:
        interview = await interview_repo.get(s, done)  # type: ignore[arg-type]
        assert interview is not None
        interview.status = "finished"

    await w.call(finish)
    unsubscribe = next(m for m in sent if m.to == "quiet@example.test").unsubscribe_url
    assert unsubscribe
    await w.call(candidate_status.unsubscribe, w.signer, unsubscribe.rsplit("/", 1)[1])

    assert await w.tick(hours=48) == []
    statuses = [
        m.status for iid in (done, quiet) for m in (await w.call(invitations.view, w.hr, iid)).messages
    ]
    assert statuses.count("skipped") == 4 and statuses.count("sent") == 2
    view = await w.call(invitations.view, w.hr, done)
    assert {m.last_error for m in view.messages if m.status == "skipped"} == {"the interview is finished"}


async def test_a_bounced_address_is_shown_to_hr_and_not_retried(engine: AsyncEngine) -> None:
    w = await make_world(engine)
    iid = await w.interview("nobody@example.test")
    w.channel.bounce.add("nobody@example.test")
    await w.call(invitations.send, w.hr, iid, InvitationIn(window_hours=48), w.settings, w.clock())
    assert await w.tick(seconds=1) == []
    view = await w.call(invitations.view, w.hr, iid)
    assert view.messages[0].status == "bounced"
    assert "550" in (view.messages[0].last_error or "")
    assert "nobody@" not in (view.messages[0].last_error or "")
    assert await w.tick(hours=25) == [] and await w.tick(hours=22) == []
    assert w.worker.outcomes == {"bounced": 1, "skipped": 2}
    view = await w.call(invitations.view, w.hr, iid)
    assert {m.last_error for m in view.messages[1:]} == {"the invitation bounced"}


async def test_a_temporary_failure_is_retried_with_backoff(engine: AsyncEngine) -> None:
    w = await make_world(engine)
    iid = await w.interview()
    w.channel.fail_next = 2
    await w.call(invitations.send, w.hr, iid, InvitationIn(reminder_hours=[]), w.settings, w.clock())
    assert await w.tick(seconds=1) == []
    assert await w.tick(seconds=30) == []  # the first retry waits about a minute
    assert await w.tick(seconds=40) == []  # second failure: about five minutes now
    sent = await w.tick(minutes=6)
    assert len(sent) == 1
    view = await w.call(invitations.view, w.hr, iid)
    assert view.messages[0].status == "sent" and view.messages[0].attempts == 3


async def test_a_reissued_link_works_and_the_old_one_does_not(engine: AsyncEngine) -> None:
    w = await make_world(engine)
    iid = await w.interview()
    await w.call(invitations.send, w.hr, iid, InvitationIn(window_hours=72), w.settings, w.clock())
    old = token_of((await w.tick(seconds=1))[0].text)
    await w.call(invites.resolve, w.signer, old)

    await w.call(lifecycle.reissue_invite, w.hr, iid, w.signer, w.settings, w.clock())
    new_messages = await w.tick(seconds=1)
    assert len(new_messages) == 1 and "面试邀请" in new_messages[0].subject
    new = token_of(new_messages[0].text)
    assert new != old
    ctx = await w.call(invites.resolve, w.signer, new)
    assert ctx.interview.id == iid
    with pytest.raises(InviteInvalid):
        await w.call(invites.resolve, w.signer, old)
    # The old invitation's reminders are cancelled; the new one's stand.
    kinds = [(m.kind, m.status) for m in (await w.call(invitations.view, w.hr, iid)).messages]
    assert kinds.count(("reminder", "cancelled")) == 2 and kinds.count(("reminder", "pending")) == 2


async def test_cancel_stops_the_link_and_every_unsent_message(engine: AsyncEngine) -> None:
    w = await make_world(engine)
    iid = await w.interview()
    await w.call(invitations.send, w.hr, iid, InvitationIn(), w.settings, w.clock())
    token = token_of((await w.tick(seconds=1))[0].text)
    await w.call(lifecycle.revoke_invite, w.hr, iid)
    with pytest.raises(InviteInvalid):
        await w.call(invites.resolve, w.signer, token)
    assert await w.tick(hours=100) == []
    statuses = {m.status for m in (await w.call(invitations.view, w.hr, iid)).messages}
    assert statuses == {"sent", "cancelled"}


async def test_past_the_deadline_the_candidate_asks_for_a_new_link(engine: AsyncEngine) -> None:
    w = await make_world(engine)
    iid = await w.interview()
    await w.call(invitations.send, w.hr, iid, InvitationIn(window_hours=1), w.settings, w.clock())
    token = token_of((await w.tick(seconds=1))[0].text)
    ctx = await w.call(invites.resolve, w.signer, token)
    with pytest.raises(InviteExpired):
        await w.call(candidate_status.ensure_before_deadline, ctx, w.clock.now.replace(hour=11))
    # No self-service policy: HR is asked, and sees the request.
    out = await w.call(candidate_status.request_new_link, w.signer, token, w.settings)
    assert out.outcome == "requested"
    assert (await w.call(invitations.view, w.hr, iid)).link_requested_at is not None
    # With the job's self-service reissue, a new link is sent to the invited address at once.
    job_id = ctx.job.id
    await w.call(invitations.set_policy, w.hr, job_id, PolicyIn(auto_reissue=True, window_hours=24))
    out = await w.call(candidate_status.request_new_link, w.signer, token, w.settings, w.clock())
    assert out.outcome == "sent"
    fresh = await w.tick(seconds=1)
    assert len(fresh) == 1 and token_of(fresh[0].text) != token
    with pytest.raises(InviteInvalid):  # the old link cannot mint more links
        await w.call(candidate_status.request_new_link, w.signer, token, w.settings)


async def test_the_candidates_state_follows_the_interview(engine: AsyncEngine) -> None:
    w = await make_world(engine)
    iid = await w.interview(language="en")
    slot = w.clock.now.replace(day=3)
    await w.call(invitations.send, w.hr, iid, InvitationIn(slot_at=slot), w.settings, w.clock())
    token = token_of((await w.tick(seconds=1))[0].text)

    async def state(now: object = None) -> str:
        ctx = await w.call(invites.resolve, w.signer, token)
        return str((await w.call(candidate_status.status, ctx, w.settings, w.clock())).state)

    assert await state() == "scheduled"

    async def set_status(s: object, status: str, review: str = "pending_review") -> None:
        interview = await interview_repo.get(s, iid)  # type: ignore[arg-type]
        assert interview is not None
        interview.status, interview.review_status = status, review

    for status, review, expected in [
        ("live", "pending_review", "in_progress"),
        ("finished", "pending_review", "completed"),
        ("finished", "next_round", "under_review"),
    ]:
        await w.call(set_status, status, review)
        assert await state() == expected


async def test_two_workers_never_send_one_message_twice(engine: AsyncEngine) -> None:
    w = await make_world(engine)
    ids = [await w.interview(f"c{n}@example.test") for n in range(12)]
    for iid in ids:
        await w.call(invitations.send, w.hr, iid, InvitationIn(reminder_hours=[]), w.settings, w.clock())
    w.clock.advance(seconds=1)
    other = MessageWorker(
        w.sessions, {"email": w.channel}, w.signer, w.settings.public_url, clock=w.clock, batch=3
    )
    again = MessageWorker(
        w.sessions, {"email": w.channel}, w.signer, w.settings.public_url, clock=w.clock, batch=3
    )

    async def drain(worker: MessageWorker) -> None:
        handled = 1
        while handled:
            handled = await worker.run_once()
            await asyncio.sleep(0)  # let the other workers claim in between

    await asyncio.gather(drain(other), drain(again), drain(w.worker))
    assert sorted(m.to for m in w.channel.sent) == sorted(f"c{n}@example.test" for n in range(12))


async def test_a_finished_interview_is_not_invited(engine: AsyncEngine) -> None:
    w = await make_world(engine)
    iid = await w.interview()

    async def finish(s: object) -> None:
        interview = await interview_repo.get(s, iid)  # type: ignore[arg-type]
        assert interview is not None
        interview.status = "finished"

    await w.call(finish)
    with pytest.raises(Conflict):
        await w.call(invitations.send, w.hr, iid, InvitationIn(), w.settings, w.clock())


async def test_a_jobs_retakes_limit_new_calls_after_an_interruption(engine: AsyncEngine) -> None:
    from server.db.models import Recording

    w = await make_world(engine)
    iid = await w.interview()
    await w.call(invitations.send, w.hr, iid, InvitationIn(reminder_hours=[]), w.settings, w.clock())
    token = token_of((await w.tick(seconds=1))[0].text)

    async def interrupted_after_one_call(s: object) -> None:
        interview = await interview_repo.get(s, iid)  # type: ignore[arg-type]
        assert interview is not None
        interview.status = "interrupted"
        s.add(Recording(interview_id=iid, path="/tmp/none.mp4"))  # type: ignore[attr-defined]

    await w.call(interrupted_after_one_call)
    ctx = await w.call(invites.resolve, w.signer, token)
    await w.call(candidate_status.ensure_retake_allowed, ctx)  # no policy: rejoining is not limited
    await w.call(invitations.set_policy, w.hr, ctx.job.id, PolicyIn(retakes=0))
    with pytest.raises(Conflict, match="retakes"):
        await w.call(candidate_status.ensure_retake_allowed, ctx)
    await w.call(invitations.set_policy, w.hr, ctx.job.id, PolicyIn(retakes=1))
    await w.call(candidate_status.ensure_retake_allowed, ctx)
    status = await w.call(candidate_status.status, ctx, w.settings, w.clock())
    assert status.retakes == 1 and status.state == "in_progress" and status.can_join
