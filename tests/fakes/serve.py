"""`python -m tests.fakes.serve`: `interview serve` with tone-scripted models instead of real ones.

For tests that need a real server process (one they can kill) without loading any model; settings come
from the environment as for `interview serve`.
"""

from __future__ import annotations

import logging

import uvicorn

from server.app import create_app
from server.cli import uvicorn_options
from server.settings import Settings
from tests.fakes.tones import tone_runtime


def main() -> None:
    """Serve until stopped."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = Settings()
    runtime = tone_runtime()
    try:
        uvicorn.run(create_app(settings, runtime=runtime), **uvicorn_options(settings))
    finally:
        runtime.close()


if __name__ == "__main__":
    main()
