"""Answer scripts for the eighth held-out corpus: one workplace per story, English and Mandarin.

Written apart from the turn-taking and follow-up rules (without reading them) and apart from the seven other
corpora (tests/data/corpus/scripts.py, tests/data/corpus_fresh/scripts_fresh.py,
tests/data/corpus_third/scripts_third.py, tests/data/corpus_fourth/scripts_fourth.py,
tests/data/corpus_fifth/scripts_fifth.py, tests/data/corpus_sixth/scripts_sixth.py,
tests/data/corpus_seventh/scripts_seventh.py): other workplaces.
English: a car ferry operator, a commercial laundry, a tree surgery firm, a community radio station, a pest
control company, a holiday park, a plant hire depot, an ice rink, a mobile blood donation team, a canal boat
hire base, a sign-making workshop. Mandarin (written in Chinese, not translated): 菜鸟驿站, 汽车店售后,
幼儿园, 民宿, 健身房, 农机合作社, 地铁站务, 连锁干洗店, 婚纱影楼, 苹果园, 家装公司.
The plans: a fire alarm at a trampoline park during birthday parties, wind picking up at a hot-air balloon
launch, a storm warning on a Christmas market's busiest Saturday; 烧烤店周末夜里停电,
春运大雪客运站旅客滞留, 马拉松赛道上跑者晕倒.

The answer kinds, their expected follow-up and the way a story is put together come from
tests/data/corpus/scripts.py (through scripts_fresh), the plans and the order of kinds from scripts_fresh
(its `_plan`), and the telling of one story from scripts_seventh (its `_tell`: the situation, maybe the task,
a thinking pause after a whole sentence or after a clause that trails off, two of the candidate's actions in
the order they were done, for complete answers the result and sometimes a lesson, for some no_result answers
a long pause and one more action), so that all eight corpora mean the same thing by "complete",
"no_result", "we_only", "hypothetical", "too_short" and "plan".

As in the seventh set, each story (complete, no_result, we_only) is told by one candidate about one
workplace, with its own question. A complete story has a result (measured or qualitative, said plainly or in
passing: "that was the end of the late sailings, pretty much", "后来就再没出过这种事"); a no_result story has
the situation and the candidate's own actions and no outcome of any kind; a we_only story has only what
"we" (the team, 我们, 大伙儿) did and no outcome. The candidates speak differently from one another: long
run-on sentences joined by "and then" / 然后呢, very short sentences, hedges ("I think, I mean I can't
prove it", "怎么说呢"), restarts ("I, I", "我就，我就去"), self-corrections ("eleven, no sorry, nine",
"两成，不对"), trailing clauses ("and so on", "之类的"), numbers in words or digits in both languages.
Hypotheticals, too_short answers and lessons are shared pools; no two answers of a language repeat one of
their sentences.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "corpus"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "corpus_fresh"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "corpus_seventh"))
from scripts_fresh import EXPECT, KINDS, _answer, _plan, _plan_sentences  # noqa: E402
from scripts_seventh import _tell  # noqa: E402

STORY_KINDS = ("complete", "no_result", "we_only")
SHARED = ("short", "hypothetical", "lesson")  # pools that several answers draw from

PLANS_EN: list[dict[str, Any]] = [
    {
        "question": "Imagine you're the duty manager at a trampoline park, it's Saturday afternoon, there "
        "are three birthday parties in and the fire alarm goes off. What would you do?",
        "steps": [
            "Right, first the music goes off and the staff blow their whistles, so every jumper stops and "
            "comes off the trampolines.",
            "I'd get the party hosts to take their own groups out through the nearest exit and count heads "
            "at the assembly point against the party lists.",
            "Then I'd check the alarm panel, if it's safe to, to see which zone set it off, and I'd ring the "
            "fire service either way.",
            "And I'd make sure somebody's, um, standing at the front door to stop parents running back in "
            "for coats and bags.",
        ],
        "closing": "Afterwards I'd go through the head counts with the hosts and write down how long it took "
        "to clear the building.",
        "contingency": "If a child's missing from a count, I'd tell the fire crew the second they arrive and "
        "send two staff to sweep the toilets and the soft play.",
    },
    {
        "question": "Say you're the ground crew chief for a hot-air balloon company, the passengers are "
        "already in the field at dawn and the wind starts picking up. How would you handle it?",
        "steps": [
            "So, first off, I'd get a fresh forecast and talk to the pilot before anybody climbs into the "
            "basket.",
            "I'd keep the passengers back by the trailer with a cup of tea and tell them straight that we're "
            "watching the wind.",
            "I'd have the crew hold off on the inflation, and, uh, keep the envelope in its bag until the "
            "pilot gives a yes or a no.",
            "If it's a no, I'd take everybody's details there and then so the office can rebook them.",
        ],
        "closing": "Later that day I'd write down the wind readings and what time we called it, so there's "
        "something to go on next time.",
        "contingency": "If the wind drops after all, I'd ring the passengers who'd only just driven off and "
        "see if they want to come back for the evening flight.",
    },
    {
        "question": "Suppose you're running a Christmas market, it's the busiest Saturday of the year, and a "
        "storm warning comes in for the afternoon. What would you do?",
        "steps": [
            "Okay, the first thing I'd do is go round every stallholder in person and tell them what's "
            "coming and roughly when.",
            "I'd get security to check the weights on every gazebo, and anything that isn't tied down "
            "properly comes down.",
            "I'd ask the ride operator about the big wheel, and honestly I'd lean towards stopping it early.",
            "Then I'd put a post up on our pages saying the market might shut early, so people can plan "
            "their day.",
        ],
        "closing": "When it's all over I'd walk the site with the stallholders and list what got damaged, "
        "for the insurance and for next year.",
        "contingency": "If the gusts get anywhere near the limit, I'd close the market, clear everyone out "
        "through the main gate and sort the refunds out later.",
    },
]

PLANS_ZH: list[dict[str, Any]] = [
    {
        "question": "假如你是一家烧烤店的店长，周六晚上十点，店里坐满了人，突然停电了，你会怎么办？",
        "steps": [
            "嗯，我第一件事，先让服务员把手机电筒打开，挨桌跟客人说别慌，先坐着别动。",
            "然后让后厨把炭火看住，用不着的先灭了，别出什么事。",
            "我会马上给供电所打电话，问清楚是整条街都停了还是就我们店的问题。",
            "冰柜里的肉什么的，我会让人先别开门，能保一会儿是一会儿。",
        ],
        "closing": "来电以后，我会把这一晚上的损失记一下，再看看要不要买台小发电机备着。",
        "contingency": "要是一个钟头还来不了电，我就给客人打折或者干脆免单，让大家先回去，下回再来。",
    },
    {
        "question": "假设你是长途客运站的值班站长，春运的时候突然下大雪，高速封了，好几百个旅客滞留在站里，"
        "你会怎么处理？",
        "steps": [
            "那我首先会让广播和大屏都滚动通知，告诉大家高速封了，班车暂时走不了。",
            "然后把候车厅的暖气开足，让站里准备点热水和方便面，先让大家吃上口热的。",
            "我会安排人在售票口登记，想退票的马上给退，手续费一分不收。",
            "带小孩的、年纪大的，我会单独腾一间屋子出来给他们歇着。",
        ],
        "closing": "雪停了以后，我会跟调度一起排加班车，滞留时间最长的那几趟先走。",
        "contingency": "要是今天晚上肯定走不了，我就联系附近的宾馆，看能不能先把人安顿下来过一夜。",
    },
    {
        "question": "如果你是一场城市马拉松的志愿者负责人，比赛跑到一半，有个跑者在你负责的路段晕倒了，"
        "你会怎么做？",
        "steps": [
            "我首先会让离得最近的志愿者守着这个人，别让后面的人踩着，然后马上用对讲机叫医疗点。",
            "然后看看周围有没有急救员，会心肺复苏的先上手。",
            "同时让两个志愿者前后拉开，提醒后面的跑者绕开这一段。",
            "我还会把时间、地点、跑者的号码布都记下来，报给赛事的指挥中心。",
        ],
        "closing": "比赛结束以后，我会把这件事从头到尾写个报告，看看我们这段的急救点是不是离得太远了。",
        "contingency": "要是救护车一下子进不来，我就让志愿者把路边的护栏挪开，给它留出一条道来。",
    },
]

# One candidate, one workplace, one question per story; complete 4, no_result 4, we_only 3 per language.
STORIES_EN: dict[str, list[dict[str, Any]]] = {
    "complete": [
        {
            # A long run-on talker; the result told in passing.
            "question": "Tell me about a time you made something run faster without cutting corners.",
            "situation": [
                "So I was a loading officer for a car ferry company, the crossing out to the islands, and on "
                "summer Saturdays the boat was leaving, like, twenty-five minutes late on average because we "
                "were loading cars in the order they turned up and then having to shuffle the big campervans "
                "about at the last minute, and so on."
            ],
            "task": [
                "It wasn't technically my problem, the timetable was the port manager's, but I was the one "
                "down on the ramp getting shouted at."
            ],
            "action_i": [
                "I started walking the queue in the marshalling lanes about forty minutes before sailing and "
                "sorting the tall vehicles into their own lane with a couple of cones.",
                "I drew a little deck plan on a clipboard and then I'd tick off each lane as I waved it on, "
                "so I knew where the campervans were going before they even started their engines.",
                "And I got the ticket office to ask people when they booked whether they were towing "
                "anything, because the caravans were the real killers.",
            ],
            "result": [
                "And that was the end of the late sailings, pretty much, by August we were lifting the ramp "
                "on time most Saturdays and the captain stopped ringing down to ask what on earth was going "
                "on."
            ],
            "trailing": ["And then I, I, the first thing was"],
        },
        {
            # Terse, digits.
            "question": "Give me an example of a time you cut down on waste.",
            "situation": [
                "I ran the night shift at a commercial laundry that did sheets and towels for about 30 "
                "hotels."
            ],
            "task": ["We were rewashing roughly 1 sheet in 8 because of stains."],
            "action_i": [
                "I kept every rejected sheet for a week and sorted them by stain.",
                "Most were make-up and rust, so I changed the pre-soak for those two.",
                "I had a rust filter fitted on the oldest washer, number 4.",
            ],
            "result": ["Rewash dropped to about 1 in 40, and we used around 9,000 litres less water a week."],
            "trailing": ["So what I, uh, did was"],
        },
        {
            # Hedges, an aside, a qualitative result.
            "question": "Tell me about a time you made a job safer for the people doing it.",
            "situation": [
                "I was, um, I suppose you'd call it a team leader, at a tree surgery firm, so we'd be up big "
                "oaks and beeches all day, and I'd noticed the lads were getting really casual about "
                "checking their ropes and harnesses in the morning."
            ],
            "task": [
                "Nobody had been hurt, touch wood, but there'd been a couple of near misses I wasn't happy "
                "about."
            ],
            "action_i": [
                "I started a five-minute kit check at the van every morning, and I'd go first, out loud, so "
                "nobody felt picked on.",
                "I got a little logbook for each climber's harness and rope, well, I say got, I pinched them "
                "from the office, and we wrote the date of every check in it.",
                "I asked the boss to pay for an aerial rescue refresher, and I sat the course alongside "
                "them.",
            ],
            "result": [
                "I think, I mean I can't prove it was down to that, but we went the whole of the next year "
                "without a single near miss in the book, and the insurer knocked a bit off our premium after "
                "their visit."
            ],
            "trailing": ["I kind of, I, well I"],
        },
        {
            # Numbers in words, a self-correction.
            "question": "Describe a time you had to bring new people in to keep something going.",
            "situation": [
                "I was the volunteer coordinator at a community radio station, and we were down to about "
                "eleven volunteers, no sorry, nine, to cover a seven-day schedule."
            ],
            "task": [
                "The chair of the trustees told me that if we couldn't fill the overnight slots we'd have to "
                "go back to playing a loop of old shows."
            ],
            "action_i": [
                "I went along to the local college and ran a taster afternoon in their media room, just "
                "letting the students have a go on the desk.",
                "I wrote a proper training checklist, so a newcomer could be on air after four sessions "
                "instead of, you know, hanging around for months.",
                "I paired every new volunteer with one of the old hands for their first three shows.",
            ],
            "result": [
                "By the end of that year we had thirty-odd people on the rota, and two of the students ended "
                "up doing the breakfast show between them."
            ],
            "trailing": ["So I, well, first I thought I'd"],
        },
    ],
    "no_result": [
        {
            # A run-on talker.
            "question": "Tell me about a time you had to deal with a difficult client.",
            "situation": [
                "I was a technician with a pest control company, and we had this restaurant contract where "
                "the owner was convinced we weren't doing anything because he kept seeing mice, and he'd "
                "ring the office every other day threatening to cancel."
            ],
            "task": ["My supervisor basically said, he's yours now, keep him happy."],
            "action_i": [
                "I went in on a Monday morning before they opened and walked the whole place with the owner, "
                "showing him every bait box and what had been taken.",
                "I found the gap where they were coming in, behind the dishwasher where the pipes go through "
                "the wall, and I packed it with wire wool and sealed it up.",
                "And then I pinned a sheet on the back of the kitchen door where I wrote down every visit "
                "and what I'd found, so he could read it whenever he liked.",
            ],
            "trailing": ["And I, um, I went back and"],
        },
        {
            "question": "Tell me about a time you had a lot of complaints coming in at once.",
            "situation": [
                "I was assistant manager at a holiday park on the coast, about two hundred static caravans, "
                "and one August the hot water kept cutting out across the whole top field."
            ],
            "task": [
                "Guests were queuing at reception every morning, and the manager was away, so it was on me."
            ],
            "action_i": [
                "I got the maintenance man to walk the pipe run with me, pitch by pitch, looking for where "
                "the pressure was dropping.",
                "I printed a letter for every caravan in the top field saying what was going on and giving "
                "them my mobile number.",
                "I opened the shower block in the old field early, at six, so people at least had somewhere "
                "to wash.",
            ],
            "trailing": ["So, I sort of, I"],
        },
        {
            # Terse, digits.
            "question": "Tell me about a time you had to sort out a mess someone else left behind.",
            "situation": ["I took over a plant hire depot."],
            "task": ["Nobody knew where half the diggers were."],
            "action_i": [
                "I rang every customer on the hire list.",
                "I drove out to the sites myself with a clipboard.",
                "I tagged every machine in the yard, 1 to 64.",
            ],
            "trailing": ["Then I, er,"],
        },
        {
            # A self-correction, "and so on".
            "question": "Tell me about a time you had to keep people safe somewhere busy.",
            "situation": [
                "I was a duty supervisor at an ice rink, and the Saturday afternoon public sessions were "
                "just rammed, kids racing round the wrong way, people falling over, and so on."
            ],
            "task": [
                "We'd had two broken wrists in a month, and, um, the general manager asked me to look at how "
                "we ran those sessions."
            ],
            "action_i": [
                "I put two marshals on the ice instead of one, in bright bibs, one on each half of the rink.",
                "I had the music stop for an announcement every fifteen minutes, no, every ten, reminding "
                "people which way to skate.",
                "I roped off the middle for beginners and the little ones with the penguin skating aids.",
            ],
            "trailing": ["Then I, I, what I did"],
        },
    ],
    "we_only": [
        {
            "question": "Tell me about a time your team made things easier for the public.",
            "situation": [
                "I was on one of the mobile blood donation teams, the ones that set up in church halls and "
                "sports centres, and donors were waiting well over an hour at some of our sessions."
            ],
            "task": ["The region wanted waiting times under forty minutes before the winter."],
            "action_we": [
                "The whole session team sat down after clinic one night and we went through where people "
                "were getting stuck.",
                "We moved the screening chairs nearer the door, so the queue, so it didn't snake back past "
                "the beds.",
                "Between all of us we started phoning booked donors the day before to remind them, and, "
                "like, check they still wanted their slot.",
            ],
            "trailing_we": ["And we, um, the team, we kind of"],
        },
        {
            # A run-on talker.
            "question": "Describe a time your team had to change how it did things.",
            "situation": [
                "I worked at a canal boat hire base, and the handovers, you know, when a family picks up a "
                "narrowboat, were taking about two hours each, so on a Saturday the towpath was full of "
                "people sitting on their luggage."
            ],
            "task": ["The owners wanted Saturdays sorted before the Easter holidays."],
            "action_we": [
                "We filmed a short video of the tricky bits, like the locks and the tiller and that, and the "
                "office sent it out to customers the week before.",
                "The yard crew and the office staff, we all agreed one checklist so everybody showed the "
                "same things in the same order.",
                "We split it so the engineers did the engine and the safety kit while the rest of us took "
                "families through the galley and the toilet and so on.",
            ],
            "trailing_we": ["So we, all of us, we'd"],
        },
        {
            "question": "Tell me about a time you dealt with a run of mistakes.",
            "situation": [
                "I worked at a sign-making workshop, shop fronts, van lettering, that kind of thing, and "
                "we'd had three jobs in a row go out with spelling mistakes on them."
            ],
            "task": ["One was a plumber's van with his own surname spelled wrong down the side."],
            "action_we": [
                "We agreed as a workshop that nothing went to the cutter until two people had read the "
                "proof.",
                "We started emailing customers a picture of the proof and waiting for them to write back "
                "before anything got cut.",
                "The fitters and the designers swapped places for a day each, so we all saw what the other "
                "lot were dealing with.",
            ],
            "trailing_we": ["We, er, we all"],
        },
    ],
}

STORIES_ZH: dict[str, list[dict[str, Any]]] = {
    "complete": [
        {
            # 然后呢 run-on, the result said in passing.
            "question": "讲一次你发现流程上有漏洞，自己想办法补上的经历。",
            "situation": [
                "我之前在我们小区门口开了个菜鸟驿站，就是帮大家收包裹的那种，然后呢那段时间老有人说包裹丢了，"
                "其实是被别人拿错了，一个月能有七八回吧。"
            ],
            "task": ["这个是要赔钱的，而且都是老街坊，闹得挺不好看的。"],
            "action_i": [
                "我先把货架重新编了号，一排一层一个号，取件码跟货架号对上，就不容易拿错了。",
                "然后我在门口装了个扫码的机子，就是，取件的时候必须扫一下，扫完系统里才算你拿走了。",
                "晚上关门之前我自己再把货架过一遍，跟系统里没取的件一个一个对。",
            ],
            "result": ["后来就再没出过这种事，反正一直到我把店转出去，一回拿错的都没有了。"],
            "trailing": ["我就，我就去那个"],
        },
        {
            # Short sentences, digits.
            "question": "说一次你让客户少等了的经历。",
            "situation": ["我在一家汽车店的售后当服务顾问。"],
            "task": ["来做保养的客户，平均要等3个小时。"],
            "action_i": [
                "我让客户提前一天在手机上预约。",
                "配件头天晚上就备好。",
                "洗车我单独排了一个人。",
            ],
            "result": ["后来一般1个半小时就能交车，投诉也少多了。"],
            "trailing": ["我先，嗯，"],
        },
        {
            # Hedges (怎么说呢), a qualitative result.
            "question": "讲讲你跟家长或者客户沟通的一次经历。",
            "situation": [
                "我在一个幼儿园当中班的老师，那个，有几个家长老觉得孩子在园里吃不饱，"
                "接孩子的时候就堵在门口问，有时候话说得还挺难听的。"
            ],
            "task": ["园长让我先把我们班的家长安抚好，别闹到教育局去。"],
            "action_i": [
                "我每天中午把孩子吃饭的照片拍下来，谁吃了几碗、剩了多少，晚上发到班级群里。",
                "然后我请那几个家长来园里陪餐，就是跟孩子一起吃一顿，看看分量到底够不够。",
                "还有就是，我跟厨房商量了一下，吃得慢的孩子给他多留十分钟，不催。",
            ],
            "result": [
                "怎么说呢，后来那几个家长就不在门口堵了，期末的时候有个妈妈还专门给园长写了封感谢信，说孩子胖了两斤。"
            ],
            "trailing": ["我就想着，嗯，先把"],
        },
        {
            # A self-correction, digits.
            "question": "说一次你想办法把生意做起来的经历。",
            "situation": [
                "我在大理帮朋友打理一家民宿，一共12间房，淡季的时候入住率也就两成，不对，可能两成都不到。"
            ],
            "task": ["朋友说再这样下去房租都交不上了，让我想想办法。"],
            "action_i": [
                "我把每个房间都重新拍了照片，挑早上光线最好的时候拍，然后把平台上的介绍全改了一遍。",
                "淡季我推了个连住三晚送一顿晚饭的活动，晚饭就是我自己下厨做。",
                "每个住过的客人走的时候我都加个微信，逢年过节发个问候，问他们下回还来不来。",
            ],
            "result": ["第二年淡季基本上能住到一半多，回头客差不多占了三分之一吧。"],
            "trailing": ["那我就，那个，我就开始"],
        },
    ],
    "no_result": [
        {
            # 然后 run-on, 之类的.
            "question": "讲一次你碰到客户流失的问题，你是怎么做的。",
            "situation": [
                "我在一家健身房做会籍顾问，然后那段时间办了年卡的会员，来了两三次就不来了，然后到期也不续，"
                "店长天天开会说这个事。"
            ],
            "task": ["店长让我负责把这些不来的会员找回来。"],
            "action_i": [
                "我把三个月没来过的会员名单拉出来，一个一个打电话，问他们是没时间还是不喜欢。",
                "然后我跟教练商量，给这些人每人送一节私教课，就是带他们把器械重新熟悉一遍。",
                "我还在前台弄了面打卡墙，每来一次贴一个小贴纸之类的，就是想让大家有点劲头。",
            ],
            "trailing": ["然后我就，嗯，就是，"],
        },
        {
            "question": "说一次你在农忙的时候怎么安排人手和机器的。",
            "situation": ["我在我们村的农机合作社管调度，一到麦收，收割机就不够用，各家各户都抢着要先收。"],
            "task": ["社长说今年不能再吵架了，让我拿个章程出来。"],
            "action_i": [
                "我挨家挨户去登记，谁家多少亩、在哪块地、麦子大概哪天能熟，都记在本子上。",
                "然后按地块排了个路线，收割机从村东头一路往西收，不来回跑。",
                "我还去邻村借了两台机器，说好了按亩给人家算钱。",
            ],
            "trailing": ["我那时候，我，我就先"],
        },
        {
            # Short sentences.
            "question": "讲一次你在高峰期维持秩序的经历。",
            "situation": ["我在地铁站做站务员。"],
            "task": ["早高峰换乘通道特别挤，有人被挤倒过。"],
            "action_i": [
                "我在通道口拉了隔离带，分成两边走。",
                "高峰那一个钟头，我就站在楼梯口喊话。",
                "我还跟值班站长申请，把一个进站闸机临时改成出站的。",
            ],
            "trailing": ["我就，呃，"],
        },
        {
            # Hedges (好像, 吧), a restart.
            "question": "说一次你处理客户东西出了问题的经历。",
            "situation": [
                "我在一家连锁干洗店当店长，有一阵子老有客户说衣服洗回来扣子掉了，或者颜色不对了，"
                "好像是送到工厂那边洗出来的问题吧。"
            ],
            "task": ["片区经理说这个得查清楚，让我先从我们店查起。"],
            "action_i": [
                "我收衣服的时候当着客户的面，把每件衣服的扣子、污渍、有没有破的地方都拍下来，存到系统里。",
                "然后我跟着送衣服的车去了趟工厂，看他们是怎么分的，哪些衣服是混在一块儿洗的。",
                "特别贵的那几种料子，像真丝啊羊绒啊，我单独给贴了个红标签，让工厂那边手洗。",
            ],
            "trailing": ["我先是，我先是把"],
        },
    ],
    "we_only": [
        {
            "question": "讲一次你们团队一起改进服务的经历。",
            "situation": [
                "我在一家婚纱影楼上班，那时候客户拍完照，要等两个多月才能拿到相册，好多新人婚礼都办完了照片还没出来。"
            ],
            "task": ["老板说这个周期必须得压下来。"],
            "action_we": [
                "我们摄影、修图还有门市的几个人一起开了个会，把从拍完到交片的每一步都列了出来。",
                "后来大家商量好，拍完当天就让客户在店里把照片选了，不用再约第二回。",
                "修图那边我们几个轮流加班，还从外面找了两个兼职一块儿修。",
            ],
            "trailing_we": ["然后我们就，那个，大家就"],
        },
        {
            "question": "说一次你们碰上天气的麻烦，是怎么应对的。",
            "situation": ["我在山东一个苹果园干活，有一年快摘果子的时候，天气预报说要下冰雹。"],
            "task": ["园子一百多亩，果子要是给砸了，一年就白干了。"],
            "action_we": [
                "我们园里的人连夜把防雹网拉上，一排一排地拉，一直干到后半夜。",
                "然后大伙儿分成两拨，一拨去把熟得差不多的果子先摘下来，一拨去找冷库租地方放。",
                "我们还跟附近几个园子的人打了招呼，谁家人手不够就过去帮一把。",
            ],
            "trailing_we": ["我们那会儿就，嗯，大伙儿"],
        },
        {
            "question": "讲一次你们跟客户因为进度闹矛盾的经历。",
            "situation": [
                "我在一家家装公司，就是做装修的，当项目助理，有一单房子装了半年还没完工，业主天天打电话骂，"
                "说要去消协投诉。"
            ],
            "task": ["公司要求我们组一个月之内给业主一个交代。"],
            "action_we": [
                "我们组的人先一起去房子里，把没干完的活全列了一遍，拍照，写清楚。",
                "然后我们跟水电、木工、油漆的师傅们一块儿排了个时间表，每天干什么都写在墙上。",
                "大家轮着每天晚上给业主发个进度，今天干了什么、明天干什么，之类的。",
            ],
            "trailing_we": ["我们组就，我们就先"],
        },
    ],
}

EN: dict[str, list[str]] = {
    "q_behavioural": [
        "Tell me about a time you had to calm down an angry member of the public.",
        "Describe a time you spotted a risk before anybody else did.",
        "Give me an example of a time you worked to a really tight deadline.",
        "Tell me about a time you disagreed with the way something was being done.",
        "Describe a time you had to learn something completely new for a job.",
        "Tell me about a time several urgent things landed on you at once.",
    ],
    "q_situational": [p["question"] for p in PLANS_EN],
    "lesson": [
        "If I took anything from it, it's that the people doing the job usually know the answer already.",
        "I learned to ask the dull questions early, before they turn into expensive ones.",
        "Looking back, the checklist did more good than any talk I could have given.",
        "It taught me not to wait to be asked, to be honest.",
        "I'd say a small fix done properly beats a big plan that nobody follows.",
    ],
    "hypothetical": [
        "Honestly, I'd probably start by asking around, just to find out who's been dealing with it so far.",
        "If I was in that spot, I think I'd want to see some figures before I changed anything.",
        "I'd most likely, um, try to get everyone together, and then, you know, agree on one way of doing "
        "it.",
        "My instinct would be to go and see the customer face to face rather than send an email.",
        "I guess I'd write a short plan and run it past my manager first.",
        "What I would try is a two-week trial, and if it didn't help, drop it and try something else.",
        "I'd like to think I'd stay calm and, uh, deal with whatever's most urgent first.",
        "I'd probably keep a log, so I could show people what was really going on, and so on.",
        "I'd want to hear both sides before I said anything, I think that's only fair.",
        "Probably the first thing I'd do is check whether it's happened before, and what was done about it "
        "then.",
        "If it were down to me, I'd bring in a simple checklist and see whether people stuck to it.",
        "I'd try and keep the customer updated every day, even when there's nothing new to tell them.",
    ],
    "plan": _plan_sentences(PLANS_EN),
    "short": [
        "Nothing springs to mind, to be honest.",
        "I'm just naturally a calm person, I don't really get stressed, so things like that don't bother me "
        "much, you know, I just get on with it.",
        "Um, I'd have to think about that, it's a tricky one, there are lots of ways you could look at it, I "
        "don't know really.",
        "Yeah, I've done that. It went fine.",
        "Can we come back to that one?",
        "Oh, that happens all the time in my line of work, you just, you just sort it out, there's no one "
        "time that stands out really.",
        "Hard worker. Reliable. That's about it.",
        "Nope.",
        "My last boss said I was the best she'd ever had.",
        "I'm a team player, basically.",
    ],
    "filler": ["um,", "uh, so,", "you know,", "like,", "and then, um,"],
}

ZH: dict[str, list[str]] = {
    "q_behavioural": [
        "讲一次你碰到特别难缠的客人的经历。",
        "说一次你比别人先看出问题来的经历。",
        "讲讲你在时间特别紧的情况下把事办完的一次经历。",
        "说一次你不同意领导做法的经历。",
        "讲一次你为了工作从头学一样新东西的经历。",
        "说说好几件急事赶到一块儿的时候你是怎么办的。",
    ],
    "q_situational": [p["question"] for p in PLANS_ZH],
    "lesson": [
        "这事以后我就知道了，干活的人心里其实都有数，你得去问他们。",
        "说到底，就是别怕麻烦，该较真的地方就得较真。",
        "我觉得吧，光靠嘴说没用，得弄个东西让大家看得见。",
        "打那以后碰到事我就不等别人开口了，自己先动起来。",
        "反正我是明白了，小问题拖着拖着就成大问题了。",
    ],
    "hypothetical": [
        "我的话，可能先找几个同事聊聊，看看大家都是怎么想的。",
        "真碰上这种事，我估摸着会先把情况摸清楚，再决定怎么弄。",
        "那个，如果是我，我会先跟领导打个招呼，然后再去找客户当面谈。",
        "我应该会先定个小目标，比如说一个月内把投诉降下来，然后一步一步来。",
        "要让我来处理的话，我会先拿一两个人试试，行的话再推开。",
        "我会想办法先把数据拿到手，就是，光凭感觉不太靠谱。",
        "换个角度想，我可能会先去问问客户到底想要什么之类的。",
        "我大概每个礼拜都会跟大家碰一次头，看看哪儿还得改。",
        "我会先把两边的说法都听一听，不能光听一面之词。",
        "要是我碰上，头一件事就是看看以前有没有出过这种事，当时是怎么弄的。",
        "我想我会弄个简单的检查单，看看大家能不能照着做。",
        "客户那边我会天天跟他说一声进度，哪怕没什么新消息。",
    ],
    "plan": _plan_sentences(PLANS_ZH),
    "short": [
        "这个，一时想不起来了。",
        "我这人性格比较好，跟谁都处得来，所以基本上也没碰到过什么特别难办的事，大家都挺配合的。",
        "嗯，这个不好说，每个人想法不一样，我觉得都有道理吧，就看怎么看了。",
        "有过，挺顺利的。",
        "这个能不能先跳过？",
        "这种情况多了去了，我们这行就这样，今天这个明天那个，你让我挑一个，我还真挑不出来。",
        "靠谱，我就是靠谱。",
        "没碰到过。",
        "我们领导挺看重我的。",
        "我干活就是不怕吃苦。",
    ],
    "filler": ["那个，", "就是，", "然后呢，", "嗯，就是说，", "呃，那个，"],
}


def answers(language: str, seed: int, count: int = 20) -> list[dict[str, Any]]:
    """`count` answer scripts, the six kinds in turn (as scripts_fresh.scripted), ids "eighth_...".

    complete, no_result and we_only answers each tell the next story of their kind (one workplace, its own
    question) with scripts_seventh._tell; hypothetical and too_short come from the shared pools
    (scripts._answer), plans from scripts_fresh._plan.
    """
    pool, plans, stories = (EN, PLANS_EN, STORIES_EN) if language == "en" else (ZH, PLANS_ZH, STORIES_ZH)
    # One stream per language, so that the two languages' pauses and draws differ from each other.
    rng = random.Random(f"{seed}-{language}")
    out = []
    said: set[str] = set()
    for n in range(count):
        kind = KINDS[n % len(KINDS)]
        k = n // len(KINDS)
        # The shared pools less what earlier answers of this language already said: no two answers
        # repeat one short answer, hypothetical or lesson.
        fresh = {**pool, **{key: [t for t in pool[key] if t not in said] for key in SHARED}}
        if kind == "plan":
            question, parts = _plan(plans, rng, k)
        elif kind in STORY_KINDS:
            story = stories[kind][k % len(stories[kind])]
            question = story["question"]
            parts = _tell(story, fresh, rng, kind, language)
        else:
            question, parts = _answer(fresh, rng, kind)
        said.update(p["text"] for p in parts)
        reason = EXPECT[kind]
        out.append(
            {
                "id": f"eighth_{language}_{kind}_{k + 1}",
                "language": language,
                "question": question,
                "question_kind": "situational" if kind == "plan" else "behavioural",
                "kind_of_answer": kind,
                "parts": parts,
                "expect": {"follow_up": reason is not None, "follow_up_reason": reason},
            }
        )
    return out
