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
# told, so a lesson last closes the story even when its outcome was not heard.
LESSON = {
    "en": [
        "taught me",
        "i learned",
        "i learnt",
        "i've learned",
        "i have learned",
        "the lesson",
        "a lesson",
        "lesson learned",
        "looking back",
        "in hindsight",
        "with hindsight",
        "what i took away",
        "the takeaway",
        "my takeaway",
        "made me realise",
        "made me realize",
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
        "学到",
        "学会了",
        "教训",
        "经验是",
        "让我明白",
        "我明白了",
        "让我知道",
        "体会到",
        "体会是",
        "回过头看",
        "回头看",
        "现在想想",
        "现在想来",
        "现在回想",
        "从那以后我",
        "打那以后我",
        "打那以后碰到",
        "下次我",
        "再来一次",
        "收获",
        "养成了习惯",
        "养成习惯",
    ],
}
