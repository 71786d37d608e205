"""Who acts in one clause, and in what mood: the candidate, the team, nobody; done, habitual, would-do.

Pure functions over a clause's neutralised words (English) or tokens (Mandarin), used by `analysis`.
"""

from __future__ import annotations

import re

from scoring import lexicon as lx
from scoring.text import Token


def contains(haystack: str, cue: str, language: str) -> bool:
    """A cue in a clause: by whole words in English, as a substring in Chinese."""
    if language == "zh":
        return cue in haystack
    return f" {cue} " in haystack


def hits(haystack: str, cues: list[str], language: str) -> list[str]:
    """The cues a clause holds."""
    return [c for c in cues if contains(haystack, c, language)]


def _past(word: str) -> bool:
    """An English past tense of a verb of doing: regular ("called"), listed, or irregular ("rebuilt")."""
    if word in lx.ACTION_VERBS_EN or word in lx.IRREGULAR_PAST_EN or (word.endswith("ed") and len(word) > 4):
        return True
    return any(word.startswith(p) and word[len(p) :] in lx.IRREGULAR_PAST_EN for p in lx.PAST_PREFIXES_EN)


def _does(tok: Token) -> bool:
    """A Mandarin verb of doing: tagged a verb, or a set phrase that opens on one ("打电话", "发短信")."""
    if tok.text in lx.STATIVE_ZH:
        return False
    return tok.tag.startswith("v") or (tok.tag == "l" and tok.text[0] in lx.ZH_VERB_HEADS)


def _cannot(toks: list[Token], i: int) -> bool:
    """A verb in a potential negative ("挑不出来", "想不起来", "搞不定"): what the speaker could not do."""
    text = toks[i].text
    if text.find("不") > 0 or (i + 1 < len(toks) and toks[i + 1].text == "不"):
        return True
    return i >= 2 and toks[i - 1].text == "不" and _does(toks[i - 2])  # the complement: "挑|不|出来"


def does_something(toks: list[Token]) -> bool:
    """A Mandarin clause holds a verb of doing."""
    return any(_does(t) for t in toks)


def _acts(words: list[str]) -> bool:
    """An English past action verb among `words` ("rewrote", "called", "oversaw")."""
    return any(_past(w) for w in words)


def self_action(neutral: str, language: str, words: list[str], toks: list[Token]) -> bool:
    """The candidate does something in the clause ("I rewrote…", "我把…重新做了")."""
    if language == "zh":
        # The clause's own tokens (segmenting again costs more than the rest of the analysis).
        # "要什么跟我说", "领导让我…", "他帮我…": the candidate as the object of a coverb is not the doer.
        at = next(
            (
                i
                for i, t in enumerate(toks)
                if "我" in t.text.replace("我们", "")
                and not (i and toks[i - 1].text in lx.ZH_COVERBS_OBJECT)
                and not (i + 1 < len(toks) and toks[i + 1].text == "的")  # "我的做法" names no doer
            ),
            None,
        )
        if at is None:
            return False
        after = "".join(t.text for t in toks[at:]).replace("我们", "")
        acting = next(
            (i for i, t in enumerate(toks) if i > at and _does(t) and not _cannot(toks, i)),
            None,
        )
        if acting is None:
            return False
        # "我觉得我们…", "我想大家…": the candidate comments; whoever is named after acts.
        between = "".join(t.text for t in toks[at + 1 : acting])
        return not hits(between, lx.FIRST_PLURAL["zh"], "zh") and not hits(after, ["我会", "我将"], "zh")
    for i, word in enumerate(words):
        if word != "i":
            continue
        following = words[i + 1 : i + 4]
        # "I think we fixed it": the verb after another subject is that subject's.
        following = following[: next((k for k, w in enumerate(following) if w in lx.OTHER_SUBJECTS_EN), 3)]
        if following[:1] and following[0] in (
            "was",
            "am",
            "had",
            "needed",
            "would",
            "will",
            "could",
            "should",
        ):
            continue
        if _acts(following):
            return True
    return False


