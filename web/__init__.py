"""The browser pages: candidate, live console, login. Static files, no build step."""

from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent / "static"
