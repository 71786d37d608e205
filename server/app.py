"""`create_app(settings)`: the composition root. The lifespan owns the engine, models, peers and bus."""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import DBAPIError

from agent.endpointing import EndpointSettings
from agent.interviewer import AgentSettings
from agent.phrasing import FollowUpPhraser
from realtime.webrtc.recorder import private_dir
from realtime.webrtc.registry import PeerRegistry
from scoring.llm import LLMScorer, LLMSettings, OpenAICompatibleLLM
from scoring.scorer import DefaultScorer, Scorer, load_encoder
from server.api import (
    admin,
    analytics,
    auth,
    candidate,
    candidates,
    greenhouse,
    imports,
    interviews,
    invitations,
    jobs,
    lifecycle,
    messages,
    monitoring,
    oidc,
    pages,
    privacy,
    resumes,
    review,
    staff,
)
from server.body_limit import BodyLimitMiddleware
from server.bus import EventBus, InProcessBus, RedisBus
from server.crypto import SecretBox
from server.csrf import CrossSiteGuard
from server.db.engine import make_engine, make_sessionmaker
from server.db.migrate import upgrade
from server.deps import PeersDep, SessionsDep
from server.errors import install_error_handlers
from server.headers import SecurityHeaders
from server.keys.master import MasterKeyError, load_master_keys
from server.keys.vault import Vault, verify
from server.log_redaction import install_redaction
from server.observability.metrics import Metrics
from server.observability.readiness import Readiness
from server.observability.timing import TimedScorer
from server.owners import CallOwners, LocalOwners, Owner, RedisOwners, run_renewals
from server.runtime import ModelRuntime, load_runtime
from server.schemas import Health
from server.security import Signer
from server.services.calls import CallRuntime, make_sandbox
from server.services.connectors import seal_legacy_urls
from server.services.health import database_answers
from server.services.message_channels import channels_from
from server.services.message_worker import MessageWorker, run_messages
from server.services.outbox import egress_policy, run_dispatcher
from server.services.retention import run_purges
from server.settings import Settings
from web import STATIC_DIR

log = logging.getLogger(__name__)


def make_llm(settings: Settings) -> OpenAICompatibleLLM | None:
    """The optional OpenAI-compatible endpoint (one client for the scorer and the phraser)."""
    if not settings.llm_base_url:
        return None
    return OpenAICompatibleLLM(
        LLMSettings(settings.llm_base_url, settings.llm_model, settings.llm_api_key, settings.llm_timeout_s)
    )


def make_scorer(llm: OpenAICompatibleLLM | None, settings: Settings | None = None) -> Scorer:
    """The default scorer, or the LLM scorer (falling back to it) when an endpoint is configured."""
    encoder = load_encoder(settings.scoring_encoder) if settings is not None else None
    default = DefaultScorer(encoder, communication=settings.scoring_communication if settings else False)
    return LLMScorer(llm, default) if llm is not None else default


def agent_settings(settings: Settings, llm: OpenAICompatibleLLM | None) -> AgentSettings:
    """The agent's patience and probing, from settings."""
    endpoint = EndpointSettings(
        complete_wait_s=settings.turn_complete_wait_s,
        base_wait_s=settings.turn_base_wait_s,
        rhythm_factor=settings.turn_rhythm_factor,
        story_wait_s=settings.turn_story_wait_s,
        incomplete_end_s=settings.turn_incomplete_end_s,
        prompt_after_s=settings.turn_prompt_after_s,
        give_up_after_s=settings.turn_give_up_after_s,
        mid_thought_p=settings.turn_mid_thought_p,
    )
    phraser = None
    if llm is not None and settings.llm_phrase_follow_ups:
        phraser = FollowUpPhraser(llm, budget_s=settings.llm_phrase_budget_s)
    return AgentSettings(endpoint=endpoint, max_follow_ups=settings.max_follow_ups, phraser=phraser)


def make_bus(settings: Settings) -> EventBus:
    """Redis pub/sub when configured, else the in-process bus."""
    return RedisBus(settings.redis_url) if settings.redis_url else InProcessBus()


async def _run_message_worker(app: FastAPI, settings: Settings, stop: asyncio.Event) -> None:
    """Candidate messages and reminders, through the channels the settings configure."""
    async with httpx.AsyncClient(timeout=15.0) as client:
        worker = MessageWorker(
            app.state.sessions,
            channels_from(settings, client),
            app.state.signer,
            settings.public_url,
            timezone=settings.messages_timezone,
        )
        app.state.message_worker = worker
        await run_messages(worker, stop, settings.messages_poll_s)


def make_owners(settings: Settings) -> CallOwners:
    """Call leases in Redis when several instances share it, else in this process."""
    me = Owner(
        settings.instance_id or f"{socket.gethostname()}:{settings.port}",
        settings.instance_url or settings.public_url,
    )
    if settings.redis_url:
        return RedisOwners(settings.redis_url, me, settings.call_lease_s)
    return LocalOwners(me)


