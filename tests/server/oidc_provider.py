"""A small OpenID Connect provider for tests, over real HTTP on a local port.

It implements the documented contract the server relies on: discovery
(`/.well-known/openid-configuration`), `/authorize` (answers at once with a redirect carrying the
code and state, as an IdP does once the person has logged in), `/token` (client authentication by
HTTP Basic, the code bound to its redirect URI, PKCE S256 checked) and `/jwks` (an RSA key). `tamper`
makes it misbehave in one named way, to show each check of the ID token refusing it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

CLIENT_ID, CLIENT_SECRET = "interview-server", "provider-secret-for-tests"


class Provider:
    """The provider's state: its keys, codes handed out, and the person who is logged in."""

    def __init__(self) -> None:
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.codes: dict[str, dict[str, str]] = {}
        self.person: dict[str, Any] = {}
        self.tamper: str | None = None
        self.tokens_issued = 0
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Provider:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)

    def jwks(self) -> dict[str, Any]:
        public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        return {"keys": [{**public, "kid": "k1", "use": "sig", "alg": "RS256"}]}

    def id_token(self, grant: dict[str, str]) -> str:
        now = int(time.time())
        claims = {
            "iss": self.url,
            "sub": "user-" + str(self.person.get("email")),
            "aud": CLIENT_ID,
            "iat": now,
            "exp": now + 300,
            "nonce": grant["nonce"],
            **self.person,
        }
        key = self.key
        if self.tamper == "wrong_nonce":
            claims["nonce"] = "another-nonce"
        elif self.tamper == "wrong_aud":
            claims["aud"] = "someone-else"
        elif self.tamper == "wrong_iss":
            claims["iss"] = "https://evil.example"
        elif self.tamper == "expired":
            claims["iat"], claims["exp"] = now - 3600, now - 600
        elif self.tamper == "other_key":
            key = self.other_key
        return jwt.encode(claims, key, algorithm="RS256", headers={"kid": "k1"})


def _handler(provider: Provider) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # quiet
            pass

        def _json(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            url = urlsplit(self.path)
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            if url.path == "/.well-known/openid-configuration":
                base = provider.url
                self._json(
                    200,
                    {
                        "issuer": base,
                        "authorization_endpoint": base + "/authorize",
                        "token_endpoint": base + "/token",
                        "jwks_uri": base + "/jwks",
                        "response_types_supported": ["code"],
                        "code_challenge_methods_supported": ["S256"],
                        "id_token_signing_alg_values_supported": ["RS256"],
                    },
                )
            elif url.path == "/jwks":
                self._json(200, provider.jwks())
            elif url.path == "/authorize":
                if query.get("client_id") != CLIENT_ID or query.get("code_challenge_method") != "S256":
                    self._json(400, {"error": "invalid_request"})
                    return
                code = secrets.token_urlsafe(16)
                provider.codes[code] = {
                    "challenge": query["code_challenge"],
                    "nonce": query["nonce"],
                    "redirect_uri": query["redirect_uri"],
                }
                target = query["redirect_uri"] + "?" + urlencode({"code": code, "state": query["state"]})
                self.send_response(302)
                self.send_header("Location", target)
                self.end_headers()
            else:
                self._json(404, {"error": "not_found"})

        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()
            form = {k: v[0] for k, v in parse_qs(body).items()}
            basic = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
            if self.path != "/token" or self.headers.get("Authorization") != f"Basic {basic}":
                self._json(401, {"error": "invalid_client"})
                return
            grant = provider.codes.pop(form.get("code", ""), None)
            verifier = form.get("code_verifier", "")
            digest = (
                base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
            )
            if (
                grant is None
                or grant["redirect_uri"] != form.get("redirect_uri")
                or digest != grant["challenge"]
            ):
                self._json(400, {"error": "invalid_grant"})
                return
            provider.tokens_issued += 1
            self._json(
                200, {"access_token": "at", "token_type": "Bearer", "id_token": provider.id_token(grant)}
            )

    return Handler
