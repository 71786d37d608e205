#!/usr/bin/env bash
# Set up a fresh machine: system packages (espeak-ng; for tests also Chromium, sox, a CJK font), a virtual environment, the CPU build of torch
# first (so nothing pulls a multi-GB CUDA build), then the project.
# Usage: scripts/setup.sh          # to run the server
#        scripts/setup.sh --dev    # to run the tests too (Chromium, espeak-ng, sox, dev tools)
set -euo pipefail
cd "$(dirname "$0")/.."
DEV=0
[ "${1:-}" = "--dev" ] && DEV=1
PYTHON=${PYTHON:-python3}
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"

# espeak-ng is the agent's English voice; the tests also need Chromium, sox and a CJK font.
packages=(espeak-ng)
[ "$DEV" = 1 ] && packages+=(chromium sox fonts-wqy-zenhei)
missing=()
for pkg in "${packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    echo "installing system packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  elif [ "$DEV" = 1 ]; then
    echo "missing system packages (no apt-get here): ${missing[*]}" >&2; exit 1
  else
    echo "note: ${missing[*]} not installed; questions are shown as text and read by the browser" >&2
  fi
fi

[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
PIP=(.venv/bin/python -m pip install -q --disable-pip-version-check)
if ! .venv/bin/python -c "import torch" 2>/dev/null; then
  echo "installing torch (CPU build)"
  if [ -n "${TORCH_INDEX_URL:-}" ]; then
    "${PIP[@]}" "torch==${TORCH_VERSION:-2.13.0}" --index-url "$TORCH_INDEX_URL"
  else
    "${PIP[@]}" "torch==${TORCH_VERSION:-2.13.0}"
  fi
fi
echo "installing the interview server"
if [ "$DEV" = 1 ]; then
  "${PIP[@]}" -e ".[dev]"
else
  "${PIP[@]}" -e .
fi
echo "setup done"
