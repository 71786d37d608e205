"""Built-in bilingual lines the agent says: follow-ups by reason code, prompts, closing."""

from __future__ import annotations

FOLLOW_UPS: dict[str, dict[str, str]] = {
    "en": {
        "missing_result": "What was the result? How did it turn out, and how did you know?",
        "no_personal_action": "You mentioned what the team did. What did you personally do?",
        "hypothetical_not_past": (
            "That is what you would do. Can you tell me about a time you actually faced this, "
            "and what you did?"
        ),
        "too_short": "Could you tell me a bit more? For example, a specific situation.",
        "no_specifics": "Can you give me a specific example, with numbers, tools or outcomes?",
    },
    "zh": {
        "missing_result": "最后结果怎么样？您是怎么知道效果的？",
        "no_personal_action": "您提到了团队做的事情，那您本人具体做了什么？",
        "hypothetical_not_past": "这是您会怎么做。能讲一次您实际遇到这种情况的经历吗？当时您具体做了什么？",
        "too_short": "能再多讲一些吗？比如一个具体的情况。",
        "no_specifics": "能举一个具体的例子吗？比如具体的数据、工具或者结果。",
    },
}
PROMPTS: dict[str, dict[str, str]] = {
    "en": {
        "take_your_time": "Take your time.",
        "wrap_up": "Thank you. Could you sum up in a sentence or two?",
    },
    "zh": {"take_your_time": "不着急，您可以慢慢想。", "wrap_up": "谢谢，能请您用一两句话总结一下吗？"},
}
CLOSING = {
    "en": "That was the last question. Thank you for your time; the team will be in touch.",
    "zh": "这是最后一个问题。感谢您抽出时间，我们会尽快与您联系。",
}


def line(table: dict[str, dict[str, str]], language: str, key: str) -> str:
    """A line in the language, falling back to English."""
    return table.get(language, table["en"]).get(key) or table["en"][key]
