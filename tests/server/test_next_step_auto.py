"""The next step drafted by the system when HR saves the decision: nothing leaves before HR approves it,
approval sends it, a changed decision drops the stale draft, and a job can turn the drafting off."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from server.db.models import FeedbackLetter
from server.db.repositories import interviews as interview_repo
from server.db.repositories import messages as message_repo
from server.schemas import PolicyIn, ReviewIn
from server.services import feedback, invitations, next_step, review
from tests.server.invite_world import World, make_world

pytestmark = pytest.mark.asyncio


async def finished(w: World, language: str = "en") -> str:
    iid = await w.interview(language=language)

    async def finish(s: Any) -> None:
        interview = await interview_repo.get(s, iid)
        assert interview is not None
        interview.status = "finished"

    await w.call(finish)
    return iid


async def decide(w: World, iid: str, status: str) -> None:
    body = ReviewIn(status=status, recommendation="yes", comment="Clear, specific answers.")  # type: ignore[arg-type]
    await w.call(review.decide, w.hr, iid, body, w.settings.public_url)


async def statuses(w: World, iid: str) -> list[tuple[str, str]]:
    async def read(s: Any) -> list[tuple[str, str]]:
        return [
            (m.template, m.status) for m in await message_repo.of_interview(s, iid) if m.kind == "next_step"
        ]

    return await w.call(read)


async def test_saving_next_round_drafts_the_invitation_and_only_approval_sends_it(
    engine: AsyncEngine,
) -> None:
    w = await make_world(engine)
    iid = await finished(w)
    await decide(w, iid, "next_round")
    ready = await w.call(next_step.current, w.hr, iid)
    assert ready.auto and ready.draft is not None and ready.draft.status == "draft"
    assert ready.draft.template == "next_round"
    assert await w.tick(hours=48) == []  # no message leaves before approval
    await decide(w, iid, "next_round")  # saving the same decision again keeps the one draft
    assert await statuses(w, iid) == [("next_round", "draft")]
    await w.call(next_step.approve, w.hr, iid, ready.draft.id)
    sent = await w.tick(seconds=1)
    assert [m.subject for m in sent] == ["Next step for Backend engineer"]
    assert sent[0].to == "li.wei@example.test"
    assert (await w.call(next_step.current, w.hr, iid)).draft is None


async def test_a_changed_decision_drops_the_stale_draft(engine: AsyncEngine) -> None:
    w = await make_world(engine)
    iid = await finished(w)
    await decide(w, iid, "next_round")
    await decide(w, iid, "on_hold")
    assert await statuses(w, iid) == [("next_round", "cancelled")]
    await decide(w, iid, "rejected")  # no approved letter yet: nothing to draft, and HR is told why
    now = await w.call(next_step.current, w.hr, iid)
    assert now.draft is None and now.waiting_for is not None and "feedback letter" in now.waiting_for
    assert await w.tick(hours=48) == []


async def test_approving_the_letter_of_a_rejected_candidate_drafts_the_rejection(engine: AsyncEngine) -> None:
    w = await make_world(engine)
    iid = await finished(w, language="zh")
    await decide(w, iid, "rejected")

    async def letter(s: Any) -> None:
        s.add(
            FeedbackLetter(
                interview_id=iid, language="zh", text="李伟您好，感谢您的时间。", drafted_by="hr@example.test"
            )
        )

    await w.call(letter)
    await w.call(feedback.approve, w.hr, iid)
    ready = await w.call(next_step.current, w.hr, iid)
    assert ready.draft is not None and ready.draft.template == "rejection"
    assert await w.tick(hours=1) == []
    await decide(w, iid, "next_round")  # HR changed their mind: the rejection must never go out
    assert await statuses(w, iid) == [("rejection", "cancelled"), ("next_round", "draft")]
    draft = (await w.call(next_step.current, w.hr, iid)).draft
    await w.call(next_step.approve, w.hr, iid, draft.id)
    assert [m.subject for m in await w.tick(seconds=1)] == ["后端工程师 复试邀请"]


async def test_a_job_can_turn_automatic_drafting_off(engine: AsyncEngine) -> None:
    w = await make_world(engine)
    iid = await finished(w)

    async def job_of(s: Any) -> str:
        interview = await interview_repo.get(s, iid)
        assert interview is not None
        return interview.job_id

    job_id = await w.call(job_of)
    policy = await w.call(invitations.set_policy, w.hr, job_id, PolicyIn(auto_next_step=False))
    assert policy.auto_next_step is False
    assert (await w.call(invitations.get_policy, w.hr, job_id, w.settings)).auto_next_step is False
    await decide(w, iid, "next_round")
    assert await statuses(w, iid) == []
    assert not (await w.call(next_step.current, w.hr, iid)).auto


async def test_without_a_recipient_hr_is_told_why_nothing_was_drafted(engine: AsyncEngine) -> None:
    w = await make_world(engine)
    iid = await w.interview(email="")

    async def finish(s: Any) -> None:
        interview = await interview_repo.get(s, iid)
        assert interview is not None
        interview.status = "finished"

    await w.call(finish)
    await decide(w, iid, "next_round")  # the decision is saved all the same
    now = await w.call(next_step.current, w.hr, iid)
    assert now.draft is None and now.waiting_for is not None and "no e-mail address" in now.waiting_for
