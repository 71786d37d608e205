#!/usr/bin/env bash
# Known vulnerabilities in the pinned dependencies (constraints.txt), from PyPI's advisory data.
# A vulnerability fails the run unless audit-ignore.txt lists its id with a reason; not reaching the
# advisory database (no network) is a warning, since the tests themselves need no network.
set -euo pipefail
cd "$(dirname "$0")/.."
ignores=()
if [ -f audit-ignore.txt ]; then
  while read -r id reason; do
    case "$id" in ''|'#'*) continue ;; esac
    if [ -z "$reason" ]; then echo "audit-ignore.txt: $id needs a reason" >&2; exit 1; fi
    ignores+=(--ignore-vuln "$id")
  done < audit-ignore.txt
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
if .venv/bin/pip-audit -r constraints.txt --no-deps --disable-pip --progress-spinner off \
    ${ignores[@]+"${ignores[@]}"} >"$out" 2>&1; then
  echo "pip-audit: no known vulnerabilities in constraints.txt"
elif grep -qiE "ConnectionError|NewConnectionError|Max retries exceeded|Name or service not known|Temporary failure in name resolution|Network is unreachable|timed out|ProxyError|SSLError" "$out"; then
  echo "warning: pip-audit could not reach the vulnerability database; dependencies were not audited" >&2
else
  cat "$out" >&2
  echo "pip-audit found vulnerabilities (fix them, or list the id with a reason in audit-ignore.txt)" >&2
  exit 1
fi
