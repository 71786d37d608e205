"""The agent's voice on the call: speak questions, and stop at once when the candidate talks over it."""

from __future__ import annotations

import asyncio
import logging
from typing import Protocol

from agent.bargein import BargeIn, BargeInPolicy
from realtime.voice.tts import Speech, TTSError, VoiceBook

log = logging.getLogger(__name__)


class Voice(Protocol):
    """The call's outbound voice track (`AgentVoice`)."""

    @property
    def speaking(self) -> bool:
        """Whether speech is still playing."""
        ...

    def say(self, speech: Speech) -> float:
        """Queue speech; the seconds until it will have been said."""
        ...

    def interrupt(self) -> float:
        """Stop now; the seconds of speech cut."""
        ...


class Speaker:
    """Speaks the agent's lines in the interview's language and applies the barge-in policy."""

    def __init__(
        self,
        language: str,
        voice: Voice | None,
        voices: VoiceBook | None,
        barge_in: BargeInPolicy | None = None,
        label: str = "",
    ) -> None:
        self._language = language
        self._voice = voice
        self._voices = voices
        self._barge = barge_in or BargeInPolicy()
        self._speaking = False
        self._label = label

    @property
    def can_speak(self) -> bool:
        """Whether lines are spoken on the call (else the page shows them, and may read them aloud)."""
        return self._voice is not None and self._voices is not None and self._voices.speaks(self._language)

    async def say(self, text: str) -> float:
        """Speak on the call; the seconds until the agent will have said it (0: not spoken)."""
        if not self.can_speak:
            return 0.0
        assert self._voice is not None and self._voices is not None
        try:
            speech = await asyncio.to_thread(self._voices.synthesize, text, self._language)
        except TTSError as exc:
            log.warning("interview %s: could not speak (%s); the page shows the text", self._label, exc)
            return 0.0
        until = self._voice.say(speech)
        self._speaking = True
        self._barge.agent_started()
        return until

    def speech_started(self, t: float) -> None:
        """The candidate began talking (VAD)."""
        self._barge.speech_started(t)

    def speech_ended(self) -> None:
        """The candidate stopped talking (VAD)."""
        self._barge.speech_ended()

    def check_barge_in(self, now: float) -> tuple[BargeIn, float] | None:
        """The candidate talking over the agent (not a cough) stops its voice: what was heard and cut."""
        if self._voice is None or not self._speaking:
            return None
        if not self._voice.speaking:
            self._speaking = False
            self._barge.agent_stopped()
            return None
        hit = self._barge.check(now)
        if hit is None:
            return None
        cut = self._voice.interrupt()
        self._speaking = False
        self._barge.agent_stopped()
        log.info("interview %s: barge-in at %.2f s; %.1f s of speech cut", self._label, now, cut)
        return hit, cut
