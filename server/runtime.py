"""The models a server runs with: VAD, recognisers, voices, face detector. Loaded once, or given.

`create_app(settings, runtime=...)` takes a `ModelRuntime` so tests can hand the app scripted fakes
(`tests/fakes/`) and start in milliseconds; without one, the lifespan loads the real models from
settings and closes them at shutdown.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from realtime.errors import ModelNotFoundError
from realtime.presence.faces import FaceDetector, find_face_python
from realtime.speech.asr import ZH_PROMPT, ASRSettings, WhisperRecognizer, english_model_path
from realtime.speech.models import multilingual_base_model
from realtime.speech.pipeline import VAD
from realtime.speech.pool import RecognitionPool, Transcriber
from realtime.speech.turn_end import SMART_TURN_FILE, SmartTurn, TurnEndModel, default_turn_model_path
from realtime.speech.vad import SileroVAD, VADSettings
from realtime.voice.tts import VoiceBook, default_voices
from scoring.text import warm_up
from server.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class ModelRuntime:
    """The loaded models, shared by every call of the process."""

    vad: VAD
    recognizers: RecognitionPool
    voices: VoiceBook | None = None
    faces: FaceDetector | None = None

    def close(self) -> None:
        """Stop the models' workers and processes."""
        self.recognizers.close()
        if self.faces is not None:
            self.faces.close()
        if self.voices is not None:
            self.voices.close()


def load_speech(settings: Settings) -> tuple[SileroVAD, dict[str, Transcriber]]:
    """Load VAD and one recogniser per language once for the process; a missing model fails startup."""
    vad = SileroVAD(settings.vad_model_path, VADSettings(min_silence_s=settings.vad_min_silence_s))
    engines: dict[str, Transcriber] = {}
    for language in [x.strip() for x in settings.asr_languages.split(",") if x.strip()]:
        if language == "en":
            bundled = english_model_path(settings.asr_en_model, settings.data_dir / "models")
            path, prompt = settings.asr_model_path or bundled, None
        elif language == "zh":
            path = settings.asr_zh_model_path or multilingual_base_model(settings.data_dir / "models")
            prompt = ZH_PROMPT
        else:
            raise ModelNotFoundError(f"no built-in speech model for language {language!r}")
        engines[language] = WhisperRecognizer(
            ASRSettings(
                path,
                settings.asr_compute_type,
                settings.asr_cpu_threads,
                settings.asr_workers,
                beam_size=settings.asr_beam_size,
                prompt=prompt,
            )
        )
    return vad, engines


def load_turn_model(settings: Settings) -> TurnEndModel | None:
    """The turn-end model, when one is configured or installed and the turn policy reads it."""
    if settings.turn_mid_thought_p <= 0:
        return None  # the policy does not use it: spend no CPU on it
    path = settings.turn_model_path or default_turn_model_path()
    if path is None:
        log.warning(
            "no turn-end model: run scripts/setup.sh (models/%s) or set INTERVIEW_TURN_MODEL_PATH",
            SMART_TURN_FILE,
        )
        return None
    return SmartTurn(path)


def load_face_detector(settings: Settings) -> FaceDetector | None:
    """The shared face detector for presence flags; None (logged) when mediapipe is not installed."""
    if not settings.presence_checks:
        return None
    python = find_face_python(settings.face_python)
    if python is None:
        log.warning(
            "video presence checks are off: no Python with mediapipe 0.10.21 "
            "(run scripts/setup.sh, which makes .venv-vision, or set INTERVIEW_FACE_PYTHON)"
        )
        return None
    return FaceDetector(python, settings.face_model, settings.face_min_confidence)


async def load_runtime(settings: Settings) -> ModelRuntime:
    """Every model the settings ask for (speech, face detector, voices), loaded off the event loop."""
    vad, engines = await asyncio.to_thread(load_speech, settings)
    turn_model = await asyncio.to_thread(load_turn_model, settings)
    recognizers = RecognitionPool(engines, settings.asr_workers, turn_model=turn_model)
    faces = await asyncio.to_thread(load_face_detector, settings)
    voices = None
    if settings.tts_enabled:
        voices = await asyncio.to_thread(
            default_voices, settings.tts_zh_command, settings.tts_en_command, settings.tts_zh_python
        )
    await asyncio.to_thread(warm_up)  # load the Chinese dictionary before the first answer
    return ModelRuntime(vad, recognizers, voices, faces)
