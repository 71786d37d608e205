"""Slot scheduling in a real Chromium, in Chinese and English: an interviewer publishes availability,
the candidate opens the status page, sees the free times in the browser's own time zone, picks one (the
status moves to scheduled), passes the device check, joins, and once the interviewer ends the short
interview the status page says completed. Screenshots go to artifacts/screenshots."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.e2e.conftest import ServerProcess, launch_chromium, login

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
ZONE = {"zh": "Asia/Shanghai", "en": "America/New_York"}
STATE = {
    "zh": {"invited": "已邀请", "scheduled": "已预约", "completed": "已完成"},
    "en": {"invited": "Invited", "scheduled": "Scheduled", "completed": "Completed"},
}
CONNECTED = {"zh": "已连接", "en": "Connected"}
ENDED = {"zh": "面试已结束", "en": "Interview ended"}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_pick_a_slot_check_devices_join_and_complete(server: ServerProcess, language: str) -> None:
    demo = server.demo(language)
    ops = server.ops_client(f"ops-sched-{language}@example.test")
    ann = server.ops_client(f"ann-{language}@example.test", role="interviewer")
    start = (datetime.now(UTC) + timedelta(hours=2)).replace(minute=0, second=0, microsecond=0)
    r = ann.post(
        "/api/availability",
        json={
            "starts_at": start.isoformat(),
            "ends_at": (start + timedelta(hours=1)).isoformat(),
            "timezone": "Asia/Shanghai",
            "slot_minutes": 30,
        },
    )
    assert r.status_code == 201, r.text
    r = ops.post(
        f"/api/interviews/{demo['interview_id']}/invitation",
        json={"to": "candidate@example.test", "scheduling": "slot"},
    )
    assert r.status_code == 201, r.text
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_context(timezone_id=ZONE[language]).new_page()
            page.goto(demo["invite_url"])
            expect(page.locator("#state")).to_have_text(STATE[language]["invited"])
            expect(page.locator("#slots")).to_be_visible()
            expect(page.locator("#notice")).to_be_hidden()  # no joining before a time is picked
            expect(page.locator("#slot-zone")).to_have_text(ZONE[language])
            slots = page.locator("#slot-list button.slot")
            expect(slots).to_have_count(2)
            local = start.astimezone(ZoneInfo(ZONE[language]))
            expect(slots.first).to_contain_text(f"{local:%H:%M}")  # the browser's zone, not UTC
            page.screenshot(path=str(SHOTS / f"candidate-slots-{language}.png"), full_page=True)

            slots.nth(1).click()
            expect(page.locator("#state")).to_have_text(STATE[language]["scheduled"])
            expect(page.locator("#steps li.current")).to_have_text(STATE[language]["scheduled"])
            later = (start + timedelta(minutes=30)).astimezone(ZoneInfo(ZONE[language]))
            expect(page.locator("#booked-at")).to_contain_text(f"{later:%H:%M}")
            expect(page.locator("#reschedule-btn")).to_be_enabled()

            page.check("#consent-box")
            page.click("#consent-btn")
            page.wait_for_function(
                "() => window.__deviceCheck && window.__deviceCheck.camera && window.__deviceCheck.network"
                " && window.__deviceCheck.microphone",
                timeout=15_000,
            )
            expect(page.locator("#join-btn")).to_be_enabled()
            page.screenshot(path=str(SHOTS / f"candidate-scheduled-{language}.png"), full_page=True)
            page.click("#join-btn")
            expect(page.locator("#status")).to_have_text(CONNECTED[language], timeout=20_000)
            expect(page.locator("#progress")).to_contain_text("1 / 3", timeout=20_000)

            # The interviewer ends the short interview from the console; the candidate's status moves on.
            console = browser.new_context().new_page()
            login(
                console,
                server,
                f"ops-sched-{language}@example.test",
                "ops-password-for-tests",
                f"/console/{demo['interview_id']}",
            )
            r = ops.post(f"/api/interviews/{demo['interview_id']}/control", json={"action": "end"})
            assert r.status_code == 202, r.text
            expect(page.locator("#status")).to_have_text(ENDED[language], timeout=15_000)
            page.goto(demo["invite_url"])
            expect(page.locator("#state")).to_have_text(STATE[language]["completed"], timeout=15_000)
            page.screenshot(path=str(SHOTS / f"candidate-completed-{language}.png"), full_page=True)
        finally:
            browser.close()
    view = ops.get(f"/api/interviews/{demo['interview_id']}/invitation").json()
    assert view["slot_at"] is not None and view["scheduling"] == "slot"


# Holds the answer to the next GET /api/availability for 1.5 s after it has come (its content is as of then).
SLOW_NEXT_LIST = """() => {
  const real = window.fetch; let armed = true;
  window.fetch = async (url, options) => {
    const answer = await real(url, options);
    if (!armed || String(url) !== "/api/availability" || (options && options.method)) return answer;
    armed = false;
    const body = await answer.text();
    await new Promise((done) => setTimeout(done, 1500));
    window.__slowListAnswered = true;
    return new Response(body, { status: answer.status, headers: answer.headers });
  };
}"""


@pytest.mark.parametrize("language", ["zh", "en"])
def test_an_interviewer_publishes_and_removes_availability(server: ServerProcess, language: str) -> None:
    email = f"ann-page-{language}@example.test"
    server.ops_client(email, role="interviewer")
    day = (datetime.now(UTC) + timedelta(days=3)).date()
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_context(timezone_id="Asia/Shanghai").new_page()
            login(page, server, email, "ops-password-for-tests", f"/availability?lang={language}")
            expect(page.locator("#w-zone")).to_have_value("Asia/Shanghai")  # the browser's zone
            page.fill("#w-start", f"{day}T09:00")
            page.fill("#w-end", f"{day}T11:00")
            page.fill("#w-minutes", "45")
            page.click("#publish button[type=submit]")
            row = page.locator("#windows tr")
            expect(row).to_have_count(1)
            expect(row).to_contain_text("09:00 (Asia/Shanghai)")
            expect(row).to_contain_text("11:00 (Asia/Shanghai)")
            expect(page.locator("#error")).to_have_text("")
            # The list reload after the next change answers late: asked before the removal, it still holds
            # the window, and it must not draw it back once the reload after the removal has drawn.
            page.evaluate(SLOW_NEXT_LIST)
            page.click("#publish button[type=submit]")  # the same window again overlaps
            expect(page.locator("#error")).to_contain_text("overlaps")
            page.screenshot(path=str(SHOTS / f"availability-{language}.png"), full_page=True)
            row.locator("button").click()
            expect(row).to_have_count(0)
            page.wait_for_function("() => window.__slowListAnswered === true")
            page.wait_for_timeout(300)  # the late answer has been read by now; it would have drawn
            expect(row).to_have_count(0)
            expect(page.locator("#no-windows")).to_be_visible()
        finally:
            browser.close()
