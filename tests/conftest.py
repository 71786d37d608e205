"""Shared fixtures: settings for a throwaway data dir, the databases, leak checks."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from server.settings import Settings

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
TEST_SECRET = "test-secret-" + "x" * 40


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Embedded defaults (SQLite, in-process bus) in a temporary data dir."""
    return Settings(environment="test", secret_key=TEST_SECRET, data_dir=tmp_path / "data")


@pytest.fixture
async def no_leaked_tasks() -> AsyncIterator[None]:
    """Fail an async test that leaves tasks running behind it."""
    before = set(asyncio.all_tasks())
    yield
    await asyncio.sleep(0)
    leaked = [t for t in asyncio.all_tasks() - before if not t.done() and t is not asyncio.current_task()]
    assert not leaked, f"test leaked tasks: {[t.get_name() for t in leaked]}"


@pytest.fixture
def chdir_tmp(tmp_path: Path) -> Iterator[Path]:
    """Run in a temporary working directory."""
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(old)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every async test gets the task-leak check."""
    for item in items:
        if isinstance(item, pytest.Function) and asyncio.iscoroutinefunction(item.obj):
            item.add_marker(pytest.mark.usefixtures("no_leaked_tasks"))
