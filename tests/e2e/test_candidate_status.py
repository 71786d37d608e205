"""The candidate's status page in a real Chromium (fake camera and microphone), in Chinese and English:
the state and its steps, the device and network check before joining, and the way out of an expired
link. Screenshots go to artifacts/screenshots (git-ignored; CI keeps the folder)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.e2e.conftest import ServerProcess, launch_chromium, login

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
STATE = {"zh": "已邀请", "en": "Invited"}
CHECK_OK = {"zh": "✓ 正常", "en": "✓ OK"}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_status_page_and_device_check(server: ServerProcess, language: str) -> None:
    demo = server.demo(language)
    ops = server.ops_client(f"ops-{language}@example.test")
    r = ops.post(
        f"/api/interviews/{demo['interview_id']}/invitation",
        json={"to": "candidate@example.test", "window_hours": 48, "reminder_hours": [24]},
    )
    assert r.status_code == 201, r.text
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page()
        page.goto(demo["invite_url"])
        expect(page.locator("#state")).to_have_text(STATE[language])
        expect(page.locator("#steps li.current")).to_have_text(STATE[language])
        expect(page.locator("#steps li")).to_have_count(5)  # no slot: "scheduled" is not a step
        expect(page.locator("#status-facts")).to_contain_text("2026" if language == "en" else "年")
        page.check("#consent-box")
        with page.expect_response(lambda r: r.url.endswith("/device-check"), timeout=15_000) as reported:
            page.click("#consent-btn")
            page.wait_for_function(
                "() => window.__deviceCheck && window.__deviceCheck.camera && window.__deviceCheck.network"
                " && window.__deviceCheck.microphone",
                timeout=15_000,
            )
        assert reported.value.json() == {"passed": True}
        # The steps reach HR's drop-out report: link opened, consented, device check passed, not started.
        steps = {s["step"]: s["reached"] for s in ops.get("/api/analytics/dashboard").json()["steps"]}
        assert [steps[k] for k in ("invited", "opened", "consented", "device_check", "started")] == [
            1,
            1,
            1,
            1,
            0,
        ]
        for check in ("#check-camera", "#check-mic", "#check-network"):
            expect(page.locator(check)).to_contain_text(CHECK_OK[language])
        level = page.evaluate("() => window.__deviceCheck.level")
        rtt = page.evaluate("() => window.__deviceCheck.rtt_ms")
        print(f"{language}: microphone level {level:.2f}, round trip {rtt} ms")
        assert level > 0.02 and rtt < 1500
        expect(page.locator("#join-btn")).to_be_enabled()
        page.screenshot(path=str(SHOTS / f"candidate-status-{language}.png"), full_page=True)
        browser.close()


def test_an_expired_deadline_offers_a_new_link(server: ServerProcess) -> None:
    demo = server.demo("en")
    ops = server.ops_client()
    r = ops.post(
        f"/api/interviews/{demo['interview_id']}/invitation",
        json={"to": "candidate@example.test", "window_hours": 0.0003, "reminder_hours": []},
    )
    assert r.status_code == 201, r.text
    time.sleep(1.5)  # the 1-second deadline passes
    with sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page()
        page.goto(demo["invite_url"])
        expect(page.locator("#expired")).to_be_visible()
        expect(page.locator("#notice")).to_be_hidden()
        page.click("#new-link-btn")
        expect(page.locator("#new-link-result")).to_have_text(
            "the recruiter has been asked to send you a new link"
        )
        page.screenshot(path=str(SHOTS / "candidate-expired-en.png"), full_page=True)
        # HR sees the request and why the invitation did not go (no SMTP on this server): the card updates
        # itself when the worker gets to the message, without a reload.
        hr = browser.new_page()
        login(hr, server, "ops@example.test", "ops-password-for-tests", f"/review/{demo['interview_id']}")
        expect(hr.locator("#messages-card")).to_be_visible()
        expect(hr.locator("#messages")).to_contain_text("The candidate asked for a new link")
        failed = hr.locator("#messages tr[data-status=failed]")
        expect(failed).to_contain_text("the email channel is not configured on this server", timeout=20_000)
        hr.screenshot(path=str(SHOTS / "review-messages-en.png"), full_page=True)
        browser.close()
    view = ops.get(f"/api/interviews/{demo['interview_id']}/invitation").json()
    assert view["link_requested_at"] is not None
