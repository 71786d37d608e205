"""Question kinds from question text, English and Chinese, when the plan does not name one.

Each kind is judged on its own criteria (`scoring/bars.yaml`): a "why this company" answer is not a
STAR story and must not be scored as one. The order of the checks settles questions that match two
kinds: "tell me about yourself" before anything, "your greatest weakness" before "give an example".
"""

from __future__ import annotations

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
            "why our company",
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
            "tell me about a time",
            "tell me about a project",
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


def question_kind(question: str) -> QuestionKind:
    """The kind of a question from its words; "general" when none fits."""
    q = " ".join(question.lower().split())
    for kind, cues in CUES:
        if any(c in q for c in cues):
            return kind
    return "general"
