"""Disfluency removal: fillers, repeats, restarts and openers go; the map back to what was said stays."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring.disfluency import clean


@pytest.mark.parametrize(
    ("said", "fluent"),
    [
        ("Yeah, so um, well I I was- I was the account manager.", "I was the account manager."),
        ("we we went- we decided to uh split the work", "we decided to split the work"),
        ("it was, like, really slow and you know, we fixed it", "it was, really slow and we fixed it"),
        ("I think the the main thing is I mean, I care", "I think the main thing is I care"),
        ("That's a good question. Um I led the team", "I led the team"),
        ("I would like to lead and I like people", "I would like to lead and I like people"),
        ("you know how it goes, I mean that", "you know how it goes, I mean that"),
        ("we split the two-day milestone", "we split the two-day milestone"),
    ],
)
def test_english_fillers_repeats_restarts_and_openers_are_removed(said: str, fluent: str) -> None:
    assert clean(said, "en").text == fluent


@pytest.mark.parametrize(
    ("said", "fluent"),
    [
        ("嗯，好的，那个，我我们当时项目延期了", "我们当时项目延期了"),
        ("然后然后我就负责这个项目", "然后我就负责这个项目"),
        ("呃我觉得就是，我们天天加班", "我觉得我们天天加班"),
        ("这个项目的金额很大", "这个项目的金额很大"),
        ("他就是负责人", "他就是负责人"),
    ],
)
def test_chinese_fillers_and_repeats_go_and_words_that_look_alike_stay(said: str, fluent: str) -> None:
    assert clean(said, "zh").text == fluent


def test_every_fluent_stretch_maps_to_the_same_words_in_what_was_said() -> None:
    said = "um so so I was, uh, responsible for the the release"
    cleaned = clean(said, "en")
    start = cleaned.text.index("responsible")
    a, b = cleaned.span(start, start + len("responsible for the release"))
    assert said[a:b] == "responsible for the the release"


WORDS = [
    "um",
    "uh",
    "like",
    "you know",
    "I",
    "we",
    "went-",
    "the",
    "team",
    "so",
    "yeah",
    ",",
    "嗯",
    "我",
    "我们",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30), st.sampled_from(["en", "zh"]))
def test_the_map_is_exact_for_any_mix_of_words_and_fillers(words: list[str], language: str) -> None:
    said = " ".join(words)
    cleaned = clean(said, language)
    assert len(cleaned.origin) == len(cleaned.text)
    assert list(cleaned.origin) == sorted(set(cleaned.origin))
    for i, ch in enumerate(cleaned.text):
        assert ch == said[cleaned.origin[i]] or (ch == " " and said[cleaned.origin[i]].isspace())
