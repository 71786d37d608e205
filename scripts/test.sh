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
if [ $# -gt 0 ]; then
  exec .venv/bin/python -m pytest --durations=30 "$@"
fi
# Tests without a model or a browser on both cores; the real models and Chromium one at a time (they
# measure live timing, which two at once on two cores would distort). Both parts run; either failing fails.
status=0
.venv/bin/python -m pytest -m "not browser and not models" -n 2 --durations=15 || status=$?
.venv/bin/python -m pytest -m "browser or models" --durations=30 || status=$?
exit $status
