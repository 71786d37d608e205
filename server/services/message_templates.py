"""Message wording: built-in zh/en templates, and admins' edits of them (stored per name and language).

Templates use `$name` placeholders (Python's `string.Template`): no code runs, and a placeholder the
message has no value for stays as written instead of failing a send. Values are HTML-escaped in the
HTML part. Every candidate e-mail ends with its unsubscribe link (`$unsubscribe_url`).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from string import Template
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from server.db.repositories import messages as repo
from server.errors import NotFound, Unprocessable

LANGUAGES = ("zh", "en")


@dataclass(frozen=True)
class Wording:
    """Subject, plain text and HTML of one template in one language."""

    subject: str
    text: str
    html: str


def wording_from_text(subject: str, text: str) -> Wording:
    """A wording whose HTML is the text's paragraphs (for templates written as plain text)."""
    paragraphs = "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in text.split("\n\n"))
    return Wording(subject, text, paragraphs)


_w = wording_from_text


_EN_FOOT = "\n\nNo longer want reminders? Unsubscribe: $unsubscribe_url"
_ZH_FOOT = "\n\n不想再收到提醒？退订：$unsubscribe_url"
BUILTIN: dict[tuple[str, str], Wording] = {
    ("invitation", "en"): _w(
        "Your interview for $job_title",
        "Dear $candidate_name,\n\nYou are invited to an online interview for $job_title. "
        "Open your personal link to check your camera and microphone and to start:\n$link\n\n"
        "Please complete it by $deadline." + _EN_FOOT,
    ),
    ("invitation", "zh"): _w(
        "$job_title 面试邀请",
        "$candidate_name 您好：\n\n诚邀您参加 $job_title 的在线面试。"
        "请打开您的专属链接，检查摄像头和麦克风后开始：\n$link\n\n请在 $deadline 之前完成。" + _ZH_FOOT,
    ),
    ("reminder", "en"): _w(
        "Reminder: your interview for $job_title",
        "Dear $candidate_name,\n\nA reminder: your interview for $job_title is open until $deadline.\n$link"
        + _EN_FOOT,
    ),
    ("reminder", "zh"): _w(
        "提醒：$job_title 面试",
        "$candidate_name 您好：\n\n提醒您：$job_title 的面试将于 $deadline 截止。\n$link" + _ZH_FOOT,
    ),
    ("slot_invitation", "en"): _w(
        "Pick a time for your interview for $job_title",
        "Dear $candidate_name,\n\nYou are invited to an interview for $job_title with one of our "
        "interviewers. Open your personal link to pick a time that suits you (shown in your own time "
        "zone) by $deadline:\n$link" + _EN_FOOT,
    ),
    ("slot_invitation", "zh"): _w(
        "请选择 $job_title 面试时间",
        "$candidate_name 您好：\n\n诚邀您参加 $job_title 的面试，由我们的面试官与您进行。"
        "请在 $deadline 之前打开您的专属链接，选择合适的时间（按您所在时区显示）：\n$link" + _ZH_FOOT,
    ),
    ("slot_booked", "en"): _w(
        "Your interview for $job_title: $slot",
        "Dear $candidate_name,\n\nYour interview for $job_title is booked for $slot with "
        "$interviewer_name. The calendar invitation is attached. Join from your personal link, where you "
        "can also check your camera and microphone, or change or cancel the time:\n$link" + _EN_FOOT,
    ),
    ("slot_booked", "zh"): _w(
        "$job_title 面试已预约：$slot",
        "$candidate_name 您好：\n\n您的 $job_title 面试已预约在 $slot，面试官：$interviewer_name。"
        "日历邀请见附件。请通过您的专属链接参加面试，也可在此检查摄像头和麦克风，或更改、取消时间：\n$link"
        + _ZH_FOOT,
    ),
    ("slot_moved", "en"): _w(
        "New time for your interview for $job_title: $slot",
        "Dear $candidate_name,\n\nYour interview for $job_title has moved to $slot (was $previous), "
        "with $interviewer_name. The updated calendar invitation is attached.\n$link" + _EN_FOOT,
    ),
    ("slot_moved", "zh"): _w(
        "$job_title 面试时间已更改：$slot",
        "$candidate_name 您好：\n\n您的 $job_title 面试已改到 $slot（原为 $previous），"
        "面试官：$interviewer_name。更新后的日历邀请见附件。\n$link" + _ZH_FOOT,
    ),
    ("slot_cancelled", "en"): _w(
        "Cancelled: your interview for $job_title on $previous",
        "Dear $candidate_name,\n\nThe interview for $job_title on $previous is cancelled. "
        "You can pick another time from your personal link:\n$link" + _EN_FOOT,
    ),
    ("slot_cancelled", "zh"): _w(
        "已取消：$previous 的 $job_title 面试",
        "$candidate_name 您好：\n\n原定于 $previous 的 $job_title 面试已取消。"
        "您可以通过专属链接重新选择时间：\n$link" + _ZH_FOOT,
    ),
    ("slot_withdrawn", "en"): _w(
        "Cancelled: your interview for $job_title on $previous",
        "Dear $candidate_name,\n\nThe interview for $job_title on $previous is cancelled. The calendar "
        "cancellation is attached; the recruiter will contact you if anything changes.",
    ),
    ("slot_withdrawn", "zh"): _w(
        "已取消：$previous 的 $job_title 面试",
        "$candidate_name 您好：\n\n原定于 $previous 的 $job_title 面试已取消，日历取消通知见附件。"
        "如有变化，招聘人员会与您联系。",
    ),
    ("slot_reminder", "en"): _w(
        "Reminder: your interview for $job_title at $slot",
        "Dear $candidate_name,\n\nA reminder: your interview for $job_title starts at $slot. "
        "Open your link a few minutes early to check your camera and microphone:\n$link" + _EN_FOOT,
    ),
    ("slot_reminder", "zh"): _w(
        "提醒：$job_title 面试将于 $slot 开始",
        "$candidate_name 您好：\n\n提醒您：$job_title 的面试将于 $slot 开始。"
        "请提前几分钟打开链接，检查摄像头和麦克风：\n$link" + _ZH_FOOT,
    ),
    ("slot_interviewer_reminder", "en"): _w(
        "Reminder: interview for $job_title at $slot",
        "A reminder: your interview for $job_title starts at $slot. The live console:\n$console",
    ),
    ("slot_interviewer_reminder", "zh"): _w(
        "提醒：$job_title 面试将于 $slot 开始",
        "提醒您：$job_title 的面试将于 $slot 开始。面试控制台：\n$console",
    ),
    ("slot_interviewer", "en"): _w(
        "$change: interview with $candidate_name ($job_title), $slot",
        "$change: your interview with $candidate_name for $job_title, $slot. "
        "The calendar entry is attached.\n\n$detail",
    ),
    ("slot_interviewer", "zh"): _w(
        "$change：与 $candidate_name 的面试（$job_title），$slot",
        "$change：您与 $candidate_name 的 $job_title 面试，$slot。日历条目见附件。\n\n$detail",
    ),
    ("next_round", "en"): _w(
        "Next step for $job_title",
        "Dear $candidate_name,\n\nThank you for your interview for $job_title. We would like to invite "
        "you to the next round; we will be in touch about the details.\n\n$note",
    ),
    ("next_round", "zh"): _w(
        "$job_title 复试邀请",
        "$candidate_name 您好：\n\n感谢您参加 $job_title 的面试。"
        "我们诚邀您参加复试，具体安排将另行通知。\n\n$note",
    ),
    ("rejection", "en"): _w("Your application for $job_title", "$letter"),
    ("rejection", "zh"): _w("您应聘 $job_title 的结果", "$letter"),
    ("password_reset", "en"): _w(
        "Reset your password",
        "Open this link to choose a new password (it works once, for a short time):\n$link\n\n"
        "If you did not ask for this, ignore this message.",
    ),
    ("password_reset", "zh"): _w(
        "重置密码",
        "请打开以下链接设置新密码（仅可使用一次，短时间内有效）：\n$link\n\n如果不是您本人操作，请忽略本邮件。",
    ),
    ("staff_invitation", "en"): _w(
        "Your account on the interview server",
        "You have been given an account ($role). Open this link to set your password:\n$link",
    ),
    ("staff_invitation", "zh"): _w(
        "您的面试系统账号", "已为您开通账号（$role）。请打开以下链接设置密码：\n$link"
    ),
}
NAMES = tuple(dict.fromkeys(name for name, _ in BUILTIN))
# What a template cannot do without: the link to act on, or the letter HR approved.
REQUIRED: dict[str, tuple[str, ...]] = {
    "invitation": ("link",),
    "reminder": ("link",),
    "next_round": (),
    "rejection": ("letter",),
    "password_reset": ("link",),
    "staff_invitation": ("link",),
    "slot_interviewer_reminder": ("console",),
}
_SAMPLE = {
    "en": {
        "candidate_name": "Li Wei",
        "job_title": "Backend engineer",
        "deadline": "2030-12-04 18:00 (Asia/Shanghai)",
        "note": "We will call you about a date.",
        "letter": "Dear Li Wei, thank you for your time. Your answers on data analysis were specific.",
        "role": "hr",
    },
    "zh": {
        "candidate_name": "李伟",
        "job_title": "后端工程师",
        "deadline": "2030-12-04 18:00 (Asia/Shanghai)",
        "note": "我们会电话联系您确定时间。",
        "letter": "李伟您好，感谢您的时间。您在数据分析方面的回答很具体。",
        "role": "HR",
    },
}


