"""Single sign-on by OpenID Connect: the authorization-code flow with PKCE, and the ID token checked.

1. `start`: read the issuer's discovery document, make `state`, `nonce` and a PKCE verifier, keep them
   in a signed cookie that lives ten minutes, and send the browser to the authorization endpoint.
2. `finish`: on the way back, the `state` must match the cookie's; the code is exchanged at the token
   endpoint with the verifier and the client secret; the ID token's signature is checked with the
   issuer's JWKS key named by `kid`, and its `iss`, `aud`, `exp`, `iat` and `nonce`.
3. `account_for`: the verified e-mail names the staff account; claims map to role and department
   (settings). A new person gets an account only if the mapping gives them a role; a deactivated
   account stays locked out however the IdP vouches for it.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import httpx
import jwt
from itsdangerous import BadSignature, URLSafeTimedSerializer

from server.errors import DomainError, Forbidden, NotFound, Unauthorized
from server.settings import Settings

FLOW_COOKIE = "oidc_flow"
FLOW_TTL_S = 600
ALGORITHMS = ["RS256", "RS384", "RS512", "ES256", "ES384", "PS256"]  # never "none" or HMAC with a public key
CLOCK_SKEW_S = 60


class SignOnFailed(Unauthorized):
    """The IdP's answer could not be trusted (state, token, signature or claims)."""


@dataclass(frozen=True)
class Identity:
    """What a verified ID token says about the person."""

    email: str
    name: str
    claims: dict[str, Any]


def enabled(settings: Settings) -> bool:
    """Whether single sign-on is configured."""
    return bool(settings.oidc_issuer and settings.oidc_client_id)


def redirect_uri(settings: Settings) -> str:
    """Where the IdP sends the browser back to (register this with the IdP)."""
    return settings.public_url.rstrip("/") + "/api/auth/oidc/callback"


def _flow(settings: Settings) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(settings.secret_key, salt="oidc-flow")


async def _get_json(settings: Settings, url: str) -> dict[str, Any]:
    try:
        async with httpx.AsyncClient(timeout=settings.oidc_timeout_s) as client:
            response = await client.get(url)
            response.raise_for_status()
            data = response.json()
    except (httpx.HTTPError, ValueError) as exc:
        raise DomainError(f"the sign-on provider did not answer as expected ({type(exc).__name__})") from exc
    if not isinstance(data, dict):
        raise DomainError("the sign-on provider's answer is not a JSON object")
    return data


async def discovery(settings: Settings) -> dict[str, Any]:
    """The issuer's discovery document; its `issuer` must be the configured one exactly."""
    if not enabled(settings):
        raise NotFound("single sign-on is not configured")
    issuer = str(settings.oidc_issuer).rstrip("/")
    doc = await _get_json(settings, issuer + "/.well-known/openid-configuration")
    if str(doc.get("issuer", "")).rstrip("/") != issuer:
        raise DomainError("the sign-on provider's discovery document names another issuer")
    return doc


def _challenge(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


async def start(settings: Settings, next_path: str) -> tuple[str, str]:
    """The authorization URL to send the browser to, and the value of the flow cookie."""
    doc = await discovery(settings)
    state, nonce, verifier = (secrets.token_urlsafe(32) for _ in range(3))
    query = urlencode(
        {
            "response_type": "code",
            "client_id": settings.oidc_client_id,
            "redirect_uri": redirect_uri(settings),
            "scope": settings.oidc_scopes,
            "state": state,
            "nonce": nonce,
            "code_challenge": _challenge(verifier),
            "code_challenge_method": "S256",
        }
    )
    cookie = _flow(settings).dumps({"s": state, "n": nonce, "v": verifier, "next": next_path})
    return f"{doc['authorization_endpoint']}?{query}", str(cookie)


async def finish(settings: Settings, cookie: str | None, code: str, state: str) -> tuple[Identity, str]:
    """The verified identity and the page to go to next; SignOnFailed when anything does not hold."""
    try:
        flow = _flow(settings).loads(cookie or "", max_age=FLOW_TTL_S)
    except BadSignature as exc:
        raise SignOnFailed("the sign-on took too long or was started elsewhere; please try again") from exc
    if not isinstance(flow, dict) or not secrets.compare_digest(str(flow.get("s")), state):
        raise SignOnFailed("the sign-on answer does not belong to this sign-on; please try again")
    doc = await discovery(settings)
    secret = settings.oidc_client_secret.get_secret_value() if settings.oidc_client_secret else None
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": redirect_uri(settings),
        "code_verifier": flow["v"],
        "client_id": str(settings.oidc_client_id),
    }
    # client_secret_basic when the client has a secret; a public client (PKCE alone) sends none
    auth = httpx.BasicAuth(str(settings.oidc_client_id), secret) if secret else None
    try:
        async with httpx.AsyncClient(timeout=settings.oidc_timeout_s) as client:
            response = await client.post(
                str(doc["token_endpoint"]), data=form, auth=auth or httpx.USE_CLIENT_DEFAULT
            )
        tokens = response.json() if response.status_code == 200 else {}
    except (httpx.HTTPError, ValueError) as exc:
        raise SignOnFailed("the sign-on provider did not give a token") from exc
    id_token = tokens.get("id_token") if isinstance(tokens, dict) else None
    if not isinstance(id_token, str):
        raise SignOnFailed(f"the sign-on provider refused the code ({response.status_code})")
    claims = await verify_id_token(settings, doc, id_token, str(flow["n"]))
    return _identity(claims), str(flow.get("next") or "/console")


async def verify_id_token(settings: Settings, doc: dict[str, Any], token: str, nonce: str) -> dict[str, Any]:
    """The ID token's claims once its signature (JWKS), iss, aud, exp, iat and nonce all hold."""
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError as exc:
        raise SignOnFailed("the ID token is malformed") from exc
    keys = (await _get_json(settings, str(doc["jwks_uri"]))).get("keys", [])
    match = [k for k in keys if isinstance(k, dict) and k.get("kid") == header.get("kid")]
    if header.get("alg") not in ALGORITHMS or len(match) != 1:
        raise SignOnFailed("the ID token is not signed with one of the provider's keys")
    try:
        key = jwt.PyJWK(match[0], algorithm=header["alg"])
        claims: dict[str, Any] = jwt.decode(
            token,
            key=key,
            algorithms=[header["alg"]],
            audience=settings.oidc_client_id,
            issuer=str(doc["issuer"]),
            leeway=CLOCK_SKEW_S,
            options={"require": ["iss", "aud", "exp", "iat", "sub"]},
        )
    except jwt.PyJWTError as exc:
        raise SignOnFailed(f"the ID token is not valid: {exc}") from exc
    if not secrets.compare_digest(str(claims.get("nonce", "")), nonce):
        raise SignOnFailed("the ID token was not issued for this sign-on (nonce)")
    return claims


def _identity(claims: dict[str, Any]) -> Identity:
    email = claims.get("email")
    if not isinstance(email, str) or "@" not in email or claims.get("email_verified") is False:
        raise Forbidden("the sign-on provider did not give a verified e-mail address")
    name = claims.get("name") if isinstance(claims.get("name"), str) else email
    return Identity(email.strip(), str(name), claims)
