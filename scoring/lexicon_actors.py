"""Words that say who acts in a Mandarin clause: coverbs, acting together, finding out, team nouns."""

from __future__ import annotations

# Coverbs after which 我 is the object ("跟我说", "让我负责", "帮我查"), not the one who acts.
ZH_COVERBS_OBJECT = {
    "跟",
    "对",
    "向",
    "和",
    "给",
    "被",
    "替",
    "帮",
    "陪",
    "让",
    "叫",
    "请",
    "找",
    "问",
    "告诉",
}
# "团队合作" (teamwork) names a quality, not the team doing something.
TEAM_NOUNS_ZH = ["团队合作", "团队精神", "团队协作", "团队建设", "团队意识"]
# Finding out ("看看大家都是怎么想的", "问问他们要什么"): the people in the question do not act.
ZH_FIND_OUT = {"看看", "问问", "听听", "了解", "了解一下", "想想", "看一看", "问一问", "搞清楚", "弄清楚"}
ZH_WH = {"怎么", "什么", "哪", "哪些", "哪儿", "多少", "为什么", "怎样", "如何", "是不是", "有没有"}
# Acting together: whoever is named (or misheard) before it, more than the candidate acts.
TOGETHER_ZH = ["一起", "一块儿", "一块", "一同", "一道"]