def sample(language: str, public_url: str) -> dict[str, str]:
    """Made-up values for the editor's preview (links point at this server but lead nowhere)."""
    base = public_url.rstrip("/")
    return {
        **_SAMPLE.get(language, _SAMPLE["en"]),
        "link": f"{base}/i/sample-link",
        "console": f"{base}/console/sample",
        "unsubscribe_url": f"{base}/unsubscribe/sample",
    }


def require(name: str, subject: str, text: str, html_part: str) -> None:
    """Refuse a wording that lost a placeholder the template needs, naming it (422)."""
    for key in REQUIRED.get(name, ()):
        lost = [part for part, body in (("text", text), ("HTML", html_part)) if key not in _identifiers(body)]
        if lost:
            raise Unprocessable(
                f"the {name} template needs ${key} in its {' and '.join(lost)}: without it the reader "
                f"gets no {key}; put ${key} back where it should appear"
            )


def _identifiers(part: str) -> set[str]:
    return set(Template(part).get_identifiers())


def check(name: str, language: str) -> None:
    """Refuse a template or language that does not exist."""
    if (name, language) not in BUILTIN:
        raise NotFound(f"no template {name!r} in {language!r}; templates: {', '.join(NAMES)}")


async def wording(session: AsyncSession, name: str, language: str) -> Wording:
    """The admin's wording if there is one, else the built-in one (English when the language is unknown)."""
    lang = language if language in LANGUAGES else "en"
    check(name, lang)
    row = await repo.template(session, name, lang)
    return Wording(row.subject, row.text, row.html) if row else BUILTIN[(name, lang)]


def render(w: Wording, params: dict[str, Any]) -> Wording:
    """Fill the placeholders (escaped for HTML); unknown placeholders stay visible."""
    plain = {k: str(v) for k, v in params.items()}
    escaped = {k: html.escape(v) for k, v in plain.items()}
    return Wording(
        Template(w.subject).safe_substitute(plain).replace("\n", " ")[:300],
        Template(w.text).safe_substitute(plain),
        Template(w.html).safe_substitute(escaped),
    )


def validate(subject: str, text: str, html_part: str) -> None:
    """Refuse a template a `string.Template` cannot fill (a stray `$`)."""
    for part in (subject, text, html_part):
        try:
            Template(part).substitute({k: "" for k in Template(part).get_identifiers()})
        except (ValueError, KeyError) as exc:
            raise Unprocessable(f"the template has a stray '$' ({exc}); write $$ for a dollar sign") from exc
