"""Answer scripts for the fourth held-out corpus: new sentence pools per STAR part, English and Mandarin.

Written apart from the turn-taking and follow-up rules (without reading them) and apart from the three other
corpora (tests/data/corpus/scripts.py, tests/data/corpus_fresh/scripts_fresh.py,
tests/data/corpus_third/scripts_third.py): other industries (hospital outpatient admin, airline customer
service, a mine, fashion retail, a university office, a lettings agency, broadband field engineers, a
sports club, a museum, a food bank charity, a car workshop, a biotech lab, e-commerce operations), other
wording, spoken the way candidates talk (fillers, restarts, asides, long run-on sentences, sentences that
start with "So", "And", "But", "Because", a clause that trails off before a thinking pause).

The pools have the same keys and the plans the same shape as scripts_fresh.py and scripts_third.py; the
answer kinds, their expected follow-up and the way a story is put together come from scripts.py, the plans
and the order of kinds from scripts_fresh.scripted, so that all four corpora mean the same thing by
"complete", "no_result", "we_only", "hypothetical", "too_short" and "plan".

This set's own variety is in the wording: results given as numbers, in a customer's words, as a promotion,
as a metric in words; hypotheticals phrased several ways ("I'd say I'd...", "the way I'd handle it...",
"要我说的话我会...", "我个人会倾向于..."); the team named several ways (the crew, my unit, the lads,
我们这边, 组里的人, 同事们); and too_short mixing one-liners, evasive 15-30 word non-answers and answers
that only describe oneself.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "corpus"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "corpus_fresh"))
from scripts_fresh import _plan_sentences, scripted  # noqa: E402

PLANS_EN: list[dict[str, Any]] = [
    {
        "question": "Say you're on an airline's customer service desk, a storm grounds every evening flight, "
        "and you've got a queue of angry passengers out the door. What would you do?",
        "steps": [
            "Okay, so, first I'd get someone walking the queue and pulling out the people with connections "
            "or little kids, because they need sorting first.",
            "Then I'd check with operations what's actually flying tomorrow, um, before I promise anybody "
            "a seat.",
            "The way I'd handle the rest is hand out the hotel and meal vouchers at a separate desk, so the "
            "rebooking line keeps moving.",
            "And I'd put an update on the screens every half an hour, even if it's just, sorry, nothing new "
            "yet.",
        ],
        "closing": "Finally, once it's all calmed down, I'd write up which bits slowed us down, so the next "
        "storm isn't as bad.",
        "contingency": "If we run out of hotel rooms, I'd ask the duty manager about coaches to the next "
        "city or, you know, paying people back for booking their own.",
    },
    {
        "question": "Imagine you lead a patch of field engineers and you find out one of them keeps marking "
        "broadband installs as finished when the customer still has no connection. How would you deal with "
        "it?",
        "steps": [
            "Well, first I'd go and look at his last few jobs myself, just to be sure it's not a glitch in "
            "the system.",
            "Then I'd have a quiet one to one with him and ask what's going on, because, to be fair, it "
            "might be the targets pushing him.",
            "I'd say I'd get the customers who were affected booked in again that same week, with somebody "
            "else.",
            "And I'd ride along with him for a day or two to see where the job's actually going wrong.",
        ],
        "closing": "And finally I'd change the sign off, so a job only closes once the line test passes.",
        "contingency": "If it still happens after all that, I'd have to take it to human resources and start "
        "the formal process.",
    },
    {
        "question": "Let's say you're coordinating volunteers for a food bank and, the week before "
        "Christmas, half of them pull out. What would you do?",
        "steps": [
            "Right, first thing, I'd work out exactly which shifts are empty, because half the volunteers "
            "doesn't mean half the shifts.",
            "Then I'd phone the people who've helped before but aren't on the rota, students, retired folk, "
            "that kind of thing.",
            "I'd probably cut the opening hours a little, um, rather than leave somebody running a shift on "
            "their own.",
            "And I'd put a post on the local community pages asking for just one morning, because people "
            "say yes to one morning.",
        ],
        "closing": "Finally, in January, I'd sit down and build a proper backup list, so we're not in the "
        "same hole next year.",
        "contingency": "If we're still short, I'd ask the churches and the bigger employers nearby whether "
        "they could lend us a team for a day.",
    },
]

PLANS_ZH: list[dict[str, Any]] = [
    {
        "question": "假如你在航空公司柜台做客服，晚上突然来了雷暴，航班全部取消，"
        "排队的旅客一个比一个着急，你会怎么做？",
        "steps": [
            "嗯，首先我会安排一个人沿着队伍走一遍，把要转机的、带小孩的先挑出来，这些人得先处理。",
            "然后我会先跟运控那边确认，明天到底还有哪些航班有座位，不能随便答应人家。",
            "住宿和餐券呢，我会单独开一个柜台发，这样改签那条队就能一直往前走。",
            "我还会每半个小时在屏幕上更新一次，哪怕就是说暂时还没有新消息。",
        ],
        "closing": "最后，等旅客都安顿好了，我会把哪里卡住了记下来，下次再碰上这种天气就不会这么乱。",
        "contingency": "要是酒店房间不够了，我会请值班经理批一下，看能不能安排大巴去附近的城市，"
        "或者让旅客自己订，回头给报销。",
    },
    {
        "question": "假设你带着一个片区的装维师傅，发现其中有一个人老是提前把宽带装机单结掉，"
        "其实客户那边根本上不了网，你会怎么处理？",
        "steps": [
            "我首先会自己去把他最近几单看一看，先确认不是系统出的问题。",
            "然后我会私下单独找他聊聊，问问到底怎么回事，说不定是考核压得太紧了。",
            "受影响的那几户，我会在同一个礼拜安排别的师傅重新上门。",
            "我还会跟着他跑一两天，看看到底是哪个环节出的岔子。",
        ],
        "closing": "最后我会把结单的规矩改一下，线路测试不通过就结不了单。",
        "contingency": "要是这样以后他还是照旧，那我只能交给人事，走正式的流程了。",
    },
    {
        "question": "假如你在一个食物银行负责协调志愿者，过年前一个礼拜，"
        "一半的志愿者都说来不了了，你会怎么办？",
        "steps": [
            "要我说的话，第一步是先弄清楚到底哪几个班空了，走了一半的人，不等于一半的班都没人。",
            "然后我会给以前来帮过忙、但现在不在排班表上的人打电话，像大学生啊，退休的阿姨叔叔啊。",
            "我个人会倾向于把开门的时间缩短一点，也不要让一个人单独守一个班。",
            "再就是在小区群里发个消息，就请大家来帮一个上午，因为就一个上午的话，一般人都愿意。",
        ],
        "closing": "最后，过完年我会坐下来做一份后备名单，明年就不会再这么被动了。",
        "contingency": "如果还是不够，我就去问问附近的大单位，能不能派一组人来帮我们一天。",
    },
]

EN: dict[str, list[str]] = {
    "q_behavioural": [
        "Tell me about a time you had to give someone news they really didn't want to hear.",
        "Can you think of a time you had to clear up a mess somebody else left behind?",
        "Talk me through a time a customer or a member of the public was really upset with you.",
        "Give me an example of a time you got something done with next to no budget.",
        "Tell me about a time you changed the way something had always been done.",
        "Describe a time you had to keep a lot of different people happy at once.",
    ],
    "q_situational": [p["question"] for p in PLANS_EN],
    "situation": [
        "So, I was on the outpatients desk at a hospital, and, um, one in five patients were turning up for "
        "appointments that had already been moved.",
        "I worked on the phones for an airline, refunds mostly, and it was, well, to be fair, a mess, some "
        "requests were four months old.",
        "At the mine I was a maintenance planner, and the haul trucks kept going down with the same "
        "hydraulic fault, like, every couple of weeks.",
        "I was assistant manager at a clothing store in a shopping centre, and our online returns were "
        "running at nearly a third of what we sold.",
        "Because I was the only admin in the university's postgraduate office, every September enrolment "
        "basically landed on my desk.",
        "I was a lettings negotiator at an estate agent's, and tenants were waiting weeks for anyone to come "
        "out and fix a broken boiler.",
        "So I was a field engineer for a broadband company, and, uh, loads of installs failed on the first "
        "visit.",
        "I was the volunteer coordinator at our local rugby club and, honestly, we could barely find enough "
        "people to run the junior matches on a Sunday.",
        "At the museum I was in visitor services, and the new exhibition had queues right out the, the door.",
        "I was working for a small charity that runs a food bank, and the donations had more or less dried "
        "up after the winter appeal.",
        "Right, so, I was a service advisor at a car workshop, and customers kept coming back with the same "
        "fault.",
        "In the lab, this was a biotech start-up, we kept losing samples in the freezers.",
        "And then at the online shop I was in operations, and orders kept going out with the wrong size in "
        "the box, mostly during the sales.",
    ],
    "task": [
        "My line manager said, look, you're good with spreadsheets, see what you can do.",
        "Nobody really owned it, so, um, I said I'd give it a go.",
        "But the regional director wanted it fixed before the inspection, which was about six weeks away.",
        "And because I'd complained about it the loudest, it sort of became my job.",
        "The club chairman basically asked me, can you keep this going without it costing us anything.",
        "So the brief was pretty simple, get the numbers down and don't upset the customers while you're "
        "at it.",
    ],
    "action_i": [
        "I went through a month of cancelled appointments and found the reminders went out before the new "
        "date was booked.",
        "I rang the oldest refund cases myself, one by one, starting from the, the ones that had been "
        "waiting the longest.",
        "I sat down with the fitters on nights and, um, got them to talk me through every single breakdown "
        "from the last quarter.",
        "I read through about three hundred return notes and noticed most of them said the jeans came up "
        "small.",
        "I built a little checklist for each course, what documents, what deadline, who signs it, and sent "
        "it out in July instead of September.",
        "I called every contractor on our list and I, I dropped the ones who wouldn't commit to coming out "
        "within two days.",
        "Before every job I phoned the customer the day before and asked where the line actually came into "
        "the house.",
        "I set up a shared calendar for the junior matches and went round the parents on the touchline, "
        "asking each for one Sunday a month.",
        "I timed the queue myself for a few days, and then I, um, I split the ticket checks so people who'd "
        "booked ahead had their own door.",
        "I wrote to every supermarket manager in town, and went in person to the three biggest with a list "
        "of what we were short of.",
        "I started test driving every car myself after the repair, even just round the block, before I "
        "handed the keys back.",
        "I labelled every freezer rack with a code and moved the sample list out of, like, four notebooks "
        "into one spreadsheet.",
        "I pulled the orders that went wrong and, uh, found most came off two shelves where the sizes sat "
        "right next to each other.",
    ],
    "action_we": [
        "So the crew all got together on a Friday afternoon and, um, we went through it as a group.",
        "My unit just sort of divided up the list and everyone took a chunk.",
        "The lads on the shift agreed to try it a different way for a month, and we did.",
        "We brought it up at the team huddle and, uh, everybody chipped in with ideas.",
        "Basically the whole department pulled together and we cleared it over a couple of weekends.",
        "And the committee voted on it and we all went along with whatever they decided.",
        "We got the supplier in, and the team went through the whole process with them, step by step.",
    ],
    "result": [
        "And in the end missed appointments went from about one in five to one in twenty.",
        "By the end of it we had no refund older than two weeks, which, honestly, had never happened before.",
        "One of the passengers actually wrote in and said, and I remember this, you're the first person "
        "who's ever called me back.",
        "Breakdowns on those trucks roughly halved over the next six months, and the mine manager mentioned "
        "it at the quarterly briefing.",
        "Returns on the denim fell by nearly half, and the area manager asked me to show the other stores "
        "how we'd done it.",
        "Enrolment that year took about half the time, and not a single student started term without a card.",
        "Six months later I got promoted to lettings manager, and my boss told me that was a big part of it.",
        "First time fixes went up from, what was it, about sixty percent to just over eighty five.",
        "We didn't cancel a single junior match all season, and we'd cancelled four the year before.",
        "The wait came down to a few minutes, and the director stopped getting complaint emails about it.",
        "Comebacks for the same fault pretty much stopped, and one regular told the manager, you lot "
        "actually listen now.",
        "We never lost another sample after that, not one, in the whole year I was still there.",
        "Wrong size orders in the sale went from a couple of hundred a week to a handful.",
    ],
    "lesson": [
        "I suppose what I learned is, you can't fix something you haven't actually counted.",
        "And I think the big lesson was, people will help if you ask them for something small and specific.",
        "What stuck with me is that the customer usually knows exactly what went wrong, you just have to "
        "ask.",
        "So, yeah, for me it was, don't assume the system is right just because it's the system.",
        "Because honestly, the thing I took from it is that one phone call beats ten emails, every time.",
    ],
    "hypothetical": [
        "I'd say I'd start by finding out who's affected and how badly, before doing anything else.",
        "The way I'd handle it is, um, get everyone on one call and agree who does what.",
        "Personally I'd lean towards fixing the quickest thing first, just to buy a bit of time.",
        "If something like that came up, I'd want to speak to the customer directly, not hide behind email.",
        "And I'd probably write it all down as I go, so there's a record if it happens again.",
        "I'd like to think I'd stay calm and, you know, not make promises I couldn't keep.",
        "My instinct would be to ask someone who's been there longer how they'd go about it.",
        "But I'd also check back after a few weeks, just to make sure it hadn't crept back in.",
    ],
    "plan": _plan_sentences(PLANS_EN),
    "short": [
        "Yeah, I've had loads of those, it's fine.",
        "Hmm, not that I can think of, no.",
        "I'm a people person, so that's never really a problem for me.",
        "I just get on with it, to be honest.",
        "Well, I mean, in my line of work that sort of thing comes up all the time, and you just have to, "
        "you know, roll with it and keep smiling.",
        "To be fair, I think it's more about attitude than anything, and I've always had a good attitude, so "
        "I handle that kind of thing pretty well.",
        "I'm very calm by nature, nothing really fazes me.",
        "It's hard to say, every day's different, but I always give a hundred and ten percent and make sure "
        "the customer leaves happy.",
        "Um, I'd have to think about that one.",
        "I'm a bit of a perfectionist, so mistakes like that don't really happen with me.",
    ],
    "filler": ["so, um,", "well, to be fair,", "honestly,", "and, uh,", "right, um,"],
    "trailing": [
        "So what I did, and this took a while, was, um,",
        "But then I, I sort of, uh,",
        "And because nobody else was going to, I just went and",
        "So I got hold of the, um, the",
    ],
    "trailing_we": [
        "So the crew, um, we sort of",
        "And then my unit, uh, we all just",
        "But the lads, well, we kind of, um,",
    ],
}

ZH: dict[str, list[str]] = {
    "q_behavioural": [
        "讲一次你得给别人带去坏消息的经历吧。",
        "有没有哪次是你去收拾别人留下的烂摊子？说说看。",
        "说一次客户或者来办事的人冲你发火的经历。",
        "举个例子，讲讲你在几乎没有预算的情况下把事情办成的经历。",
        "说说你改掉一个一直以来的老做法的经历。",
        "讲一次你要同时照顾好好几方面、让大家都满意的经历。",
    ],
    "q_situational": [p["question"] for p in PLANS_ZH],
    "situation": [
        "我之前在一家医院的门诊办公室，就是管预约这块的，那时候好多病人来了才发现号早就被改期了。",
        "我在航空公司做过客服，主要是处理退票退款，那时候积压的单子，说白了，有的都拖了四个多月了。",
        "然后我在矿上是做设备维修计划的，那些矿卡呢，隔两个礼拜就出一次同样的液压故障。",
        "我在商场一家服装店当副店长，网店那边退货特别多，差不多卖三件就退一件。",
        "我在大学研究生院的办公室，其实就我一个行政，每年九月新生报到，全压在我这儿。",
        "我以前在房产中介做租赁，租客报修，比如热水器坏了，经常要等好几个星期才有人上门。",
        "我在运营商做过装维，就是装宽带的，好多单子第一次去根本装不上。",
        "我在一个业余足球俱乐部帮忙管志愿者，周末的少儿比赛老是凑不齐人。",
        "我在博物馆做游客服务，那年新展一开，队排到了门外。",
        "我在一个做食物银行的公益机构待过，冬季募捐一结束，捐赠就，就基本断了。",
        "我之前在汽车修理厂做接待，好多车修完没几天又开回来了，还是老毛病。",
        "我在一家生物科技公司的实验室，冰箱里的样本老是找不着。",
        "后来我去了一家电商公司做运营，一到大促，发出去的衣服尺码就老是错。",
    ],
    "task": [
        "我们主任就说，你表格弄得好，你看看能不能想点办法。",
        "其实这事没人管，那我就说，我先试试吧。",
        "但是区域总监要求检查之前必须搞定，差不多也就六个礼拜。",
        "因为抱怨得最多的就是我，后来这活儿就，就成了我的。",
        "俱乐部主席就问我，能不能一分钱不花把这事撑下去。",
        "领导的意思很简单，说白了，就是数字要降下来，客户还不能得罪。",
    ],
    "action_i": [
        "我把一个月里取消的预约都翻了一遍，发现提醒短信在新时间定下来之前就发出去了。",
        "我自己挨个给最老的那批退款单打电话，从等得最久的开始打。",
        "我跟夜班的维修师傅坐下来，然后让他们把上个季度每一次趴窝都跟我讲了一遍。",
        "我把三百来张退货单一张一张看完，发现大部分都写着牛仔裤偏小。",
        "我给每个专业做了一张清单，要交什么材料，截止到哪天，找谁签字，七月就发给学生了，不等到九月。",
        "我把合作的维修师傅挨个打了一遍电话，两天之内上不了门的，我就不再给他派单了。",
        "每次上门之前，我都提前一天给客户打电话，问清楚入户的线到底是从哪儿进来的。",
        "我做了一个共享日历，然后在场边一个一个去找家长，每人一个月只要来一个周日就行。",
        "我自己掐表看了几天排队，然后，嗯，我把验票分开了，提前预约的走另外一个门。",
        "我给城里每家超市的店长都写了信，最大的那三家我还亲自跑过去，带着一张缺货清单。",
        "修完的车我都亲自试一圈，哪怕就绕着厂子开一圈，然后再把钥匙交给客户。",
        "我给冰箱里每个架子都编了号，然后把散在四个本子里的样本记录全搬到了一张表格里。",
        "我把发错的订单调出来，嗯，发现基本都是从那两个货架出去的，那两个货架上不同尺码挨着放。",
    ],
    "action_we": [
        "我们这边就开了个会，嗯，大家一起捋了一遍。",
        "组里的人把名单分了分，一人领一块。",
        "同事们商量好先换个做法试一个月，然后就这么干了。",
        "后来整个部门一起加了几个周末的班，把积压的都清掉了。",
        "委员会投票定了个方案，大家就照着那个执行。",
        "我们把供应商请了过来，团队跟着他们把流程从头到尾过了一遍。",
        "反正就是大家一起想办法，这个出一个主意，那个出一个主意。",
    ],
    "result": [
        "最后爽约的病人从五个里面有一个，降到了二十个里面才有一个。",
        "到后来，超过两个礼拜的退款单一张都没有了，这个以前想都不敢想。",
        "有个乘客还专门打电话来，说，你是第一个主动给我回电话的人，这句话我到现在都记得。",
        "那几台矿卡的故障，后面半年差不多少了一半，矿长还在季度会上专门提了。",
        "牛仔裤的退货少了将近一半，区域经理还让我去别的店讲讲是怎么做的。",
        "那年报到的时间缩短了一半，没有一个学生开学了还拿不到校园卡。",
        "半年以后我就升了租赁主管，老板说这件事占了很大一部分原因。",
        "一次装通的比例从六成左右涨到了八成五以上。",
        "从那以后一整个赛季，少儿比赛一场都没取消过，前一年可是取消了四场。",
        "排队基本上几分钟就能进去了，馆长那边也再没收到过投诉。",
        "同一个毛病返修的基本没有了，有个老客户跟我们经理说，你们现在是真的听人说话了。",
        "从那以后样本再也没丢过，我在那儿的那一年一个都没丢。",
        "大促的时候发错尺码的，从一个礼拜两百来单降到了个位数。",
    ],
    "lesson": [
        "我觉得最大的体会就是，没数清楚的东西，你是没法改的。",
        "后来我就明白了，找人帮忙的时候，事情说得越小越具体，人家越愿意帮。",
        "其实客户往往最清楚问题出在哪儿，你得去问。",
        "说白了就是，系统里写的不一定就是对的。",
        "反正从那以后我就信一条，一个电话顶十封邮件。",
    ],
    "hypothetical": [
        "要我说的话，我会先搞清楚影响到了哪些人，影响有多大，然后再动手。",
        "我个人会倾向于先把最快能解决的那一块处理掉，先争取点时间。",
        "我的做法应该是，嗯，把相关的人拉到一个电话里，把谁干什么说清楚。",
        "碰到这种情况，我肯定会直接跟客户通话，而不是躲在邮件后面。",
        "然后我可能会边做边记下来，万一以后再出事，也有据可查。",
        "我希望自己能沉得住气，就是，不乱给人家承诺。",
        "我第一反应大概会是去请教一下待得久的老同事，看他们会怎么弄。",
        "过几个礼拜我还会回头看一看，确认问题没有又冒出来。",
    ],
    "plan": _plan_sentences(PLANS_ZH),
    "short": [
        "这种事挺常见的，没什么。",
        "嗯，好像没有吧。",
        "我这个人比较随和，一般不会跟人起冲突。",
        "反正我就是踏踏实实干活。",
        "其实吧，干我们这行，这种事天天都有，你就得，怎么说呢，想开一点，笑一笑也就过去了。",
        "说白了，我觉得主要还是看态度，我态度一直挺端正的，所以这类事情我处理起来都还可以。",
        "我性格比较稳，什么事都慌不起来。",
        "这个不好说，每天情况都不一样，但我一直都是尽心尽力，让客户满意地走。",
        "呃，这个我得想一想。",
        "我做事比较追求完美，所以这种错一般不会出在我身上。",
    ],
    "filler": ["嗯，其实，", "然后呢，", "说白了，", "反正，嗯，", "怎么讲，就是，"],
    "trailing": [
        "然后我就，嗯，我就想先",
        "所以我，其实我当时是，",
        "后来呢，我干脆就去找了",
        "反正我就，那个，",
    ],
    "trailing_we": ["然后组里的人就，嗯，", "我们这边当时就，那个，想着先", "后来同事们就，呃，"],
}


def answers(language: str, seed: int, count: int = 20) -> list[dict[str, Any]]:
    """`count` answer scripts, the six kinds in turn, ids "fourth_..." (as scripts_fresh.scripted)."""
    pool, plans = (EN, PLANS_EN) if language == "en" else (ZH, PLANS_ZH)
    return scripted(language, seed, count, pool, plans, "fourth")
