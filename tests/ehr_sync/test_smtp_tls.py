"""The e-mail channel against a real local SMTP server (aiosmtpd) over STARTTLS and implicit TLS, with
login, a certificate checked against its CA, and a server whose certificate is not trusted."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from ehr_sync.messaging.model import Outgoing
from ehr_sync.messaging.smtp import SmtpChannel, SmtpConfig
from tests.certs import self_signed
from tests.net import free_port
from tests.server.smtp_server import Mailbox

pytestmark = pytest.mark.asyncio


def login_ok(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
    ok = (
        isinstance(auth_data, LoginPassword)
        and auth_data.login == b"mailer"
        and auth_data.password == b"s3cret"
    )
    return AuthResult(success=ok)


@pytest.fixture
def cert(tmp_path: Path) -> tuple[Path, Path]:
    return self_signed(tmp_path)


@pytest.fixture
def tls_servers(cert: tuple[Path, Path]) -> Iterator[tuple[Mailbox, int, int]]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*cert)
    box = Mailbox(set())
    starttls_port, ssl_port = free_port(), free_port()
    starttls = Controller(
        box,
        hostname="127.0.0.1",
        port=starttls_port,
        tls_context=context,
        require_starttls=True,
        authenticator=login_ok,
        auth_require_tls=True,
    )
    # aiosmtpd does not count implicit TLS as TLS for AUTH (only STARTTLS), so it must be told to offer it.
    implicit = Controller(
        box,
        hostname="127.0.0.1",
        port=ssl_port,
        ssl_context=context,
        authenticator=login_ok,
        auth_require_tls=False,
    )
    starttls.start()
    implicit.start()
    try:
        yield box, starttls_port, ssl_port
    finally:
        starttls.stop()
        implicit.stop()


def mail(n: int) -> Outgoing:
    return Outgoing(f"id{n}", "ada@example.test", "Your interview", "Open https://x.test/i/t", "<p>Open</p>")


async def test_starttls_and_implicit_tls_with_login(
    tls_servers: tuple[Mailbox, int, int], cert: tuple[Path, Path]
) -> None:
    box, starttls_port, ssl_port = tls_servers
    common: dict[str, Any] = {"user": "mailer", "password": "s3cret", "ca_file": str(cert[0])}
    starttls = SmtpChannel(SmtpConfig("127.0.0.1", starttls_port, "starttls", "jobs@example.test", **common))
    implicit = SmtpChannel(SmtpConfig("127.0.0.1", ssl_port, "ssl", "jobs@example.test", **common))
    first = await starttls.send(mail(1))
    assert first.outcome == "sent", first.error
    second = await implicit.send(mail(2))
    assert second.outcome == "sent", second.error
    assert [m["Message-ID"] for m in box.wait_for(2)] == ["<id1@example.test>", "<id2@example.test>"]
    wrong = SmtpChannel(
        SmtpConfig(
            "127.0.0.1",
            starttls_port,
            "starttls",
            "jobs@example.test",
            **{**common, "password": "x"},
            timeout_s=3.0,
        )
    )
    refused = await wrong.send(mail(3))
    assert refused.outcome == "retry" and "s3cret" not in refused.error
    assert len(box.messages) == 2  # a wrong password sends nothing


async def test_an_untrusted_certificate_is_refused_and_nothing_is_sent(
    tls_servers: tuple[Mailbox, int, int],
) -> None:
    box, starttls_port, _ = tls_servers
    channel = SmtpChannel(SmtpConfig("127.0.0.1", starttls_port, "starttls", "jobs@example.test"))
    result = await channel.send(mail(4))
    assert result.outcome == "retry" and "TLS" in result.error
    assert box.messages == []
