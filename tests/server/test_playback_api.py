"""HR playback of a sealed recording through the API: ranges come back decrypted and exact (206 with
Content-Range), the whole file plays in PyAV, a tampered file is refused, a wrong master key stops the
server at start-up, and nothing in the data directory holds a sentence of the transcript in clear."""

from __future__ import annotations

import asyncio
import base64
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import av
import pytest
from fastapi.testclient import TestClient

from realtime.webrtc.sealed_file import CHUNK_SIZE, HEADER, TAG
from server.app import create_app
from server.db.engine import make_engine, make_sessionmaker
from server.keys.master import MasterKeyError
from server.security import Signer
from server.services.accounts import create_user
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.fakes.speech import fake_runtime
from tests.finished import seed_finished
from tests.vaults import vault_for

PASSWORD = "correct horse battery"


class Player:
    def __init__(self, client: TestClient, settings: Settings, seeded: dict[str, Any]) -> None:
        self.client, self.settings, self.seeded = client, settings, seeded
        self.url = f"/api/interviews/{seeded['interview_id']}/recordings/{seeded['recording_id']}"
        self.plain: bytes = seeded["recording_plain"]

    def get(self, range_: str | None = None) -> Any:
        return self.client.get(self.url, headers={"Range": range_} if range_ else {})


def seed(settings: Settings) -> dict[str, Any]:
    async def run() -> dict[str, Any]:
        engine = make_engine(settings.db_url)
        vault = vault_for(settings)
        sessions = make_sessionmaker(engine, vault)
        try:
            signer = Signer(settings.secret_key, 3600, 3600)
            seeded = await seed_finished(
                sessions, signer, settings.recordings_dir, department="Eng", vault=vault
            )
            async with sessions.begin() as s:
                await create_user(s, "hr-play@example.test", "HR", "hr", PASSWORD, "Eng")
            return seeded
        finally:
            await engine.dispose()

    return asyncio.run(run())


@pytest.fixture(scope="module")
def player(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Player]:
    data = tmp_path_factory.mktemp("playback") / "data"
    settings = Settings(environment="test", secret_key=TEST_SECRET, data_dir=data, outbox_in_server=False)
    with TestClient(create_app(settings, runtime=fake_runtime())) as client:
        seeded = seed(settings)
        r = client.post("/api/auth/login", json={"email": "hr-play@example.test", "password": PASSWORD})
        assert r.status_code == 200, r.text
        yield Player(client, settings, seeded)


def test_ranges_come_back_decrypted_and_exact(player: Player) -> None:
    plain, size = player.plain, len(player.plain)
    assert size > 2 * CHUNK_SIZE  # the ranges below cross chunk boundaries
    for asked, start, end in [
        ("bytes=0-99", 0, 100),
        (f"bytes={CHUNK_SIZE - 10}-{CHUNK_SIZE + 10}", CHUNK_SIZE - 10, CHUNK_SIZE + 11),
        ("bytes=1000-", 1000, size),
        ("bytes=-500", size - 500, size),
        (f"bytes={size - 1}-{size + 1000}", size - 1, size),
    ]:
        r = player.get(asked)
        assert r.status_code == 206, (asked, r.text)
        assert r.headers["content-range"] == f"bytes {start}-{end - 1}/{size}"
        assert int(r.headers["content-length"]) == end - start
        assert r.content == plain[start:end], asked
    whole = player.get()
    assert whole.status_code == 200 and whole.headers["accept-ranges"] == "bytes"
    assert whole.content == plain and whole.headers["x-recording-complete"] == "true"
    assert whole.headers["cache-control"] == "no-store"


def test_a_player_reads_the_decrypted_recording(player: Player) -> None:
    with av.open(io.BytesIO(player.get().content)) as container:
        samples = sum(f.samples for f in container.decode(audio=0))
        assert samples / container.streams.audio[0].rate > 5.0


def test_a_range_outside_the_file_is_416_with_its_size(player: Player) -> None:
    r = player.get(f"bytes={len(player.plain)}-")
    assert r.status_code == 416 and r.headers["content-range"] == f"bytes */{len(player.plain)}"
    assert "outside the recording" in r.json()["detail"]


def test_no_sentence_of_the_transcript_is_in_clear_in_the_data_directory(player: Player) -> None:
    transcript = player.client.get(f"/api/interviews/{player.seeded['interview_id']}").json()["transcript"]
    sentences = [u["text"] for u in transcript if u["speaker"] == "candidate" and len(u["text"]) > 20]
    assert sentences, "the API shows the transcript (decrypted)"
    files = [p for p in player.settings.data_dir.rglob("*") if p.is_file()]
    assert any(p.name == "interview.db" for p in files) and any(p.suffix == ".mp4" for p in files)
    for path in files:
        data = path.read_bytes()
        for sentence in sentences:
            assert sentence.encode() not in data, f"{sentence!r} in clear in {path.name}"


def test_a_tampered_recording_is_refused(player: Player, tmp_path: Path) -> None:
    path = next(player.settings.recordings_dir.rglob("*.mp4"))
    sealed = path.read_bytes()
    try:
        changed = bytearray(sealed)
        changed[HEADER.size + (CHUNK_SIZE + TAG) + 7] ^= 0x40  # chunk 1
        path.write_bytes(bytes(changed))
        assert player.get("bytes=0-99").status_code == 206  # chunk 0 is intact
        r = player.get(f"bytes={CHUNK_SIZE}-{CHUNK_SIZE + 99}")
        assert r.status_code == 500 and "failed its integrity check" in r.json()["detail"]
        path.write_bytes(sealed[: HEADER.size + 2 * (CHUNK_SIZE + TAG) + 5])  # cut short: a crash
        cut = player.get()
        assert cut.status_code == 200 and cut.headers["x-recording-complete"] == "false"
        assert cut.content == player.plain[: 2 * CHUNK_SIZE]
    finally:
        path.write_bytes(sealed)


def test_a_wrong_master_key_stops_the_server_at_start_up(player: Player) -> None:
    wrong = Settings(
        environment="test",
        secret_key=TEST_SECRET,
        data_dir=player.settings.data_dir,
        master_key=base64.b64encode(os.urandom(32)).decode(),  # not the key the data was written with
        outbox_in_server=False,
    )
    with (
        pytest.raises(MasterKeyError, match="does not match the stored data"),
        TestClient(create_app(wrong, runtime=fake_runtime())),
    ):
        pass
