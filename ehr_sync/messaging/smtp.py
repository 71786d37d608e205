"""E-mail over SMTP (STARTTLS, implicit TLS or plain for a local relay), text and HTML.

smtplib runs in a thread: a slow server must not stall the event loop. A permanent refusal (5xx) of
the recipient at RCPT or of the message at DATA is a bounce, shown to HR and never retried; 4xx answers
and connection problems are retried by the worker's schedule.
"""

from __future__ import annotations

import asyncio
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate
from typing import Literal

from ehr_sync.messaging.model import Outgoing, SendResult


@dataclass(frozen=True)
class SmtpConfig:
    """Where and how to send; `password` is a secret (never logged)."""

    host: str
    port: int
    security: Literal["starttls", "ssl", "none"]
    from_address: str
    user: str | None = None
    password: str | None = None
    timeout_s: float = 20.0
    ca_file: str | None = None  # a private CA's certificate (an internal relay); else the system's CAs

    @property
    def domain(self) -> str:
        """The sender's domain, for Message-IDs."""
        return self.from_address.rsplit("@", 1)[-1].strip("> ") or "localhost"


def build_email(config: SmtpConfig, message: Outgoing) -> EmailMessage:
    """The MIME message: text, HTML alternative, attachments, a stable Message-ID, one-click unsubscribe."""
    mail = EmailMessage()
    mail["From"] = config.from_address
    mail["To"] = message.to
    mail["Subject"] = message.subject
    mail["Date"] = formatdate(localtime=False)
    mail["Message-ID"] = f"<{message.id}@{config.domain}>"  # a retried message is the same message
    if message.unsubscribe_url:
        mail["List-Unsubscribe"] = f"<{message.unsubscribe_url}>"
        mail["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    mail.set_content(message.text)
    if message.html:
        mail.add_alternative(message.html, subtype="html")
    for item in message.attachments:
        kind, *rest = (part.strip() for part in item.content_type.split(";"))
        maintype, subtype = kind.split("/", 1)
        params = dict(p.split("=", 1) for p in rest if "=" in p)
        params.setdefault("charset", "utf-8")
        mail.add_attachment(
            item.text.encode("utf-8"),
            maintype=maintype,
            subtype=subtype,
            filename=item.filename,
            params=params,
        )
    return mail


class SmtpChannel:
    """`Channel` for e-mail."""

    def __init__(self, config: SmtpConfig) -> None:
        self._config = config

    async def send(self, message: Outgoing) -> SendResult:
        """Send in a worker thread; classify the server's answer."""
        return await asyncio.to_thread(self._send, build_email(self._config, message))

    def _connect(self) -> smtplib.SMTP:
        c = self._config
        context = ssl.create_default_context(cafile=c.ca_file)  # certificate and host name checked
        if c.security == "ssl":
            return smtplib.SMTP_SSL(c.host, c.port, timeout=c.timeout_s, context=context)
        smtp = smtplib.SMTP(c.host, c.port, timeout=c.timeout_s)
        if c.security == "starttls":
            smtp.starttls(context=context)
        return smtp

    def _send(self, mail: EmailMessage) -> SendResult:
        try:
            with self._connect() as smtp:
                if self._config.user:
                    smtp.login(self._config.user, self._config.password or "")
                smtp.send_message(mail)
        except smtplib.SMTPRecipientsRefused as exc:
            code, reply = next(iter(exc.recipients.values()))
            return _classify(code, reply, "recipient refused")
        except smtplib.SMTPDataError as exc:
            return _classify(exc.smtp_code, exc.smtp_error, "message refused")
        except smtplib.SMTPAuthenticationError as exc:
            return SendResult("retry", f"SMTP login refused ({exc.smtp_code}): check the SMTP user/password")
        except smtplib.SMTPResponseException as exc:
            return SendResult("retry", f"SMTP {exc.smtp_code}")
        except ssl.SSLError as exc:
            return SendResult("retry", f"SMTP TLS: {exc.reason or type(exc).__name__}")
        except (smtplib.SMTPException, OSError) as exc:
            return SendResult("retry", f"SMTP connection: {type(exc).__name__}")
        return SendResult("sent")


def _classify(code: int, reply: bytes | str, what: str) -> SendResult:
    text = reply.decode(errors="replace") if isinstance(reply, bytes) else str(reply)
    # The server's own words, without the address it may repeat (personal data stays out of the log).
    summary = f"{what}: SMTP {code} {text.split('<')[0].strip()[:120]}"
    return SendResult("bounced" if 500 <= code < 600 else "retry", summary)
