"""One entry per connector kind: everything that lists or switches on kinds reads it from here.

A kind is its connector class (how to build one for an endpoint), the schema of its options, the
events it acts on (others are acknowledged and skipped, so the delivery log stays complete), how its
secret is given, and how an erasure reaches it (its API, or a person asked by the delivery log).
The admin API, the page's kind list and the server's dispatcher all use this
table, so adding a kind is one entry, not five lists that drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import httpx
from pydantic import BaseModel

from ehr_sync.connectors import feishu, greenhouse, robots, webhook
from ehr_sync.model import Connector, EndpointConfig
from ehr_sync.signing import key_bytes, new_secret

ERASURE_EVENT = "candidate.deleted"

Build = Callable[[EndpointConfig, httpx.AsyncClient, Connector | None], Connector]
"""Make a kind's connector; the endpoint's previous connector hands over what must outlive reloads."""


class UnknownKind(ValueError):
    """A kind no entry describes."""


@dataclass(frozen=True)
class SecretRule:
    """How a kind's secret is given: generated when omitted (then shown once), and checked."""

    generate: Callable[[], str] | None = None
    check: Callable[[str], object] | None = None  # raises ValueError on a secret the system refuses


@dataclass(frozen=True)
class ConnectorKind:
    """A kind of HR-system connector."""

    name: str
    label: str  # for people choosing a kind (the admin page)
    events: tuple[str, ...]
    options: type[BaseModel]
    build: Build
    secret: SecretRule = SecretRule()
    erasure_by_hand: bool = False  # the system hears of erasures but has no API to act: a person must

    @property
    def supports_erasure(self) -> bool:
        """Whether the connected system erases its copy on `candidate.deleted` through its API."""
        return ERASURE_EVENT in self.events and not self.erasure_by_hand

    @property
    def erasure(self) -> str:
        """How an erasure reaches the system: `automatic`, `by_hand` or `none`.

        `by_hand`: the delivery log asks a person to; `none`: it holds nothing about the candidate.
        """
        if ERASURE_EVENT not in self.events:
            return "none"
        return "by_hand" if self.erasure_by_hand else "automatic"

    def secret_for(self, given: str | None) -> tuple[str, bool]:
        """The secret to store and whether we made it (the only time it can be shown); ValueError if bad."""
        if not given and self.secret.generate is not None:
            secret, generated = self.secret.generate(), True
        else:
            secret, generated = given or "", False
        if self.secret.check is not None:
            self.secret.check(secret)
        return secret, generated


def _webhook(config: EndpointConfig, client: httpx.AsyncClient, _previous: Connector | None) -> Connector:
    return webhook.WebhookConnector(config, client)


def _dingtalk(config: EndpointConfig, client: httpx.AsyncClient, previous: Connector | None) -> Connector:
    # The robot's rate window survives reloads: the last minute's messages still count.
    limiter = previous.limiter if isinstance(previous, robots.DingTalkRobot) else None
    return robots.DingTalkRobot(config, client, limiter)


def _wecom(config: EndpointConfig, client: httpx.AsyncClient, previous: Connector | None) -> Connector:
    limiter = previous.limiter if isinstance(previous, robots.WeComRobot) else None
    return robots.WeComRobot(config, client, limiter)


def _greenhouse(config: EndpointConfig, client: httpx.AsyncClient, _previous: Connector | None) -> Connector:
    return greenhouse.GreenhouseConnector(config, client)


def _feishu(config: EndpointConfig, client: httpx.AsyncClient, previous: Connector | None) -> Connector:
    # The tenant access token stays cached across reloads (Feishu rate-limits fetching new ones).
    token = previous.token if isinstance(previous, feishu.FeishuHireConnector) else None
    return feishu.FeishuHireConnector(config, client, token)


WEBHOOK = ConnectorKind(
    "webhook",
    "webhook (Standard Webhooks)",
    webhook.EVENTS,
    webhook.WebhookOptions,
    _webhook,
    SecretRule(generate=new_secret, check=key_bytes),
)
DINGTALK = ConnectorKind("dingtalk", "钉钉 DingTalk robot", robots.EVENTS, robots.RobotOptions, _dingtalk)
WECOM = ConnectorKind("wecom", "企业微信 WeCom robot", robots.EVENTS, robots.RobotOptions, _wecom)
FEISHU = ConnectorKind("feishu", "飞书招聘 Feishu Hire", feishu.EVENTS, feishu.FeishuOptions, _feishu)
GREENHOUSE = ConnectorKind(
    "greenhouse",
    "Greenhouse Assessment Partner",
    greenhouse.EVENTS,
    greenhouse.GreenhouseOptions,
    _greenhouse,
    SecretRule(generate=greenhouse.new_api_key, check=greenhouse.check_api_key),
    erasure_by_hand=True,
)

KINDS: dict[str, ConnectorKind] = {k.name: k for k in (WEBHOOK, DINGTALK, WECOM, FEISHU, GREENHOUSE)}
"""Every kind, in the order people are offered them (the first is the default)."""


def kind(name: str) -> ConnectorKind:
    """The entry of a kind; UnknownKind, naming the available ones, otherwise."""
    try:
        return KINDS[name]
    except KeyError:
        raise UnknownKind(f"unknown connector kind {name!r}; available: {', '.join(KINDS)}") from None
