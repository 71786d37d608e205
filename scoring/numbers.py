"""Concrete details: numbers that quantify something, in English and Chinese.

A number is evidence of specificity only when it measures: "three weeks late", "cut costs by 20%",
"from 40 to 5 tickets", "两周", "百分之三十". Course numbers (CS 101), years on their own (in 2019),
versions and list counts ("two reasons", "三个方面") name or order things; they measure nothing.
"""

from __future__ import annotations

import re

from scoring import lexicon as lx

QUANTITY_BEFORE = {
    "from",
    "to",
    "by",
    "than",
    "about",
    "over",
    "under",
    "nearly",
    "almost",
    "around",
    "approximately",
    "roughly",
    "only",
    "saved",
    "cut",
    "within",
    "per",
    "least",
    "most",
    "up",
    "down",
}
NAMING_BEFORE = {
    "course",
    "cs",
    "class",
    "room",
    "version",
    "v",
    "level",
    "grade",
    "chapter",
    "number",
    "no",
    "route",
    "module",
    "unit",
    "section",
    "page",
    "floor",
    "phase",
    "lecture",
    "math",
    "physics",
    "econ",
    "ece",
    "ee",
    "me",
    "bio",
    "chem",
    "stat",
    "stats",
    "python",
    "windows",
    "iphone",
    "top",
    "in",
    "since",
    "of",
}
LIST_NOUNS = {
    "things",
    "reasons",
    "points",
    "ways",
    "aspects",
    "parts",
    "examples",
    "questions",
    "areas",
    "main",
    "key",
    "major",
    "stages",
    "words",
    "options",
    "kids",
    "children",
    "siblings",
}
ZH_LIST_AFTER = ("原因", "方面", "理由", "点", "部分", "优点", "缺点", "问题", "阶段", "孩子")
_WORD = re.compile(r"\$?[A-Za-z]+|\$?\d+(?:[.,]\d+)*%?")


CHANGE_WINDOW = 8  # words between a word of change and the quantity it changes
MODIFIERS_EN = {"more", "extra", "fewer", "less", "whole", "full", "straight", "consecutive"}
A_UNIT_EN = {"hour", "day", "week", "fortnight", "month", "year", "quarter"}
FRACTIONS_EN = {"third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths"}


def half_of(word: str, after: str) -> bool:
    """Half as a measure ("half the time", "by half"); "half an hour" is counted whole, with its unit."""
    return word == "half" and after not in ("a", "an")


