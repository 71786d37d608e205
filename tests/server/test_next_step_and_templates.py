"""The next step after HR's decision (drafted, sent only once approved), admins' template wording, the
one-call `messages.queue` other services use, and erasure of everything sent to a candidate."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from server.db.models import CandidateMessage, FeedbackLetter, Invitation
from server.db.repositories import interviews as interview_repo
from server.errors import Conflict, Unprocessable
from server.schemas import InvitationIn, MessageTemplateIn, NextStepIn
from server.services import candidate_status, invitations, invites, messages, next_step, template_admin
from tests.server.invite_world import World, make_world

pytestmark = pytest.mark.asyncio


async def decide(w: World, iid: str, review_status: str) -> None:
    async def run(s: Any) -> None:
        interview = await interview_repo.get(s, iid)
        assert interview is not None
        interview.status, interview.review_status = "finished", review_status

    await w.call(run)


async def test_a_next_round_invitation_waits_for_hr_approval(engine: AsyncEngine) -> None:
    w = await make_world(engine)
    iid = await w.interview(language="en")
    await w.call(invitations.send, w.hr, iid, InvitationIn(reminder_hours=[]), w.settings, w.clock())
    token = (await w.tick(seconds=1))[0].text.split("/i/", 1)[1].split()[0]
    with pytest.raises(Conflict):  # no decision yet
        await w.call(next_step.draft, w.hr, iid, NextStepIn(kind="next_round"))
    await decide(w, iid, "next_round")
    with pytest.raises(Conflict):  # the decision was next round, not a rejection
        await w.call(next_step.draft, w.hr, iid, NextStepIn(kind="rejection"))
    draft = await w.call(next_step.draft, w.hr, iid, NextStepIn(kind="next_round", note="Thursday 3 pm."))
    assert draft.status == "draft"
    assert await w.tick(hours=1) == []  # a draft is never sent
    approved = await w.call(next_step.approve, w.hr, iid, draft.id)
    assert approved.status == "pending"
    sent = await w.tick(seconds=1)
    assert [m.subject for m in sent] == ["Next step for Backend engineer"]
    assert "Thursday 3 pm." in sent[0].text and sent[0].to == "li.wei@example.test"
    with pytest.raises(Conflict):
        await w.call(next_step.approve, w.hr, iid, draft.id)
    ctx = await w.call(invites.resolve, w.signer, token)
    assert (await w.call(candidate_status.status, ctx, w.settings)).state == "decision_sent"


async def test_a_rejection_sends_the_approved_feedback_letter(engine: AsyncEngine) -> None:
    w = await make_world(engine)
    iid = await w.interview()
    await decide(w, iid, "rejected")
    with pytest.raises(Conflict):  # no approved letter yet
        await w.call(next_step.draft, w.hr, iid, NextStepIn(kind="rejection"))

    async def letter(s: Any) -> None:
        s.add(
            FeedbackLetter(
                interview_id=iid,
                language="zh",
                text="李伟您好，感谢您的时间。您在数据分析方面的回答很具体。",
                status="approved",
                drafted_by="hr@example.test",
            )
        )

    await w.call(letter)
    draft = await w.call(next_step.draft, w.hr, iid, NextStepIn(kind="rejection"))
    await w.call(next_step.approve, w.hr, iid, draft.id)
    sent = await w.tick(seconds=1)
    assert sent[0].subject == "您应聘 后端工程师 的结果"
    assert sent[0].text == "李伟您好，感谢您的时间。您在数据分析方面的回答很具体。"


async def test_an_admins_wording_is_what_is_sent_and_a_stray_dollar_is_refused(engine: AsyncEngine) -> None:
    w = await make_world(engine)
    body = MessageTemplateIn(
        subject="【面试】$job_title", text="$candidate_name：请点击 $link ，截止 $deadline。"
    )
    saved = await w.call(template_admin.save, w.hr, "invitation", "zh", body)
    assert saved.edited and "<p>" in saved.html
    with pytest.raises(Unprocessable):
        await w.call(
            template_admin.save, w.hr, "invitation", "zh", MessageTemplateIn(subject="x", text="costs $ 5")
        )
    listed = {(t.name, t.language): t for t in await w.call(template_admin.list_all)}
    assert listed[("invitation", "zh")].edited and not listed[("invitation", "en")].edited
    iid = await w.interview()
    await w.call(invitations.send, w.hr, iid, InvitationIn(reminder_hours=[]), w.settings, w.clock())
    sent = await w.tick(seconds=1)
    assert sent[0].subject == "【面试】后端工程师"
    assert sent[0].text.startswith("李伟：请点击 https://jobs.example.test/i/")


async def test_any_service_sends_with_one_call(engine: AsyncEngine) -> None:
    w = await make_world(engine)
    async with w.sessions.begin() as s:
        await messages.queue(
            s,
            channel="email",
            to="new.hire@example.test",
            template="password_reset",
            language="zh",
            params={"link": "https://jobs.example.test/reset/abc"},
        )
        with pytest.raises(Unprocessable):
            await messages.queue(s, channel="fax", to="x", template="password_reset", language="en")
    sent = await w.tick(seconds=1)
    assert sent[0].subject == "重置密码" and "https://jobs.example.test/reset/abc" in sent[0].text
    assert sent[0].unsubscribe_url is None  # a staff message, not a candidate's


async def test_erasing_the_interview_erases_what_was_sent(engine: AsyncEngine) -> None:
    w = await make_world(engine)
    iid = await w.interview()
    await w.call(invitations.send, w.hr, iid, InvitationIn(), w.settings, w.clock())
    await w.tick(seconds=1)

    async def erase(s: Any) -> tuple[int, int]:
        await interview_repo.erase(s, [iid])
        left = (await s.execute(select(CandidateMessage).where(CandidateMessage.interview_id == iid))).all()
        invs = (await s.execute(select(Invitation).where(Invitation.interview_id == iid))).all()
        return len(left), len(invs)

    assert await w.call(erase) == (0, 0)
    assert await w.tick(hours=100) == []
