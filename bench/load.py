"""Load: N synthetic candidates (aiortc clients streaming a spoken answer in real time) against one and
two server instances on this machine, sharing PostgreSQL and Redis.

Per N it prints: recognition lag p95 (audio in to final transcript, the pipeline's own measure, sampled
from /api/admin/metrics every 0.5 s), end-of-answer delay p95 (the agent's end-of-answer decision after
the answer's true end, on the call's media clock: turn-taking wait plus any processing lag), server
CPU (% of one core, averaged over the run, all instances summed) and peak memory (RSS, summed), and
failures (an offer refused, no question, or no end of answer in time). Then the largest N whose lag
p95 stays under 1 s.

Run:  .venv/bin/python -m bench.load [--n 1,2,4] [--instances 1,2] [--clip en_leadership_star] [--fake]
`--fake` runs tone-scripted models (tests/fakes/tones.py) instead of the real ones: the call path and
the databases are real, recognition is not (the CI check of the bench itself). Traffic stays on
127.0.0.1; each run is bounded by the clip's length plus 30 s.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from aiortc import RTCPeerConnection, RTCSessionDescription
from aiortc.contrib.media import MediaPlayer
from aiortc.mediastreams import VideoStreamTrack

from bench.procstat import ProcStat
from server.bus import RedisBus
from server.services.live import channel
from tests.conftest import REDIS_URL, TEST_SECRET
from tests.e2e.conftest import stop_server
from tests.fakes.tones import ToneTrack
from tests.media import clip, padded_clip
from tests.net import free_port
from tests.server.instances import PASSWORD, fresh_database

LEAD_S = 2.0  # the candidate starts answering this long after joining
FAKE_ANSWER_S = 6.0


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


@dataclass
class Server:
    """One `interview serve` process."""

    url: str
    env: dict[str, str]
    proc: subprocess.Popen[bytes]
    stat: ProcStat = field(init=False)

    def __post_init__(self) -> None:
        self.stat = ProcStat(self.proc.pid)

    def cli(self, *args: str, extra: dict[str, str] | None = None) -> str:
        out = subprocess.run(
            [sys.executable, "-m", "server.cli", *args],
            env={**self.env, **(extra or {})},
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout


def _spawn(env: dict[str, str], log: Path, fake: bool) -> subprocess.Popen[bytes]:
    module = ["-m", "tests.fakes.serve"] if fake else ["-m", "server.cli", "serve"]
    with log.open("a") as out:
        return subprocess.Popen([sys.executable, *module], env=env, stdout=out, stderr=out)


@contextlib.asynccontextmanager
async def servers(count: int, work: Path, fake: bool) -> AsyncIterator[list[Server]]:
    """`count` instances on a fresh database, Redis, and one recordings volume."""
    async with fresh_database() as database_url:
        started: list[Server] = []
        try:
            for i in range(count):
                port = free_port()
                env = {
                    **os.environ,
                    "INTERVIEW_ENVIRONMENT": "test",
                    "INTERVIEW_SECRET_KEY": TEST_SECRET,
                    "INTERVIEW_DATA_DIR": str(work / "data"),
                    "INTERVIEW_DATABASE_URL": database_url,
                    "INTERVIEW_REDIS_URL": REDIS_URL,
                    "INTERVIEW_PUBLIC_URL": f"http://127.0.0.1:{port}",
                    "INTERVIEW_PORT": str(port),
                    "INTERVIEW_INSTANCE_ID": f"bench-{i}",
                    "INTERVIEW_TTS_ENABLED": "false",
                    "INTERVIEW_PRESENCE_CHECKS": "false",
                    "INTERVIEW_MAX_LIVE_INTERVIEWS": "64",
                    "INTERVIEW_OUTBOX_IN_SERVER": "false",
                    "INTERVIEW_PURGE_IN_SERVER": "false",
                    "INTERVIEW_AUTO_MIGRATE": "true" if i == 0 else "false",
                }
                server = Server(env["INTERVIEW_PUBLIC_URL"], env, _spawn(env, work / f"server-{i}.log", fake))
                started.append(server)
                await _ready(server, work / f"server-{i}.log")
            yield started
        finally:
            for server in started:
                server.proc.terminate()
            for server in started:  # a stuck one writes its threads' stacks to its log before it is killed
                if not await asyncio.to_thread(stop_server, server.proc, 30):
                    print(f"an instance did not stop in 30 s: {server.url}", flush=True)


async def _ready(server: Server, log: Path) -> None:
    async with httpx.AsyncClient() as http:
        for _ in range(1200):
            with contextlib.suppress(httpx.HTTPError):
                if (await http.get(f"{server.url}/healthz", timeout=1)).status_code == 200:
                    return
            if server.proc.poll() is not None:
                break
            await asyncio.sleep(0.1)
    tail = await asyncio.to_thread(log.read_text)
    raise RuntimeError(f"server did not start:\n{tail[-3000:]}")


@dataclass
class Outcome:
    """One candidate's run."""

    ok: bool = False
    why: str = ""
    end_delay_s: float | None = None