def others_action(language: str, words: list[str], toks: list[Token]) -> bool:
    """Other people do something in the clause ("the keepers put their heads together", "饲养员们琢磨出…")."""
    if language == "zh":
        at = next(
            (
                i
                for i, t in enumerate(toks)
                if t.text in lx.OTHERS_ZH
                or (t.text == "们" and i and toks[i - 1].text not in ("我", "咱"))
                or (t.text.endswith("们") and t.text not in lx.FIRST_PLURAL["zh"])
                or (t.text == "人" and i and toks[i - 1].text == "的")
            ),
            None,
        )
        if at is None or asks_about(toks):
            return False
        # "找几个同事聊聊": the colleagues are whom the speaker goes to.
        if any(t.text in lx.ZH_COVERBS_OBJECT for t in toks[max(at - 2, 0) : at]):
            return False
        return any(_does(t) for t in toks[at + 1 :])
    for i, word in enumerate(words):
        named = word in lx.OTHERS_EN or (
            i > 0 and words[i - 1] in lx.DETERMINERS_EN and len(word) > 3 and word.endswith("s")
        )
        if named and _acts(words[i + 1 : i + 3]):
            return True
    return False


def asks_about(toks: list[Token]) -> bool:
    """A Mandarin clause finding out what others think or do ("看看大家都是怎么想的"): no one acts in it."""
    return bool(toks) and toks[0].text in lx.ZH_FIND_OUT and any(t.text in lx.ZH_WH for t in toks[1:])


def team_action(neutral: str, language: str, words: list[str], toks: list[Token]) -> bool:
    """The team does something in the clause ("we rewrote…", "大家一起…")."""
    if language == "zh":
        if asks_about(toks):
            return False
        subject = neutral.replace("我们的", "").replace("团队的", "")  # "our X" is not "we did"
        # "业委会跟我们续了合同", "经理让我们…": the team as the object of a coverb is not the doer.
        subject = re.sub(f"(?:{'|'.join(lx.ZH_COVERBS_OBJECT)})(?:我们|咱们|大家)", "", subject)
        for noun in lx.TEAM_NOUNS_ZH:
            subject = subject.replace(noun, "")
        return bool(hits(subject, lx.FIRST_PLURAL["zh"], "zh")) and any(_does(t) for t in toks)
    return any(word in lx.TEAM_SUBJECTS_EN and _acts(words[i + 1 : i + 4]) for i, word in enumerate(words))


def speaker_opens(text: str, language: str) -> bool:
    """Whether the clause opens with the candidate or the team as its subject.

    "I [verb misheard] the route…", "我们…": someone acts, whatever the verb; not what they own ("our
    reports…", "我们的报表…").
    """
    who = "|".join(lx.SPEAKER[language])
    if language == "zh":
        return re.match(rf"(?:{who})(?!的)", text.lstrip("，, ")) is not None
    return re.match(rf"\s*(?:{who})\b", text.lower()) is not None


def background(text: str, language: str) -> bool:
    """An opening that says where the candidate worked ("I joined…", "我当时在…教…"), nothing done in it."""
    found = re.search(lx.BACKGROUND_OPENING[language], text)
    if found is None:
        return False
    # "我在会上提出了…" is done where it says; "我当时在…教数学", "我在…干过" (过: at some time) and
    # "我加入了一家…" set the scene.
    # Only the candidate's own stretch counts: "我在一家物流公司，仓库的退货堆成了山" sets the scene.
    own = re.split(r"[，,；;。！？!?]", text[found.end() :])[0]
    done = re.sub("|".join(lx.ZH_NOT_PERFECTIVE), "", own)
    return not (found.group().endswith("在") and "了" in done)


def trait(toks: list[Token]) -> bool:
    """A Mandarin clause that rates rather than tells: a degree word or verdict, nothing marked as done."""
    return bool(hits("".join(t.text for t in toks), lx.ZH_TRAIT_WORDS, "zh")) and not perfective(toks)


