"""Connector URLs at rest and on screen: the query string (robots' credential) sealed, and masked.

A WeCom robot's URL is its credential (`…/send?key=…`), as is a DingTalk robot's `access_token`.
Stored as typed, anyone who can read the database or a backup can post to the HR group. The URL is
split: the part before `?` is stored as it is (and shown), the query string is sealed with the
connector-secret key (`SecretBox`) and joined back only when the dispatcher builds the connector.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from server.crypto import SecretBox
from server.db.models import Endpoint


def split_url(url: str) -> tuple[str, str]:
    """The URL without its query string, and the query string."""
    base, _, query = url.partition("?")
    return base, query


def seal_url(endpoint: Endpoint, box: SecretBox, url: str) -> None:
    """Set an endpoint's URL, sealing its query string."""
    base, query = split_url(url)
    endpoint.url = base
    endpoint.url_query_sealed = box.seal(query) if query else ""


def full_url(endpoint: Endpoint, box: SecretBox) -> str:
    """The URL to send to (query string opened); rows from before sealing carry it in `url`."""
    if not endpoint.url_query_sealed:
        return endpoint.url
    return f"{endpoint.url}?{box.open(endpoint.url_query_sealed)}"


def masked(endpoint: Endpoint, box: SecretBox) -> str:
    """The URL as an admin sees it: parameter names kept, every value masked (`?key=***`)."""
    try:
        base, query = split_url(full_url(endpoint, box))
    except ValueError:  # sealed under another secret key: nothing to show but that there is a query
        return f"{endpoint.url}?***"
    if not query:
        return base
    names = [name for name, _value in parse_qsl(query, keep_blank_values=True)]
    return base + "?" + "&".join(f"{name}=***" for name in names) if names else f"{base}?***"


def seal_legacy(endpoint: Endpoint, box: SecretBox) -> bool:
    """Seal the query string of a row written before URLs were sealed; whether it changed."""
    if endpoint.url_query_sealed or "?" not in endpoint.url:
        return False
    seal_url(endpoint, box, endpoint.url)
    return True
