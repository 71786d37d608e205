"""A real server process and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlparse

import httpx
import pytest
from sqlalchemy import text

from server.db.engine import make_engine, make_sessionmaker
from server.settings import Settings
from tests.conftest import POSTGRES_URL, REDIS_URL, TEST_SECRET
from tests.net import free_port
from tests.vaults import vault_for

T = TypeVar("T")

CHROMIUM = "/usr/bin/chromium"
BASE_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--use-fake-ui-for-media-stream",
    "--use-fake-device-for-media-stream",
    "--allow-loopback-in-peer-connection",
    "--autoplay-policy=no-user-gesture-required",
]


def stop_server(proc: subprocess.Popen[bytes], within_s: float) -> bool:
    """SIGTERM, and wait; a server still running after `within_s` is stuck: it is told to write its
    threads' stacks into its log (SIGUSR1, faulthandler), then killed. True when it stopped by itself."""
    proc.terminate()
    try:
        proc.wait(within_s)
        return True
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGUSR1)
        time.sleep(1.0)
        proc.kill()
        proc.wait()
        return False


@dataclass(frozen=True)
class Store:
    """The running server's database, opened as the server opens it (same key: sealed columns)."""

    sessions: Any  # async_sessionmaker[AsyncSession]
    settings: Settings
    vault: Any  # server.keys.vault.Vault


@dataclass
class ServerProcess:
    url: str
    env: dict[str, str]
    data_dir: Path
    log: Path

    def seed(self, work: Callable[[Store], Awaitable[T]]) -> T:
        """Run `work` against this server's database (accounts, generated data) and return its result."""
        settings = Settings(
            environment="test",
            secret_key=TEST_SECRET,
            data_dir=self.data_dir,
            database_url=self.env.get("INTERVIEW_DATABASE_URL"),
        )

        async def run() -> T:
            engine = make_engine(settings.db_url)
            vault = vault_for(settings)
            try:
                return await work(Store(make_sessionmaker(engine, vault), settings, vault))
            finally:
                await engine.dispose()

        return asyncio.run(run())

    def cli(self, *args: str) -> str:
        out = subprocess.run(
            [sys.executable, "-m", "server.cli", *args],
            env=self.env,
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout

    def ops_client(
        self, email: str = "ops@example.test", password: str = "ops-password-for-tests", role: str = "admin"
    ) -> httpx.Client:
        """A logged-in HTTP client of a new account (an admin unless `role` says otherwise)."""
        subprocess.run(
            [sys.executable, "-m", "server.cli", "create-admin", email, "--role", role],
            env={**self.env, "INTERVIEW_ADMIN_PASSWORD": password},
            check=True,
            capture_output=True,
        )
        client = httpx.Client(base_url=self.url)
        client.post("/api/auth/login", json={"email": email, "password": password}).raise_for_status()
        return client

    def demo(self, language: str = "en") -> dict[str, Any]:
        data: dict[str, Any] = json.loads(
            self.cli("demo", "--json", "--language", language).strip().splitlines()[-1]
        )
        return data


@pytest.fixture(
    params=["embedded", pytest.param("postgres+redis", marks=[pytest.mark.postgres, pytest.mark.redis])]
)
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServerProcess]:
    """`interview serve` on a free port: SQLite and the in-process bus, or PostgreSQL and Redis."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "INTERVIEW_ENVIRONMENT": "test",
        "INTERVIEW_SECRET_KEY": TEST_SECRET,
        "INTERVIEW_DATA_DIR": str(tmp_path / "data"),
        "INTERVIEW_PUBLIC_URL": url,
        "INTERVIEW_PORT": str(port),
        # Browser echo cancellation off: the fake microphone plays a file, and transcripts are compared.
        "INTERVIEW_BROWSER_AUDIO_PROCESSING": "false",
    }
    env.pop("INTERVIEW_DATABASE_URL", None)
    env.pop("INTERVIEW_REDIS_URL", None)
    database = None
    if request.param == "postgres+redis":
        database = f"e2e_{uuid.uuid4().hex[:12]}"
        _postgres_admin(f"CREATE DATABASE {database}")
        env["INTERVIEW_DATABASE_URL"] = POSTGRES_URL.rsplit("/", 1)[0] + "/" + database
        env["INTERVIEW_REDIS_URL"] = REDIS_URL
    log = tmp_path / "server.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "server.cli", "serve"], env=env, stdout=out, stderr=out
        )
    try:
        deadline = time.monotonic() + 180  # model loads take over a minute on a loaded 2-core machine
        while True:
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"server did not start:\n{log.read_text()}")
            time.sleep(0.2)
        yield ServerProcess(url, env, tmp_path / "data", log)
    finally:
        if not stop_server(proc, 20):
            print(f"the server did not stop in 20 s; its threads:\n{stacks(log.read_text())}")
        print(log.read_text()[-4000:])
        if database:
            _postgres_admin(f"DROP DATABASE {database} WITH (FORCE)")


def stacks(log: str) -> str:
    """The thread dump faulthandler wrote into a server log (SIGUSR1)."""
    found = [at for at in (log.find("Thread 0x"), log.find("Current thread 0x")) if at >= 0]
    return log[min(found) :][:30000] if found else "(none written)"


def _postgres_admin(statement: str) -> None:
    async def run() -> None:
        engine = make_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
        async with engine.connect() as conn:
            await conn.execute(text(statement))
        await engine.dispose()

    asyncio.run(run())


def launch_chromium(playwright: Any, audio: Path | None = None, extra_flags: tuple[str, ...] = ()) -> Any:
    flags = [*BASE_FLAGS, *extra_flags]
    if audio is not None:
        flags.append(f"--use-file-for-fake-audio-capture={audio}%noloop")
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=flags)


def login(page: Any, server: ServerProcess, email: str, password: str, next_path: str) -> None:
    """Log a staff page in and wait for the page it was going to."""
    page.goto(f"{server.url}/login?next={next_path}")
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: urlparse(url).path == next_path.split("?")[0])


def join_call(page: Any, invite_url: str) -> None:
    """A candidate opens the invite, consents, and joins; returns once the first question is shown."""
    from playwright.sync_api import expect

    page.goto(invite_url)
    page.check("#consent-box")
    page.check("#consent-ai")  # AI-assisted evaluation (else human-only)
    page.check("#consent-presence")
    page.click("#consent-btn")
    page.click("#join-btn")
    expect(page.locator("#progress")).to_have_text("Question 1 / 3", timeout=20_000)
