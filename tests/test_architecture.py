"""The import rules of STYLE.md: dependencies go one way and `server` is the composition root."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["server", "realtime", "agent", "scoring", "web", "ehr_sync"]
ALLOWED = {
    "realtime": set(),
    "scoring": set(),
    "ehr_sync": set(),
    "web": set(),
    "agent": {"scoring"},
    "server": {"realtime", "agent", "scoring", "web", "ehr_sync"},
}


def project_imports(path: Path) -> set[str]:
    return project_imports_of(path.read_text(encoding="utf-8"))


def project_imports_of(source: str) -> set[str]:
    tree = ast.parse(source)
    found: set[str] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        found.update(n.split(".")[0] for n in names if n.split(".")[0] in PACKAGES)
    return found


@pytest.mark.parametrize("package", PACKAGES)
def test_package_imports_only_what_it_may(package: str) -> None:
    files = list((ROOT / package).rglob("*.py"))
    assert files, f"{package} has no modules"
    for path in files:
        others = project_imports(path) - {package}
        forbidden = others - ALLOWED[package]
        assert not forbidden, f"{path.relative_to(ROOT)} imports {sorted(forbidden)}"


def test_checker_sees_a_forbidden_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from server.db import models\nimport agent.plan\n")
    assert project_imports(bad) == {"server", "agent"}


@pytest.mark.parametrize("worker", ["face_worker.py", "zh_tts_worker.py"])
def test_model_workers_need_nothing_but_the_framing(worker: str) -> None:
    # They run under other interpreters (mediapipe's, TensorFlow's), where the project is not installed.
    tree = ast.parse((ROOT / "realtime" / "workers" / worker).read_text(encoding="utf-8"))
    modules = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    modules |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert {m for m in modules if m.split(".")[0] in PACKAGES} <= {"realtime.workers.worker_protocol"}
    source = (ROOT / "realtime" / "workers" / "worker_protocol.py").read_text(encoding="utf-8")
    assert project_imports_of(source) == set()
