"""The rules of STYLE.md as tests: dependencies go one way, `server` is the composition root, its layers
import downwards, SQL stays in repositories, and routes answer with schemas."""

from __future__ import annotations

import ast
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from fastapi.routing import APIRoute

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


# Layers inside `server` (STYLE.md 7): api -> services -> repositories -> models. Routes may name ORM
# models as types (the current `User`), but reach data only through services.
SERVER_LAYERS = {
    "server.api": "api",
    "server.deps": "api",  # request plumbing of the routes
    "server.services": "services",
    "server.db.repositories": "repositories",
    "server.db.models": "models",
    "server.schemas": "schemas",
}
MAY_NOT_IMPORT = {
    "api": {"repositories"},
    "services": {"api"},
    "repositories": {"api", "services"},
    "models": {"api", "services", "repositories", "schemas"},
    "schemas": {"api", "services", "repositories"},
}
COMPOSITION_ROOT = {"server.app", "server.cli"}  # they wire the routes up, so they may import api


def server_module(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def layer_of(module: str) -> str | None:
    for prefix, layer in SERVER_LAYERS.items():
        if module == prefix or module.startswith(prefix + "."):
            return layer
    return None


def server_imports_of(source: str) -> set[str]:
    """Dotted names a module imports from `server` (`from server.db import models` gives server.db.models)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return {name for name in found if name.split(".")[0] == "server"}


def layer_violations(module: str, source: str) -> list[str]:
    layer = layer_of(module)
    problems = []
    for name in sorted(server_imports_of(source)):
        target = layer_of(name)
        if target is None or target == layer:
            continue
        if target == "api" and module not in COMPOSITION_ROOT and layer != "api":
            problems.append(f"{module} imports {name}: nothing below the routes imports them")
        elif layer is not None and target in MAY_NOT_IMPORT[layer]:
            problems.append(f"{module} ({layer}) imports {name} ({target})")
    return problems


SERVER_FILES = [p for p in (ROOT / "server").rglob("*.py") if "migrations" not in p.parts]


@pytest.mark.parametrize("path", SERVER_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_server_layers_import_downwards_only(path: Path) -> None:
    assert not layer_violations(server_module(path), path.read_text(encoding="utf-8"))


def test_layer_checker_sees_forbidden_imports() -> None:
    up = "from server.services import interviews\nfrom server.api.admin import router\n"
    assert layer_violations("server.db.repositories.jobs", up) == [
        "server.db.repositories.jobs imports server.api.admin.router: nothing below the routes imports them",
        "server.db.repositories.jobs (repositories) imports server.services.interviews (services)",
    ]
    assert layer_violations("server.api.jobs", "from server.db.repositories import jobs as repo\n") == [
        "server.api.jobs (api) imports server.db.repositories.jobs (repositories)"
    ]
    assert layer_violations("server.db.models.job", "import server.db.repositories.jobs\n")
    assert layer_violations("server.bus", "from server.api import admin\n")
    assert not layer_violations("server.app", "from server.api import admin\n")
    assert not layer_violations("server.services.jobs", "from server.db.repositories import jobs\n")


# SQL only in repositories (STYLE.md 7): routes and services hold a session and pass it on.
SESSION_CALLS = {
    "execute",
    "scalar",
    "scalars",
    "get",
    "add",
    "add_all",
    "delete",
    "flush",
    "merge",
    "refresh",
}


def sql_outside_repositories(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "sqlalchemy":
            if node.module != "sqlalchemy.ext.asyncio":  # the session's type and transactions only
                found.append(f"imports {node.module}")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "session"
            and node.func.attr in SESSION_CALLS
        ):
            found.append(f"line {node.lineno}: session.{node.func.attr}()")
    return found


ROUTE_AND_SERVICE_FILES = [p for p in SERVER_FILES if layer_of(server_module(p)) in ("api", "services")]


@pytest.mark.parametrize("path", ROUTE_AND_SERVICE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_routes_and_services_run_no_sql(path: Path) -> None:
    assert not sql_outside_repositories(path.read_text(encoding="utf-8"))


def test_sql_checker_sees_queries() -> None:
    source = "from sqlalchemy import select\nasync def f(session):\n    await session.execute(select(X))\n"
    assert sql_outside_repositories(source) == ["imports sqlalchemy", "line 3: session.execute()"]
    assert not sql_outside_repositories("from sqlalchemy.ext.asyncio import AsyncSession\n")


def test_app_state_is_reached_through_dependencies_only() -> None:
    # `request.app.state.x` scattered in routes hides what a route uses; deps.py names it once.
    allowed = {ROOT / "server" / "app.py", ROOT / "server" / "deps.py"}
    offenders = [
        str(p.relative_to(ROOT))
        for p in SERVER_FILES
        if p not in allowed and ".state." in p.read_text("utf-8")
    ]
    assert not offenders


def loose(annotation: object) -> bool:
    """A response type that says nothing of its fields: a dict (or list of them), or Any."""
    return annotation is dict or annotation is Any or "dict[" in repr(annotation)


def api_routes(routes: Sequence[object]) -> Iterator[APIRoute]:
    """Every API route, also inside included routers (FastAPI 0.16x keeps those nested)."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        elif hasattr(route, "original_router"):
            yield from api_routes(route.original_router.routes)


def test_routes_answer_with_response_schemas() -> None:
    from server.app import create_app
    from server.settings import Settings

    routes = list(api_routes(create_app(Settings(environment="development")).routes))
    assert len(routes) > 30
    assert not [f"{sorted(r.methods)} {r.path}" for r in routes if loose(r.response_model)]
    assert loose(list[dict[str, Any]]) and loose(Any) and not loose(list[int])
