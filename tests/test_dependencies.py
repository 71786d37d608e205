"""Dependencies: what the code imports is declared, and every declared dependency is pinned."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).parents[1]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_declared_dependencies_are_pinned_by_the_constraints() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = {_name(r) for r in project["dependencies"] + project["optional-dependencies"]["dev"]}
    pins = {
        _name(line): line.split("==", 1)[1]
        for line in (ROOT / "constraints.txt").read_text().splitlines()
        if line and not line.startswith("#")
    }
    assert "cryptography" in declared, "server/crypto.py imports cryptography"
    assert "pip-audit" in declared
    unpinned = declared - set(pins) - {"torch"}  # torch: installed first from the CPU index by setup.sh
    assert not unpinned, f"declared but not in constraints.txt: {sorted(unpinned)}"
    assert "torch" not in pins and "interview-server" not in pins
    assert "-c constraints.txt" in (ROOT / "scripts" / "setup.sh").read_text()
    assert "scripts/audit.sh" in (ROOT / "scripts" / "test.sh").read_text()
