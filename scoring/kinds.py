"""Question kinds from question text, English and Chinese, when the plan does not name one.

Each kind is judged on its own criteria (`scoring/bars.yaml`): a "why this company" answer is not a
STAR story and must not be scored as one. The order of the checks settles questions that match two
kinds: "tell me about yourself" before anything, "your greatest weakness" before "give an example".
"""

from __future__ import annotations

import re

from scoring.models import QuestionKind

CUES: tuple[tuple[QuestionKind, tuple[str, ...]], ...] = (
    (
        "self_intro",
        (
            "about yourself",
            "introduce yourself",
            "walk me through your",
            "your background",
            "describe yourself",
            "yourself in",
            "自我介绍",
            "介绍一下你自己",
            "介绍一下您自己",
            "介绍一下自己",
            "介绍你自己",
            "介绍您自己",
            "介绍下自己",
            "简单介绍一下你",
            "简单介绍一下您",
        ),
    ),
    (
        "strengths_weaknesses",
        (
            "strength",
            "weakness",
            "weak point",
            "strong point",
            "area for improvement",
            "areas for improvement",
            "improve about yourself",
            "like to improve",
            "want to develop",
            "want to improve",
            "need to improve",
            "需要提升",
            "需要改进",
            "需要提高",
            "优点",
            "缺点",
            "优势和劣势",
            "劣势",
            "不足",
            "长处",
            "短处",
            "弱点",
        ),
    ),
    (
        "motivation",
        (
            "why do you want",
            "why are you interested",
            "why this company",
            "why this role",
            "why this job",
            "why us",
            "why should we hire",
            "why did you apply",
            "why our ",
            "why this ",
            "why join",
            "attracts you",
            "attracted you",
            "interests you about",
            "where do you see yourself",
            "career goals",
            "为什么想",
            "为什么选择",
            "为什么申请",
            "为什么加入",
            "为什么应聘",
            "为什么来",
            "吸引你",
            "吸引您",
            "求职动机",
            "职业规划",
            "职业目标",
        ),
    ),
    (
        "behavioural",
        (
            "tell me about a ",
            "tell me about an ",
            "tell me about the ",
            "tell me about your ",
            "tell me more about how you",
            "a project you",
            "tell me about a situation",
            "describe a time",
            "describe a situation",
            "give an example",
            "give me an example",
            "a time when",
            "a time you",
            "请描述一次",
            "请讲一次",
            "讲一次",
            "说一次",
            "讲一个",
            "介绍一个",
            "分享一个",
            "请举例",
            "举个例子",
            "经历",
            "有没有一次",
        ),
    ),
    (
        "technical",
        (
            "difference between",
            "design a",
            "implement",
            "complexity",
            "区别",
            "原理",
            "设计一个",
            "实现",
            "复杂度",
        ),
    ),
    (
        "situational",
        (
            "what do you do",
            "what would you do",
            "what will you do",
            "imagine",
            "suppose",
            "怎么办",
            "怎么处理",
            "如何处理",
            "假设",
            "假如",
            "如果",
            "要是",
            "万一",
            "倘若",
            "设想",
            "你会怎么",
            "您会怎么",
            "你会如何",
            "您会如何",
        ),
    ),
    (
        "technical",
        (
            "how do you",
            "how would you explain",
            "how would you make",
            "how would you plan",
            "how would you support",
            "walk me through how",
            "what do you monitor",
            "kpi",
            "metrics",
            "which ",
            "你是怎么",
            "你怎么",
            "怎么",
            "哪些情况",
            "发生了什么",
            "difference between",
            "how does",
            "how do you implement",
            "how would you implement",
            "how would you design",
            "design a",
            "implement",
            "complexity",
            "algorithm",
            "what happens when",
            "explain what",
            "explain how",
            "what is a ",
            "what is the purpose",
            "区别",
            "原理",
            "如何实现",
            "怎么实现",
            "设计一个",
            "复杂度",
            "算法",
            "解释一下",
        ),
    ),
    (
        "situational",
        (
            "what would you do",
            "how would you",
            "imagine",
            "suppose",
            "if you",
            "假设",
            "如果你",
            "如果您",
            "你会如何",
            "您会如何",
            "你会怎么",
            "您会怎么",
            "你将如何",
        ),
    ),
)


# "讲讲你们是怎么应对一个突发情况的": 是怎么 about one event asks how something that happened was handled
# ("说说你是怎么安排每天的工作的" asks what one usually does).
PAST_EVENT_ZH = r"(?:讲讲|说说|谈谈|聊聊)(?:你|您)们?是怎么.*(?:一个|一次|那次)"


def question_kind(question: str) -> QuestionKind:
    """The kind of a question from its words; "general" when none fits."""
    q = " ".join(question.lower().split())
    if re.search(PAST_EVENT_ZH, q):
        return "behavioural"
    for kind, cues in CUES:
        if any(c in q for c in cues):
            return kind
    return "general"
