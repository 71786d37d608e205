"""Recognition on real people reading (tests/data/media/real): WER per English sentence, CER per Mandarin one.

Each sentence is recognised whole by the bundled models the server uses (final decoding: beam search),
as the pipeline would after the speaker stops. Prints every sentence and the pooled figures.

Run: .venv/bin/python -m bench.real_speech [--en-model tiny.en|base|FOLDER]
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
import time
from pathlib import Path

import jiwer

from realtime.speech.asr import bundled_engines
from server.replay import load_audio
from tests.media import normalise_words

REAL = Path(__file__).resolve().parents[1] / "tests" / "data" / "media" / "real"


def hanzi(text: str) -> str:
    return re.sub(r"[^\u3400-\u9fff0-9a-zA-Z]", "", text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--en-model", default="tiny.en", help="tiny.en, base (bundled) or a model folder")
    args = parser.parse_args()
    clips = json.loads((REAL / "manifest.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as cache:
        engines = bundled_engines(Path(cache), english=args.en_model)
        said: dict[str, list[str]] = {"en": [], "zh": []}
        heard: dict[str, list[str]] = {"en": [], "zh": []}
        for clip in clips:
            language = clip["language"]
            audio = load_audio(REAL / clip["file"]).astype("float32") / 32768.0
            began = time.perf_counter()
            text = engines[language].transcribe_sync(audio, language)
            took = time.perf_counter() - began
            ref, hyp = clip["text"], text
            if language == "en":
                rate = jiwer.wer(normalise_words(ref), normalise_words(hyp))
            else:
                rate = jiwer.cer(hanzi(ref), hanzi(hyp))
            said[language].append(ref)
            heard[language].append(hyp)
            print(f"{clip['id']:<32} {'WER' if language == 'en' else 'CER'} {rate:6.1%} {took:5.2f} s  {hyp}")
    en = jiwer.wer([normalise_words(x) for x in said["en"]], [normalise_words(x) for x in heard["en"]])
    zh = jiwer.cer([hanzi(x) for x in said["zh"]], [hanzi(x) for x in heard["zh"]])
    print(
        f"\nreal read speech: English WER {en:.1%} ({len(said['en'])} sentences, {args.en_model}), "
        f"Mandarin CER {zh:.1%} ({len(said['zh'])} sentences, multilingual base)"
    )


if __name__ == "__main__":
    main()
