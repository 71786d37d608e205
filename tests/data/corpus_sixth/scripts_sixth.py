"""Answer scripts for the sixth held-out corpus: new sentence pools per STAR part, English and Mandarin.

Written apart from the turn-taking and follow-up rules (without reading them) and apart from the five other
corpora (tests/data/corpus/scripts.py, tests/data/corpus_fresh/scripts_fresh.py,
tests/data/corpus_third/scripts_third.py, tests/data/corpus_fourth/scripts_fourth.py,
tests/data/corpus_fifth/scripts_fifth.py): other industries (a craft brewery, an offshore wind farm, a
wedding planner, a furniture factory, a public swimming pool, a zoo, a touring theatre company, a bakery
chain, a care home, a waste and recycling contractor, a garden centre, railway track maintenance, a car hire
branch), other wording, spoken the way candidates talk (fillers, restarts, asides, run-on sentences, a clause
that trails off before a thinking pause).

The pools have the same keys and the plans the same shape as scripts_fifth.py; the answer kinds, their
expected follow-up and the way a story is put together come from scripts.py, the plans and the order of
kinds from scripts_fresh.scripted, so that all six corpora mean the same thing by "complete", "no_result",
"we_only", "hypothetical", "too_short" and "plan".

This set's own variety is in the wording: results as a number (in words or digits), as what someone said or
did, as something that stopped happening, as an award, as a decision someone made (a contract renewed, a
route rolled out); hypotheticals phrased several ways ("I reckon I'd...", "my gut says...", "the way I see
it...", "我估计我会...", "换了是我...", "按我的习惯..."); the team named several ways (the whole yard, my
lot on the packing line, everybody on the rota, the keepers, 我们班组, 大伙儿, 我们那一拨人, 饲养员们); and
too_short mixing one-liners, a refusal, evasive 20-30 word non-answers and answers that only describe
oneself.
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
        "question": "Say you're the keeper on duty at a zoo, it's half an hour before opening, and you find "
        "the fence round the red panda enclosure has been damaged and one of the pandas isn't there. What "
        "would you do?",
        "steps": [
            "Okay, so, straight away I'd radio the head keeper and security and tell them to hold the "
            "gates, no visitors in yet.",
            "Then I'd get a couple of keepers walking the paths near the enclosure, um, looking up in the "
            "trees mostly, because that's where she'd go.",
            "I'd ring the vet as well and have the dart kit and a travel crate brought up, just in case.",
            "And I'd put somebody on the broken bit of fence, so the other panda doesn't wander out the "
            "same way.",
        ],
        "closing": "Once she's back in, I'd write the whole morning up and ask for the fence line to be "
        "walked every evening from then on.",
        "contingency": "If we still haven't found her by opening time, I'd keep that end of the zoo shut "
        "and only let people in through the far gate.",
    },
    {
        "question": "Imagine you're a wedding planner and on the morning of the wedding the caterer phones "
        "to say their van's broken down sixty miles away. How would you handle it?",
        "steps": [
            "Right, um, first I'd find out exactly what's on that van and what they could still cook from "
            "scratch at the venue.",
            "Then I'd phone the venue's own kitchen and ask them straight out, what could you put together "
            "for a hundred people by four o'clock?",
            "I wouldn't tell the couple yet, I'd find the best man or one of the parents, somebody calm, "
            "and keep them posted.",
            "And I'd push the drinks reception a bit earlier and stretch it out, more canapés, more fizz, "
            "to buy us some time.",
        ],
        "closing": "Afterwards I'd add a line to every catering contract saying they need a backup vehicle.",
        "contingency": "If the venue can't manage it, I'd ring round every caterer within twenty miles and "
        "pay whatever it takes for a cold buffet.",
    },
    {
        "question": "Suppose you're the duty manager at a public pool, it's Saturday morning with lessons "
        "booked all day, and the first water test shows the chlorine is way too low. What would you do?",
        "steps": [
            "So the first thing, nobody goes in, the pool stays shut, and that's, that's not up for "
            "discussion.",
            "Then I'd get someone down to the plant room to see, um, whether the dosing pump's stopped or "
            "it's simply run dry.",
            "I'd have reception call or text the parents for the first couple of lessons and let them know "
            "we're running late.",
            "And once it's been dosed I'd retest every half an hour and put each reading in the log.",
        ],
        "closing": "At the end of the day I'd go through the plant checks with the maintenance lead and "
        "find out why the night shift didn't catch it.",
        "contingency": "If it's still not safe by eleven, I'd cancel the morning lessons and offer every "
        "family a free catch up session.",
    },
]

PLANS_ZH: list[dict[str, Any]] = [
    {
        "question": "假如你是动物园的值班饲养员，开园前半个小时，发现小熊猫馆的围栏坏了，还少了一只，"
        "你会怎么做？",
        "steps": [
            "嗯，第一时间我会拿对讲机通知主管和保卫科，大门先别开，一个游客都别放进来。",
            "然后叫两个同事沿着馆舍附近的小路找，那个，主要往树上看，它们一般往高处跑。",
            "我还会给兽医打个电话，让他把麻醉枪和运输笼带过来，以防万一。",
            "坏掉的那段围栏我会安排个人守着，别让另一只也从那儿溜了。",
        ],
        "closing": "等找回来以后，我会把整个经过写下来，再申请以后每天傍晚都巡一遍围栏。",
        "contingency": "要是到开园了还没找着，那一片我就先封着，游客只从另一头的门进。",
    },
    {
        "question": "假设你是婚礼策划，婚礼当天早上，餐饮公司打电话说他们的车在一百公里外抛锚了，"
        "你怎么处理？",
        "steps": [
            "我第一步先问清楚，车上到底装了些什么，哪些到了酒店厨房还能现做。",
            "然后直接给酒店后厨打电话问，四点之前一百个人的饭，你们能弄出多少来。",
            "新人那边我先不说，我会找伴郎，或者家里哪个稳当点的长辈，有什么情况随时跟他通气。",
            "再把迎宾酒会往前挪一点、拉长一点，多上点小点心，先拖一拖时间。",
        ],
        "closing": "事后，我会在每一份餐饮合同里加上一条，必须备一辆车。",
        "contingency": "要是酒店也弄不了，我就挨个给附近的餐饮公司打电话，花多少钱都先把自助餐订下来。",
    },
    {
        "question": "假如你是公共游泳馆的值班经理，周六早上排满了游泳课，结果第一次测水，余氯低得厉害，"
        "你会怎么办？",
        "steps": [
            "那首先，谁都不许下水，池子先关着，这个没得商量。",
            "然后让人去机房看一眼，嗯，是加药泵停了，还是药干脆用完了。",
            "前台那边我会让他们给头两节课的家长打电话、发短信，说要往后推一推。",
            "加完药以后我会每半个小时测一次，每回的数都记到本子上。",
        ],
        "closing": "当天下班前，我会拉着维修组长把机房的检查过一遍，看看夜班为什么没发现。",
        "contingency": "要是到十一点水还不达标，上午的课我就全取消，每个孩子补一节免费的。",
    },
]

EN: dict[str, list[str]] = {
    "q_behavioural": [
        "Tell me about a time something you were in charge of went wrong in front of customers.",
        "Can you think of a time you had to change someone's mind with evidence?",
        "Talk me through a time you were handed a problem nobody else wanted.",
        "Describe a time you had to get something done through people who didn't report to you.",
        "Give me an example of a time a small detail turned out to matter a lot.",
        "Tell me about a time you had to keep a routine going when things kept interrupting it.",
    ],
    "q_situational": [p["question"] for p in PLANS_EN],
    "situation": [
        "So I was a shift brewer at a craft brewery, and, um, every third or fourth batch of the pale ale "
        "was coming out cloudy.",
        "I worked as a marine coordinator for an offshore wind farm, and the technicians kept getting out "
        "to a turbine and finding the spare part wasn't on the boat.",
        "Right, I was a coordinator at a wedding planning firm, and we had, I think, four couples in one "
        "summer whose florist just never showed up.",
        "At the furniture factory I was a team leader in upholstery, and, uh, sofas were coming back "
        "because the stitching on the arms was working loose.",
        "I was duty manager at a council swimming pool, and the early lane swim kept starting twenty "
        "minutes late because the covers were still on.",
        "So my job at the zoo was senior keeper on the primates, and, honestly, visitors were feeding the "
        "monkeys crisps through the mesh every weekend.",
        "I was deputy stage manager for a touring theatre company and the second act scene changes were "
        "overrunning by three or four minutes a night.",
        "I ran production for a bakery chain with 9 shops, and the bread was reaching the last two after "
        "they'd already opened their doors.",
        "Back then I was a senior carer in a care home, and, uh, residents' medication times kept getting "
        "missed on weekend shifts.",
        "I was a round supervisor for a waste and recycling contractor, and missed collection complaints "
        "were running at about sixty a week.",
        "At the garden centre I looked after the plant area, and every spring we were binning, like, "
        "trolley loads of stock that had dried out on the benches.",
        "I was a section planner in railway track maintenance, and our overnight work kept, kept finishing "
        "late, so the first trains of the morning got held.",
        "So I managed a car hire branch by the main station, and, you know, in July people were queueing "
        "over an hour just to get their keys.",
    ],
    "task": [
        "My area manager basically handed it over and said, you've got till Christmas.",
        "The owner hadn't picked anyone, so I put my hand up, mostly because it was driving me up the wall.",
        "I'd only been there about four months, but the general manager asked me to have a go at it.",
        "And the deal was no overtime, so whatever I came up with had to fit inside normal hours.",
        "The last person who looked at it had moved on, and it got passed down to me.",
        "The director wanted a plan from me at the next board meeting, which was three weeks off.",
    ],
    "action_i": [
        "I took samples off the fermenters every morning for a month and logged the temperature at each "
        "stage.",
        "I went through a year of repair tickets with the technicians and put together a parts kit for each "
        "turbine model.",
        "I rang every florist on our books and, um, brought in a check in call with each one on the "
        "Wednesday before the wedding.",
        "I sat with the two newest upholsterers for a couple of days and, uh, watched how they were "
        "finishing the arm seams.",
        "I rejigged the opening rota so that one lifeguard came in at half five purely to get the covers "
        "off.",
        "I got the signs redone and, and stood by the enclosure myself on Saturdays, chatting to families "
        "about why crisps make the monkeys ill.",
        "I timed every change from the wings on my phone for a week, then, um, redrew who carried what and "
        "when.",
        "I redrew the delivery route on a map, so the van hit the furthest shops first instead of last.",
        "I introduced a sign off sheet for the medication round, and I went through it personally at the "
        "end of every weekend shift.",
        "I rode in the cab for a fortnight and marked every street where the lorry couldn't get down past "
        "the parked cars.",
        "I drew up a watering rota with a name against each bench, and at four every afternoon I walked "
        "round and checked.",
        "I dug out six months of shift reports and, um, broke down, night by night, where the time was "
        "going.",
        "I let customers do the paperwork online the day before, and opened a second desk just for the "
        "people who'd done it.",
    ],
    "action_we": [
        "So the whole yard stayed on after the Monday briefing and we, we talked it through properly.",
        "My lot on the packing line shared the checks out between us, a different person each day.",
        "Everybody on the rota agreed to come in half an hour earlier for a trial month.",
        "The keepers put their heads together over a few lunch breaks and came up with a new routine.",
        "Then we, as a department, basically tore up the old checklist and wrote a new one from scratch.",
        "The depot crew took turns riding along on the rounds, and we swapped notes every Friday afternoon.",
        "The cast and the crew stayed behind after a matinee and we ran the changes over and over.",
    ],
    "result": [
        "The next twenty-odd brews all came out clear, and the head brewer stopped tipping batches down the "
        "drain.",
        "The boats went out fully stocked after that, and the site manager told me it was the first winter "
        "we hit our availability target.",
        "Not one florist let us down the following season, and, um, two couples actually mentioned it in "
        "their reviews.",
        "Returns for loose stitching dropped from about 30 a month to 4 or 5.",
        "The lane swim opened on the dot every day after that, and the early regulars, honestly, they "
        "bought the lifeguards a box of chocolates.",
        "The vet said the stomach upsets in the monkey house had more or less stopped, and the zoo put the "
        "same signs up at the other enclosures.",
        "By the end of the tour the second act came down on time, and the company manager asked me to train "
        "the next deputy.",
        "Every shop had bread on the shelves before opening, and the operations director rolled my route "
        "out to the other two regions.",
        "We got through the next inspection without a single medication error, and the home was rated good "
        "for the first time.",
        "Missed collections went down to ten or so a week, and the council renewed our contract for another "
        "five years.",
        "We were throwing out roughly a third of what we used to, and I got employee of the quarter for it.",
        "For the next three months we handed the line back on time every single night, and not one train "
        "got held.",
        "The average wait at the desk fell under fifteen minutes, and our branch went from bottom of the "
        "league table to second.",
    ],
    "lesson": [
        "If I learned anything, it's that the newest person on a team often sees the problem clearest, "
        "because they haven't got used to it yet.",
        "Honestly, what I took from it was, don't argue about whose fault it is, just put a name against "
        "each job.",
        "I'd say it taught me to check the bit everybody's sure is fine, because that's usually where it is.",
        "And, um, I learned to say thank you out loud, in front of people, because it really kept them "
        "going.",
        "The big thing for me was that a fix only sticks if it's easier than the old way.",
    ],
    "hypothetical": [
        "I reckon I'd pull the last few months of records together first, so I'm not just going on gut "
        "feeling.",
        "My gut says I'd want a second pair of eyes on it before I changed anything.",
        "Probably I'd set myself a deadline, like a fortnight, and update my boss every Friday.",
        "The way I see it, I'd ask the customer what a good outcome looks like to them and work back from "
        "there.",
        "If I were in that spot, I'd find out whether anyone had tried to fix it before, and why it didn't "
        "stick.",
        "I'd most likely send the team a short note explaining what's changing and why.",
        "I'd want the people affected to hear it from me first, not through the grapevine.",
        "And then, um, I'd ask for a bit of budget, even a small one, so people could see it was being "
        "taken seriously.",
    ],
    "plan": _plan_sentences(PLANS_EN),
    "short": [
        "I'd rather not go into that one, if that's okay.",
        "Nothing dramatic, honestly, my jobs have been fairly quiet.",
        "Reliable. That's the word people use about me.",
        "Um, yeah, once at my old place, but it kind of sorted itself out in the end, so there isn't really "
        "much to tell about it, to be honest.",
        "Look, I'm the sort of person who'll always stay late and help out with whatever needs doing, and "
        "managers have always liked that about me.",
        "Teamwork makes the dream work, right?",
        "Errr, can we come back to that one?",
        "I'm adaptable, I can turn my hand to pretty much anything.",
        "Every job has its ups and downs, and I just try to learn something from each of them, that's how I "
        "look at it, really.",
        "My last boss said I was the most dependable person on the team.",
    ],
    "filler": ["you know, um,", "so, like,", "uh, yeah,", "right, and,", "well, basically,"],
    "trailing": [
        "And the thing I tried first, um, the thing was,",
        "So I grabbed the, uh, I grabbed",
        "What I did then, and I wasn't sure it'd work, was",
        "So I sort of, um, well, I",
    ],
    "trailing_we": [
        "So the whole yard, um, we",
        "And everybody on the rota, uh, we sort of",
        "Then my lot, honestly, we just, we",
    ],
}

ZH: dict[str, list[str]] = {
    "q_behavioural": [
        "说一次你负责的事当着客人的面出了岔子的经历。",
        "讲讲你拿证据把别人说服的一次经历。",
        "有没有接过一个谁都不愿意碰的活儿？讲讲。",
        "说一次你得靠不归你管的人把事情办成的经历。",
        "举个例子，一个小细节后来变得特别要紧的那种。",
        "讲讲你老被打断、可还是得把日常的事撑下去的经历。",
    ],
    "q_situational": [p["question"] for p in PLANS_ZH],
    "situation": [
        "我之前在一家精酿啤酒厂当酿酒师，那个，差不多每三四批淡色艾尔就有一批是浑的。",
        "我在海上风电场做船舶调度，运维师傅坐船出去，到了风机底下才发现备件没带，这种事老发生。",
        "我在婚庆公司做策划，有一年夏天，就是，有四对新人的花艺师当天压根没来。",
        "在家具厂我是软包车间的班长，沙发老被退回来，扶手那块的线开了。",
        "我那会儿在区里的游泳馆当值班经理，早上那场晨泳老是晚二十分钟才开，因为池子上的盖布还没收。",
        "我在动物园灵长类馆当饲养员，周末游客老隔着网子喂猴子吃薯片，说了也不听。",
        "我在一个巡演的话剧团做舞台监督助理，第二幕换景每天晚上都要超出去三四分钟。",
        "我在一家连锁面包店管生产，九家门店，最远那两家面包送到的时候人家都已经开门了。",
        "我以前在养老院当护理组长，周末那几个班，老人吃药的时间老是给漏掉。",
        "我在一家环卫公司当线路主管，漏收垃圾的投诉一个礼拜能有六十来个。",
        "我在花卉市场，哦不对，是园艺中心，管植物区，每年开春都有一大堆苗在架子上干死，只能扔。",
        "我在铁路工务段做计划，晚上的天窗作业老是超时，早上头班车就得在那儿等着。",
        "我在火车站边上一个租车门店当店长，一到暑假，客人排队取个钥匙要等一个多小时。",
    ],
    "task": [
        "片区经理直接就交给我了，说年底之前给他个交代。",
        "老板也没点名，我自己揽过来的，因为天天看着心里堵得慌。",
        "我去了才四个月左右，总经理就让我试试看。",
        "前提是不给加班费，所以想出来的办法得在正常上班时间里能做完。",
        "之前管这事的人走了，这一摊就转到我手里了。",
        "总监让我三个礼拜以后的董事会上拿个方案出来。",
    ],
    "action_i": [
        "我连着一个月每天早上去发酵罐取样，每一步的温度都记在本子上。",
        "我跟运维师傅把一年的维修单过了一遍，按风机型号一个型号配了一套备件箱。",
        "我把合作的花艺师挨个打了一遍电话，然后定了个规矩，婚礼前那个礼拜三必须跟我确认一次。",
        "我跟着两个新来的软包师傅干了两天，嗯，就在边上看他们扶手那道线是怎么收的。",
        "我把开馆的排班改了，专门让一个救生员五点半就到，啥也不干，就收盖布。",
        "我重新做了提示牌，周六我自己就站在笼子边上，跟带孩子的家长聊，告诉他们猴子吃了会生病。",
        "我在侧台拿手机给每次换景计时，计了一个礼拜，然后，嗯，把谁搬什么、什么时候搬重新排了一遍。",
        "我在地图上把送货路线重新画了，让车先跑最远的店，不再留到最后。",
        "我搞了一张发药签字单，每个周末班结束我都亲自过去一张一张地核。",
        "我跟车跑了半个月，坐在驾驶室里，哪条街停满了车、垃圾车进不去，我都标了出来。",
        "我排了个浇水表，每个架子写上负责人的名字，每天下午四点我自己转一圈。",
        "我把半年的作业记录翻出来，嗯，一晚一晚地拆开看，时间到底耗在哪儿了。",
        "我让客人提前一天在网上把手续办好，又单独开了一个窗口，专门给办好了的人取车。",
    ],
    "action_we": [
        "我们班组周一开完早会，大伙儿留下来一块儿商量了一下。",
        "包装线上我们那一拨人把检查分了，每天轮一个人。",
        "排班表上的人都同意先提前半小时来，试一个月。",
        "饲养员们趁着几个午休凑一块儿，琢磨出了一套新流程。",
        "然后全组干脆把旧的检查单撕了，从头重写了一份。",
        "车队的人轮流跟车，每个礼拜五下午大家再凑一起对一对。",
        "演员和后台的人演完日场都没走，一遍一遍地练换景。",
    ],
    "result": [
        "后面连着二十几批都是清亮的，酿酒主管再也没往下水道里倒过酒。",
        "那以后船出去备件都是齐的，场长说那是头一个冬天我们的可利用率达了标。",
        "第二年一个花艺师都没掉过链子，嗯，还有两对新人在评价里专门提了这事。",
        "扶手开线的退货从一个月三十来件降到了四五件。",
        "从那以后晨泳每天都准点开，那帮老泳友，说真的，还给救生员送了一盒巧克力。",
        "兽医说猴馆拉肚子的基本没有了，园里后来把这种牌子挂到了别的场馆。",
        "巡演最后几站第二幕一分钟都没超，剧团经理还让我去带下一个助理。",
        "每家店开门前面包都上了架，运营总监把我这条路线推到了另外两个片区。",
        "下一次检查发药一次错都没出，养老院头一回评上了良好。",
        "漏收投诉降到一个礼拜十来个，甲方又跟我们续了五年。",
        "扔掉的苗差不多少了三分之一，那个季度我还评上了优秀员工。",
        "接下来三个月，每天晚上都按时交还线路，一趟车都没耽误。",
        "柜台平均等待缩到了十五分钟以内，我们店在片区排名从倒数第一冲到了第二。",
    ],
    "lesson": [
        "要说学到什么，就是新来的人往往最看得出毛病，因为他们还没习惯。",
        "我觉得吧，别去争是谁的错，每件事后面写上一个人的名字就行了。",
        "大家都觉得没问题的那个环节，偏偏最该去查。",
        "还有就是，谢谢要当着大家的面说出来，真的挺提气的。",
        "说到底，新办法得比老办法省事，不然过两个月又回去了。",
    ],
    "hypothetical": [
        "我估计我会先把最近几个月的记录调出来，不能光凭感觉。",
        "换了是我，动手之前肯定要再找个人帮我把把关。",
        "我可能会给自己定个期限，比如说两个礼拜，每个礼拜五跟领导汇报一下。",
        "按我的习惯，会先问问客户，他心里觉得怎样才算解决好了，然后倒着来。",
        "如果我碰上了，我会先打听一下以前有没有人弄过，为什么没坚持下来。",
        "我应该会给大家写个简短的说明，讲清楚改什么、为什么改。",
        "我会尽量让受影响的人先从我这儿听到，而不是从别人嘴里传过来。",
        "然后呢，嗯，我会去申请一点经费，哪怕很少，让大家看到这事是当真的。",
    ],
    "plan": _plan_sentences(PLANS_ZH),
    "short": [
        "这个我不太想展开说，可以吗？",
        "也没什么大事，说实话我之前的工作都挺平稳的。",
        "靠谱，别人说起我都用这俩字。",
        "嗯，以前那家倒是有过一次，不过后来自己就好了，所以真没什么好讲的，说实在的。",
        "我这人吧，不管什么活儿，需要的话我都愿意留下来加班帮忙，历任领导都挺喜欢我这一点的。",
        "团结就是力量嘛，对吧？",
        "呃，这个，能不能待会儿再说？",
        "我适应能力强，干什么都能上手。",
        "每份工作都有起有落，我就是每一次都尽量学点东西，我是这么看的。",
        "我上一个领导说我是组里最让人放心的一个。",
    ],
    "filler": ["那个，就是，", "你知道吧，", "呃，然后，", "就是吧，", "嗯嗯，"],
    "trailing": [
        "我先试的那个办法，嗯，那个办法就是",
        "于是我抓起那个，呃，我就抓了",
        "然后我，说实话我也没把握，我就",
        "我就有点，嗯，怎么说，我",
    ],
    "trailing_we": ["我们班组那会儿就，嗯，", "大伙儿当时就，呃，有点", "后来我们那一拨人，就是，"],
}


def answers(language: str, seed: int, count: int = 20) -> list[dict[str, Any]]:
    """`count` answer scripts, the six kinds in turn, ids "sixth_..." (as scripts_fresh.scripted)."""
    pool, plans = (EN, PLANS_EN) if language == "en" else (ZH, PLANS_ZH)
    return scripted(language, seed, count, pool, plans, "sixth")
