#!/usr/bin/env bash
# Fresh machine to a passing test suite: setup, lint, type check, tests (unit, SQLite, PostgreSQL, Redis,
# real models, real Chromium). PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379 must be running.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --dev
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
scripts/audit.sh
mkdir -p artifacts
.venv/bin/python -m pytest "$@"