def create_app(settings: Settings | None = None, runtime: ModelRuntime | None = None) -> FastAPI:
    """Build the application; nothing is loaded until the lifespan starts.

    `runtime`: models to use instead of loading them (tests hand in scripted fakes); the caller keeps
    ownership and closes them.
    """
    settings = settings or Settings()
    install_redaction()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        private_dir(settings.recordings_dir)  # and the data dir (the SQLite file), when new
        try:
            vault = Vault(load_master_keys(settings))  # a missing or malformed key stops here
        except MasterKeyError as exc:
            log.error("cannot start: %s", exc)
            raise
        engine = make_engine(settings.db_url)
        if settings.auto_migrate:
            await upgrade(engine)
        try:
            await verify(vault, engine)  # and a wrong one here, before anything is served
            async with make_sessionmaker(engine).begin() as session:
                if sealed := await seal_legacy_urls(session, SecretBox(settings.secret_key)):
                    log.info("sealed the URL secrets of %d connectors", sealed)
        except MasterKeyError as exc:
            log.error("cannot start: %s", exc)
            await engine.dispose()
            raise
        except (OSError, DBAPIError) as exc:  # the database is not up yet: serve, and say so on /healthz
            log.warning(
                "the database did not answer at start-up (%s); the master key check and connector "
                "URL sealing run at the next start",
                type(exc).__name__,
            )
        models = runtime or await load_runtime(settings)
        bus = make_bus(settings)
        peers = PeerRegistry()
        app.state.settings = settings
        app.state.engine = engine
        app.state.vault = vault
        app.state.sessions = make_sessionmaker(engine, vault)
        app.state.signer = Signer(
            settings.secret_key, settings.invite_ttl_hours * 3600, settings.session_ttl_hours * 3600
        )
        app.state.bus = bus
        app.state.peers = peers
        llm = make_llm(settings)
        agent = agent_settings(settings, llm)
        owners = make_owners(settings)
        app.state.owners = owners
        app.state.draining = False
        scorer = TimedScorer(make_scorer(llm, settings), metrics.score_latency.observe)
        app.state.calls = CallRuntime(
            settings,
            app.state.sessions,
            bus,
            peers,
            models,
            scorer,
            agent,
            vault,
            owners,
            make_sandbox(settings),
        )
        app.state.calls.metrics = metrics
        stop = asyncio.Event()
        leases = asyncio.create_task(
            run_renewals(owners, stop, settings.call_lease_s / 3), name="call-leases"
        )
        dispatcher = (
            asyncio.create_task(
                run_dispatcher(
                    app.state.sessions,
                    settings.secret_key,
                    stop,
                    lease_s=settings.outbox_lease_s,
                    batch=settings.outbox_batch,
                    egress=egress_policy(settings),
                ),
                name="outbox",
            )
            if settings.outbox_in_server
            else None
        )
        purger = (
            asyncio.create_task(run_purges(app.state.sessions, settings, stop, vault), name="retention")
            if settings.purge_in_server
            else None
        )
        messenger = (
            asyncio.create_task(_run_message_worker(app, settings, stop), name="messages")
            if settings.messages_in_server
            else None
        )
        log.info("interview server ready at %s", settings.public_url)
        try:
            yield
        finally:
            # Graceful shutdown: take no new call, then close each live one, which stores the answer in
            # progress, flushes its recording and frees the interview for a rejoin on another instance.
            app.state.draining = app.state.calls.draining = True
            app.state.readiness.begin_shutdown()  # /readyz says so, and the proxy stops sending calls
            await peers.close_all()
            stop.set()
            await leases
            await owners.close()
            if dispatcher is not None:
                await dispatcher
            if purger is not None:
                await purger
            if messenger is not None:
                await messenger
            if runtime is None:
                models.close()
            if agent.phraser is not None:
                agent.phraser.close()
            if llm is not None:
                llm.close()
            await bus.close()
            await engine.dispose()
            log.info("interview server stopped")

    app = FastAPI(title="Interview server", version="0.1.0", lifespan=lifespan)
    # One registry per app (tests build many apps in one process); readiness may be flipped by shutdown.
    metrics = app.state.metrics = Metrics()
    app.state.readiness = Readiness(settings.ready_max_lag_s, settings.ready_max_queue)
    install_error_handlers(app)
    app.add_middleware(CrossSiteGuard, public_url=settings.public_url)
    app.add_middleware(
        BodyLimitMiddleware,
        default_bytes=settings.max_body_bytes,
        large_bytes=settings.max_import_body_bytes,
        large_prefixes=(imports.router.prefix + "/",),
        suffix_limits={"/resume": settings.max_resume_bytes},
    )
    # Added last, so outermost: its headers are on the other middlewares' refusals too.
    app.add_middleware(SecurityHeaders, https=settings.public_url.startswith("https://"))
    app.include_router(auth.router)
    app.include_router(oidc.router)
    app.include_router(candidate.router)
    app.include_router(interviews.router)
    app.include_router(review.router)
    app.include_router(resumes.router)
    app.include_router(lifecycle.router)
    app.include_router(jobs.router)
    app.include_router(imports.router)
    app.include_router(analytics.router)
    app.include_router(greenhouse.router)
    app.include_router(admin.router)
    app.include_router(privacy.router)
    app.include_router(candidates.router)
    app.include_router(staff.router)
    app.include_router(invitations.router)
    app.include_router(messages.admin_router)
    app.include_router(messages.public_router)
    app.include_router(pages.router)
    app.include_router(monitoring.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/healthz", include_in_schema=False)
    async def healthz(peers: PeersDep, sessions: SessionsDep, response: Response) -> Health:
        if await database_answers(sessions):
            return Health(status="ok", live_interviews=len(peers))
        response.status_code = 503
        return Health(status="not ok", live_interviews=len(peers), detail="the database does not answer")

    return app
