"""Networks: a candidate whose browser may only send media through TURN (a UDP-blocking network, here
forced with `iceTransportPolicy: "relay"`) reaches the server through a local coturn and completes an
answer, over UDP and over TLS (the only way out of a network that allows nothing but HTTPS); a candidate
who denies the camera is told what to do."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.e2e.conftest import BASE_FLAGS, CHROMIUM, ServerProcess, join_call, launch_chromium
from tests.media import clip, padded_clip
from tests.turn import Turn, turn, turn_tls

__all__ = ["turn", "turn_tls"]  # the fixtures
pytestmark = pytest.mark.browser
LEAD_S = 1.5


@pytest.fixture(autouse=True)
def relay_only(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[Turn | None]:
    """The server (started after this) hands out TURN and tells its pages to relay only."""
    if "relay" not in request.node.name:
        yield None
        return
    running: Turn = request.getfixturevalue("turn_tls" if "tls" in request.node.name else "turn")
    if running.ca is not None:  # the server's own peer checks the TURN server's certificate too
        monkeypatch.setenv("SSL_CERT_FILE", str(running.ca))
    monkeypatch.setenv("INTERVIEW_TURN_URLS", running.url)
    monkeypatch.setenv("INTERVIEW_TURN_SECRET", running.secret)
    monkeypatch.setenv("INTERVIEW_ICE_RELAY_ONLY", "true")
    yield running


def ice_pair(page: Any, within_s: float = 10.0) -> dict[str, str]:
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        pair = page.evaluate("window.__icePair()")
        if pair:
            return dict(pair)
        time.sleep(0.2)
    raise AssertionError("no selected ICE candidate pair")


def answer_through_relay(relay: Turn, server: ServerProcess, tmp_path: Path) -> None:
    """A relay-only browser joins, answers the first question, and reaches the second."""
    spoken = clip("en_leadership_star")
    audio = padded_clip(spoken["id"], tmp_path / "answer.wav", lead_s=LEAD_S)
    demo = server.demo()
    with sync_playwright() as pw:
        # Chromium checks the TURN server's certificate (without this the TLS relay is refused): it is
        # told to trust this one key, as a company's browsers trust its real certificate.
        trust = (f"--ignore-certificate-errors-spki-list={relay.spki}",) if relay.ca else ()
        browser = launch_chromium(pw, audio, trust)
        try:
            candidate = browser.new_context().new_page()
            join_call(candidate, demo["invite_url"])
            pair = ice_pair(candidate)
            print("selected ICE pair (local, remote, protocol):", pair)
            assert pair["local"] == "relay", "the browser's media did not go through TURN"
            if relay.ca is not None:
                assert pair["relayProtocol"] == "tls", "the browser did not reach TURN over TLS"
            expect(candidate.locator("#progress")).to_have_text(
                "Question 2 / 3", timeout=(LEAD_S + spoken["duration"] + 15) * 1000
            )
            assert candidate.evaluate("window.__metrics").get("audioHeard") is True
            expect(candidate.locator("#error")).to_have_text("")
            candidate.click("#leave-btn")
        finally:
            browser.close()
    allocations = relay.log.read_text().count("ALLOCATE processed, success")
    print("TURN allocations:", allocations)
    assert allocations >= 1
    if relay.ca is not None:  # the server's own peer reached TURN over TLS too, its certificate checked
        assert "TURN allocation created" in server.log.read_text()


@pytest.mark.parametrize("server", ["embedded"], indirect=True)
def test_a_relay_only_browser_reaches_the_server_through_turn_and_answers(
    relay_only: Turn, server: ServerProcess, tmp_path: Path
) -> None:
    answer_through_relay(relay_only, server, tmp_path)


@pytest.mark.parametrize("server", ["embedded"], indirect=True)
def test_a_relay_only_browser_reaches_the_server_through_turn_over_tls_and_answers(
    relay_only: Turn, server: ServerProcess, tmp_path: Path
) -> None:
    answer_through_relay(relay_only, server, tmp_path)


@pytest.mark.parametrize("server", ["embedded"], indirect=True)
@pytest.mark.parametrize(
    ("language", "words"),
    [("en", ["did not allow the camera", "reload this page"]), ("zh", ["没有允许使用摄像头", "刷新本页"])],
)
def test_a_candidate_who_denies_the_camera_is_told_how_to_allow_it(
    server: ServerProcess, language: str, words: list[str]
) -> None:
    demo = server.demo(language)
    flags = [f for f in BASE_FLAGS if f != "--use-fake-ui-for-media-stream"]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=flags)
        try:
            page = browser.new_context(permissions=[]).new_page()
            page.goto(demo["invite_url"])
            page.check("#consent-box")
            page.click("#consent-btn")
            for said in words:
                expect(page.locator("#error")).to_contain_text(said, timeout=10_000)
            assert page.evaluate("window.__metrics.mediaError") == "NotAllowedError"
            assert page.locator("#join-btn").is_disabled()
        finally:
            browser.close()
