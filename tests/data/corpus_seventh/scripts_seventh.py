"""Answer scripts for the seventh held-out corpus: one workplace per story, English and Mandarin.

Written apart from the turn-taking and follow-up rules (without reading them) and apart from the six other
corpora (tests/data/corpus/scripts.py, tests/data/corpus_fresh/scripts_fresh.py,
tests/data/corpus_third/scripts_third.py, tests/data/corpus_fourth/scripts_fourth.py,
tests/data/corpus_fifth/scripts_fifth.py, tests/data/corpus_sixth/scripts_sixth.py): other workplaces.
English: a symphony orchestra, a bike courier firm, a glasshouse tomato grower, a funeral director, a
commercial print works, a golf club's greenkeeping crew, a house removals firm, an indoor climbing centre,
a harbour fish auction, a honey producer, a self storage site. Mandarin (written in Chinese, not
translated): 驾校, 茶厂, 月子中心, 小区物业, 对虾养殖场, 家政公司,
高速服务区加油站, 出版社, 景区索道, 连锁眼镜店, 蔬菜批发市场.
The plans: a glasshouse boiler failing on a frosty night, a loaded removals van with no keys to the new
house, an oboist off sick an hour before a concert; 驾校考试当天车坏在半路,
台风夜地下车库进水, 五一索道故障停运.

The answer kinds, their expected follow-up and the way a story is put together (the pauses and their kinds,
a trailing clause or a thinking pause after a complete sentence, fillers, the extra action of some
no_result answers) come from tests/data/corpus/scripts.py, the plans and the order of kinds from
scripts_fresh (its `_plan`), so that all seven corpora mean the same thing by "complete", "no_result",
"we_only", "hypothetical", "too_short" and "plan".

One difference from the sixth set: each story (complete, no_result, we_only) is told by one candidate about
one workplace, with its own question, so the situation, what they did and what came of it belong together.
STORIES lists them by kind: a complete story has a result (measured or qualitative), a no_result story has
the situation and the candidate's own actions but no outcome, a we_only story has only what "we" did and no
outcome. Candidates differ: some ramble in long run-on sentences, some are terse; numbers in words or digits
(English), in characters (Mandarin). Hypotheticals, too_short answers and lessons are shared pools.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "corpus"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "corpus_fresh"))
from scripts_fresh import EXPECT, KINDS, _answer, _gap, _part, _plan, _plan_sentences  # noqa: E402

STORY_KINDS = ("complete", "no_result", "we_only")

PLANS_EN: list[dict[str, Any]] = [
    {
        "question": "Say you're the night supervisor at a glasshouse nursery, it's two in the morning, a "
        "hard frost is forecast and the main boiler trips out. What would you do?",
        "steps": [
            "Okay, well, first I'd try one reset on the boiler, following the card on the wall, and if it "
            "doesn't catch I'd leave it alone.",
            "I'd phone the on-call engineer straight away and, um, the grower too, even at that hour.",
            "Then I'd shut every vent and pull the thermal screens across to hang on to whatever heat's "
            "still in there.",
            "And I'd put a thermometer down at the coldest end and read it every twenty minutes, writing "
            "each one down.",
        ],
        "closing": "In the morning I'd go over the night with the engineer and ask whether we ought to keep "
        "a backup heater on site.",
        "contingency": "If it drops towards five degrees, I'd drag the portable gas heaters out of the shed "
        "and put them in with the young plants first.",
    },
    {
        "question": "Imagine you're leading a removals crew, the van's fully loaded, and you hear the "
        "family's new house keys won't be released until tomorrow. How would you handle it?",
        "steps": [
            "Right, first thing, I'd make sure the family knows their stuff is safe and none of it's being "
            "left on a pavement.",
            "I'd ring the office and get the van booked into our secure depot for the night.",
            "Then I'd, uh, ask the family what they need tonight, medicines, phone chargers, the kids' "
            "school bags, and dig those out for them.",
            "I'd get the office to check the insurance covers it sitting in a van overnight, and tell the "
            "family the answer either way.",
        ],
        "closing": "Once it's all over, I'd suggest we ring the buyer's solicitor the day before every move, "
        "just to check completion is actually going ahead.",
        "contingency": "If the depot's full, I'd look for a storage place nearby that'll take the whole van "
        "for one night.",
    },
    {
        "question": "Suppose you're an orchestra manager and, an hour before a concert, the principal oboe "
        "rings in sick. What would you do?",
        "steps": [
            "So, first I'd tell the conductor, because there's a big oboe solo in the second half and that "
            "changes everything.",
            "Then I'd go down our list of deputies and start phoning, beginning with whoever lives nearest "
            "the hall.",
            "I'd ask the second oboe whether she'd be happy to take the solo, just in case, so she can have "
            "a look at it.",
            "And I'd warn front of house we might have to go up five minutes late.",
        ],
        "closing": "After the concert I'd write down who we called and how long it took, and get the deputy "
        "list brought up to date.",
        "contingency": "If nobody can get there in time, I'd sit down with the conductor and talk about "
        "swapping the piece or giving the solo to the clarinet.",
    },
]

PLANS_ZH: list[dict[str, Any]] = [
    {
        "question": "假如你是驾校的教务，考试那天早上，送学员去考场的车在半路坏了，车上有十几个学员，"
        "你会怎么办？",
        "steps": [
            "嗯，我首先会给跟车的教练打电话，问清楚车停在哪儿，人都安不安全。",
            "然后马上联系考场，把情况说明白，问问能不能把我们的学员往后排一排。",
            "同时从驾校再调一辆车过去，实在调不出来，就叫几辆网约车，先把人送到。",
            "我还会在学员群里发个消息，让家长别着急，就说我们正在处理。",
        ],
        "closing": "考完以后，我会让车队把所有接送的车都查一遍，以后考试前一天必须试车。",
        "contingency": "要是考场那边不同意往后排，我就帮学员重新约考，这回的费用驾校来出。",
    },
    {
        "question": "假设你是小区物业的值班经理，台风天夜里，地下车库开始进水了，你会怎么处理？",
        "steps": [
            "那第一步，我会马上在业主群里发通知，让大家赶紧把车挪到地面上来。",
            "然后叫保安把车库入口的挡水板装上，沙袋也堆上。",
            "再让维修师傅去看排水泵是不是都开着，嗯，一台不够就把备用的那台也拉过来。",
            "车库里我会安排两个人来回巡，看看还有没有人在里头。",
        ],
        "closing": "等台风过去，我会把这回哪儿进的水、哪儿没挡住都写下来报给公司，申请把挡水板加高。",
        "contingency": "如果水涨得太快，我就直接断电，把车库封了，人先撤出来，车的事后面再说。",
    },
    {
        "question": "如果你是景区的运营主管，五一的时候索道突然出故障停了，山顶还有好几千游客等着下山，"
        "你会怎么做？",
        "steps": [
            "我首先会让广播一直播，告诉游客索道正在抢修，请大家别往步道上挤。",
            "然后找维修队问清楚大概要修多久，这个时间决定了后面怎么安排。",
            "同时让山顶的小卖部多备点水，老人和小孩先安排到室内歇着。",
            "我还会通知山下的售票处，上山的票先停了，别再往上放人了。",
        ],
        "closing": "事后，我会组织大家复个盘，把这种情况写进应急预案里。",
        "contingency": "要是一两个小时修不好，我就安排工作人员分批带游客走步道下山，一段一段地接。",
    },
]

# One candidate, one workplace, one question per story; complete 4, no_result 4, we_only 3 per language.
STORIES_EN: dict[str, list[dict[str, Any]]] = {
    "complete": [
        {
            "question": "Tell me about a time you noticed something small that turned out to matter a lot.",
            "situation": [
                "So, I was the orchestra manager for a regional symphony orchestra, and, um, for about half "
                "a season the players kept turning up to the first rehearsal with different editions of the "
                "parts, so the bar numbers didn't match and the conductor was losing, honestly, twenty "
                "minutes a rehearsal just working out where everybody was."
            ],
            "task": [
                "Nobody had asked me to fix it, it wasn't really my job, but I was sat in those rehearsals "
                "and it was driving me round the bend."
            ],
            "action_i": [
                "I went through the library catalogue and checked every set of parts we'd posted out against "
                "the edition the conductor was actually using.",
                "I started sending the parts out three weeks ahead instead of one, with a slip on the front "
                "saying which edition and which cuts.",
                "I rang the section principals myself the week before, every single one, to make sure "
                "they'd got the right copies.",
            ],
            "result": [
                "By the spring concerts the first rehearsal started on the downbeat, and the music director "
                "thanked me by name at the end of season meeting."
            ],
            "trailing": ["And the first thing I, um, I actually went and"],
        },
        {
            "question": "Describe a time you fixed something everyone else had just got used to.",
            "situation": ["I was a dispatcher at a bike courier firm in the city centre."],
            "task": ["Riders were waiting at our big office pickups for up to half an hour a time."],
            "action_i": [
                "I asked reception at the five busiest pickups to ring us once the envelope was actually "
                "ready.",
                "I stopped sending a rider until we'd had that call.",
                "Every Friday I put the waiting times up on the whiteboard where the riders could see them.",
            ],
            "result": [
                "Average wait went from 27 minutes to 6, and we fitted in about forty more jobs a week with "
                "the same riders."
            ],
            "trailing": ["So I, uh, I got the"],
        },
        {
            "question": "Tell me about a time you had to persuade someone more senior than you.",
            "situation": [
                "I was crop supervisor at a big tomato grower, glasshouses as far as you could see, and we "
                "had whitefly coming back every single summer."
            ],
            "task": [
                "The grower, my boss, wanted to spray more, and I was fairly sure that was making it worse."
            ],
            "action_i": [
                "I hung sticky traps along twenty rows and counted them every Monday, sprayed rows and "
                "unsprayed rows side by side.",
                "Then I, I took the counts to him with a few photos and asked for one glasshouse to trial "
                "the little wasps that eat them.",
                "I looked after that trial house myself, let the wasps out, checked the leaves twice a week.",
            ],
            "result": [
                "By August the trial house was the cleanest on the site, and he switched the whole nursery "
                "over the following year."
            ],
            "trailing": ["What I did was, um, I sort of"],
        },
        {
            "question": "Give me an example of a time you changed how your team dealt with the public.",
            "situation": [
                "I worked as an arranger for a family-run funeral director, and families were being asked "
                "the same questions three or four times over by different people."
            ],
            "task": [
                "The owner asked me to look at it, because a couple of complaints had come in and she'd "
                "taken them really personally."
            ],
            "action_i": [
                "I wrote one arrangement form that followed the family from the very first phone call right "
                "through to the service.",
                "I sat in on arrangements with each of the other arrangers and, uh, noted down every "
                "question that got asked twice.",
                "I trained the night call staff on the form, so whatever they took down at two in the "
                "morning got carried forward.",
            ],
            "result": [
                "We didn't have one complaint about repeated questions the rest of that year, and a widow "
                "wrote to say we'd made the worst week of her life a little bit easier."
            ],
            "trailing": ["And so I, I sat down and"],
        },
    ],
    "no_result": [
        {
            "question": "Tell me about a time you had to deal with a quality problem that kept coming back.",
            "situation": [
                "At the print works I was a press supervisor, and we kept getting runs of brochures where "
                "the colour drifted halfway through, so the first thousand looked fine and then the reds "
                "went sort of orange on you."
            ],
            "task": [
                "The production manager said it was mine to sort out, since the night shift reported to me."
            ],
            "action_i": [
                "I started pulling a sheet every five hundred and holding it up against the proof under the "
                "daylight lamp.",
                "I had the ink supplier's technician come in on a night shift and go over the press settings "
                "with me.",
                "I changed the handover as well, so the day crew wrote down the ink settings they'd used and "
                "the night crew started from those instead of from scratch.",
            ],
            "trailing": ["Then I, um, I went and got the"],
        },
        {
            "question": "Tell me about a time you had to plan your work around other people.",
            "situation": ["I was deputy head greenkeeper at a golf club."],
            "task": ["Members were moaning that we were cutting the greens while they were trying to putt."],
            "action_i": [
                "I moved the mowing start to half five.",
                "I split the crew, two on the front nine and two on the back.",
                "I got the tee sheet emailed to me the night before and planned the route round the "
                "bookings.",
            ],
            "trailing": ["So what I, uh, what I"],
        },
        {
            "question": "Tell me about a time a customer was really unhappy with your team.",
            "situation": [
                "I was a crew leader for a house removals firm, and we'd had a run of jobs where the boxes "
                "ended up in the wrong rooms at the new house."
            ],
            "task": ["One lady had phoned the office in tears, and my manager passed it to me."],
            "action_i": [
                "I went round to hers that same evening and carried the boxes up to the rooms she wanted "
                "them in.",
                "I bought packs of coloured stickers, one colour for each room, and we started labelling "
                "every box at the old house.",
                "I drew up a little floor plan for each job and taped it inside the front door before we "
                "unloaded anything.",
            ],
            "trailing": ["And then I, er, I basically"],
        },
        {
            "question": "Tell me about a time you had to tighten up a safety routine.",
            "situation": [
                "I was a duty manager at an indoor climbing centre, and the checks on the auto belays, the "
                "ropes that lower you back down, were getting skipped on busy weekends."
            ],
            "task": [
                "After one turned up with a frayed strap, my boss told me to make sure it never happened "
                "again."
            ],
            "action_i": [
                "I made a laminated check card for every auto belay, with a box for the morning and one for "
                "the afternoon, and hung it on the wall beside it.",
                "I moved the checks to before opening, so nobody was doing them with a queue of kids "
                "watching.",
                "Every Sunday night I went round with a torch and looked at the cards, and the straps, "
                "myself.",
            ],
            "trailing": ["So the first thing I, um,"],
        },
    ],
    "we_only": [
        {
            "question": "Tell me about a time you helped improve how work flowed from one stage to the next.",
            "situation": [
                "I worked on the auction floor at the fish market down on the harbour, and the catch was "
                "getting out to the buyers' vans later and later every morning."
            ],
            "task": ["We were losing buyers over it, and the auctioneer wanted it sorted before Christmas."],
            "action_we": [
                "We all got together on the quay after the last sale and, and went through every step from "
                "the boat to the van.",
                "The porters and the graders swapped a couple of jobs round so the boxes got weighed as they "
                "came off.",
                "Between us we put a board up showing which buyer's van was in which bay.",
            ],
            "trailing_we": ["So we all, um, we kind of"],
        },
        {
            "question": "Describe a time your team had to adapt quickly.",
            "situation": [
                "I worked for a honey company with about four hundred hives out on farms round the county, "
                "and one spring a lot of the colonies came through the winter really weak."
            ],
            "task": ["The boss wanted a plan for the season inside a fortnight."],
            "action_we": [
                "We went round every apiary together, hive by hive, and wrote down which ones were worth "
                "saving.",
                "As a team we merged the weakest colonies and moved some of them closer to the oilseed "
                "fields.",
                "And the beekeepers, we took it in turns to feed them through the cold snap in April.",
            ],
            "trailing_we": ["Then we, uh, the team, we"],
        },
        {
            "question": "Tell me about a time you dealt with a backlog.",
            "situation": [
                "I was assistant manager at a self storage place off the ring road, and there were something "
                "like sixty units where the customer had stopped paying and nobody had chased them."
            ],
            "task": ["The area manager was coming in for an audit at the end of the month."],
            "action_we": [
                "The three of us on the desk split the list and we rang every last one of them over a "
                "couple of weeks.",
                "We agreed between us what to say on the phone and which payment plans we could offer.",
                "We took turns doing the lock checks on the overdue units at closing time.",
            ],
            "trailing_we": ["And we, um, all of us"],
        },
    ],
}

STORIES_ZH: dict[str, list[dict[str, Any]]] = {
    "complete": [
        {
            "question": "讲一次你发现了问题、自己动手把它解决掉的经历。",
            "situation": [
                "我之前在一个驾校做教务，就是排课的，那个，学员科目二老是约不上车，有的人等了快两个月，"
                "天天在群里骂。"
            ],
            "task": ["校长也没说让谁管，但是排课是我这一块的，我觉得这事儿就得我来。"],
            "action_i": [
                "我把三个月的约车记录全导出来，一个教练一个教练地看，发现有几个教练的车一到下午就空着。",
                "然后我就跟这几个教练挨个聊，把下午那几个时段单拎出来，专门排给上班的人。",
                "我还在小程序上加了个候补，有人退了，排在后面的人马上就能补上去。",
            ],
            "result": ["差不多一个多月吧，平均等车的时间从五十多天降到了十来天，群里基本上就没人骂了。"],
            "trailing": ["我当时就，嗯，我先是去"],
        },
        {
            "question": "说一次你把一个老办法改得更好的经历。",
            "situation": ["我在茶厂管生产，做绿茶。"],
            "task": ["春茶那阵子，杀青老是不匀，有的焦了，有的还是生的。"],
            "action_i": [
                "我给每台机器都装了温度计。",
                "每一锅进出我都掐着表记。",
                "然后把老师傅的手法写成卡片，贴在机器边上。",
            ],
            "result": ["那一季返工的茶少了一大半，老板说是这几年做得最稳的一年。"],
            "trailing": ["我就，那个，"],
        },
        {
            "question": "讲讲你处理客户投诉的一次经历。",
            "situation": [
                "我在一家月子中心当护理主管，有段时间好几个妈妈投诉，说晚上宝宝抱出去洗澡，抱回来的"
                "时候护士换了人，也没人跟她们交代一声。"
            ],
            "task": ["店长让我两个礼拜之内拿出个办法来。"],
            "action_i": [
                "我做了一个交接本，就是每个宝宝一页，吃了多少、睡了多久、换了几次尿布，谁抱走的谁抱回来的"
                "都得签字。",
                "我自己连着上了一个礼拜的夜班，每一次交接我都在边上盯着。",
                "然后每天早上我挨个房间去，把本子拿给妈妈们看，问她们还有哪儿不放心。",
            ],
            "result": ["那个月以后就再没接到过这种投诉，还有个妈妈出去以后专门给我们送了一面锦旗。"],
            "trailing": ["然后我，呃，我就找了"],
        },
        {
            "question": "讲一次你得靠很多不归你管的人配合才把事办成的经历。",
            "situation": [
                "我在一个小区物业当客服主管，小区一千二百多户，然后电梯报修老是拖，有的一拖就是三四天。"
            ],
            "task": ["业委会给我们下了通牒，说再这样就换物业。"],
            "action_i": [
                "我去跟电梯维保公司谈，合同里加了一条响应时间，超过四个小时没到就扣钱。",
                "我建了个报修群，把每栋楼的楼长都拉进来，有问题直接在群里说，不用再打电话排队。",
                "每天下午五点，我把当天的报修单一条一条对，没修好的我亲自打电话去催。",
            ],
            "result": ["三个月以后，电梯平均修好的时间缩到了半天以内，年底业委会跟我们续了合同。"],
            "trailing": ["我先是，就是，我把"],
        },
    ],
    "no_result": [
        {
            "question": "说一次你碰到一个反复出现的问题，你是怎么处理的。",
            "situation": ["我在海边一个对虾养殖场当技术员，有两年夏天，一到高温，池子里的虾就成片地死。"],
            "task": ["场长说这事交给我了，他不想再听找借口。"],
            "action_i": [
                "我每天早中晚去测三次水，溶氧、水温、氨氮，全都记下来。",
                "然后我跟场长申请，在几个老池子里加装了增氧机，夜里也一直开着。",
                "我还把投料量减了，改成少量多次，那个，喂的时候我自己就站在池子边上看着。",
            ],
            "trailing": ["然后我就，嗯，我就去"],
        },
        {
            "question": "讲讲你带新人的一次经历。",
            "situation": [
                "我在家政公司做培训，就是带新来的阿姨，然后那段时间客户老说新阿姨做事没规矩，东西乱放，"
                "有的还用错了清洁剂，把人家的大理石台面都给弄花了。"
            ],
            "task": ["老板就让我把培训从头到尾改一改。"],
            "action_i": [
                "我自己跟着去客户家跟了十几趟，把阿姨们最容易出错的地方一条一条记下来。",
                "然后我把培训从三天改成了五天，后面两天直接带着去真的客户家里干。",
                "清洁剂那块我专门做了张表，什么材质用什么、什么不能碰，让每个阿姨都背下来，我再一个一个地考。",
            ],
            "trailing": ["我当时，说实话，我就先"],
        },
        {
            "question": "讲一次你在高峰的时候处理排队问题的经历。",
            "situation": ["我在高速服务区的加油站当站长。"],
            "task": ["一到节假日，排队能排到匝道上去。"],
            "action_i": [
                "我把收银挪到了加油机旁边。",
                "加了两个临时引导员，我自己也站到外面去指挥。",
                "又跟服务区商量，高峰那几天把旁边的空地开出来给车调头。",
            ],
            "trailing": ["我那个，嗯，"],
        },
        {
            "question": "说一次你手上的项目进度落后了，你是怎么往回赶的。",
            "situation": [
                "我在出版社当编辑，有一套儿童科普书，一共八本，作者交稿晚了两个多月，印厂的档期眼看就要错过了。"
            ],
            "task": ["主任就一句话，这套书归你了，你想办法。"],
            "action_i": [
                "我把八本书拆开，三审三校能并着走的就并着走，排了一张每天的进度表。",
                "我还跑到作者家里去，就坐在他边上等，他写完一章我就拿走一章。",
                "然后每天晚上我跟排版和印厂各打一个电话，把第二天要什么跟他们对清楚。",
            ],
            "trailing": ["我就先，呃，把那个"],
        },
    ],
    "we_only": [
        {
            "question": "讲一次你们团队一起把一个难题解决掉的经历。",
            "situation": ["我在一个山区景区的索道公司上班，每年到了国庆，下山坐索道要排三个多小时的队。"],
            "task": ["公司要求第二年国庆之前一定得拿出个办法来。"],
            "action_we": [
                "我们运营组就开了好几次会，大家一起把排队的路线重新画了一遍。",
                "然后我们几个人分头去山顶，跟小卖部、观景台那边商量，把游客下山的时间错开一点。",
                "大家轮流在排队口发号，到点了再过来，不用一直在那儿站着。",
            ],
            "trailing_we": ["然后我们就，嗯，大家一起"],
        },
        {
            "question": "说一次你们为了客户改变做法的经历。",
            "situation": ["我在一家连锁眼镜店，那个，当验光师，老有顾客配完眼镜回来说戴着头晕。"],
            "task": ["区域经理让我们店想办法，因为我们的退货率是全区最高的。"],
            "action_we": [
                "我们店里几个人就一起商量，眼镜配好以后都让顾客在店里多戴一会儿，走几步试试。",
                "我们验光师之间互相复查，一个人验完，另一个人再把数据看一遍。",
                "后来大家还一块儿整理了一张常见问题的单子，取镜的时候跟顾客讲。",
            ],
            "trailing_we": ["我们店里就，那个，我们"],
        },
        {
            "question": "讲讲你们是怎么应对一个突发情况的。",
            "situation": [
                "我在一个蔬菜批发市场做管理，有一年夏天连着下暴雨，外地的菜车进不来，菜价一天一个样。"
            ],
            "task": ["上面要求我们想办法把菜价稳住。"],
            "action_we": [
                "我们管理处的人就轮班，天天夜里守在市场门口，来一辆车就赶紧安排卸货。",
                "然后我们跟几个大批发商一起，临时从周边几个县调了一批菜过来。",
                "大伙儿还一块儿在门口贴出每天的价格，省得有人乱涨价。",
            ],
            "trailing_we": ["后来大伙儿就，呃，"],
        },
    ],
}

EN: dict[str, list[str]] = {
    "q_behavioural": [
        "Tell me about a time you had to give someone bad news.",
        "Describe a time you owned up to a mistake at work.",
        "Give me an example of when you went beyond what your role asked of you.",
        "Tell me about a time you had to act with very little information.",
        "Describe a time you had to win back a customer's trust.",
        "Talk me through a time you had to pick up a new routine fast.",
    ],
    "q_situational": [p["question"] for p in PLANS_EN],
    "lesson": [
        "What stuck with me is that people follow a system when they can see why it's there.",
        "I suppose the lesson was, go and look for yourself instead of trusting the reports.",
        "If there's one thing, it's that writing it down beats trying to remember it.",
        "It made me a lot less shy about just picking up the phone.",
        "Mostly I learned to fix the boring bits first, because that's where the time goes.",
    ],
    "hypothetical": [
        "What I'd probably do is sit down with whoever's closest to the problem and just listen for a bit.",
        "I suppose I'd start by working out how often it really happens, rather than going on what people "
        "say.",
        "Knowing me, I'd make a list and go through it one thing at a time.",
        "I think I'd try a small change first, on one shift, and see how it went before rolling it out.",
        "In that case I'd want my manager to hear about it early, even before I had an answer.",
        "I'd be inclined to ask the customers straight out what's bothering them.",
        "Ideally I'd get the whole team in one room, and if that didn't work I'd go round them one by one.",
        "I'd imagine the hard part would be getting people to stick with it, so I'd check in every week.",
    ],
    "plan": _plan_sentences(PLANS_EN),
    "short": [
        "Hmm. Can't think of one, sorry.",
        "Yeah, that's happened. We sorted it.",
        "I'd honestly prefer to skip that question.",
        "I'm a people person, so I get on with pretty much everyone I work with, and that tends to stop "
        "problems before they start, if you know what I mean.",
        "Oh, loads of times, it's just part of the job really, you deal with it and move on, there's nothing "
        "special I'd pick out.",
        "Calm under pressure. That's me.",
        "Well, I mean, it depends on the situation, doesn't it, every case is different, so it's hard to "
        "give one answer to that.",
        "Not really, no.",
        "My mates would tell you I'm the organised one.",
        "I always give a hundred and ten percent, whatever I'm doing.",
    ],
    "filler": ["um, so,", "and, er,", "I mean,", "so yeah,", "okay, um,"],
}

ZH: dict[str, list[str]] = {
    "q_behavioural": [
        "讲一次你不得不跟别人说坏消息的经历。",
        "说一次你在工作上主动认错的经历。",
        "举个例子，你做了超出自己分内的事。",
        "讲讲你在信息很少的情况下拿主意的一次经历。",
        "说一次你把客户的信任重新挣回来的经历。",
        "讲讲你得很快上手一套新流程的经历。",
    ],
    "q_situational": [p["question"] for p in PLANS_ZH],
    "lesson": [
        "这事让我明白，规矩得让大家知道为什么这么定，不然没人守。",
        "后来我就养成习惯了，什么事都得自己去现场看一眼。",
        "说白了，好记性不如烂笔头。",
        "最大的收获吧，就是有事早点开口，别自己憋着。",
        "我觉得最要紧的，是先把那些不起眼的小事做好。",
    ],
    "hypothetical": [
        "这种情况啊，我的话，首先得把账算清楚，一个月到底亏多少。",
        "嗯，我可能会先去现场蹲两天，看看到底是哪个环节出的问题。",
        "要是换成我，肯定先不声张，私下找几个老员工问问情况。",
        "我想的是，先拿一个小组试点，效果好了再全面铺开。",
        "如果真是这样的话，那我会第一时间跟上级汇报，不能自己闷着。",
        "我大概会做个问卷，让客户自己说哪儿不满意。",
        "理想一点的话，就是把相关的几个部门拉到一块儿，当面把话说开。",
        "然后呢，我会定个时间表，每周看一次进展，不行就调整。",
    ],
    "plan": _plan_sentences(PLANS_ZH),
    "short": [
        "没有，想不起来。",
        "这个嘛，还行吧，后来都处理好了。",
        "这个问题我就不回答了吧。",
        "我这个人就是比较细心，做什么事都挺认真的，领导交代的事基本上不会出错，同事也都愿意跟我搭档。",
        "这种事太多了，干我们这行天天都有，说不上哪一次特别，反正就是碰上了就解决呗。",
        "踏实，我最大的优点就是踏实。",
        "嗯，这个得看情况吧，不同的事处理的方法也不一样，很难一概而论。",
        "好像没有吧。",
        "我朋友都说我脾气特别好。",
        "反正不管干什么，我都是全力以赴的。",
    ],
    "filler": ["就是说，", "那个那个，", "嗯，怎么说呢，", "然后就是，", "呃，"],
}


def _with_filler(filler: str, text: str, language: str) -> str:
    if language == "zh":
        return filler + text
    keep = text.startswith(("I ", "I'"))
    return f"{filler} {text if keep else text[0].lower() + text[1:]}"


def _tell(
    story: dict[str, Any], pool: dict[str, list[str]], rng: random.Random, kind: str, language: str
) -> list[dict[str, Any]]:
    """One story's parts: scripts._story's shape, pauses and random draws, but the two actions kept in the
    order the candidate did them, and a filler joined to the sentence as it would be said."""
    parts = [_part(rng.choice(story["situation"]), _gap(rng), "after_first_sentence")]
    if rng.random() < 0.7:
        parts.append(_part(rng.choice(story["task"]), _gap(rng)))
    own = story["action_i" if kind != "we_only" else "action_we"]
    actions = sorted(rng.sample(own, 2), key=own.index)
    # A thinking pause inside the story: after an unfinished clause (trailing off) or a complete sentence.
    think = round(rng.uniform(1.5, 3.5), 2)
    if rng.random() < 0.5:
        trailing = story["trailing_we" if kind == "we_only" else "trailing"]
        parts.append(_part(rng.choice(trailing), think, "thinking_incomplete"))
    else:
        parts[-1]["pause_after"], parts[-1]["pause_kind"] = think, "thinking_complete"
    for text in actions:
        parts.append(
            _part(
                _with_filler(rng.choice(pool["filler"]), text, language) if rng.random() < 0.3 else text,
                _gap(rng),
            )
        )
    if kind == "complete":
        parts.append(_part(rng.choice(story["result"]), _gap(rng, 0.4, 0.8)))
        if rng.random() < 0.4:
            parts.append(_part(rng.choice(pool["lesson"]), None))
    elif kind == "no_result" and rng.random() < 0.5:
        # A second long pause, then the one thing they did not yet mention: still no result.
        parts[-1]["pause_after"], parts[-1]["pause_kind"] = (
            round(rng.uniform(2.0, 3.5), 2),
            "thinking_complete",
        )
        parts.append(_part(next(a for a in own if a not in actions), None))
    parts[-1]["pause_after"] = None
    return parts


def answers(language: str, seed: int, count: int = 20) -> list[dict[str, Any]]:
    """`count` answer scripts, the six kinds in turn (as scripts_fresh.scripted), ids "seventh_...".

    complete, no_result and we_only answers each tell the next story of their kind (one workplace, its own
    question) with _tell (scripts._story's shape); hypothetical and too_short come from the shared
    pools (scripts._answer), plans from scripts_fresh._plan.
    """
    pool, plans, stories = (EN, PLANS_EN, STORIES_EN) if language == "en" else (ZH, PLANS_ZH, STORIES_ZH)
    rng = random.Random(seed)
    out = []
    for n in range(count):
        kind = KINDS[n % len(KINDS)]
        k = n // len(KINDS)
        if kind == "plan":
            question, parts = _plan(plans, rng, k)
        elif kind in STORY_KINDS:
            story = stories[kind][k % len(stories[kind])]
            question = story["question"]
            parts = _tell(story, pool, rng, kind, language)
        else:
            question, parts = _answer(pool, rng, kind)
        reason = EXPECT[kind]
        out.append(
            {
                "id": f"seventh_{language}_{kind}_{k + 1}",
                "language": language,
                "question": question,
                "question_kind": "situational" if kind == "plan" else "behavioural",
                "kind_of_answer": kind,
                "parts": parts,
                "expect": {"follow_up": reason is not None, "follow_up_reason": reason},
            }
        )
    return out