async def candidate(
    server: Server, invite: str, answer: Path | None, answer_end_s: float, limit_s: float
) -> Outcome:
    """Join, answer the first question, and wait for the agent's end-of-answer decision."""
    interview_id, token = invite.split(" ")
    pc = RTCPeerConnection()
    bus = RedisBus(REDIS_URL)
    outcome = Outcome(why="the call ended without an end of answer")
    try:
        async with httpx.AsyncClient(base_url=server.url, timeout=60) as http:
            version = (await http.get(f"/api/invite/{token}")).json()["consent_version"]
            consent = {"version": version, "recording": True, "ai_evaluation": True}
            r = await http.post(f"/api/invite/{token}/consent", json=consent)
            if r.status_code != 201:
                return Outcome(why=f"consent {r.status_code}")
            async with bus.subscribe(channel(interview_id)) as events:
                if answer is not None:
                    player = MediaPlayer(str(answer))
                    pc.addTrack(player.audio)
                else:
                    tone = ToneTrack()
                    tone.speak_after(0, LEAD_S, FAKE_ANSWER_S)
                    pc.addTrack(tone)
                pc.addTrack(VideoStreamTrack())
                pc.createDataChannel("control")
                await pc.setLocalDescription(await pc.createOffer())
                offer = {"sdp": pc.localDescription.sdp, "type": "offer"}
                r = await http.post(f"/api/invite/{token}/offer", json=offer)
                if r.status_code != 200:
                    return Outcome(why=f"offer {r.status_code}: {r.text[:120]}")
                await pc.setRemoteDescription(RTCSessionDescription(**r.json()))
                async with asyncio.timeout(limit_s):
                    async for event in events:
                        if event.get("type") == "agent.decision" and event.get("kind") == "end_of_answer":
                            await asyncio.sleep(1.0)  # stay on the call while its metrics are sampled
                            return Outcome(ok=True, end_delay_s=float(event["t"]) - answer_end_s)
    except TimeoutError:
        outcome.why = "no end of answer in time"
    finally:
        await pc.close()
        await bus.close()
    return outcome


async def seed(server: Server, n: int) -> list[str]:
    """N demo interviews ("id token" each)."""
    out = []
    for _ in range(n):
        printed = await asyncio.to_thread(server.cli, "demo", "--json")
        data = json.loads(printed.strip().splitlines()[-1])
        out.append(f"{data['interview_id']} {data['invite_url'].rsplit('/', 1)[1]}")
    return out


Lags = dict[tuple[str, float], float]


async def admin_clients(servers_: list[Server]) -> list[httpx.AsyncClient]:
    """A logged-in admin client per instance (for /api/admin/metrics)."""
    clients = []
    for i, server in enumerate(servers_):
        email = f"bench-admin-{i}-{time.monotonic_ns()}@example.test"
        extra = {"INTERVIEW_ADMIN_PASSWORD": PASSWORD}
        await asyncio.to_thread(server.cli, "create-admin", email, "--role", "admin", extra=extra)
        client = httpx.AsyncClient(base_url=server.url, timeout=10)
        (await client.post("/api/auth/login", json={"email": email, "password": PASSWORD})).raise_for_status()
        clients.append(client)
    return clients


