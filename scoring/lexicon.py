"""Cue words for ownership, specificity and hypotheticals, in English and Chinese.

STAR parts are in `lexicon_star`, who acts in a Mandarin clause in `lexicon_actors`, a plan's words in
`lexicon_plans`, quantities in `lexicon_numbers`.

Matching is on neutralised text (see `scoring.text`), by whole words for English and by substring for
Chinese. Lists, not models: every decision can be traced to the words that made it.
"""

from __future__ import annotations

from scoring.lexicon_actors import TEAM_NOUNS_ZH, TOGETHER_ZH, ZH_COVERBS_OBJECT, ZH_FIND_OUT, ZH_WH
from scoring.lexicon_numbers import NUMBER_WORDS_EN, NUMERALS_ZH, UNITS_EN, UNITS_ZH
from scoring.lexicon_plans import LESSON, PLAN_CLOSERS, PLAN_STEPS, PURPOSE
from scoring.lexicon_star import (
    ACTION_VERBS_EN,
    IRREGULAR_PAST_EN,
    PAST_PREFIXES_EN,
    RESULT,
    SITUATION,
    STRONG_RESULT,
    TASK,
)

__all__ = [
    "TEAM_NOUNS_ZH",
    "TOGETHER_ZH",
    "ZH_COVERBS_OBJECT",
    "ZH_FIND_OUT",
    "ZH_WH",
    "NUMBER_WORDS_EN",
    "NUMERALS_ZH",
    "LESSON",
    "PLAN_CLOSERS",
    "PLAN_STEPS",
    "PURPOSE",
    "UNITS_EN",
    "UNITS_ZH",
    "ACTION_VERBS_EN",
    "IRREGULAR_PAST_EN",
    "PAST_PREFIXES_EN",
    "RESULT",
    "SITUATION",
    "STRONG_RESULT",
    "TASK",
]

