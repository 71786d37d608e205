"""The channels the settings configure: e-mail (SMTP), DingTalk and WeCom work notifications, SMS hook.

Their addresses come from the operator's settings, not from the admin page or a partner, so they are
not put behind the connectors' egress guard (an on-premise SMTP relay or SMS gateway is the normal case).
"""

from __future__ import annotations

import httpx

from ehr_sync.messaging.model import Channel
from ehr_sync.messaging.sms import SmsHook
from ehr_sync.messaging.smtp import SmtpChannel, SmtpConfig
from ehr_sync.messaging.work_notice import AppCredentials, DingTalkWorkNotice, WeComAppMessage
from server.settings import Settings


def _secret(value: object) -> str:
    get = getattr(value, "get_secret_value", None)
    return str(get()) if get is not None else ""


def channels_from(settings: Settings, client: httpx.AsyncClient) -> dict[str, Channel]:
    """A channel per configured way of sending (a message for another one fails, and HR sees why)."""
    channels: dict[str, Channel] = {}
    if settings.smtp_host:
        channels["email"] = SmtpChannel(
            SmtpConfig(
                settings.smtp_host,
                settings.smtp_port,
                settings.smtp_security,
                settings.smtp_from,
                settings.smtp_user,
                _secret(settings.smtp_password) or None,
                ca_file=str(settings.smtp_ca_file) if settings.smtp_ca_file else None,
            )
        )
    if settings.dingtalk_app_key and settings.dingtalk_app_secret and settings.dingtalk_agent_id:
        channels["dingtalk"] = DingTalkWorkNotice(
            AppCredentials(
                settings.dingtalk_api_url,
                settings.dingtalk_app_key,
                _secret(settings.dingtalk_app_secret),
                settings.dingtalk_agent_id,
            ),
            client,
        )
    if settings.wecom_corp_id and settings.wecom_secret and settings.wecom_agent_id:
        channels["wecom"] = WeComAppMessage(
            AppCredentials(
                settings.wecom_api_url,
                settings.wecom_corp_id,
                _secret(settings.wecom_secret),
                settings.wecom_agent_id,
            ),
            client,
        )
    if settings.sms_hook_url:
        channels["sms"] = SmsHook(settings.sms_hook_url, _secret(settings.sms_hook_token) or None, client)
    return channels
