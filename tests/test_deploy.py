"""The deployment files: compose wires Caddy (TLS) and coturn (TURN REST secret) to the server, the
Caddyfile is valid with its timeouts and limits, and the Grafana dashboard asks only for metrics the
server exports."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from prometheus_client.parser import text_string_to_metric_families

from server.observability.metrics import LiveLevels, Metrics

ROOT = Path(__file__).parents[1]


def compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    return data


def test_compose_puts_tls_and_turn_in_front_of_the_server() -> None:
    services = compose()["services"]
    server = services["server"]["environment"]
    assert server["INTERVIEW_PUBLIC_URL"].startswith("https://")
    assert server["INTERVIEW_COOKIE_SECURE"] == "true"
    assert server["INTERVIEW_TURN_SECRET"] == "${INTERVIEW_TURN_SECRET:?set INTERVIEW_TURN_SECRET}"
    assert "turns:" in server["INTERVIEW_TURN_URLS"] and "turn:" in server["INTERVIEW_TURN_URLS"]
    assert server["INTERVIEW_HOST"] == "127.0.0.1", "only the proxy reaches the server"
    caddy = services["caddy"]
    assert "./deploy/Caddyfile:/etc/caddy/Caddyfile:ro" in caddy["volumes"]
    turn = services["coturn"]["command"]
    assert "--use-auth-secret" in turn
    assert "--static-auth-secret=${INTERVIEW_TURN_SECRET:?set INTERVIEW_TURN_SECRET}" in turn
    assert "--no-loopback-peers" in turn and "--allow-loopback-peers" not in turn
    assert any(arg.startswith("--denied-peer-ip=10.") for arg in turn)


def test_the_caddyfile_has_header_timeouts_body_limits_and_proxies_to_the_server() -> None:
    caddy = shutil.which("caddy")
    if caddy is None:
        pytest.skip("caddy is not installed (scripts/setup.sh --dev installs it)")
    path = ROOT / "deploy" / "Caddyfile"
    out = subprocess.run(
        [caddy, "adapt", "--adapter", "caddyfile", "--config", str(path)],
        capture_output=True,
        text=True,
        check=True,
        env={"INTERVIEW_DOMAIN": "interview.example.com", "HOME": "/tmp"},
    )
    (site,) = json.loads(out.stdout)["apps"]["http"]["servers"].values()
    assert site["read_header_timeout"] == 10 * 10**9 and site["max_header_bytes"] == 64_000
    assert site["routes"][0]["match"] == [{"host": ["interview.example.com"]}]
    handlers = json.dumps(site["routes"])
    assert '"max_size": 11000000' in handlers, "a body limit above the server's 10 MiB imports"
    assert '"dial": "127.0.0.1:8000"' in handlers
    assert '"path": ["/metrics"]' in handlers, "/metrics is not served publicly"


def exported_names() -> set[str]:
    metrics = Metrics()
    metrics.levels = LiveLevels(1, {"en": 0}, [0.1], 0.1, True, 0, 0.0)
    names = set()
    for family in text_string_to_metric_families(metrics.render().decode()):
        names |= {s.name for s in family.samples}
    return names


def test_the_grafana_dashboard_uses_only_exported_metrics() -> None:
    dashboard = json.loads((ROOT / "deploy" / "grafana" / "interview-dashboard.json").read_text())
    exprs = [t["expr"] for p in dashboard["panels"] for t in p["targets"]]
    used = {m for e in exprs for m in re.findall(r"\b(interview_[a-z0-9_]+)", e)}
    exported = exported_names()
    assert used and not used - exported, f"the dashboard asks for metrics nobody exports: {used - exported}"
    wanted = {
        "interview_live_calls",
        "interview_recognition_queue_depth",
        "interview_recognition_lag_seconds",
        "interview_end_of_answer_delay_seconds_bucket",
        "interview_decision_seconds_bucket",
        "interview_score_seconds_bucket",
        "interview_console_fanout_delay_seconds_bucket",
        "interview_outbox_pending",
        "interview_outbox_oldest_pending_age_seconds",
        "interview_webrtc_failures_total",
    }
    assert not wanted - used, f"panels missing for {wanted - used}"
