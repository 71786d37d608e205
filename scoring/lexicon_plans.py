"""Cue words of a plan (situational answers): its steps, what an action was for, what closes it."""

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
