"""Cue words of a plan (its steps, what an action was for, what closes it) and of a story's lesson."""

from __future__ import annotations

PLAN_STEPS = {
    "en": ["first", "then", "next", "after that", "finally", "also", "if", "every week", "each week", "plan"],
    "zh": [
        "先",
        "首先",
        "第一步",
        "第二步",
        "第三步",
        "其次",
        "然后",
        "接着",
        "之后",
        "最后",
        "同时",
        "如果",
        "要是",
        "万一",
        "每周",
        "计划",
        "必要时",
    ],
}
# What follows these is what an action was for, not what came of it ("so that problems came up early").
PURPOSE = {
    "en": [
        "so that",
        "in order to",
        "to make sure",
        "to ensure",
        "so we could",
        "so i could",
        "so they could",
    ],
    "zh": ["以便", "为了", "好让", "以免", "目的是"],
}
# A step that says the plan is over ("finally…", "最后…"); "then"/"next"/"接着" leave it open.
PLAN_CLOSERS = {
    "en": [
        "finally",
        "lastly",
        "last of all",
        "in the end",
        "at the end",
        "to wrap up",
        "to finish",
        "the last step",
    ],
    "zh": ["最后", "最终", "最后一步", "收尾"],
}

# What the candidate took from a story ("it taught me…", "looking back…", "这件事让我明白…"): said once it is
# told, so a lesson last closes the story even when its outcome was not heard. Only reflective frames:
# "I learned that the vendor had changed…" is finding out, "the lesson" a class's, "我回头看了一下日志" an
# action.
LESSON = {
    "en": [
        "it taught me",
        "that taught me",
        "this taught me",
        "which taught me",
        "what i learned",
        "what i learnt",
        "i learned a lot",
        "i learnt a lot",
        "i learned from",
        "i learnt from",
        "i've learned",
        "i have learned",
        "learned my lesson",
        "the lesson was",
        "the lesson for me",
        "the lesson i took",
        "the big lesson",
        "the main lesson",
        "lesson learned",
        "looking back",
        "in hindsight",
        "with hindsight",
        "what i took away",
        "the takeaway",
        "my takeaway",
        "if i did it again",
        "if i had to do it again",
        "next time i'd",
        "next time i would",
        "since then i",
        "ever since i",
        "made it a habit",
        "made a habit of",
    ],
    "zh": [
        "学到了很多",
        "学到的",
        "教训",
        "经验是",
        "让我明白",
        "体会到",
        "体会是",
        "现在回头看",
        "现在回过头看",
        "现在想想",
        "现在想来",
        "现在回想",
        "从那以后我",
        "打那以后我",
        "打那以后碰到",
        "如果再来一次",
        "要是再来一次",
        "最大的收获",
        "收获是",
        "收获就是",
        "养成了习惯",
        "养成习惯",
    ],
}
