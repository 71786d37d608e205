"""Meaning matching with a sentence encoder: one more feature beside the cue words, and optional."""

from __future__ import annotations

from collections.abc import Sequence

from scoring.encoder import Vectors
from scoring.models import Answer
from scoring.scorer import DefaultScorer
from scoring.semantic import SemanticMatcher
from tests.fakes.encoder import NgramEncoder

QUESTION = "What is your greatest weakness?"
# No cue word of weakness_honesty in it, but close to its indicator sentences in wording.
PARAPHRASE = "My weak side is talks to a big room, so I have begun practising it every week at a club."


def test_clauses_close_to_an_indicator_match_and_unrelated_ones_do_not() -> None:
    matcher = SemanticMatcher(NgramEncoder(), threshold=0.6)
    vectors = matcher.encode_clauses(
        ["I would talk to each person affected to understand their needs", "我喜欢猫"]
    )
    hits = matcher.matches(vectors, ("I would talk to each person affected to understand their needs.",))
    assert hits == {0}


def test_the_encoder_adds_evidence_the_cue_words_miss_and_scores_stay_deterministic() -> None:
    answer = Answer(QUESTION, PARAPHRASE, "en")
    plain = DefaultScorer().score(answer)
    with_meaning = DefaultScorer(encoder=NgramEncoder(), threshold=0.5)
    first, again = with_meaning.score(answer), with_meaning.score(answer)
    assert first == again
    level = {c.name: c.score for c in first.criteria}
    assert level["weakness_honesty"] > {c.name: c.score for c in plain.criteria}["weakness_honesty"]
    assert first.score_exact > plain.score_exact
    evidence = next(c for c in first.criteria if c.name == "weakness_honesty").evidence
    assert all(PARAPHRASE[e.start : e.end] == e.text for e in evidence)


def test_without_an_encoder_the_scorer_uses_cue_words_only() -> None:
    assert DefaultScorer().score(Answer(QUESTION, PARAPHRASE, "en")) == DefaultScorer(encoder=None).score(
        Answer(QUESTION, PARAPHRASE, "en")
    )


class CountingEncoder(NgramEncoder):
    """Counts the texts it is asked to encode."""

    def __init__(self) -> None:
        super().__init__()
        self.encoded: list[str] = []

    def encode(self, texts: Sequence[str]) -> Vectors:
        self.encoded.extend(texts)
        return super().encode(texts)


def test_a_live_answer_encodes_each_clause_once_and_scores_as_if_cold() -> None:
    """Re-scored after every final transcript, an answer's earlier clauses are not encoded again."""
    growing = [
        "My weak side is talks to a big room.",
        " So I have begun practising it every week.",
        " At a club.",
    ]
    encoder = CountingEncoder()
    live = DefaultScorer(encoder=encoder, threshold=0.5)
    text = ""
    for part in growing:
        text += part
        live.score(Answer(QUESTION, text, "en"), provisional=True)
    encoder.encoded.clear()
    final = live.score(Answer(QUESTION, text, "en"))
    assert encoder.encoded == [], "every clause of the finished answer was encoded while it was spoken"
    assert final == DefaultScorer(encoder=NgramEncoder(), threshold=0.5).score(Answer(QUESTION, text, "en"))
    live.forget()
    live.score(Answer(QUESTION, text, "en"))
    assert encoder.encoded, "after forget() the clauses are encoded again"