def goes_on_unsaid_en(words: list[str]) -> bool:
    """An English clause with no subject and nothing done ("then write it down"): it goes on with the last."""
    return bool(words) and not _acts(words) and not any(w in lx.SUBJECTS_EN for w in words)


def perfective(toks: list[Token]) -> bool:
    """A Mandarin clause marks something as done (了, 过)."""
    return any(t.tag in ("ul", "ug") or ("了" in t.text and t.text not in lx.ZH_NOT_PERFECTIVE) for t in toks)


def names_subject(toks: list[Token]) -> bool:
    """A Mandarin clause names who it is about: a pronoun or a name ("我的顾虑" names no one)."""
    for i, t in enumerate(toks):
        possessive = toks[i + 1].text == "的" if i + 1 < len(toks) else False
        if not possessive and (t.tag == "nr" or hits(t.text, lx.ZH_SUBJECTS, "zh")):
            return True
    return False


def goes_on_unsaid(toks: list[Token]) -> bool:
    """A Mandarin clause with no subject of its own and nothing done (no 了/过): it goes on with the last.

    "我会先跟他沟通，然后再找经理" is all what the candidate would do; "…，然后找了经理" is not.
    """
    return bool(toks) and not names_subject(toks) and not perfective(toks)


def subject_left_waiting(toks: list[Token]) -> str | None:
    """Who a Mandarin clause names as its subject without doing anything: "self", "team" or None.

    Recognisers close a sentence where the speaker paused: in "然后我们跟几个批发商一起。临时从外县调了一批菜"
    the second clause has no subject of its own, and what it does is done by the one named before it.
    """
    # One phrase with no verb, not a description ("我这人脾气好，没什么大问题" says what one is like).
    if does_something(toks) or trait(toks) or any(t.text in "，,；;" for t in toks):
        return None
    text = "".join(t.text for t in toks)
    if hits(text, lx.FIRST_PLURAL["zh"], "zh"):
        return "team"
    me = next((i for i, t in enumerate(toks) if t.text == "我"), None)
    # "跟我…": the candidate is an object, not the subject.
    if me is None or (me and toks[me - 1].text in lx.ZH_COVERBS_OBJECT):
        return None
    return "self" if me + 1 == len(toks) or toks[me + 1].text != "的" else None


def done_together(toks: list[Token]) -> bool:
    """People named before 一起/一块儿 act together ("大伙儿还一块儿…贴出…"): the team acts.

    Not when the candidate is among those named ("我跟同事一块儿跑了…" is the candidate acting), nor when
    no one is ("…列出来，一起拿给主管看" goes on with the last doer).
    """
    at = next((i for i, t in enumerate(toks) if t.text in lx.TOGETHER_ZH), None)
    if at is None:
        return False
    opens = max((i + 1 for i, t in enumerate(toks[:at]) if t.tag == "x"), default=0)  # this comma's clause
    named = toks[opens:at]
    if any("我" in t.text.replace("我们", "") or _does(t) for t in named):
        return False
    return any(t.tag[:1] in ("n", "r") for t in named) and does_something(toks[at + 1 :])


def verdict(text: str, language: str) -> bool:
    """A superlative verdict on how it went ("the cleanest on the site", "做得最稳的一年").

    Not one in what someone said to the candidate ("my supervisor said, you've been here the longest"): that
    hands over a task.
    """
    found = re.search(lx.SUPERLATIVE[language], text.lower())
    if found is None:
        return False
    return re.search(lx.SAID_TO_YOU[language], text.lower()[: found.end()]) is None


def reaction(neutral: str, language: str) -> bool:
    """Someone's positive reaction, not negated ("they were not happy") nor vague ("everybody was happy")."""
    return bool(hits(neutral, lx.REACTION[language], language)) and not (
        hits(neutral, lx.NEGATION[language], language) or hits(neutral, lx.VAGUE[language], language)
    )
