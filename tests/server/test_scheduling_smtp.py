"""Through a real local SMTP server (aiosmtpd) and the app's own worker: an interviewer publishes a
window, the candidate picks a slot from the invitation's link, and both receive an e-mail with the
calendar file attached (text/calendar; method=REQUEST); a cancellation brings METHOD:CANCEL, same UID.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import icalendar
from fastapi.testclient import TestClient

from tests.server.smtp_server import SmtpServer
from tests.server.test_invitation_delivery import app_with, invite_people, link_in, smtp, token_of
from tests.server.test_review import Review

__all__ = ["smtp"]  # the fixture, shared with the invitation delivery tests


def calendar_of(mail: EmailMessage) -> tuple[str, icalendar.Calendar]:
    (part,) = [p for p in mail.iter_attachments() if p.get_content_type() == "text/calendar"]
    assert part.get_filename() == "invite.ics"
    cal = icalendar.Calendar.from_ical(part.get_content())
    assert isinstance(cal, icalendar.Calendar)
    return str(part.get_param("method")), cal


def test_candidate_and_interviewer_receive_the_calendar_file(tmp_path: Path, smtp: SmtpServer) -> None:
    with app_with(tmp_path, smtp_host="127.0.0.1", smtp_port=smtp.port, smtp_security="none") as client:
        settings = client.app.state.settings  # type: ignore[attr-defined]
        (ada,) = invite_people(client, settings, [{"name": "Ada Lovelace", "email": "ada@example.test"}])
        interviewer = TestClient(client.app)
        Review(interviewer, settings).staff("ann@example.test", "interviewer")
        day = datetime.now(UTC).date() + timedelta(days=2)
        r = interviewer.post(
            "/api/availability",
            json={
                "starts_at": f"{day}T09:00",
                "ends_at": f"{day}T10:00",
                "timezone": "Asia/Shanghai",
                "slot_minutes": 30,
            },
        )
        assert r.status_code == 201, r.text
        r = client.post(f"/api/interviews/{ada['interview_id']}/invitation", json={"scheduling": "slot"})
        assert r.status_code == 201, r.text
        (invitation,) = smtp.mailbox.wait_for(1)
        assert invitation["Subject"] == "Pick a time for your interview for Data analyst"
        token = token_of(link_in(invitation.get_body(("plain",)).get_content()))

        candidate = TestClient(client.app)
        slots = candidate.get(f"/api/invite/{token}/slots").json()["slots"]
        expected = datetime(day.year, day.month, day.day, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai
        assert [s["starts_at"] for s in slots] == [
            expected.isoformat().replace("+00:00", "Z"),
            (expected + timedelta(minutes=30)).isoformat().replace("+00:00", "Z"),
        ]
        pick = {"availability_id": slots[1]["availability_id"], "starts_at": slots[1]["starts_at"]}
        r = candidate.put(f"/api/invite/{token}/booking", json={**pick, "timezone": "Europe/Berlin"})
        assert r.status_code == 200, r.text
        assert candidate.get(f"/api/invite/{token}/status").json()["state"] == "scheduled"

        mails = {m["To"]: m for m in smtp.mailbox.wait_for(3)[1:]}
        assert set(mails) == {"ada@example.test", "ann@example.test"}
        assert f"{day} 02:30 (Europe/Berlin)" in mails["ada@example.test"]["Subject"]
        assert f"{day} 09:30 (Asia/Shanghai)" in mails["ann@example.test"]["Subject"]
        uids = set()
        for mail in mails.values():
            method, cal = calendar_of(mail)
            (event,) = cal.walk("VEVENT")
            assert (method, cal["METHOD"]) == ("REQUEST", "REQUEST")
            assert event.decoded("DTSTART") == expected + timedelta(minutes=30)
            assert event.decoded("DTEND") == expected + timedelta(minutes=60)
            attendees = {str(a) for a in event["ATTENDEE"]}
            assert attendees == {"mailto:ada@example.test", "mailto:ann@example.test"}
            uids.add(str(event["UID"]))
        (uid,) = uids

        assert candidate.delete(f"/api/invite/{token}/booking").status_code == 204
        cancels = smtp.mailbox.wait_for(5)[3:]
        assert {m["To"] for m in cancels} == {"ada@example.test", "ann@example.test"}
        for mail in cancels:
            method, cal = calendar_of(mail)
            (event,) = cal.walk("VEVENT")
            assert (method, str(event["UID"]), int(event["SEQUENCE"])) == ("CANCEL", uid, 1)
        assert candidate.get(f"/api/invite/{token}/status").json()["state"] == "invited"