async def sample_lags(clients: list[httpx.AsyncClient], stop: asyncio.Event, lags: Lags) -> None:
    """Poll each instance's metrics; keep every distinct per-call final-transcript lag seen."""
    while not stop.is_set():
        for client in clients:
            with contextlib.suppress(httpx.HTTPError):
                data = (await client.get("/api/admin/metrics")).json()
                for interview, live in data.get("interviews", {}).items():
                    if live.get("final_lag_s") is not None:
                        lags[(interview, float(live["final_lag_s"]))] = float(live["final_lag_s"])
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), 0.25)


async def run(n: int, instances: int, clip_id: str, fake: bool, work: Path) -> dict[str, Any]:
    """One configuration: its figures."""
    answer = None if fake else padded_clip(clip_id, work / "answer.wav", lead_s=LEAD_S, tail_s=12.0)
    answer_end = LEAD_S + (FAKE_ANSWER_S if fake else float(clip(clip_id)["answer_end"]))
    limit = answer_end + 30.0
    async with servers(instances, work, fake) as running:
        invites = await seed(running[0], n)
        for server in running:
            server.stat.start()
        clients = await admin_clients(running)
        stop, lags = asyncio.Event(), Lags()
        sampler = asyncio.create_task(sample_lags(clients, stop, lags))
        began = time.monotonic()
        outcomes = await asyncio.gather(
            *(
                candidate(running[i % instances], invite, answer, answer_end, limit)
                for i, invite in enumerate(invites)
            )
        )
        stop.set()
        await sampler
        for client in clients:
            await client.aclose()
        cpu = sum(s.stat.cpu_percent() for s in running)
        rss = sum(s.stat.peak_rss_mb() for s in running)
    delays = [o.end_delay_s for o in outcomes if o.end_delay_s is not None]
    return {
        "n": n,
        "instances": instances,
        "lag_p95_s": pct(list(lags.values()), 0.95),
        "lag_samples": len(lags),
        "end_delay_p95_s": pct(delays, 0.95),
        "cpu_pct": cpu,
        "rss_mb": rss,
        "failures": [o.why for o in outcomes if not o.ok],
        "wall_s": time.monotonic() - began,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", default="1,2,4")
    parser.add_argument("--instances", default="1,2")
    parser.add_argument("--clip", default="en_leadership_star")
    parser.add_argument("--fake", action="store_true", help="tone-scripted models (no model loads)")
    parser.add_argument("--logs", type=Path, help="keep the servers' logs of runs with failures here")
    args = parser.parse_args()
    rows = []
    print("instances  N  lag p95 s  end-of-answer p95 s  CPU %  RSS MB  failures")
    for instances in (int(x) for x in args.instances.split(",")):
        for n in (int(x) for x in args.n.split(",")):
            with tempfile.TemporaryDirectory() as work:
                row = asyncio.run(run(n, instances, args.clip, args.fake, Path(work)))
                if row["failures"] and args.logs:
                    kept = args.logs / f"{instances}x{n}"
                    kept.mkdir(parents=True, exist_ok=True)
                    for log in Path(work).glob("server-*.log"):
                        shutil.copy(log, kept / log.name)
                    print(f"servers' logs of the failed run: {kept}", flush=True)
            rows.append(row)
            print(
                f"{instances:9d} {n:2d} {row['lag_p95_s']:10.2f} {row['end_delay_p95_s']:20.2f} "
                f"{row['cpu_pct']:6.0f} {row['rss_mb']:7.0f}  {len(row['failures'])} {row['failures'][:2]}",
                flush=True,
            )
    for instances in sorted({r["instances"] for r in rows}):
        mine = [r for r in rows if r["instances"] == instances]
        fit = [r["n"] for r in mine if r["lag_p95_s"] < 1.0 and not r["failures"]]
        print(f"{instances} instance(s): largest N with lag p95 < 1 s: {max(fit) if fit else 'none'}")


if __name__ == "__main__":
    main()
