"""The checkout itself: no file carries an unresolved merge (a README with conflict markers told users
two contradictory things for weeks)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
MARKER = re.compile(r"^(<{7} |={7}$|>{7} )", re.M)
TEXT = {".py", ".md", ".yml", ".yaml", ".toml", ".txt", ".html", ".js", ".css", ".json", ".sh", ".ini"}


def tracked_text_files() -> list[Path]:
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True, timeout=30
        ).stdout.decode()
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    return [ROOT / name for name in listed.split("\0") if name and Path(name).suffix in TEXT]


def test_no_tracked_file_has_merge_conflict_markers() -> None:
    files = tracked_text_files()
    assert files, "git listed no text files"
    conflicted = []
    for path in files:
        if path.is_file() and MARKER.search(path.read_text(errors="replace")):
            conflicted.append(str(path.relative_to(ROOT)))
    assert not conflicted, f"unresolved merge conflicts in {conflicted}"
