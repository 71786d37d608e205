#!/usr/bin/env bash
# Fresh machine to a running server on the embedded default (SQLite, in-process bus), with a demo interview.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/interview migrate
.venv/bin/interview demo
exec .venv/bin/interview serve