FIRST_SINGULAR = {"en": ["i"], "zh": ["我"]}
FIRST_PLURAL = {
    "en": ["we", "our team", "the team", "everybody", "everyone"],
    "zh": ["我们", "团队", "大家", "咱们", "大伙", "小组", "组里", "全组", "同事们", "整个部门", "部门里"],
}
# English words that name the team as the one who acts ("the group decided", "my colleagues rewrote").
TEAM_SUBJECTS_EN = ("we", "team", "everybody", "everyone", "group", "department", "colleagues")
# Other people as the ones who act ("they rebuilt it", "the crew stayed behind", "the nurses all agreed",
# "他们…", "饲养员们…", "后台的人…").
OTHERS_EN = {
    "they",
    "he",
    "she",
    "staff",
    "crew",
    "cast",
    "lot",
    "people",
    "management",
    "everyone",
    "everybody",
}
DETERMINERS_EN = {"the", "my", "our", "their", "his", "her", "both", "all", "some", "two", "three", "few"}
OTHERS_ZH = {"他", "她", "他们", "她们", "同事", "大家", "别人", "对方"}
# Another subject after "I": "I think we fixed it" is the team acting, not the candidate.
OTHER_SUBJECTS_EN = {"we", "they", "he", "she", "you", "everyone", "everybody", "team", "group", "colleagues"}
HYPOTHETICAL = {
    "en": [
        "i would",
        "i'd",
        "i will",
        "i'll",
        "i am going to",
        "i'm going to",
        "i could",
        "i might",
        "i should",
        "would probably",
        "if i",
        "if it were me",
        "if it was me",
        "my approach would",
        "my approach is",
        "the way i'd",
        "the way i would",
        "ideally",
    ],
    "zh": [
        "我会",
        "我将",
        "如果",
        "假如",
        "要是",
        "打算",
        "应该会",
        "我可能",
        "我可以",
        "如果是我",
        "换作是我",
        "换做是我",
        "换成是我",
        "换成我",
        "换了是我",
        "换了我",
        "要是我",
        "我的话",
        "我应该",
        # One's approach or the ideal ("我的做法是先…", "最好是…"): what would be done, not what was.
        "我的做法是",
        "我的办法是",
        "我的思路是",
        "最好是",
        "最好先",
        "理想的话",
    ],
}
# Saying there is no one instance to tell ("loads of times, nothing special I'd pick out", "这种事太多了"):
# no example, however it is hedged.
NO_INSTANCE = {
    "en": [
        "nothing special",
        "nothing in particular",
        "nothing stands out",
        "loads of times",
        "lots of times",
        "plenty of times",
        "can't think of",
        "cannot think of",
        "can't pick",
        "hard to pick",
        "can't single",
        "don't remember",
        "don't really remember",
        "happens all the time",
        "part of the job",
    ],
    "zh": [
        "太多了",
        "多了去了",
        "说不上哪一次",
        "说不上哪次",
        "挑不出",
        "说不出是哪",
        "记不清",
        "想不起来",
        "天天都有",
        "没什么特别",
        "没有什么特别",
        "经常遇到",
    ],
}
# Saying what one usually does ("I usually…", "我平时经常…") tells no one time: not an action in a story.
HABITUAL = {
    "en": ["usually", "normally", "always", "often", "tend to", "generally", "typically"],
    "zh": ["平时", "经常", "一般", "通常", "总是", "往往", "向来", "一向"],
}
# Subjects an English clause can have; one with none and nothing done goes on in the mood before it
# ("I'd talk to them first, then write it down").
SUBJECTS_EN = {"i", "we", "he", "she", "they", "you", "it", "team", "everyone", "everybody", "group"}
# How the people an action was for took it: after an action, their reaction is an outcome.
REACTION = {
    "en": ["happy", "pleased", "thrilled", "delighted", "grateful", "thanked", "praised", "loved it"],
    "zh": ["高兴", "开心", "感谢", "表扬", "夸", "认可", "点赞"],
}
# A superlative verdict on how it went, said of something ("the trial house was the cleanest on the site",
# "做得最稳的一年"), not the superlative object of an action ("hit the furthest shops first", "跑最远的店"),
# nor a word that only ends like one ("the rest"), nor 最后/最近/最初.
_NOT_SUPERLATIVE_EN = (
    "rest|test|west|interest|request|contest|forest|guest|chest|protest|nest|harvest|quest|latest"
)
SUPERLATIVE = {
    "en": r"\b(?:was|were|is|are|been|had|have) (?:\w+ )?the "
    rf"(?:best|most|(?!(?:{_NOT_SUPERLATIVE_EN})\b)[a-z]{{2,}}est)\b",
    "zh": r"(?:是|得)[^，,。；;]{0,6}最(?!后|近|初|终|早|晚|多|少|先|好是)",
}
# Someone speaking to the candidate, before a superlative ("said, you've been here the longest", "说你最…").
SAID_TO_YOU = {
    "en": r"\b(?:said|says|told me|asked me)\b|\byou(?:'ve|'re| have| are| were)\b",
    "zh": r"说.{0,3}你",
}
NEGATION = {"en": ["not", "never", "wasn't", "weren't", "didn't", "no"], "zh": ["不", "没"]}
# Mandarin puts adverbs between the subject and the modal ("我还会…", "我一般会…", "我大概会…"): each
# "我 + adverb + modal" is a hypothetical (or habitual) cue as much as "我会" is.
ZH_MODAL_ADVERBS = ["也", "还", "就", "都", "还是", "一般", "通常", "首先", "先", "肯定", "一定", "大概"]
ZH_MODAL_ADVERBS += ["应该", "可能", "估计", "多半", "大多", "往往", "总是", "同样"]
HYPOTHETICAL["zh"] += [
    f"我{adverb}{modal}" for adverb in ZH_MODAL_ADVERBS for modal in ("会", "将", "打算", "准备")
]
# A Mandarin clause without its own subject goes on in the mood of the one before ("我会先…，然后再…");
# these name a subject of their own (so does a person's name, as the tokenizer tags it).
ZH_SUBJECTS = ["我", "你", "他", "她", "它", "大家", "咱们", "团队", "别人", "对方"]
# Someone else gives the candidate the job ("领导让我去研究一下"): a task, not an action ("让我们" is not).
ZH_ASKED_ME = r"(?:让|叫|派|请|要|安排|交给)我(?!们)"
# An opening that says where the candidate worked sets the scene; it is not an action in the story.
BACKGROUND_OPENING = {
    "en": r" i (?:joined|worked (?:at|in|for|as)|was working|started (?:at|as|working)|used to work"
    r"|(?:ran|managed|supervised|headed|oversaw) (?:the|a|an|our|my)) ",
    # "我在…", "我加入…", and a workplace the candidate worked at, whatever the verb was heard as
    # ("我[在→带]一家物流公司的计划部工作").
    "zh": r"我(?:那时候?|当时|之前|以前|刚)?(?:在|去了?一家|加入|进了?一家)"
    r"|我[^，,。]{0,4}?一(?:家|个)[^，,。了]{0,14}?(?:工作|上班|实习)",
}
# A Mandarin clause opening on what the candidate thinks ("我觉得光靠嘴说没用，得…"): an opinion, not a step.
OPINION_OPENING_ZH = r"^[那所以其实嗯，,\s]*我(?:个人)?(?:觉得|认为|感觉|想(?![到起出了办法]))"
# ... unless the clause goes on to what was done about it ("我觉得是货架太乱，就带着司机…").
OPINION_THEN_ACTS_ZH = r"[，,]\s*(?:我)?(?:就|于是|所以|然后|便|马上|立刻|赶紧)"
# Degree words and verdicts that make a Mandarin clause a description of oneself, unless something is done.
ZH_TRAIT_WORDS = ["很有", "很会", "很擅长", "很好", "很强", "挺", "比较", "还行", "还可以", "还算", "不错"]
# Verbs that open set phrases jieba tags as idioms rather than verbs ("打电话", "发短信", "开夜车").
ZH_VERB_HEADS = "打发开找做写跑查问看谈聊送买拿带搬改修换排派请"
# A Mandarin clause opening on 把/将 (after a connective) acts on something; its doer is the last one named.
ZH_DISPOSAL_OPENING = r"^[，,\s]*(?:然后|接着|再|又|就|还|并且|而且|于是)?[，,\s]*(?:把|将(?!来|近|要|会))"
# So is one opening on a causative with no subject ("让车先跑最远的店", "专门让一个人五点半就到").
ZH_CAUSATIVE_OPENING = r"^[，,\s]*(?:然后|接着|再|又|就|还|并且|而且|于是|专门|特意)?[，,\s]*(?:让|叫)(?!我)"
# Result cues that are outcomes only with what follows: "went from forty to five", not "went from the pile".
# A change of level is an outcome when something changes, not when the speaker moves ("I went down to the
# gate", "we dropped by the depot", "I stopped at the desk").
# The candidate or their team as the subject: who acts, in every check that asks (a level changing or the
# speaker moving, the speaker stopping something, a clause that opens with someone acting).
SPEAKER = {"en": ("i", "we"), "zh": ("我们", "咱们", "我")}
_NOT_MOVING = "".join(rf"(?<! {who})" for who in SPEAKER["en"])
_NOT_SPEAKER_ZH = "".join(rf"(?<!{who}{then})" for who in SPEAKER["zh"] for then in ("", "就", "也", "都"))
RESULT_NEEDS = {
    "went from": r"\bwent from\b.+\bto\b",
    **{
        cue: _NOT_MOVING + rf" {cue} "
        for cue in ("went down", "went up", "dropped", "fell", "rose", "stopped")
    },
    # Done ahead of time by an amount ("shipped two weeks early"), not when someone turned up ("came in
    # early", "got up early") nor the candidate doing something early ("opened the shower block early").
    "early": r"^(?!.*\b(?:came|come|comes|got|get|gets|arrived|arrive|started|start|woke|wake|left|leave"
    r"|in|up|off) (?:\w+ )?early\b).*\b(?:minutes?|hours?|days?|weeks?|months?|years?|time) early\b",
    # Where things ended ("two of the students ended up doing the breakfast show"), not where the
    # candidate did ("I ended up ringing him").
    # "what we ended up doing was…" announces what was done.
    "ended up": r"(?<! i)(?<!what we) ended up (?!doing|going with|trying|deciding)",
    # A state later on ("by the end of that year we had thirty-odd people"), not a deadline ("by the end
    # of the week I had to…").
    "by the end of": r"\bby the end of (?:the|that|this|next|our|my) \w+ (?:\w+ ){1,3}"
    r"(?:had|was|were)\b(?! to)",
    # Something stopped happening, not the candidate stopping doing it ("我就不再给他派单了").
    **{cue: _NOT_SPEAKER_ZH + cue for cue in ("不再", "没再", "再也没")},
    # "In the end" of what happened ("最后客户续了约"), not the candidate finally doing ("我最后决定…").
    **{cue: _NOT_SPEAKER_ZH + cue for cue in ("最后", "最终")},
    # The trouble went away ("投诉基本上就没有了"), not "没有了解" (did not learn).
    **{cue: _NOT_SPEAKER_ZH + cue + "(?!解)" for cue in ("没有了", "没了")},
    **{cue: _NOT_SPEAKER_ZH + cue for cue in ("再没",)},
    # After that it stopped ("那个月以后就再没接到过投诉"; 再 often heard as 在),
    # not what is done from then on ("以后考试前一天必须试车").
    "以后": r"以后(?:就|都|也)?(?:再|在)?也?没",
    # Nothing went wrong ("第二天开展一点没耽误"), not the candidate not delaying.
    **{cue: _NOT_SPEAKER_ZH + cue for cue in ("没耽误", "没误事", "没出岔子")},
}
# Something stopped: an outcome when it happens to something, the method when it opens a clause after the
# candidate's action ("…导出来，不再手打").
STOPPED_DOING = {"en": ("no longer", "no more"), "zh": ("不再", "没再", "再也没")}
# Words with 了 that do not mark a completed action.
ZH_NOT_PERFECTIVE = {
    "了解",
    "了解到",
    "为了",
    "除了",
    "了不起",
    "不了",
    "说白了",
    "算了",
    "对了",
    "好了",
    "罢了",
}
# The candidate's modal a few words after 我 ("我第一反应大概会…", "我这时候肯定能…"): what would be done.
# Not 没能 (did not manage to), nor 会 in a word (开会, 学会, 机会, 会议).
_NOT_A_WORD_WITH_HUI = "(?!议|员|场|计|谈|上|儿|面|合)"  # 会议, 会员, 会上, 一会儿…: not the modal
ZH_MODAL_AFTER_ME = (
    r"我(?!们)[^，,。？！?!了过没]{0,6}?"
    r"(?<![开学聚约体误机社理领])(?:会|将(?!近)|能够?)" + _NOT_A_WORD_WITH_HUI
)
# A clause that opens on 会 with no subject goes on in the candidate's would ("按我的习惯，会先问问客户"),
# not 会议/会上/开会 (a meeting) nor 一会儿.
ZH_MODAL_OPENING = r"(?:^|[，,：:])\s*(?:就|也|还|都|一般|肯定)?会" + _NOT_A_WORD_WITH_HUI
FILLERS = {
    "en": ["um", "uh", "er", "hmm", "you know", "like"],
    "zh": ["嗯", "呃", "那个", "就是说", "然后然后"],
}
VAGUE = {
    "en": [
        "many",
        "a lot",
        "very hard",
        "great job",
        "everybody was happy",
        "some",
        "things",
        "stuff",
        "good",
        "or something",
        "kind of",
        "sort of",
        "i guess",
        "i don't remember",
        "i can't remember",
        "more like",
        "not really",
    ],
    "zh": [
        "很多",
        "很好",
        "非常努力",
        "大家都很满意",
        "一些",
        "挺好",
        "好像",
        "记不太清",
        "也不算",
        "之类的",
        "差不多",
    ],
}
STOPWORDS = {
    "with",
    "about",
    "that",
    "this",
    "your",
    "what",
    "when",
    "where",
    "which",
    "there",
    "their",
    "them",
    "then",
    "have",
    "were",
    "from",
    "into",
    "time",
    "tell",
    "describe",
    "would",
    "could",
    "should",
    "they",
    "been",
    "some",
    "very",
    "just",
    "also",
    "because",
    "how",
    "did",
    "you",
    "and",
    "the",
    "一次",
    "什么",
    "怎么",
    "如何",
    "为什么",
    "你们",
    "我们",
    "经历",
    "请描述",
    "描述",
    "一个",
    "时候",
}
STATIVE_ZH = {
    "觉得",
    "认为",
    "想",
    "喜欢",
    "希望",
    "是",
    "有",
    "要",
    "会",
    "能",
    "可以",
    "需要",
    "知道",
    "相信",
    "跟",
    "感觉",
    "没",
    "没有",
    "遇到",
    "碰到",
    "遇见",
    "过",
    "记",  # remembering is not acting: "我记不太清了", "我忘了"
    "记得",
    "忘",
    "忘记",
    "印象",
}
