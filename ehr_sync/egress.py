"""Where connectors may send: public addresses, or what the operator allowed (SSRF protection).

A connector URL is typed by an admin, and a partner's callback arrives from outside; either could name
this machine (`http://127.0.0.1:6379`), the cloud's metadata service (`169.254.169.254`) or a private
network, and the dispatcher would carry our signed requests and secrets there. So every address a host
resolves to must be global, unless the operator allowed it (`EgressPolicy.allow`: host names, `.domain`
for a domain's hosts, IP addresses or CIDRs, for on-premise HR systems).

Checking a name and then letting the HTTP client resolve it again would leave a gap (DNS rebinding:
the second answer differs). `GuardedTransport` resolves once, checks every address, and connects to
the checked address itself, with the original name kept for the Host header and TLS (SNI and
certificate checks), so what was checked is what is connected to.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


class EgressRefused(httpx.ConnectError):
    """The destination is not one connectors may reach (an httpx error, so connectors retry and log it)."""


def _network(entry: str) -> IPNetwork | None:
    try:
        return ipaddress.ip_network(entry, strict=False)
    except ValueError:
        return None


def _describe(ip: IPAddress) -> str:
    for attr, words in (
        ("is_loopback", "a loopback address"),
        ("is_link_local", "a link-local address"),
        ("is_private", "a private address"),
        ("is_multicast", "a multicast address"),
        ("is_unspecified", "an unspecified address"),
        ("is_reserved", "a reserved address"),
    ):
        if getattr(ip, attr):
            return words
    return "not a public address"


@dataclass(frozen=True)
class EgressPolicy:
    """Which destinations are allowed: public ones, and the `allow` list; https only unless `allow_http`."""

    allow: Sequence[str] = ()
    allow_http: bool = False
    _networks: tuple[IPNetwork, ...] = field(init=False, repr=False, compare=False)
    _hosts: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        networks = [n for n in (_network(e.strip()) for e in self.allow) if n is not None]
        hosts = [
            e.strip().lower().rstrip(".") for e in self.allow if _network(e.strip()) is None and e.strip()
        ]
        object.__setattr__(self, "_networks", tuple(networks))
        object.__setattr__(self, "_hosts", tuple(hosts))

    def host_allowed(self, host: str) -> bool:
        """Whether the operator allowed this host by name (then any address it resolves to is fine)."""
        host = host.lower().rstrip(".")
        return any(host == h or (h.startswith(".") and host.endswith(h)) for h in self._hosts)

    def address_problem(self, ip: IPAddress) -> str | None:
        """Why a connector may not reach `ip`, or None."""
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        if any(ip in n for n in self._networks):
            return None
        if ip.is_global and not ip.is_multicast:
            return None
        return f"{ip} is {_describe(ip)}; allow it with INTERVIEW_EGRESS_ALLOW if it is your HR system"

    def scheme_problem(self, scheme: str) -> str | None:
        """Why a URL's scheme is refused, or None."""
        if scheme == "https" or (scheme == "http" and self.allow_http):
            return None
        return f"connectors send over https only (not {scheme})"

    async def resolve(self, host: str, port: int) -> list[IPAddress]:
        """Every address `host` resolves to, each checked; EgressRefused naming the first refused one.

        A host allowed by name is resolved but not checked.
        """
        try:
            literal: IPAddress | None = ipaddress.ip_address(host.strip("[]"))
        except ValueError:
            literal = None
        if literal is not None:
            addresses = [literal]
        else:
            try:
                infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except OSError as exc:
                raise EgressRefused(f"cannot resolve {host}: {exc}") from exc
            addresses = list(dict.fromkeys(ipaddress.ip_address(info[4][0]) for info in infos))
        if not addresses:
            raise EgressRefused(f"{host} has no address")
        if literal is None and self.host_allowed(host):
            return addresses
        for ip in addresses:
            if problem := self.address_problem(ip):
                raise EgressRefused(f"{host}: {problem}")
        return addresses

    async def check_url(self, url: str) -> None:
        """Refuse a URL connectors may not send to now (EgressRefused with a sentence).

        A name that does not resolve (yet, or from here) passes: every send checks again, so this is
        the early answer to an admin, not the guard.
        """
        try:
            parsed = httpx.URL(url)
        except httpx.InvalidURL as exc:
            raise EgressRefused(f"not a valid URL: {exc}") from None
        if problem := self.scheme_problem(parsed.scheme):
            raise EgressRefused(problem)
        if not parsed.host:
            raise EgressRefused("the URL has no host")
        try:
            await self.resolve(parsed.host, parsed.port or (443 if parsed.scheme == "https" else 80))
        except EgressRefused as exc:
            if not isinstance(exc.__cause__, OSError):
                raise


class GuardedTransport(httpx.AsyncBaseTransport):
    """An httpx transport that checks each request's destination and connects to the checked address."""

    def __init__(self, policy: EgressPolicy, **transport_options: Any) -> None:
        self._policy = policy
        self._inner = httpx.AsyncHTTPTransport(**transport_options)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Resolve and check, then send to a checked address (the name kept for TLS and Host)."""
        url = request.url
        if problem := self._policy.scheme_problem(url.scheme):
            raise EgressRefused(problem, request=request)
        try:
            addresses = await self._policy.resolve(
                url.host, url.port or (443 if url.scheme == "https" else 80)
            )
        except EgressRefused as exc:
            raise EgressRefused(str(exc), request=request) from None
        last: httpx.ConnectError | None = None
        for ip in addresses:  # each one checked; the next one when one does not answer
            attempt = request
            if str(ip) != url.host:
                attempt = httpx.Request(
                    request.method,
                    url.copy_with(host=str(ip)),
                    headers=request.headers,
                    stream=request.stream,
                    extensions={**request.extensions, "sni_hostname": url.host},
                )
            try:
                return await self._inner.handle_async_request(attempt)
            except httpx.ConnectError as exc:
                last = exc
        assert last is not None
        raise last

    async def aclose(self) -> None:
        """Close the pooled connections."""
        await self._inner.aclose()
