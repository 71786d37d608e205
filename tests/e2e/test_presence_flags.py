"""Presence flags from a real camera feed: Chromium's fake camera plays scenes (the candidate, an empty
chair, two people, the candidate turned away) and the server flags each on the interview's timeline."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import expect, sync_playwright

from tests import video
from tests.e2e.conftest import BASE_FLAGS, CHROMIUM, ServerProcess, join_call
from tests.media import padded_clip

pytestmark = pytest.mark.browser
OPS_PASSWORD = "ops-password-for-tests"
SCENES = [
    (video.one_face(), 4.0),
    (video.empty(), 5.0),
    (video.one_face(), 3.0),
    (video.two_faces(), 5.0),
    (video.one_face(), 3.0),
    (video.turned_face(amount=1.0), 8.0),
    (video.one_face(), 6.0),
]


def flags(ops: httpx.Client, interview_id: str) -> list[dict[str, object]]:
    found: list[dict[str, object]] = ops.get(f"/api/interviews/{interview_id}").json()["flags"]
    return found


@pytest.mark.parametrize("server", ["embedded"], indirect=True)
def test_the_camera_feed_raises_presence_flags(server: ServerProcess, tmp_path: Path) -> None:
    ops = server.ops_client("ops@example.test", OPS_PASSWORD)
    camera = video.write_y4m(tmp_path / "camera.y4m", SCENES)
    audio = padded_clip("en_motivation_short", tmp_path / "answer.wav", lead_s=1.0, tail_s=30)
    demo = server.demo()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                *BASE_FLAGS,
                f"--use-file-for-fake-audio-capture={audio}%noloop",
                f"--use-file-for-fake-video-capture={camera}",
            ],
        )
        try:
            page = browser.new_context().new_page()
            join_call(page, demo["invite_url"])
            deadline = time.monotonic() + 45
            kinds: dict[str, dict[str, object]] = {}
            while time.monotonic() < deadline:
                ended = [f for f in flags(ops, demo["interview_id"]) if f["t_end"] is not None]
                kinds = {str(f["kind"]): f for f in ended}
                if {"no_face", "multiple_faces", "looking_away"} <= set(kinds):
                    break
                time.sleep(1.0)
            console = browser.new_context().new_page()
            console.goto(f"{server.url}/login?next=/console/{demo['interview_id']}")
            console.fill("#email", "ops@example.test")
            console.fill("#password", OPS_PASSWORD)
            console.click("button[type=submit]")
            expect(console.locator("#flags")).to_contain_text("no face in view", timeout=10_000)
            expect(console.locator("#flags")).to_contain_text("several faces in view")
            expect(console.locator("#flags")).to_contain_text("looking away for long")
        finally:
            browser.close()
    print({k: (f["t_start"], f["t_end"], f["detail"]) for k, f in kinds.items()})
    assert {"no_face", "multiple_faces", "looking_away"} <= set(kinds), kinds
    spans = {k: float(f["t_end"]) - float(f["t_start"]) for k, f in kinds.items()}  # type: ignore[arg-type]
    # Each scene is flagged for about as long as it lasted (samples are a second apart).
    assert 3.5 <= spans["no_face"] <= 6.5, spans
    assert 3.5 <= spans["multiple_faces"] <= 6.5, spans
    assert 6.0 <= spans["looking_away"] <= 9.5, spans
    starts = [float(kinds[k]["t_start"]) for k in ("no_face", "multiple_faces", "looking_away")]  # type: ignore[arg-type]
    assert starts == sorted(starts), "flags out of the camera's order"
    # The scenes start 8 s apart on the camera; samples come every ~1-1.2 s (5 fps camera, 1 s sampling).
    assert 6.7 <= starts[1] - starts[0] <= 9.3, "no face → two people should be ~8 s apart on the media clock"
    assert kinds["multiple_faces"]["detail"]["faces"] == 2  # type: ignore[index]
