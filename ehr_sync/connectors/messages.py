"""Short markdown notices for HR group chats (DingTalk, WeCom): what happened, a reference, a link.

They carry no candidate name and no transcript: the link opens the report for logged-in staff only.
"""

from __future__ import annotations

from typing import Any

STATUS = {
    "zh": {"pending_review": "待复核", "next_round": "进入复试", "rejected": "未通过", "on_hold": "待定"},
    "en": {
        "pending_review": "pending review",
        "next_round": "next round",
        "rejected": "rejected",
        "on_hold": "on hold",
    },
}
RECOMMENDATION = {
    "zh": {"strong_yes": "强烈推荐", "yes": "推荐", "no": "不推荐", "strong_no": "强烈不推荐"},
    "en": {"strong_yes": "strong yes", "yes": "yes", "no": "no", "strong_no": "strong no"},
}
WORDS = {
    "zh": {
        "report.ready": "面试报告待复核",
        "report.reviewed": "面试已复核",
        "job": "职位",
        "candidate": "候选人编号",
        "overall": "AI 总分",
        "decision": "复核结论",
        "by": "复核人",
        "not_covered": "未覆盖",
        "human_only": "候选人要求人工评估（无 AI 评分）",
        "open": "打开报告",
    },
    "en": {
        "report.ready": "Interview report ready for review",
        "report.reviewed": "Interview reviewed",
        "job": "Job",
        "candidate": "Candidate ref",
        "overall": "AI overall",
        "decision": "Decision",
        "by": "Reviewed by",
        "not_covered": "not covered",
        "human_only": "human evaluation requested (no AI scores)",
        "open": "Open the report",
    },
}
NOTIFIED = ("report.ready", "report.reviewed")


def notice(event_type: str, report: dict[str, Any], language: str, max_bytes: int) -> tuple[str, str]:
    """(title, markdown) for a report event, kept under `max_bytes` of UTF-8 by dropping detail lines."""
    lang = language if language in WORDS else "zh"
    w = WORDS[lang]
    title = w[event_type]
    overall = report.get("overall_score")
    rec = RECOMMENDATION[lang].get(str(report.get("recommendation")), "—")
    head = [
        f"### {title}",
        f"- {w['job']}: {report.get('job_title', '')}",
        f"- {w['candidate']}: {str(report.get('candidate_ref', ''))[:8]}",
        f"- {w['overall']}: {overall:.1f}/5 ({rec})" if overall is not None else f"- {w['overall']}: —",
    ]
    if report.get("human_evaluation_requested"):
        head[-1] = f"- {w['human_only']}"
    review = report.get("review") or {}
    if event_type == "report.reviewed" and review:
        decided = RECOMMENDATION[lang].get(str(review.get("recommendation")), "")
        head.append(
            f"- {w['decision']}: {STATUS[lang].get(str(review.get('status')), '')} {decided}".rstrip()
        )
        head.append(f"- {w['by']}: {review.get('decided_by', '')}")
    details = [
        f"- {c['name']}: {c['score']:.1f}"
        if c.get("score") is not None
        else f"- {c['name']}: {w['not_covered']}"
        for c in report.get("competencies", [])
    ]
    link = (report.get("links") or {}).get("transcript") or (report.get("links") or {}).get("report", "")
    tail = [f"[{w['open']}]({link})"] if link else []
    while True:
        text = "\n".join([*head, *details, "", *tail])
        if len(text.encode()) <= max_bytes or not details:
            return title, text[: max_bytes // 4] if len(text.encode()) > max_bytes else text
        details.pop()