def _plural_noun(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith("ss") and word not in LIST_NOUNS


OF_GROUP_EN = {"the", "our", "my", "their", "his", "her", "those", "these", "its"}


def _count_of(words: list[str], i: int) -> str | None:
    """A count out of a group: "two of the students", "12 of our 40 stores", "three of them"."""
    rest = words[i + 1 : i + 6]
    if len(rest) < 2 or rest[0] != "of":
        return None
    if rest[1] == "them":
        return " ".join(words[i : i + 3])
    if rest[1] not in OF_GROUP_EN:
        return None
    # The group's noun, after at most one word ("our 40 stores", "the old hands"), never a list's.
    noun = next((j for j, w in enumerate(rest[2:4], 2) if w.endswith("s")), None)
    if noun is None or not _plural_noun(rest[noun]) or rest[noun].endswith(("ous", "us", "is")):
        return None
    return " ".join(words[i : i + 1 + noun + 1])


def _en(sentence: str) -> list[str]:
    found: list[str] = []
    words = [w.lower() for w in _WORD.findall(sentence)]
    for i, word in enumerate(words):
        before = words[i - 1] if i else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        if after in MODIFIERS_EN and i + 2 < len(words):
            after = words[i + 2]  # "three more years", "two extra shifts"
        if word in ("a", "an") and after in A_UNIT_EN:
            # "for a month", "an hour earlier": one of a unit; "half an hour": half of one
            found.append(f"half {word} {after}" if before == "half" else f"{word} {after}")
            continue
        measured = after in lx.UNITS_EN or after in lx.NUMBER_WORDS_EN or _plural_noun(after)
        if word[0] in "$" or word.endswith("%") or word in ("twice", "doubled", "halved"):
            found.append(" ".join(words[i : i + 2]))
        elif word[0].isdigit():
            year = re.fullmatch(r"(?:19|20)\d\d", word) is not None
            if after in LIST_NOUNS or (before in NAMING_BEFORE and not measured):
                continue
            if measured or (before in QUANTITY_BEFORE and not year):
                found.append(" ".join(words[i : i + 2]))
            elif not year and (count := _count_of(words, i)):
                found.append(count)
        elif word in lx.NUMBER_WORDS_EN and word != "one" and after not in LIST_NOUNS:
            if after in lx.UNITS_EN | lx.NUMBER_WORDS_EN or _plural_noun(after) or half_of(word, after):
                found.append(f"{word} {after}".strip())
            elif count := _count_of(words, i):
                found.append(count)
        elif word == "one" and after in lx.NUMBER_WORDS_EN - {"percent"}:
            found.append(f"{word} {after}")
        elif word in FRACTIONS_EN and before in ("a", "one", "two", "three") and after == "of":
            found.append(f"{before} {word}")  # "a third of what we used to", not "every third batch"
    return list(dict.fromkeys(found))


def _zh(sentence: str) -> list[str]:
    found: list[str] = []
    units = "|".join(re.escape(u) for u in sorted(lx.UNITS_ZH, key=len, reverse=True))
    for m in re.finditer(rf"([{lx.NUMERALS_ZH}\d][{lx.NUMERALS_ZH}\d.]*)({units})", sentence):
        number, unit = m.group(1), m.group(2)
        if m.group(0) in ("一个", "一次", "一位", "一年", "一天", "一人"):  # "a/one": not a quantity
            continue
        if unit == "年" and re.fullmatch(r"(?:19|20)\d\d", number):
            continue  # a year, not a duration
        if sentence[m.end() : m.end() + 2].startswith(ZH_LIST_AFTER):
            continue
        found.append(m.group(0))
    found += re.findall(r"\d+(?:\.\d+)?%", sentence)
    # A share: "三分之一", "一半" ("缩短了一半"), "一大半", not "一半人" (a count) nor "大半年" (a time).
    found += re.findall(rf"[{lx.NUMERALS_ZH}\d]+分之[{lx.NUMERALS_ZH}\d]+", sentence)
    found += re.findall(r"(?:一[大小]?|大)半(?![人个天年月])", sentence)
    found += re.findall(rf"百分之[{lx.NUMERALS_ZH}\d]+", sentence)
    for m in re.finditer(
        # not a time or date ("等到5点", "拖到3号")
        r"(?:从|到|降到|降至|提高到|提升到|增加到|减少到|达到)(\d+(?:\.\d+)?)(?![\d%点号日时月])",
        sentence,
    ):
        if m.group(0) not in found:
            found.append(m.group(0))
    return list(dict.fromkeys(found))


def specifics(sentence: str, language: str) -> list[str]:
    """The quantities in one clause, as short phrases ("three weeks", "20%", "两周")."""
    return _zh(sentence) if language == "zh" else _en(sentence)


# Words that say a quantity changed: an outcome ("cut by 20%", "降到5个"), not a count of what was acted
# on ("trained three colleagues", "培训了三位同事").
CHANGE_EN = {
    "reduced",
    "reduce",
    "cut",
    "saved",
    "save",
    "increased",
    "increase",
    "grew",
    "rose",
    "dropped",
    "fell",
    "improved",
    "doubled",
    "halved",
    "tripled",
    "lowered",
    "raised",
    "shortened",
    "faster",
    "fewer",
}
CHANGE_ZH = (
    "减少",
    "降",
    "提高",
    "提升",
    "增加",
    "增长",
    "缩短",
    "节省",
    "节约",
    "上升",
    "下降",
    "翻倍",
    "翻了一番",  # doubled; not "翻了一遍" (went through once)
    "翻了一倍",
    "翻了两倍",
    "翻了三倍",
    "提前了",  # "提前了两天", not "提前一天给客户打电话" (a day ahead, an action)
    "提前完成",
    "少了",
    "多了",
)
# "from 40 to 5", "从两天缩短到半天": a span, not a source ("from the last six months", "从报表里").
FROM_TO_EN = re.compile(r"\bfrom\b.+\bto\b")
FROM_TO_ZH = re.compile(r"从.+(?:到|降|减|提|增|变)")


# Half as a change ("cut by half", "down to half", "half what it was"), not a time ("came in at half five"),
# a duration ("half an hour") or a share ("half the team"); half of a measure is ("took half the time").
HALF_CHANGE = re.compile(
    r"\b(?:by|in|to)(?: \w+ly| about| almost)? half\b"
    r"|\bhalf (?:as|of what|what|the (?:time|cost|price|effort|size|number|amount))\b"
)
# A quantity against how it was ("a third of what we used to", "twenty fewer than last year").
COMPARED_EN = re.compile(
    r"\b(?:of|than) (?:what )?(?:we|it|they|i|he|she|you) used to\b"
    r"|\bthan (?:before|last (?:year|month|week|time)|it was|they were)\b|\bcompared (?:to|with)\b"
)

# A quantity against how it was ("只丢两个了，以前是二十个", "比以前快了两天"); "我以前是带五个人的" is a past
# role (no quantity before it to compare).
# 原来是 is as often "it turned out" ("原来是两个脚本在抢同一个文件"): not a comparison.
THAN_BEFORE_ZH = re.compile(r"比(?:以前|之前|原来|过去|去年|往年|上个?月)")
USED_TO_BE_ZH = re.compile(r"(?:以前|之前|过去|往常)(?:都|一般)?(?:是|要|得|能)")
CLAUSE_END_ZH = re.compile(r"[，,。；;！？]")


def _compared_zh(sentence: str) -> bool:
    """A quantity against how it was, both in one clause ("只丢两个了，以前是二十个": the one after it)."""
    than = THAN_BEFORE_ZH.search(sentence)
    if than and specifics(CLAUSE_END_ZH.split(sentence[than.end() :])[0], "zh"):
        return True
    was = USED_TO_BE_ZH.search(sentence)
    if not was:
        return False
    before = CLAUSE_END_ZH.split(sentence[: was.start()].rstrip("，,"))[-1]
    return bool(specifics(before, "zh") and specifics(CLAUSE_END_ZH.split(sentence[was.end() :])[0], "zh"))


def _spans_quantities(sentence: str, language: str) -> bool:
    """Whether a clause spans quantities ("from 40 to 5", "从两天缩短到半天"): a quantity follows "from".

    Not an extent ("from start to finish", "从头做到尾") nor a source ("from the last six months",
    "从报表里").
    """
    pattern = FROM_TO_ZH if language == "zh" else FROM_TO_EN
    text = sentence if language == "zh" else sentence.lower()
    found = pattern.search(text)
    return found is not None and bool(specifics(text[found.start() :], language))


def measures_change(sentence: str, language: str) -> bool:
    """Whether a clause gives a quantity of change, not a bare count ("three colleagues").

    A percentage, money, a multiple, or a quantity with a word of change ("dropped", "from 40 to 5",
    "减少了一半").
    """
    found = specifics(sentence, language)
    if not found:
        return False
    if language == "zh":
        if any(
            x.endswith("%") or x.startswith(("百分之", "从", "到", "降", "提", "增", "减", "达"))
            for x in found
        ):
            return True
        return (
            "倍" in sentence
            or any(w in sentence for w in CHANGE_ZH)
            or _spans_quantities(sentence, language)
            or _compared_zh(sentence)
        )
    if any(
        x.startswith("$") or x.split()[0].endswith("%") or x.split()[0] in ("twice", "doubled", "halved")
        for x in found
    ):
        return True
    said = re.findall(r"[a-z]+|\d[\d.,]*", sentence.lower())
    words = set(said)
    # "I dropped the ones who…", "we cut the list": the speaker acting, not a level changing. The word of
    # change goes with a quantity near it ("cut waiting to three days"), not one a clause away ("sent it
    # three weeks ahead, saying which edition and which cut").
    speaker = lx.SPEAKER["en"]
    amounts = [
        i for i, w in enumerate(said) if w[0].isdigit() or w in lx.NUMBER_WORDS_EN or w in FRACTIONS_EN
    ]
    changed = {
        w
        for i, w in enumerate(said)
        if w in CHANGE_EN
        and not (i and said[i - 1] in speaker)
        and any(abs(i - j) <= CHANGE_WINDOW for j in amounts)
    }
    joined = " ".join(said)
    halved = HALF_CHANGE.search(joined) is not None
    compared = COMPARED_EN.search(joined) is not None
    return bool(changed) or "percent" in words or halved or compared or _spans_quantities(sentence, language)


DURATION_EN = {"second", "minute", "hour", "day", "week", "month", "year", "fortnight"}
DURATION_ZH = ("秒", "分钟", "小时", "天", "周", "星期", "礼拜", "个月", "年")
# How long an activity went on ("for three days", "spent a week", "做了3天", "跑了两周") is not how long
# something took once changed ("loaded in four seconds", "两周内", "只用了两天").
# "took me three days", "cost us a week": the candidate's own time spent, not what something takes now.
ACTIVITY_BEFORE_EN = {"for", "over", "during", "spent", "spend", "spending", "throughout", "every", "each"}
ACTIVITY_BEFORE_EN |= {"me", "us"}
# A frequency ("每人一个月来一次", "每周") is a schedule, not an outcome either.
# Which days of a schedule ("后面两天直接带着去客户家里干", "头两天…") are not a time taken either.
ACTIVITY_ZH = re.compile(r"(?<![只才仅就])(?:了|过|花|连续|整整)$|每.?$|(?:后面|前面|头|最后|剩下的?)$")


def measures_time(sentence: str, language: str) -> bool:
    """Whether a clause gives the time something took ("in four seconds", "两周内").

    Not a count of things, nor how long an activity went on ("for three days", "做了3天").
    """
    words = re.findall(r"[a-z]+|\d+", sentence.lower()) if language == "en" else []
    for found in specifics(sentence, language):
        if language == "zh":
            at = sentence.find(found)
            # "两个星期发一次版" is how often, not how long something took.
            often = re.match(r".{0,3}一次", sentence[at + len(found) :]) is not None
            activity = ACTIVITY_ZH.search(sentence[max(at - 3, 0) : at]) is not None
            if found.endswith(DURATION_ZH) and not activity and not often:
                return True
            continue
        unit = found.split()[-1].rstrip("s")
        number = found.split()[0]
        before = {words[i - 1] for i, w in enumerate(words) if w == number and i}
        if unit in DURATION_EN and not before & ACTIVITY_BEFORE_EN:
            return True
    return False
