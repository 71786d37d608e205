"""The connector registry: one entry per kind builds its connector, says its events and its secret rule."""

from __future__ import annotations

import httpx
import pytest

from ehr_sync.connectors.feishu import FeishuHireConnector
from ehr_sync.connectors.greenhouse import GreenhouseConnector
from ehr_sync.connectors.registry import KINDS, UnknownKind, kind
from ehr_sync.connectors.robots import DingTalkRobot, WeComRobot
from ehr_sync.connectors.webhook import WebhookConnector
from ehr_sync.model import EVENT_TYPES, EndpointConfig
from ehr_sync.signing import new_secret

BUILT = {
    "webhook": WebhookConnector,
    "dingtalk": DingTalkRobot,
    "wecom": WeComRobot,
    "feishu": FeishuHireConnector,
    "greenhouse": GreenhouseConnector,
}


def config(name: str) -> EndpointConfig:
    return EndpointConfig("e1", name, "https://example.test", [new_secret()], {"app_id": "cli_x"})


async def test_every_kind_builds_its_connector_and_handles_known_events_only() -> None:
    assert set(KINDS) == set(BUILT)
    async with httpx.AsyncClient() as client:
        for name, entry in KINDS.items():
            assert isinstance(entry.build(config(name), client, None), BUILT[name])
            assert set(entry.events) <= set(EVENT_TYPES), name
            assert entry.options.model_json_schema()["type"] == "object"
    assert [k.name for k in KINDS.values() if k.supports_erasure] == ["webhook", "feishu"]
    assert {k.name: k.erasure for k in KINDS.values()} == {
        "webhook": "automatic",
        "dingtalk": "none",  # the notices carry no name and no transcript
        "wecom": "none",
        "feishu": "automatic",  # DELETE external_interviews/:id
        "greenhouse": "by_hand",  # the partner API has no delete: the delivery log asks a person
    }


async def test_what_outlives_a_reload_is_handed_to_the_next_connector() -> None:
    async with httpx.AsyncClient() as client:
        robot = kind("dingtalk").build(config("dingtalk"), client, None)
        again = kind("dingtalk").build(config("dingtalk"), client, robot)
        assert isinstance(robot, DingTalkRobot) and isinstance(again, DingTalkRobot)
        assert again.limiter is robot.limiter  # the last minute's messages still count
        feishu = kind("feishu").build(config("feishu"), client, None)
        renewed = kind("feishu").build(config("feishu"), client, feishu)
        assert isinstance(feishu, FeishuHireConnector) and isinstance(renewed, FeishuHireConnector)
        assert renewed.token is feishu.token  # the tenant token stays cached


def test_secret_rules_generate_check_or_pass_through() -> None:
    made, generated = kind("webhook").secret_for(None)
    assert generated and made.startswith("whsec_")
    given = new_secret()
    assert kind("webhook").secret_for(given) == (given, False)
    with pytest.raises(ValueError):
        kind("webhook").secret_for("not base64 !")
    key, generated = kind("greenhouse").secret_for(None)
    assert generated and 0 < len(key) <= 170
    with pytest.raises(ValueError, match="shorter than 171"):
        kind("greenhouse").secret_for("k" * 171)
    assert kind("dingtalk").secret_for(None) == ("", False)
    assert kind("feishu").secret_for("app-secret") == ("app-secret", False)


def test_an_unknown_kind_names_the_available_ones() -> None:
    with pytest.raises(UnknownKind, match="unknown connector kind 'fax'; available: webhook, dingtalk"):
        kind("fax")


async def test_bad_options_make_the_connector_unusable_with_a_reason() -> None:
    # A ValueError is what the server's dispatcher logs as "cannot be used", naming the option.
    bad = EndpointConfig("e1", "dingtalk", "https://x", [], {"rate_limit": {"count": "many"}})
    async with httpx.AsyncClient() as client:
        with pytest.raises(ValueError, match="rate_limit.count"):
            kind("dingtalk").build(bad, client, None)
