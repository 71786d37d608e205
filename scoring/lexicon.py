"""Cue words for STAR structure, ownership, specificity and hypotheticals, in English and Chinese.

Matching is on neutralised text (see `scoring.text`), by whole words for English and by substring for
Chinese. Lists, not models: every decision can be traced to the words that made it.
"""

from __future__ import annotations

SITUATION = {
    "en": ["last year", "last month", "last quarter", "previous job", "previous role", "previous company",
           "last company", "last job", "at my", "when i was", "once", "there was", "we had", "our team",
           "behind schedule", "deadline", "problem", "issue", "challenge", "complained", "disagreed",
           "conflict", "crisis", "situation", "project", "customer", "client", "years ago", "in 20"],
    "zh": ["去年", "前年", "当时", "之前", "以前", "有一次", "那时", "上一家", "原来", "遇到", "出现", "比计划晚",
           "延期", "问题", "困难", "挑战", "投诉", "冲突", "矛盾", "分歧", "项目", "客户", "反映"],
}
TASK = {
    "en": ["responsible for", "my role", "my job was", "my task", "i was asked", "i needed to", "i had to",
           "the goal was", "my goal", "in charge of", "i was tasked", "as the team lead", "as the lead",
           "as the manager", "my responsibility", "i was assigned", "we needed to", "needed to"],
    "zh": ["负责", "我的任务", "我的职责", "我的工作是", "需要", "目标是", "要求我", "作为", "任务是", "必须"],
}
RESULT = {
    "en": ["as a result", "in the end", "eventually", "shipped", "launched", "delivered", "released",
           "increased", "decreased", "dropped", "reduced", "improved", "grew", "saved", "cut down", "won",
           "achieved", "renewed", "promoted", "now load", "now takes", "on time", "early", "ahead of",
           "went from", "fell", "rose", "doubled", "halved", "record", "adopted", "signed", "resolved the",
           "the outcome", "the result", "percent", "satisfaction", "retained", "finished", "completed",
           "extended", "went to zero", "to zero", "went down", "went up", "passed", "approved", "accepted"],
    "zh": ["结果", "最后", "最终", "提前", "按时", "上线了", "增长", "下降", "提升", "提高", "降低", "减少", "节省",
           "百分之", "%", "好评", "续约", "签约", "满意", "成功", "翻了", "达成", "完成了", "获得", "实现了",
           "降到", "降为", "为零", "延长了", "通过了"],
}
STRONG_RESULT = {"en": ["as a result", "in the end", "the result", "the outcome"], "zh": ["结果", "最终", "最后"]}
ACTION_VERBS_EN = {
    "split", "met", "set", "wrote", "built", "led", "made", "took", "ran", "spoke", "told", "gave", "found",
    "sent", "kept", "brought", "chose", "drove", "held", "paired", "organized", "organised", "traced",
    "added", "created", "designed", "proposed", "called", "asked", "listened", "explained", "decided",
    "started", "scheduled", "analyzed", "analysed", "reviewed", "fixed", "rewrote", "moved", "hired",
    "trained", "coached", "negotiated", "presented", "prioritized", "prioritised", "delegated", "tested",
    "measured", "contacted", "reached", "worked", "helped", "planned", "introduced", "automated", "cut",
    "convinced", "compared", "documented", "escalated", "mentored", "volunteered", "persuaded", "arranged",
    "implemented", "deployed", "investigated", "interviewed", "collected", "shared", "suggested", "divided",
    "mapped", "refactored", "launched", "shipped", "managed", "coordinated", "followed", "used", "did",
}
FIRST_SINGULAR = {"en": ["i"], "zh": ["我"]}
FIRST_PLURAL = {"en": ["we", "our team", "the team", "everybody", "everyone"], "zh": ["我们", "团队", "大家"]}
HYPOTHETICAL = {
    "en": ["i would", "i'd", "i will", "i'll", "i am going to", "i'm going to", "i could", "i might",
           "i should", "would probably", "if i"],
    "zh": ["我会", "我将", "如果", "假如", "打算", "应该会", "我可能", "我可以"],
}
PLAN_STEPS = {
    "en": ["first", "then", "next", "after that", "finally", "also", "if", "every week", "each week", "plan"],
    "zh": ["先", "首先", "然后", "接着", "之后", "最后", "同时", "如果", "每周", "计划", "必要时"],
}
FILLERS = {"en": ["um", "uh", "er", "hmm", "you know", "like"], "zh": ["嗯", "呃", "那个", "就是说", "然后然后"]}
VAGUE = {
    "en": ["many", "a lot", "very hard", "great job", "everybody was happy", "some", "things", "stuff", "good"],
    "zh": ["很多", "很好", "非常努力", "大家都很满意", "一些", "挺好"],
}
NUMBER_WORDS_EN = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
    "thousand", "million", "billion", "percent", "twice", "half", "double", "dozen", "zero",
}
UNITS_EN = {"days", "day", "weeks", "week", "months", "month", "hours", "hour", "minutes", "minute",
            "seconds", "second", "years", "year", "percent", "users", "customers", "people", "dollars", "times", "%", "ms", "requests"}
NUMERALS_ZH = "一二两三四五六七八九十百千万亿半倍"
UNITS_ZH = ["天", "周", "个月", "小时", "分钟", "秒", "年", "人", "位", "个", "倍", "万", "元", "次", "%", "百分之"]
STOPWORDS = {
    "with", "about", "that", "this", "your", "what", "when", "where", "which", "there", "their", "them",
    "then", "have", "were", "from", "into", "time", "tell", "describe", "would", "could", "should", "they",
    "been", "some", "very", "just", "also", "because", "how", "did", "you", "and", "the",
    "一次", "什么", "怎么", "如何", "为什么", "你们", "我们", "经历", "请描述", "描述", "一个", "时候",
}
STATIVE_ZH = {"觉得", "认为", "想", "喜欢", "希望", "是", "有", "要", "会", "能", "可以", "需要", "知道", "相信", "跟",
              "感觉", "没", "没有", "遇到", "过"}
