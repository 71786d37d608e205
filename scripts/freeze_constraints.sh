#!/usr/bin/env bash
# Regenerate constraints.txt from a working .venv: every installed version pinned, so a fresh setup gets
# the versions the tests passed with (and pip-audit checks those). Left out: the project itself
# (editable), and torch, which setup.sh installs first from the CPU index at TORCH_VERSION.
set -euo pipefail
cd "$(dirname "$0")/.."
{
  echo "# Versions the test suite passed with; scripts/setup.sh installs with -c constraints.txt."
  echo "# Regenerate: scripts/freeze_constraints.sh (after upgrading and testing). torch: see setup.sh."
  .venv/bin/python -m pip freeze --disable-pip-version-check --exclude-editable \
    | grep -v '^#' | grep -v '^-e ' | grep -iv '^torch=='
} > constraints.txt
echo "wrote constraints.txt ($(grep -vc '^#' constraints.txt) pins)"
