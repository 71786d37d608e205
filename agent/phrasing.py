"""Optional LLM phrasing of follow-ups (off by default).

The decision (whether to follow up, and why) stays deterministic; an OpenAI-compatible model may only
reword the chosen follow-up to fit what the candidate said, within a time budget. Anything slow,
failed, too long or off-language falls back to the template text: the interview never waits on it.
"""

from __future__ import annotations

import concurrent.futures
import logging
import re

from scoring.llm import LLMError, OpenAICompatibleLLM

log = logging.getLogger(__name__)
SYSTEM = (
    "You are a structured interviewer. Rephrase the follow-up question so it refers to the "
    "candidate's answer. Keep its intent, one sentence, polite, in the same language as the template. "
    "Reply with the question only."
)
MAX_CHARS = 200


class FollowUpPhraser:
    """Rewords follow-ups with an LLM, or returns the template when it cannot within `budget_s`."""

    def __init__(self, llm: OpenAICompatibleLLM, budget_s: float = 1.5) -> None:
        self._llm = llm
        self._budget = budget_s
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="phrase")
        self.fallbacks = 0

    def phrase(self, template: str, reason: str, question: str, answer: str, language: str) -> str:
        """The follow-up text to say (blocking for at most the budget)."""
        user = f"Question: {question}\nAnswer: {answer[-1500:]}\nReason: {reason}\nTemplate: {template}"
        future = self._pool.submit(self._llm.complete, SYSTEM, user, False)
        try:
            text = future.result(timeout=self._budget).strip().strip('"')
        except (concurrent.futures.TimeoutError, LLMError) as exc:
            self.fallbacks += 1
            log.warning("follow-up phrasing fell back to the template: %s", exc or "over budget")
            return template
        if (
            not text
            or len(text) > MAX_CHARS
            or (language == "zh") != bool(re.search(r"[\u4e00-\u9fff]", text))
        ):
            self.fallbacks += 1
            return template
        return text

    def close(self) -> None:
        """Stop the worker threads without waiting for a slow endpoint."""
        self._pool.shutdown(wait=False, cancel_futures=True)
