"""The optional LLM scorer against a local HTTP server that implements the OpenAI chat-completions
contract: valid verdicts are used; invented quotes, bad JSON, errors and timeouts fall back."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from scoring.llm import LLMScorer, LLMSettings, OpenAICompatibleLLM
from scoring.models import Answer

ANSWER = Answer(
    "Tell me about a time you led a team.",
    "Last year our release was late. I split the work into daily goals. We shipped three days early.",
    "en",
    "leadership",
)

LONG_QUOTE = (
    "I split the work into daily goals, met the product manager every morning to agree what was cut, "
    "moved two engineers from support onto the release, wrote the test plan myself and reviewed every "
    "open bug twice a week."
)
LONG_ANSWER = Answer(ANSWER.question, f"{ANSWER.text} {LONG_QUOTE}", "en", "leadership")


class Endpoint:
    """What the fake-free local server should do next, and what it received."""

    def __init__(self) -> None:
        self.mode = "good"
        self.requests: list[dict[str, Any]] = []


def verdict(quote: str) -> dict[str, Any]:
    return {
        "score": 4,
        "criteria": [{"name": "ownership", "score": 4, "reasons": ["clear personal action"]}],
        "star": {
            "situation": {"present": True, "quote": "Last year our release was late."},
            "task": {"present": False, "quote": None},
            "action": {"present": True, "quote": quote},
            "result": {"present": True, "quote": "We shipped three days early."},
        },
        "evidence": [{"quote": quote, "label": "action"}],
        "reasons": ["complete story"],
    }


@pytest.fixture
def endpoint() -> Iterator[tuple[Endpoint, str]]:
    state = Endpoint()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            if self.path != "/v1/chat/completions":
                self.send_error(404)
                return
            if self.headers.get("Authorization") != "Bearer sk-test":
                self.send_error(401)
                return
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            state.requests.append(body)
            if body.get("temperature") != 0 or not body.get("messages"):
                self.send_error(400)
                return
            if state.mode == "slow":
                time.sleep(2)
            if state.mode == "error":
                self.send_error(500)
                return
            content = {
                "good": json.dumps(verdict("I split the work into daily goals.")),
                "invented": json.dumps(verdict("I personally rewrote the whole system.")),
                "too_long": json.dumps(verdict(LONG_QUOTE)),
                "bad_json": "{not json",
                "bad_schema": json.dumps({"score": 9}),
                "slow": json.dumps(verdict("I split the work into daily goals.")),
                "phrase": "And how did the meeting end?",
            }[state.mode]
            payload = json.dumps(
                {"choices": [{"message": {"role": "assistant", "content": content}}]}
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state, f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


def make(url: str) -> LLMScorer:
    return LLMScorer(OpenAICompatibleLLM(LLMSettings(url, "test-model", "sk-test", timeout_s=0.5)))


def test_a_valid_verdict_is_used_with_real_offsets(endpoint: tuple[Endpoint, str]) -> None:
    state, url = endpoint
    result = make(url).score(ANSWER)
    assert result.scorer == "llm" and result.score == 4
    quote = result.evidence[0]
    assert ANSWER.text[quote.start : quote.end] == "I split the work into daily goals."
    assert state.requests[0]["temperature"] == 0 and state.requests[0]["model"] == "test-model"


@pytest.mark.parametrize("mode", ["invented", "bad_json", "bad_schema", "error", "slow"])
def test_untrustworthy_answers_fall_back_to_the_default_scorer(
    endpoint: tuple[Endpoint, str], mode: str
) -> None:
    state, url = endpoint
    state.mode = mode
    scorer = make(url)
    started = time.monotonic()
    result = scorer.score(ANSWER)
    assert result.scorer == "default" and scorer.fallbacks == 1
    assert time.monotonic() - started < 1.5  # the timeout bounds the wait


def test_a_verbatim_quote_over_200_characters_is_not_trusted(endpoint: tuple[Endpoint, str]) -> None:
    state, url = endpoint
    state.mode = "too_long"
    assert len(LONG_QUOTE) > 200 and LONG_QUOTE in LONG_ANSWER.text
    scorer = make(url)
    result = scorer.score(LONG_ANSWER)
    assert result.scorer == "default" and scorer.fallbacks == 1
    assert all(len(e.text) <= 200 for e in result.evidence)


def test_provisional_scores_never_wait_for_the_llm(endpoint: tuple[Endpoint, str]) -> None:
    state, url = endpoint
    assert make(url).score(ANSWER, provisional=True).scorer == "default"
    assert state.requests == []


def test_follow_up_phrasing_uses_the_llm_within_budget_and_falls_back(endpoint: tuple[Endpoint, str]) -> None:
    from agent.phrasing import FollowUpPhraser

    state, url = endpoint
    llm = OpenAICompatibleLLM(LLMSettings(url, "test-model", "sk-test", timeout_s=5))
    phraser = FollowUpPhraser(llm, budget_s=0.5)
    template = "What was the result?"
    state.mode = "phrase"
    assert (
        phraser.phrase(template, "missing_result", "Q", "I set up a meeting.", "en")
        == "And how did the meeting end?"
    )
    assert (
        phraser.phrase("最后结果怎么样？", "missing_result", "Q", "我组织了会议。", "zh")
        == "最后结果怎么样？"
    )  # off-language
    state.mode = "slow"  # 2 s > 0.5 s budget
    started = time.monotonic()
    assert phraser.phrase(template, "missing_result", "Q", "A", "en") == template
    assert time.monotonic() - started < 1.0
    state.mode = "error"
    assert phraser.phrase(template, "missing_result", "Q", "A", "en") == template
    assert phraser.fallbacks == 3
    phraser.close()
    llm.close()
