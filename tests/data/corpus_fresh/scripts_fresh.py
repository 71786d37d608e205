"""Answer scripts for the fresh held-out corpus: new sentence pools per STAR part, English and Mandarin.

Written apart from the tuning pools (tests/data/corpus/scripts.py) and the shared clips (tests/data/media):
other industries (retail, teaching, manufacturing, banking, nursing, software, delivery, call centres,
hotels), other wording, spoken the way candidates talk (fillers, restarts, run-on sentences, a clause that
trails off before a thinking pause). The pools have the same keys as scripts.py; the answer kinds, their
expected follow-up and the way a story is put together are imported from scripts.py so that both corpora
mean the same thing by "complete", "no_result", "we_only", "hypothetical", "too_short" and "plan".

Plans differ from scripts.py in one way: each situational question has its own steps (PLANS_EN, PLANS_ZH),
and a plan has 3 to 5 steps ending either on a closing "finally / 最后", on a contingency ("if that
doesn't work..."), or on a plain step. `plan` in the pools lists every plan sentence, for the same keys.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "corpus"))
from scripts import EXPECT, KINDS, _answer, _gap, _part  # noqa: E402

PLANS_EN: list[dict[str, Any]] = [
    {
        "question": "Say you start as a shift lead and the warehouse misses its shipping target every week. "
        "What would you do?",
        "steps": [
            "Okay so, first I would spend a couple of days on the floor, just watching where the parcels "
            "actually sit and wait.",
            "Then I'd pull the numbers for the last month and, um, see at which hour of the shift we start "
            "falling behind.",
            "After that I'd sit down with the pickers and ask them what slows them down, because honestly "
            "they usually know.",
            "And then I would change one thing at a time, like moving the packing bench closer to the dock, "
            "and measure it for a week.",
        ],
        "closing": "Finally, I'd go back to my manager with what worked and what didn't.",
        "contingency": "If that doesn't move the numbers, I would ask for one extra person on the evening "
        "shift for a month and compare.",
    },
    {
        "question": "Imagine a parent writes to the head teacher complaining about how you marked their "
        "child's work. How would you handle it?",
        "steps": [
            "First I would answer the same day and offer to meet, so they don't feel ignored.",
            "Before the meeting I'd go over the marking again and, uh, ask a colleague to mark the same "
            "piece blind.",
            "In the meeting I would mostly listen at the start, and then walk them through exactly how the "
            "grade was worked out.",
            "Then I'd agree with them on one or two things we both keep an eye on over the next few weeks.",
        ],
        "closing": "And finally I'd send the head teacher a short note so everyone has the same picture.",
        "contingency": "If the parent still isn't happy, I would suggest that another teacher marks the work "
        "independently.",
    },
    {
        "question": "Suppose you find out that a monthly report your team sends to clients has had a wrong "
        "figure in it for three months. What would you do?",
        "steps": [
            "Well, the first thing I'd do is work out how wrong it is and which clients got it.",
            "Then I'd tell my manager straight away, before anyone outside the company spots it.",
            "Next I would correct the calculation and have someone else, um, check it from scratch.",
            "Then we'd send the clients a corrected version with a short and honest explanation.",
        ],
        "closing": "Finally, I'd add a step to the process so that figure is compared against the source "
        "every month.",
        "contingency": "And if a client already made decisions based on the wrong number, I'd set up a call "
        "with them and our account manager.",
    },
]

PLANS_ZH: list[dict[str, Any]] = [
    {
        "question": "假如你刚当上仓库的班组长，发现每周的发货量都达不到指标，你会怎么做？",
        "steps": [
            "嗯，首先我会在现场待两三天，看看货到底是在哪个环节压着的。",
            "然后我会把上个月的数据调出来，看看每天是从哪个时段开始落后的。",
            "接下来我会找拣货的师傅们聊一聊，问问他们觉得什么最耽误时间，因为他们心里最清楚。",
            "然后我一次只改一个地方，比如把打包台挪得离装车口近一点，先试一个星期看看。",
        ],
        "closing": "最后，我会把哪些有用、哪些没用整理一下，跟主管汇报。",
        "contingency": "如果这样还是不行，我会申请晚班临时加一个人，干一个月，对比一下前后的数字。",
    },
    {
        "question": "假如有家长向校长投诉，说你给孩子的作业打分不公平，你会怎么处理？",
        "steps": [
            "首先我会当天就回复家长，约个时间当面聊，不让人家觉得被晾在一边。",
            "见面之前，我会把那份作业重新看一遍，再请另一位老师在不知道分数的情况下也打一次分。",
            "见面的时候我先听家长说，然后把这个分数是怎么来的一条一条讲清楚。",
            "然后我们可以商量一两个接下来几周大家一起关注的地方。",
        ],
        "closing": "最后我会给校长写个简短的说明，让大家掌握的情况是一样的。",
        "contingency": "要是家长还是不满意，我会建议请另一位老师单独再评一次。",
    },
    {
        "question": "假设你发现团队每个月发给客户的报表里，有个数字已经连续三个月算错了，你会怎么办？",
        "steps": [
            "我第一步会先搞清楚错得有多严重，都有哪些客户收到了。",
            "然后马上告诉我的领导，别等到公司外面的人先发现。",
            "接着我会把算法改过来，再请一个同事，嗯，从头到尾独立核对一遍。",
            "然后给客户发一份更正过的报表，附上一段简短、坦诚的说明。",
        ],
        "closing": "最后，我会在流程里加一道检查，每个月都跟原始数据对一遍。",
        "contingency": "如果有客户已经按错误的数字做了决定，我会约上他们和我们的客户经理一起开个电话会。",
    },
]


def _plan_sentences(plans: list[dict[str, Any]]) -> list[str]:
    return [s for p in plans for s in [*p["steps"], p["contingency"], p["closing"]]]


EN: dict[str, list[str]] = {
    "q_behavioural": [
        "Tell me about a time you had to change a plan at the last minute.",
        "Describe a time you had to win over someone who disagreed with you.",
        "Tell me about a time you spotted a problem nobody else had noticed.",
        "Give me an example of when you had to learn something new very quickly.",
        "Tell me about a time you had to juggle several urgent things at once.",
        "Describe a time you made a process cheaper or faster.",
    ],
    "q_situational": [p["question"] for p in PLANS_EN],
    "situation": [
        "So, um, about a year ago I was working in a big retail store, in the electronics department.",
        "When I was teaching year nine maths, about half the class was failing the end of unit tests.",
        "At the factory one of the packaging lines kept stopping, like, five or six times a shift.",
        "In my last job at a bank we had, we had a reconciliation that never matched at month end.",
        "I was a ward nurse at the time and the handover between shifts was taking almost an hour.",
        "Our software team was, uh, shipping once a month and every release broke something.",
        "Three years ago I joined a small delivery firm where routes were still planned on paper.",
        "At the call centre the same people kept calling about the same bills.",
        "I was running the front desk of a hotel and online bookings kept ending up double booked.",
    ],
    "task": [
        "And it was basically on me to sort it out, because I was the one who knew that line.",
        "My boss gave me, I think it was six weeks, to come up with something.",
        "I had to find a way to fix it without stopping the daily work.",
        "The head of department asked me to look into it and, um, suggest a change.",
        "So I volunteered to take it on, since nobody else really wanted it.",
    ],
    "action_i": [
        "I started writing down every stop, the time and the reason, on a sheet next to the machine.",
        "I sat with each of the night nurses and, and timed which parts of the handover took the longest.",
        "I rewrote the handover form so it fit on one page, and I tried it myself for a week first.",
        "I went through the bookings by hand and compared them with what the website was showing.",
        "I built a little spreadsheet that flagged any account that didn't agree, and every morning I went "
        "through those one by one.",
        "I grouped the students by the topics they kept getting wrong and gave each group its own short "
        "exercises.",
        "I talked to the drivers one at a time and, uh, drew the routes they really drove on a map.",
        "I set up a test environment and ran each release there two days early to catch what would break.",
        "I pulled the bills of the people who called most and read them line by line to see what was "
        "confusing.",
    ],
    "action_we": [
        "We all got together and, um, talked about what was going wrong.",
        "The whole team agreed to try a new rota and we stuck with it.",
        "We brought in a consultant and the team followed their recommendations.",
        "Our department ran a few workshops where everyone shared ideas.",
        "So we, we just kept at it as a group and tried different things until something worked.",
        "The team rewrote the procedure together and we all signed off on it.",
    ],
    "result": [
        "In the end the line stopped maybe once a shift instead of five times.",
        "By the end of term the number of students failing went from about half the class to four or five.",
        "Handover went down to about twenty minutes, and the night nurses were really happy about that.",
        "After that, month end matched for the first time in two years.",
        "Repeat calls fell by forty percent over the next quarter.",
        "After that the store manager used my layout for the other departments as well.",
        "Releases went out every two weeks after that, and, uh, complaints about things breaking pretty "
        "much stopped.",
        "Fuel costs came down by about twelve percent, and the drivers got home earlier.",
    ],
    "lesson": [
        "I think what I took from it is that the people doing the job usually already know the answer.",
        "The lesson for me was to measure first and, um, argue later.",
        "And honestly it taught me to try things small before rolling them out to everyone.",
        "Now I check who is actually going to use something before I build it.",
    ],
    "hypothetical": [
        "Honestly, I'd probably grab a coffee with whoever was upset and just hear them out.",
        "I'd want to look at the numbers before, you know, jumping to any fix.",
        "And I would keep my manager in the loop the whole time.",
        "I would probably write up a few options and let the team pick one.",
        "I suppose I'd also ask someone senior how they handled something similar.",
    ],
    "plan": _plan_sentences(PLANS_EN),
    "short": [
        "Yeah, I've done that lots of times, it went fine.",
        "I'm quite good with people, so it wasn't a problem.",
        "Honestly, I don't really remember the details, but it was fine.",
        "I'm very organised, so that doesn't really happen to me.",
    ],
    "filler": ["well, um,", "I mean,", "like,", "okay so, uh,"],
    "trailing": [
        "And so what I, what I did was, um,",
        "Then I kind of, uh, I went and",
        "So I thought, okay, maybe I should",
    ],
    "trailing_we": ["And so what we did was, um,", "Then we sort of, uh, we went and"],
}

ZH: dict[str, list[str]] = {
    "q_behavioural": [
        "请讲一次你临时不得不改变计划的经历。",
        "说一次你说服一个原本不同意你的人的经历。",
        "讲一次你发现了一个别人都没注意到的问题的经历。",
        "请举个例子，说说你是怎么在很短时间内学会一样新东西的。",
        "讲一次你同时要处理好几件急事的经历。",
        "请描述一次你让一个流程变得更省钱或者更快的经历。",
    ],
    "q_situational": [p["question"] for p in PLANS_ZH],
    "situation": [
        "嗯，大概一年前吧，我在一家大卖场的家电区上班。",
        "我那时候在初中教数学，班上差不多一半的学生单元测试都不及格。",
        "我以前在工厂上班，有一条包装线老是停，一个班要停五六次。",
        "我上一份工作是在银行，每到月底，那个，对账就是对不平。",
        "那时候我在病房当护士，交接班差不多要花一个小时。",
        "我们软件组那会儿一个月发一次版，基本上每次发版都会给客户弄出点问题。",
        "三年前我去了一家小的快递公司，司机的路线全是在纸上手工排的。",
        "在客服中心的时候，老有同一批人为同样的账单一遍一遍地打电话来问。",
    ],
    "task": [
        "这个事情基本上就落到我头上了，因为那条线我最熟。",
        "领导给了我，好像是六个星期吧，让我想个办法。",
        "我得在不耽误日常工作的情况下把它解决掉。",
        "教研组长让我去研究一下，然后，嗯，提个改进的方案。",
        "所以我就主动接下来了，反正别人也不太想管。",
    ],
    "action_i": [
        "我在机器旁边贴了张表，每停一次就把时间和原因记下来。",
        "我跟每个夜班护士都坐下来聊了，还掐着表看交接哪一块最费时间。",
        "我把交接单改成了一页纸，自己先用了一个星期试试。",
        "我做了一个小表格，哪个账户对不上就标出来，每天早上我一个一个去查。",
        "我按学生老是错的知识点把他们分了组，每组给一套短的练习。",
        "我挨个去找司机聊，嗯，把他们实际跑的路线画在地图上。",
        "我搭了一个测试环境，每次发版前两天先在那边跑一遍，看看哪里会出问题。",
        "我把打电话最多的那些人的账单调出来，一行一行地看，到底是哪里让人看不懂。",
    ],
    "action_we": [
        "我们大家坐在一起，嗯，聊了聊到底哪里出了问题。",
        "整个组商量好试一个新的排班，然后大家就一直按那个来。",
        "我们请了一个顾问，团队就按他的建议去做了。",
        "我们部门搞了几次讨论会，大家都说了说自己的想法。",
        "然后我们，我们就一起不停地试，换了好多种办法。",
    ],
    "result": [
        "后来那条线一个班基本上就停一次了，以前是五次。",
        "到学期末，单元测试不及格的从差不多半个班降到了四五个人。",
        "交接班缩短到二十分钟左右，夜班的护士都挺高兴的。",
        "那之后月底对账两年来第一次对平了。",
        "接下来三个月，重复来电少了百分之四十。",
        "后来店长把我这个摆法推广到了其他几个区。",
        "之后改成两个星期发一次版，客户那边说东西坏了的投诉，嗯，基本上就没有了。",
        "油费省了大概百分之十二，司机也能早点下班回家了。",
    ],
    "lesson": [
        "我觉得我最大的收获是，干活的人其实往往早就知道答案了。",
        "这件事让我明白，先拿数据说话，再去争论。",
        "说实话，它让我学会了新东西要先小范围试，再全面推开。",
        "现在我做东西之前，都会先问清楚到底是谁要用。",
    ],
    "hypothetical": [
        "说实话，我可能会先约那个不高兴的人喝杯咖啡，好好听他说说。",
        "我会先看看数据，而不是，就是，马上就去想怎么改。",
        "整个过程中我都会让领导随时知道进展。",
        "我可能会列几个方案出来，让大家挑一个。",
        "我想我还会去请教一下更有经验的同事，问问他们碰到类似的事是怎么办的。",
    ],
    "plan": _plan_sentences(PLANS_ZH),
    "short": [
        "嗯，这种事我经常遇到，都挺顺利的。",
        "我跟人打交道还行，所以没什么问题。",
        "说实话细节我记不太清了，反正挺好的。",
        "我做事很有条理，一般不会出这种事。",
    ],
    "filler": ["呃，", "怎么说呢，", "其实吧，", "嗯，就是说，"],
    "trailing": ["所以我，我就想，嗯，要不先", "于是我就，呃，我就跑去", "我当时第一反应是，怎么说呢，"],
    "trailing_we": ["我们当时就，嗯，想着先", "于是我们就，呃，跑去"],
}

# How a plan ends, in turn: a closing "finally / 最后"; a contingency (maybe then the closing); a plain step.
ENDINGS = ["closing", "contingency", "plain"]


def _plan(plans: list[dict[str, Any]], rng: random.Random, k: int) -> tuple[str, list[dict[str, Any]]]:
    """The k-th plan answer: 3 to 5 steps, a thinking pause after the second."""
    p = plans[k % len(plans)]
    ending = ENDINGS[k % len(ENDINGS)]
    extra = {"closing": [p["closing"]], "plain": []}.get(ending)
    if extra is None:
        extra = [p["contingency"], p["closing"]] if rng.random() < 0.5 else [p["contingency"]]
    body = p["steps"][: min(max(rng.randint(2, 4), 3 - len(extra)), 5 - len(extra))]
    parts = [_part(s, _gap(rng)) for s in body + extra]
    parts[1]["pause_after"], parts[1]["pause_kind"] = round(rng.uniform(1.5, 3.0), 2), "thinking_complete"
    parts[-1]["pause_after"] = None
    return p["question"], parts


def scripted(
    language: str,
    seed: int,
    count: int,
    pool: dict[str, list[str]],
    plans: list[dict[str, Any]],
    prefix: str,
) -> list[dict[str, Any]]:
    """`count` answer scripts from these pools and plans, the six kinds in turn, ids `prefix_language_kind_k`.

    Shared by the held-out sets whose pools have this file's shape (e.g. tests/data/corpus_third).
    """
    rng = random.Random(seed)
    out = []
    for n in range(count):
        kind = KINDS[n % len(KINDS)]
        k = n // len(KINDS)
        question, parts = _plan(plans, rng, k) if kind == "plan" else _answer(pool, rng, kind)
        reason = EXPECT[kind]
        out.append(
            {
                "id": f"{prefix}_{language}_{kind}_{k + 1}",
                "language": language,
                "question": question,
                "question_kind": "situational" if kind == "plan" else "behavioural",
                "kind_of_answer": kind,
                "parts": parts,
                "expect": {"follow_up": reason is not None, "follow_up_reason": reason},
            }
        )
    return out


def answers(language: str, seed: int, count: int = 20) -> list[dict[str, Any]]:
    """`count` answer scripts, the six kinds in turn, with their expected follow-up (as scripts.answers)."""
    pool, plans = (EN, PLANS_EN) if language == "en" else (ZH, PLANS_ZH)
    return scripted(language, seed, count, pool, plans, "fresh")
