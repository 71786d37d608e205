"""The candidate page's messages exist in both languages: a key missing in Chinese would show a
Chinese-speaking candidate an English sentence (or, missing in English too, the bare key)."""

from __future__ import annotations

import re
from pathlib import Path

STATIC = Path(__file__).parents[1] / "web" / "static"


def language_block(source: str, lang: str) -> str:
    start = source.index(f"  {lang}: {{")
    return source[start : source.index("\n  },", start)]


def test_every_text_the_candidate_page_uses_is_in_english_and_chinese() -> None:
    i18n = (STATIC / "i18n.js").read_text()
    used = set(re.findall(r't\(lang, "([a-z_]+)"\)', (STATIC / "candidate.js").read_text()))
    assert {"err_permission", "err_no_device", "err_ice_failed", "err_no_audio"} <= used
    for lang in ("en", "zh"):
        block = language_block(i18n, lang)
        missing = sorted(k for k in used if not re.search(rf"\b{k}: \"", block))
        assert not missing, f"{lang} lacks {missing}"
