"""The `interview` command: serve, migrate, create-admin, demo, purge and more."""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import faulthandler
import getpass
import json
import logging
import os
import signal
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from scoring.yamlsource import SourceError
from server import cli_offline
from server.db.engine import make_engine, make_sessionmaker
from server.db.migrate import upgrade
from server.errors import DomainError
from server.keys.master import MasterKeyError, load_master_keys
from server.keys.vault import Vault, verify
from server.log_redaction import install_redaction
from server.observability.logs import configure_logging
from server.security import Signer
from server.settings import Settings

T = TypeVar("T")


async def _open_vault(settings: Settings, engine: AsyncEngine) -> Vault:
    """Migrate and check the master key against the stored data keys, as the server does at start."""
    vault = Vault(load_master_keys(settings))
    await upgrade(engine)
    await verify(vault, engine)
    return vault


async def _sealing_sessions(settings: Settings, engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that seal and open personal columns, as the server's do."""
    return make_sessionmaker(engine, await _open_vault(settings, engine))


async def _in_transaction(settings: Settings, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.db_url)
    try:
        async with (await _sealing_sessions(settings, engine)).begin() as session:
            return await work(session)
    finally:
        await engine.dispose()


def _keys(settings: Settings, args: argparse.Namespace) -> int:
    from server.services.keys import key_status, rotate

    async def run() -> int:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        engine = make_engine(settings.db_url)
        try:
            vault = await _open_vault(settings, engine)
            sessions = make_sessionmaker(engine, vault)
            if args.action == "rotate":
                done = await rotate(sessions, vault, args.batch)
                print(f"re-wrapped {done.rewrapped} data keys: {done.old_key_id} -> {done.new_key_id}")
            for key_id, count in sorted((await key_status(sessions)).items()):
                role = "current" if key_id == vault.master_key_id else "previous"
                print(f"master key {key_id} ({role}): {count} data keys")
            if args.action == "rotate":
                print("rotation complete: INTERVIEW_MASTER_KEY_PREVIOUS can now be removed")
            return 0
        finally:
            await engine.dispose()

    return asyncio.run(run())


def uvicorn_options(settings: Settings, host: str | None = None, port: int | None = None) -> dict[str, Any]:
    """How `serve` runs uvicorn: the settings' limits on headers, idle connections and concurrency.

    uvicorn's defaults let one client hold connections open and send headers without end; these bound
    what a client gets before a route has looked at it (request bodies: `server/body_limit.py`).
    """
    return {
        "host": host or settings.host,
        "port": port or settings.port,
        "log_config": None,
        "access_log": False,  # URLs carry invite tokens: keep them out of logs
        "h11_max_incomplete_event_size": settings.http_max_header_bytes,
        "timeout_keep_alive": settings.http_keep_alive_s,
        "limit_concurrency": settings.http_limit_concurrency,
        "timeout_graceful_shutdown": settings.http_graceful_shutdown_s,
        "ws_max_size": max(settings.max_ws_message_bytes, 64 * 1024),
        "server_header": False,
    }


def _serve(settings: Settings, args: argparse.Namespace) -> int:
    import uvicorn

    from server.app import create_app

    if hasattr(signal, "SIGUSR1"):  # `kill -USR1 PID` writes every thread's stack to the log (a stuck server)
        faulthandler.register(signal.SIGUSR1, all_threads=True)
    uvicorn.run(create_app(settings), **uvicorn_options(settings, args.host, args.port))
    return 0


def _migrate(settings: Settings, _args: argparse.Namespace) -> int:
    async def run() -> None:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        engine = make_engine(settings.db_url)
        try:
            await upgrade(engine)
        finally:
            await engine.dispose()

    asyncio.run(run())
    print("database is up to date")
    return 0


def _create_admin(settings: Settings, args: argparse.Namespace) -> int:
    from server.services.accounts import create_user

    password = os.environ.get("INTERVIEW_ADMIN_PASSWORD") or getpass.getpass("Password: ")
    user = asyncio.run(
        _in_transaction(
            settings,
            lambda s: create_user(
                s, args.email, args.name or args.email, args.role, password, args.department or None
            ),
        )
    )
    scope = f" in {user.department}" if user.department else " without a department"
    print(f"created {user.role} account {user.email}{scope}")
    return 0


def _demo(settings: Settings, args: argparse.Namespace) -> int:
    from server.services.demo import create_demo

    signer = Signer(settings.secret_key, settings.invite_ttl_hours * 3600, settings.session_ttl_hours * 3600)
    demo = asyncio.run(
        _in_transaction(settings, lambda s: create_demo(s, signer, settings.public_url, args.language))
    )
    if args.json:
        print(json.dumps(dataclasses.asdict(demo)))
        return 0
    print("Demo interview created.")
    print(f"  Candidate invite link: {demo.invite_url}")
    print(f"  Live console:          {demo.console_url}")
    if demo.login_password:
        print(f"  Console login:         {demo.login_email} / {demo.login_password}")
    else:
        print(f"  Console login:         {demo.login_email} (password printed by the first `interview demo`)")
    return 0


def _import_plan(settings: Settings, args: argparse.Namespace) -> int:
    from agent.plan_spec import load_plan_file
    from server.services.jobs import create_from_plan

    spec = load_plan_file(Path(args.file))
    job = asyncio.run(_in_transaction(settings, lambda s: create_from_plan(s, spec, "cli")))
    print(f"created job {job.id}: {job.title} ({len(spec.questions)} questions)")
    return 0


def _worker(settings: Settings, _args: argparse.Namespace) -> int:
    import signal

    import httpx

    from server.security import Signer
    from server.services.message_channels import channels_from
    from server.services.message_worker import MessageWorker, run_messages
    from server.services.outbox import egress_policy, run_dispatcher

    async def run() -> None:
        engine = make_engine(settings.db_url)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        try:
            sessions = await _sealing_sessions(settings, engine)
            signer = Signer(
                settings.secret_key, settings.invite_ttl_hours * 3600, settings.session_ttl_hours * 3600
            )
            async with httpx.AsyncClient(timeout=15.0) as client:
                messenger = MessageWorker(
                    sessions,
                    channels_from(settings, client),
                    signer,
                    settings.public_url,
                    timezone=settings.messages_timezone,
                )
                await asyncio.gather(
                    run_dispatcher(
                        sessions,
                        settings.secret_key,
                        stop,
                        lease_s=settings.outbox_lease_s,
                        batch=settings.outbox_batch,
                        egress=egress_policy(settings),
                    ),
                    run_messages(messenger, stop, settings.messages_poll_s),
                )
        finally:
            await engine.dispose()

    asyncio.run(run())
    return 0


def _purge(settings: Settings, args: argparse.Namespace) -> int:
    from server.services.retention import Retention, purge

    async def run() -> dict[str, object]:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        engine = make_engine(settings.db_url)
        try:
            vault = await _open_vault(settings, engine)
            result = await purge(
                make_sessionmaker(engine, vault),
                Retention.from_settings(settings),
                settings.recordings_dir,
                vault,
                dry_run=args.dry_run,
            )
        finally:
            await engine.dispose()
        return result.model_dump()

    print(json.dumps(asyncio.run(run()), indent=2))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `interview` console script."""
    parser = argparse.ArgumentParser(prog="interview", description="Realtime AI interview server")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the HTTP/WebRTC server")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    sub.add_parser("migrate", help="bring the database schema up to date")
    admin = sub.add_parser(
        "create-admin", help="create a staff account (password from INTERVIEW_ADMIN_PASSWORD or prompt)"
    )
    admin.add_argument("email")
    admin.add_argument("--name")
    admin.add_argument("--role", default="admin", choices=["admin", "hr", "interviewer"])
    admin.add_argument(
        "--department",
        help="the department whose interviews the account sees (interviewers without one see only "
        "jobs without a department; HR without one sees every job)",
    )
    demo = sub.add_parser("demo", help="create a demo interview and print its links")
    demo.add_argument("--language", default="en", choices=["en", "zh"])
    demo.add_argument("--json", action="store_true", help="print the links as JSON")
    score = sub.add_parser("score", help="score answers from JSON lines (file or - for stdin)")
    score.add_argument("file", nargs="?", default="-")
    score.add_argument("--rubric", help="rubric YAML file (default: built-in competencies)")
    replay = sub.add_parser(
        "replay", help="replay a recorded answer through the pipeline, one JSON event a line"
    )
    replay.add_argument("wav")
    replay.add_argument("--question", help="the question asked (or its id/text in --plan)")
    replay.add_argument("--language", choices=["en", "zh"])
    replay.add_argument("--competency")
    replay.add_argument("--kind", choices=["behavioural", "situational", "technical", "general"])
    replay.add_argument("--plan", help="plan YAML (questions, competencies, follow-up prompts)")
    replay.add_argument(
        "--partial-interval",
        type=float,
        default=None,
        help="seconds between partial captions (default: the server's ASR_PARTIAL_EVERY_S; 0: none)",
    )
    replay.add_argument("--tail", type=float, default=0.0, help="seconds of silence to add after the audio")
    audit = sub.add_parser(
        "bias-audit",
        help="selection rates and impact ratios per group (CSV: candidate,selected / candidate,<category>)",
    )
    audit.add_argument("decisions")
    audit.add_argument("labels", help="self-reported group labels, kept apart from interview data")
    audit.add_argument("--category", default="group")
    sub.add_parser(
        "worker", help="run the EHR outbox dispatcher and the candidate-message worker as their own process"
    )
    purge = sub.add_parser("purge", help="remove data past its retention (legal holds are kept)")
    purge.add_argument("--dry-run", action="store_true", help="count what would be removed, change nothing")
    imp = sub.add_parser("import-plan", help="create a job from an interview plan YAML")
    imp.add_argument("file")
    keys = sub.add_parser("keys", help="the master key: status, or rotate (re-wrap every data key)")
    keys.add_argument("action", choices=["status", "rotate"])
    keys.add_argument("--batch", type=int, default=500, help="data keys re-wrapped per transaction")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    install_redaction()
    try:
        settings = Settings()
    except ValueError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2
    configure_logging(settings.log_format)  # JSON lines with LOG_FORMAT=json
    commands = {
        "serve": _serve,
        "migrate": _migrate,
        "create-admin": _create_admin,
        "demo": _demo,
        "score": cli_offline.score,
        "replay": cli_offline.replay,
        "import-plan": _import_plan,
        "bias-audit": cli_offline.bias_audit,
        "worker": _worker,
        "keys": _keys,
        "purge": _purge,
    }
    try:
        return commands[args.command](settings, args)
    except DomainError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 1
    except MasterKeyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except (SourceError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
