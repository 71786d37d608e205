"""Answer scripts for the ninth held-out corpus: one workplace per story, English and Mandarin.

Written apart from the turn-taking and follow-up rules (without reading them) and apart from the eight other
corpora (tests/data/corpus/scripts.py, tests/data/corpus_fresh/scripts_fresh.py,
tests/data/corpus_third/scripts_third.py, tests/data/corpus_fourth/scripts_fourth.py,
tests/data/corpus_fifth/scripts_fifth.py, tests/data/corpus_sixth/scripts_sixth.py,
tests/data/corpus_seventh/scripts_seventh.py, tests/data/corpus_eighth/scripts_eighth.py): other workplaces.
English: a boarding kennels, a bowling alley, a vineyard's tasting room, a scaffolding firm, an escape room
venue, a locksmith, a football stadium's stewards, a phone repair shop, a lifeboat station, a council
gritting depot, an outdoor activity centre. Mandarin (written in Chinese, not translated): 连锁奶茶店,
外卖配送站, 直播带货公司, 火车站边上的24小时便利店, 歌厅, 共享单车运维, 蛋鸡养殖场, 家电上门维修, 村委会,
少儿编程培训机构, 纸箱厂. The plans: a multi-storey car park's exit barriers failing at Friday rush hour, a
heatwave on a primary school's sports day, a burst pipe flooding a bookshop's stockroom on the morning of an
author signing; 高考考点考生忘带身份证, 商场周末晚上孩子走失, 养猪场一栏猪发烧不吃食.

The answer kinds, their expected follow-up and the pause lengths come from tests/data/corpus/scripts.py
(through scripts_fresh: `KINDS`, `EXPECT`, `_answer` for hypothetical and too_short answers, `_gap`,
`_part`), the plans and the order of kinds from scripts_fresh (its `_plan`), so that all nine corpora mean
the same thing by "complete", "no_result", "we_only", "hypothetical", "too_short" and "plan". Stories are
told by this file's own `_recount`, not scripts_seventh's `_tell`: two to four actions kept in the order
they were done, one or two thinking pauses (1.5-3.5 s) that fall after a whole sentence, after a clause
that trails off, or in the middle of an action after a comma or a connective ("gummed up with lane oil,
so | I, uh, I moved the deep clean", "人手这块我就，| 把人分成了三段"); for complete answers the result (one
or two sentences, said plainly, in passing or hedged) and then sometimes a short closing remark ("So
yeah, that's about it, really.", "大概就是这样吧。"), a lesson, or both; for some no_result answers a
second long pause (2-3.5 s) and one more action, as an afterthought when it was done earlier ("Oh, and",
"哦对了，还有就是"); some no_result and we_only answers end on a closing remark too, which says nothing of
an outcome.

A complete story has a clear past result of some kind; a no_result story the situation and the
candidate's own actions and no outcome of any kind; a we_only story only what "we" (the crew, the depot,
我们, 大家, 大伙儿) did, no action of the candidate's own and no outcome. The candidates speak differently
from one another: long run-on sentences, very short ones ("Took ten minutes.", "店在火车站边上。"), actions
in many shapes ("What I did first was...", "The cleaning rota got rewritten, by me", "我这边就...",
"我让他们..."), fillers, restarts ("I had the invoices, uh, I had new invoice pads made up"),
self-corrections, numbers in words and in digits in both languages. Hypotheticals, too_short answers,
lessons and closing remarks are shared pools; no two answers of a language repeat one of their sentences.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "corpus"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "corpus_fresh"))
from scripts_fresh import EXPECT, KINDS, _answer, _gap, _part, _plan  # noqa: E402

STORY_KINDS = ("complete", "no_result", "we_only")
SHARED = ("short", "hypothetical", "lesson", "closing")  # pools that several answers draw from
SPLIT = "|"  # where, inside an action, a thinking pause may fall (after a comma or a connective)

PLANS_EN: list[dict[str, Any]] = [
    {
        "question": "Imagine you're the site manager at a multi-storey car park, it's five o'clock on a "
        "Friday, and the exit barriers stop working with a queue of cars backing out onto the main road. "
        "What would you do?",
        "steps": [
            "Okay, so first thing, I'd lift the barriers by hand, every exit lane, and let people out for "
            "free, the money's not worth a jam on the main road.",
            "Then I'd get somebody out onto the entrance ramp with a sign, because we don't want more cars "
            "coming in while the exits are in a mess.",
            "I'd ring the barrier company's emergency line, uh, and ask how long before an engineer can get "
            "there.",
            "And I'd get on the tannoy and tell the drivers upstairs what's going on, so nobody's sitting on "
            "their horn for twenty minutes.",
        ],
        "closing": "Once it's all cleared I'd write down how long it was out and how much we let go, for the "
        "owners and for the barrier company.",
        "contingency": "If the barriers can't be lifted by hand, I'd ring the police about the traffic on "
        "the "
        "main road and open up the emergency exit at the back.",
    },
    {
        "question": "Say you're the teacher in charge of sports day at a primary school, and by eleven in "
        "the "
        "morning it's already thirty-four degrees. How would you handle it?",
        "steps": [
            "Right, honestly, I'd cut it short, first thing, the long races go and we keep the short fun "
            "ones.",
            "I'd move every class that's waiting into the shade by the hall, and get the water bottles "
            "refilled before every single race.",
            "I'd want a first aider on the field the whole time, not back in the office, with a cool box and "
            "some wet towels.",
            "And I'd text the parents so they know it's finishing early and can come and collect if they "
            "want to.",
        ],
        "closing": "Afterwards I'd tell the head we need a proper heat plan for sports day, with a cut-off "
        "temperature that we all agree on.",
        "contingency": "If a child looks really unwell, I'd get them inside straight away, ring home, and "
        "call "
        "an ambulance if they don't pick up quickly.",
    },
    {
        "question": "Suppose you manage a bookshop, and you come in on the morning of a big author signing "
        "to "
        "find a burst pipe has flooded the stockroom. What would you do?",
        "steps": [
            "First off, stop the water, so the stopcock, and then the power to the stockroom if there's any "
            "chance it's near a socket.",
            "Then, um, I'd check the boxes for the event, the ones the author's signing, and get anything "
            "still dry up onto the shop floor.",
            "I'd ring the author's publicist straight away and tell them honestly, before they hear it from "
            "somebody else.",
            "I'd have the staff photograph everything that's wet before we move it, for the insurance.",
        ],
        "closing": "At the end of the day I'd sit down, list what we lost and what it cost, and get a "
        "plumber "
        "in to look at the rest of the pipes.",
        "contingency": "If the event copies are ruined, I'd ask the publisher to courier stock over, and if "
        "that can't happen, the author signs bookplates instead.",
    },
]

PLANS_ZH: list[dict[str, Any]] = [
    {
        "question": "假如你是高考考点的工作人员，开考前二十分钟，有个考生哭着跑过来，说身份证落在家里了，"
        "你会怎么办？",
        "steps": [
            "那我先让他别慌，把他带到考点办公室去，别堵在门口耽误后面的考生进场。",
            "然后马上给他家里打电话，看家里有没有人能送过来，大概要多长时间。",
            "同时我会去找在考点值班的民警，问问能不能先给他开个临时的身份证明。",
            "我还会跟主考说一声，把这个考生的情况登个记，一切按规定来办。",
        ],
        "closing": "考完以后，我会跟学校提个建议，考试前一天让班主任挨个再提醒一遍带证件。",
        "contingency": "要是家里实在送不过来，临时证明也来不及开，我就请主考按应急的办法处理，"
        "别让孩子白白耽误了。",
    },
    {
        "question": "假设你是商场的值班经理，周末晚上人特别多，有个妈妈跑到服务台，说她五岁的孩子不见了，"
        "你会怎么处理？",
        "steps": [
            "我首先会问清楚孩子穿的什么衣服、长什么样、最后是在哪儿看见的，然后用对讲机告诉所有的保安。",
            "然后马上让保安守住每个出口，尤其是通地下车库的那几个，带着小孩出去的都看一眼。",
            "我会让监控室把最后看到孩子那个地方的录像调出来，看他往哪边走了。",
            "同时用商场的广播喊，说孩子的名字和穿的衣服，让孩子自己去最近的店里找工作人员。",
        ],
        "closing": "孩子找到以后，我会把整个过程记下来，看看哪个环节慢了，下回怎么能再快一点。",
        "contingency": "要是十五分钟还找不着，我就马上报警，同时把孩子的照片发给每个店的店长。",
    },
    {
        "question": "如果你是一个养猪场的场长，早上查栏的时候发现有一栏猪好几头发烧、不吃食，你会怎么做？",
        "steps": [
            "我第一件事就是把这一栏隔开，人也不让随便进出了，进出的都得换衣服、消毒。",
            "然后马上给兽医打电话，让他过来看看，该抽血的抽血，送去化验。",
            "我会让饲养员把这几天喂的料、喝的水都记下来，看看是不是饲料出了问题。",
            "别的栏的猪我也会让人一栏一栏地去量体温，看看有没有传开。",
        ],
        "closing": "等化验结果出来了，我会跟兽医一起把整个场的防疫再过一遍，哪儿有漏洞就补上。",
        "contingency": "要是化验出来是传染病，我就马上按规定报给畜牧站，一头猪都不往外卖。",
    },
]

# One candidate, one workplace, one question per story; complete 4, no_result 4, we_only 3 per language.
# "situation" is said in full, in order; one "task" may follow; "actions" are in the order they were done
# (two to four of them are told); "|" marks where a pause may fall inside an action; "result" (complete
# only) is said in full; "trailing" are clauses that trail off before a thinking pause.
STORIES_EN: dict[str, list[dict[str, Any]]] = {
    "complete": [
        {
            # A run-on talker, "what I did was", a result in two sentences, short then hedged.
            "question": "Tell me about a time you stopped a problem from coming back every year.",
            "situation": [
                "So I was assistant manager at a boarding kennels, about sixty dogs in the summer holidays, "
                "and every single August we'd get a run of kennel cough going through the blocks, and then "
                "of course the owners would pick up a dog that's hacking away and, well, you can imagine the "
                "phone calls."
            ],
            "task": [
                "The owner more or less said to me, sort it out before next summer or we're going to lose "
                "the regulars."
            ],
            "actions": [
                "What I did first was go back through two summers of vet bills and work out which block it "
                "always started in, and | it was nearly always block C, the one right by the drop-off door.",
                "I changed the booking form so nobody got a place without their vaccination card being "
                "checked, and | I mean actually looked at, not just a tick in a box.",
                "Then I, | um, I split the drop-offs, so new arrivals went into the quiet block for their "
                "first two nights instead of straight in with everyone else.",
                "And the cleaning rota got rewritten, by me, with the bowls and the runs done in a set order "
                "so the same mop wasn't going from one block to the next.",
            ],
            "result": [
                "The next summer we had one case.",
                "One, against fourteen the year before, and to be fair that dog came in already coughing, "
                "so.",
            ],
            "trailing": ["And then I, I sort of", "So what I, uh, what I ended up"],
        },
        {
            # Short sentences next to long ones; the result in passing, with an aside.
            "question": "Describe a time you fixed something everyone else had learned to live with.",
            "situation": [
                "I was the maintenance tech at a bowling alley, twenty lanes.",
                "Friday nights the pinsetters would jam, like, six or seven times a night, and every jam is "
                "a "
                "lane down and a league team moaning at the front desk.",
            ],
            "task": ["Everyone had sort of accepted it, the manager used to call it the Friday tax."],
            "actions": [
                "I kept a notebook behind the machines for a month and | wrote down every jam, which lane, "
                "what "
                "time, and what had actually stuck.",
                "Turned out most of it was the pin elevators getting gummed up with lane oil, so | I, uh, I "
                "moved the deep clean from Monday mornings to Thursday nights.",
                "I got the owner to sign off on a box of spare belts and parts, so a broken part meant ten "
                "minutes and not a week waiting on a courier.",
                "And two of the front desk lads got shown how to clear a simple jam themselves, which, they "
                "weren't thrilled about at first.",
            ],
            "result": [
                "By Christmas I was hardly getting called out on a Friday at all, which my wife was very "
                "happy about, and the league signed up for another two seasons."
            ],
            "trailing": ["So I, well, I thought I'd", "And, and then I kind of"],
        },
        {
            # Hedged result, a mid-sentence pause after "and then".
            "question": "Tell me about a time you changed something that was losing the business money.",
            "situation": [
                "I managed the tasting room at a vineyard, a small family one, and about one booking in five "
                "just never turned up, which on a Saturday in summer, when you've turned people away, really "
                "hurts."
            ],
            "task": [
                "The owners asked me to look into it, because they were thinking of dropping bookings "
                "altogether."
            ],
            "actions": [
                "I brought in a ten-pound deposit per person that came off the bill on the day, so it wasn't "
                "really extra, it just made people commit.",
                "I set up a text to go out the evening before, and then | honestly that was, I think, the "
                "bit that made the difference.",
                "Then I started a waiting list, a proper one on a clipboard, and | I'd ring round it at "
                "about "
                "ten in the morning to fill any gaps.",
            ],
            "result": [
                "No-shows came down, I want to say to about one in twenty, something like that, I'd have to "
                "check, but the Saturdays were pretty much full from then on."
            ],
            "trailing": ["And I, um, what I", "So the, the first thing I"],
        },
        {
            # Terse, digits, very short sentences.
            "question": "Give me an example of a time you got people to stick to a rule.",
            "situation": ["I was a supervisor at a scaffolding firm.", "23 sites up at any one time."],
            "task": ["Weekly inspections kept getting missed."],
            "actions": [
                "I put every site on one whiteboard in the yard.",
                "Any site still on red by Wednesday, | I drove out there myself.",
                "Inspectors got a text from me, | every Monday at 7.",
                "The Saturday ones I did. Me personally.",
            ],
            "result": [
                "Next visit from the inspector, nothing. Not one note.",
                "First clean report the firm had had in about 6 years.",
            ],
            "trailing": ["So I, um", "What I, I"],
        },
    ],
    "no_result": [
        {
            # A run-on opening, then plain actions.
            "question": "Tell me about a time something kept going wrong in front of customers.",
            "situation": [
                "I ran the floor at an escape room place, four rooms, and the props kept failing mid-game, a "
                "magnet lock wouldn't release or a drawer would stick, and the group's just standing there "
                "with the clock running, thinking it's part of the puzzle."
            ],
            "task": ["We were getting reviews saying the game was broken, which, to be fair, it was."],
            "actions": [
                "I wrote a reset sheet for each room, | every lock, every drawer, every clue in the order it "
                "had to go back.",
                "I started testing every room end to end before the first booking, you know, | actually "
                "playing it through with a stopwatch.",
                "The magnet locks, I rewired two of them myself with better connectors, because the cheap "
                "ones were just working loose.",
                "And I put a little hint card by the camera screen, so whoever was hosting knew what to say "
                "if a prop went.",
            ],
            "trailing": ["And then I, um, I kind of", "So I, well"],
        },
        {
            # A restart, a very short sentence after a long one.
            "question": "Tell me about a time you had to deal with customers feeling ripped off.",
            "situation": [
                "I worked for a small locksmith business, mostly emergency call-outs, people locked out at "
                "midnight, that sort of thing."
            ],
            "task": [
                "We kept getting complaints about the bill, people saying the price on the phone and the "
                "price on the doorstep were two different things."
            ],
            "actions": [
                "I started giving a range on the phone, a low and a high, and | saying out loud what would "
                "push "
                "it up to the high end.",
                "What I did next was text that same quote to them before I set off, so | it was there in "
                "writing, on their phone.",
                "I had the invoices, uh, I had new invoice pads made up with the call-out, the labour and "
                "the "
                "parts on separate lines.",
                "And if a lock looked like it needed replacing rather than picking, I'd stop and ask first. "
                "Every time.",
            ],
            "trailing": ["So I, I just, I", "And I, um, I also"],
        },
        {
            "question": "Describe a time you had to manage a crowd.",
            "situation": [
                "I was a steward supervisor at a football stadium, the away end, and on derby days the queue "
                "at the turnstiles went right back round the corner at ten to three, with kick-off at three."
            ],
            "task": ["The safety officer told me the away end was mine to sort."],
            "actions": [
                "I stood at the turnstiles with a clicker for three home games and counted how many people "
                "got through a minute.",
                "The bag searches were the bottleneck, so | I moved four stewards, no, five, forward to do "
                "them out on the concourse, before the turnstiles.",
                "I rang the away club's liaison officer the week before, and | asked them to tell their fans "
                "to "
                "get there early and leave big bags at home.",
                "And then, um, I got two more turnstiles opened for the away end, which had been shut for "
                "years because nobody had asked.",
            ],
            "trailing": ["And I, I also went", "So, I mean, I"],
        },
        {
            # Short sentences, a self-correction.
            "question": "Tell me about a time you sorted out something that was badly organised.",
            "situation": [
                "I worked in a phone repair shop, screens, batteries, water damage mostly.",
                "There were phones everywhere. In drawers, on shelves, in a shoebox.",
            ],
            "task": [
                "A couple of times the wrong phone had gone back to the wrong person, and that's not, you "
                "know, that's somebody's whole life in there."
            ],
            "actions": [
                "I got a roll of numbered tags and | every phone that came in got one, with the same number "
                "on "
                "the customer's ticket.",
                "I cleared out one whole wall and put up shelves in three rows, waiting for parts, being "
                "fixed, ready to collect.",
                "I set up a text, well, an automatic message that went out when a phone moved to ready, "
                "and | it had their ticket number in it.",
                "At close, every night, I'd count the phones against the tickets. Took ten minutes.",
            ],
            "trailing": ["And I, I, um", "So then I, well"],
        },
    ],
    "we_only": [
        {
            "question": "Tell me about a time your team had to get faster at something.",
            "situation": [
                "I'm a volunteer crew member at a lifeboat station, and our launch times at night were "
                "creeping up, sometimes well over ten minutes from the pagers going off to the boat being in "
                "the water."
            ],
            "task": ["The coxswain said that wasn't good enough, and nobody disagreed."],
            "actions": [
                "We started doing night launches as exercises, once a fortnight, | in the dark, so it wasn't "
                "new when it was real.",
                "As a crew we moved the kit around, so | everybody's drysuit and lifejacket were hung up in "
                "the order we'd actually put them on.",
                "We agreed that whoever got to the station first did the tractor checks, and the next one in "
                "started on the boat, no waiting around for the senior crew.",
                "And between us we marked out the slipway with reflective tape, so you could see the edges "
                "with a head torch.",
            ],
            "trailing": ["And then we, um, we all", "So the crew, we, we"],
        },
        {
            # A run-on talker.
            "question": "Describe a time your team dealt with a really busy period.",
            "situation": [
                "I worked at a council gritting depot, where the lorries go out when it's icy, and one "
                "January we had, what, nine nights of frost in a row, no, ten, and the salt was running low."
            ],
            "task": ["The roads manager wanted the main routes covered every night, whatever happened."],
            "actions": [
                "We sat down as a depot and, um, | cut the routes back to the priority ones, hospitals, bus "
                "routes, the big hills.",
                "The drivers and the loaders all went onto split shifts, so | there was somebody in the yard "
                "at every hour of the night.",
                "We got on the phone to the next council over and borrowed salt off them, a few hundred "
                "tonnes of it.",
                "Everybody, and I mean the office lot too, took turns ringing the schools at six in the "
                "morning to tell them which roads had been done.",
            ],
            "trailing": ["We, we sort of", "And then the team, we just"],
        },
        {
            # Short sentences in the situation.
            "question": "Tell me about a time your team had to change something for safety reasons.",
            "situation": [
                "I was an instructor at an outdoor activity centre, kayaking and canoeing for school groups "
                "mostly.",
                "Kit kept going out wrong. Wrong size buoyancy aids, helmets with broken straps.",
            ],
            "task": ["A teacher raised it with our manager after a trip, and fair enough."],
            "actions": [
                "We stripped the kit room out completely and | sorted every buoyancy aid by size, with "
                "coloured "
                "tape on the hooks.",
                "The instructors started checking each other's groups on the jetty, so | no group went out "
                "with only one pair of eyes on it.",
                "Anything broken went in a red crate, and we agreed nothing came out of that crate until it "
                "had been fixed and signed off.",
                "We all, the whole team, did a refresher on fitting helmets on kids, which sounds daft but, "
                "you know.",
            ],
            "trailing": ["And we, um, the lot of us", "So we, we"],
        },
    ],
}

STORIES_ZH: dict[str, list[dict[str, Any]]] = {
    "complete": [
        {
            # 然后呢 run-on, 我这边就, a pause after 然后我就.
            "question": "说一次你想办法提高效率的经历。",
            "situation": [
                "我之前在一家连锁奶茶店当店长，就是学校门口那种，然后一到周末下午，"
                "外卖单跟店里排队的一块儿来，"
                "出一杯要等七八分钟，平台上超时的单子一天几十个。"
            ],
            "task": ["区域经理来店里转了一圈，说这个月超时再降不下来，我这个店长就别干了。"],
            "actions": [
                "我这边就先，| 把操作台重新摆了一下，珍珠、椰果那些小料挪到封口机旁边，省得一个人来回跑。",
                "然后呢，人手这块我就，| 把人分成了三段，一个专门接单贴标签，一个专门摇，一个专门封口打包。",
                "外卖的单子我让他们单独放一排架子，然后，| 骑手来了自己扫码拿，不用再跟排队的客人挤在一块儿。"
                "",
                "还有就是，每天下午两点之前，我让他们把当天要用的茶底都提前泡好。",
            ],
            "result": ["后来出一杯差不多四分钟吧，超时的单子一天也就三五个。"],
            "trailing": ["我就，我那时候就想", "然后，然后我就先"],
        },
        {
            # The result said indirectly: nobody left.
            "question": "讲一次你留住人的经历。",
            "situation": [
                "我在一个外卖配送站当站长，手底下四十来个骑手。",
                "那年冬天老下雨，超时、差评一大堆，一扣钱，骑手就不想干了，一个月走了七八个，不对，得有十来个。",
            ],
            "task": ["再这么走下去，中午高峰根本送不过来。"],
            "actions": [
                "我先是一个一个去找走了的那几个，| 打电话，问他们到底是为啥走的。",
                "差评这块我去跟平台申诉，下雨天超时的单子，能申诉的我一单一单都给申诉了。",
                "然后我在站里弄了个热水壶、一箱姜茶，| 还有，嗯，一排充电的插座，让他们中午能歇口气。",
                "新来的骑手我让老骑手带三天，就是，| 哪个小区门朝哪边开、哪栋楼电梯不能用，都给他讲清楚。",
            ],
            "result": ["后来嘛，反正那个冬天剩下的日子，站里一个人都没走，开春还回来了两个。"],
            "trailing": ["我，我那个时候就", "然后我就，呃"],
        },
        {
            # A hedged result (好像, 吧, 印象里).
            "question": "说一次你把一个老出错的环节理顺的经历。",
            "situation": [
                "我在一家做直播带货的公司当场控，就是主播在前面讲，我在后面上链接、改库存的那种。",
                "那时候秒杀老是超卖，库存明明就两百件，结果卖出去三百多单。",
            ],
            "task": ["超卖的单子发不了货，只能一个一个打电话道歉、退款，老板气得不行。"],
            "actions": [
                "开播前我把每个链接的价格和库存，| 跟仓库给的表一个一个对一遍，对不上的当场就改。",
                "然后我做了个表，几点几分上哪个链接、放多少件，都写死，| 主播那边也打印一份。",
                "我还跟主播约了个暗号，她一说最后一波了，我这边就得马上把库存锁住。",
                "每场播完，我自己，| 把订单数跟库存再对一遍，有差的当天就找出来是哪个链接。",
            ],
            "result": [
                "后来好像就没再超卖过了吧，至少我在的那一年多，我印象里是没有，退款的单子也少了一大截。"
            ],
            "trailing": ["我就，我先", "那我就，嗯，就是"],
        },
        {
            # Terse, digits, very short sentences.
            "question": "讲一次你处理安全问题的经历。",
            "situation": ["我在一家24小时便利店上夜班。", "店在火车站边上。"],
            "task": ["半夜老有人喝多了来闹，还丢过东西。"],
            "actions": [
                "我先把收银台挪到了正对门口。",
                "货架我让人降低了，| 站在收银台能看到整个店。",
                "我跟派出所的巡逻车说好，| 半夜两点前后过来转一圈。",
                "监控我自己掏钱又多装了2个。",
            ],
            "result": ["后来半年，一次事都没出。", "丢东西也少了，一个月也就丢一两样。"],
            "trailing": ["我就，嗯", "然后我，我"],
        },
    ],
    "no_result": [
        {
            # Actions in several shapes (我让..., 我自己...).
            "question": "说一次你处理客人投诉的经历。",
            "situation": [
                "我在一家歌厅当夜班经理，周末晚上包厢全满，然后老有客人投诉，说点的酒水半天不上，"
                "按铃叫服务员也没人来。"
            ],
            "task": ["老板说再收到一条差评，就扣我这个月的奖金。"],
            "actions": [
                "我先把服务员重新分了区，然后，| 一个人管六个包厢，门口贴上名字，谁的包厢谁负责。",
                "然后我就，| 在吧台装了个屏幕，哪个包厢按铃了、按了多久，一眼就能看见。",
                "酒水我让吧台提前备好几种常点的套餐，点了直接端走，不用再现调。",
                "每天晚上十二点左右，我自己，| 挨个包厢敲门进去问一声，还缺什么没有。",
            ],
            "trailing": ["我，我当时就", "然后我，嗯，我又"],
        },
        {
            "question": "讲一次你跟外面的单位打交道、一起解决问题的经历。",
            "situation": [
                "我在一家共享单车公司做运维，管城东那一片。",
                "早高峰地铁口的车堆成了山，人都走不过去，城管一个礼拜给我们开了好几张罚单。",
            ],
            "task": ["公司让我先把那几个地铁口弄干净。"],
            "actions": [
                "我每天早上六点就到地铁口，| 拿个本子记，几点开始堆车，堆到多少辆。",
                "然后我去找城管那边的人，主动上门，| 跟他们商量能不能在地铁口边上画一块停车区。",
                "调度车我改了时间，原来九点以后才来拉车，所以我就，| 让他们八点就来，一趟先拉走一半。",
                "我还在手机软件上把那几个地铁口设成了禁停区，停进去的要多扣钱。",
            ],
            "trailing": ["那我就，那个", "我又，我又去"],
        },
        {
            # A run-on opening, 我这边就.
            "question": "说一次你碰到一个查不清原因的问题，你是怎么查的。",
            "situation": [
                "我在一个蛋鸡养殖场当技术员，三栋鸡舍，差不多五万只鸡，哦不是，四万多只，然后那年开春，二号鸡舍的产蛋率一下子"
                "掉了一成多，另外两栋好好的。"
            ],
            "task": ["场长让我一个礼拜之内把原因找出来。"],
            "actions": [
                "我先把三栋鸡舍的温度、湿度都记下来，然后，| 每隔两个钟头去看一次，夜里也去。",
                "然后发现二号舍的灯，| 开灯关灯的时间跟另外两栋差了一个多小时，我就把定时器重新调了一遍。",
                "饲料我也查了，我这边就，| 让饲料厂把那几批的化验单都发过来，一张一张地对。",
                "我还从二号舍抓了十只鸡，送到县里的兽医站去抽血化验。",
            ],
            "trailing": ["我就，我先是", "然后我，呃，我就"],
        },
        {
            "question": "讲一次你让客户更放心的经历。",
            "situation": [
                "我是做家电上门维修的，空调、洗衣机、热水器这些。",
                "好多客户，特别是老人，怕我们乱收费，人都进门了还不让修。",
            ],
            "task": ["公司说这种单子老是取消，让我们想想办法。"],
            "actions": [
                "出门之前我先给客户打个电话，| 大概什么毛病、大概多少钱，先说清楚。",
                "进了门我先把鞋套穿上，工具包打开给他们看，| 然后当着他们的面拆，"
                "拆下来的旧零件一样一样摆在地上。",
                "要换零件的，我就，| 让客户自己拿手机扫零件上的码，看看价格跟我说的是不是一样。",
                "修完以后我都会留个电话，跟他们说，一个礼拜之内有问题直接打给我，不用再找公司。",
            ],
            "trailing": ["我就，就是", "我后来，我，我就"],
        },
    ],
    "we_only": [
        {
            "question": "讲一次你们大家一起解决一个难题的经历。",
            "situation": [
                "我在我们村委会干过两年，那年夏天西瓜大丰收，结果收瓜的老板压价压得特别狠，一斤才给几毛钱，"
                "好多人家的瓜就烂在地里了。"
            ],
            "task": ["村里好几十户种瓜的，都指着这一季。"],
            "actions": [
                "我们村委几个人挨家挨户去登记，| 谁家有多少瓜、什么品种、哪天能摘。",
                "然后大家商量着开了个网店，| 我们几个年轻的轮流拍视频，在地头现摘现切。",
                "我们还跟县城的几家超市，还有，| 几个学校食堂去谈，让他们直接从村里拉。",
                "村里的大喇叭每天早上喊一遍，谁家的瓜要装车了，大伙儿就过去帮着搬。",
            ],
            "trailing": ["我们就，那个，大家", "然后我们，嗯，我们就"],
        },
        {
            "question": "说一次你们团队一起应对家长意见的经历。",
            "situation": [
                "我在一家少儿编程的培训机构当老师。",
                "那一阵子家长老说孩子上了半年课，回家什么都做不出来，续费的越来越少。",
            ],
            "task": ["校长让我们几个老师一起想想办法。"],
            "actions": [
                "我们老师们一起把课重新排了一遍，然后，| 每四节课做一个小游戏出来，孩子能拿回家玩。",
                "然后呢，我们，| 每个月办一次小的展示会，让孩子自己上台讲他做的东西，家长坐在下面看。",
                "大家分了一下工，每个老师管十几个孩子，然后，| 下了课在群里给家长发一句话，说今天学了什么。",
                "我们教研组还每周一起听一次课，谁讲得太快了、哪儿孩子听不懂，当面就说。",
            ],
            "trailing": ["我们当时，我们就想", "然后大家，呃，大家就"],
        },
        {
            # Short sentences in the situation and task.
            "question": "讲一次你们团队赶一个很急的订单的经历。",
            "situation": [
                "我在一家纸箱厂上班，年底接了个大单，一个水果公司要十万个箱子，半个月就要。",
                "厂里平时一个月也就做个五六万。",
            ],
            "task": ["做不完要赔违约金的。"],
            "actions": [
                "我们车间开了个会，| 把两班倒改成了三班倒，机器二十四小时不停。",
                "印刷那边跟模切那边，大家商量好，| 印好一批就马上往下走，不等攒够了再一起送。",
                "我们几个班长轮流在仓库盯着，| 纸板到了就卸，卸完就上机。",
                "打包的时候大伙儿都来帮忙，办公室的人也下了车间，一起打包、码垛。",
            ],
            "trailing": ["我们就，那个，车间里", "大伙儿就，就先"],
        },
    ],
}

EN: dict[str, list[str]] = {
    "q_behavioural": [
        "Tell me about a time you had to give somebody bad news.",
        "Describe a time you went beyond what your role asked of you.",
        "Tell me about a time you made a mistake at work and had to put it right.",
        "Give me an example of when you had to persuade a manager to change their mind.",
        "Tell me about a time you had to train someone who was struggling.",
        "Describe a time a customer asked for something you couldn't give them.",
    ],
    "lesson": [
        "The lesson for me was, write it down, because nobody remembers what got agreed in a corridor.",
        "What I took from it is you can't fix what you haven't counted.",
        "I suppose I learned that asking the people on the ground saves you a lot of guessing.",
        "Since then I don't assume something's someone else's job just because it isn't in my contract.",
        "Honestly, the main thing I learned is that the boring fixes are usually the ones that stick.",
        "If there's one thing, it's that I should have started on it months earlier.",
    ],
    "closing": [
        "So yeah, that's about it, really.",
        "Anyway, that's, yeah, that's the story.",
        "I think that covers it.",
        "Um, so, yeah. That was that one.",
        "That's pretty much everything, I think.",
        "Sorry, that went on a bit.",
        "So that would be my example.",
        "Does that answer the question?",
        "Yeah, I think that's it from me.",
        "That's the one that came to mind, anyway.",
    ],
    "hypothetical": [
        "If that landed on me, I think I'd sit down with the person first and just listen.",
        "What I'd do, probably, is get the facts together before I went to anybody with it.",
        "I'd want to, um, have a word with my supervisor, and then go from there.",
        "I reckon I'd ask the customer what would actually make it right for them.",
        "The way I'd go about it is one step at a time, and, you know, keep everyone in the loop.",
        "Ideally I'd have a quiet word before it turned into a big thing.",
        "I'd probably try a couple of things and keep whichever one worked.",
        "I'd make a list, I'm a list person, and I'd work through it.",
        "If it was me, I'd own up straight away rather than hope nobody noticed.",
        "I'd like to think I'd, uh, I'd stay level-headed and not take it personally.",
        "I guess I'd check what the policy says and stick to that.",
        "Assuming I had the time, I'd shadow them for a day to see where it's going wrong.",
    ],
    "short": [
        "Can't think of one, sorry.",
        "I'd rather not go into that one, if that's all right.",
        "I'm very organised. Always have been.",
        "Oh, loads of times, but nothing specific, it all sort of blurs together, you know how it is when "
        "you've been doing a job a long time.",
        "Hmm. I'll pass on that.",
        "Yes, I have.",
        "People generally like working with me, I'm easy to get along with.",
        "Well, it depends, doesn't it, every situation's different, so I'd say I just deal with things as "
        "they come up.",
        "Next question?",
        "I'm a problem solver, that's what I'd say about myself.",
    ],
    "filler": ["um,", "uh,", "so, like,", "I mean,", "right, so,", "er, well,"],
}

ZH: dict[str, list[str]] = {
    "q_behavioural": [
        "讲一次你不得不跟别人说坏消息的经历。",
        "说说你做了超出自己分内的事的一次经历。",
        "讲一次你工作上出了错，后来是怎么补救的。",
        "说一次你说服领导改主意的经历。",
        "讲讲你带一个跟不上的新人的经历。",
        "说一次客户提的要求你满足不了，你是怎么办的。",
    ],
    "lesson": [
        "我从这事儿学到的就是，得先数清楚，心里没数就瞎改，没用。",
        "打那以后我就觉得吧，说好的事一定要落到纸上。",
        "说白了，就是多问问一线干活的人，比自己瞎琢磨强。",
        "后来我就明白了，不是我分内的事，也不能光在边上看着。",
        "其实最管用的，往往就是那些最笨的办法。",
        "要说有什么教训，就是应该早点动手，别老拖着。",
    ],
    "closing": [
        "大概就是这样吧。",
        "嗯，差不多就这些。",
        "就是这么个事儿。",
        "我想想啊，嗯，就这些了。",
        "反正就是这样。",
        "不好意思，说得有点啰嗦了。",
        "这个就是我的例子。",
        "嗯，我说完了。",
        "不知道这样回答行不行。",
        "对，大概就是这么回事。",
    ],
    "hypothetical": [
        "这种事要是落到我头上，我应该会先找当事人好好聊一聊，先听他说。",
        "我这边的话，可能先把情况弄清楚，再去跟领导汇报。",
        "要是我的话，我会，嗯，先问问客户到底想要个什么说法。",
        "我觉得我会一步一步来，然后随时跟大家通个气。",
        "最好是能在事情闹大之前，先私下跟他沟通一下。",
        "我可能会先试两三个办法，哪个管用就用哪个。",
        "我这人喜欢列清单，我会先列出来，然后一条一条去办。",
        "换成我，我会第一时间跟人家说实话，不会藏着掖着。",
        "我希望自己能，那个，能沉得住气，不往心里去。",
        "我估计我会先看看公司有没有规定，按规定来。",
        "如果时间允许，我会跟着他干一天，看看到底是哪儿出了问题。",
        "我大概会先找几个老同事取取经，听听他们以前是怎么弄的。",
    ],
    "short": [
        "这个我真想不起来了，不好意思。",
        "这个能不能不说？",
        "我做事特别有条理，一直都是。",
        "哎，这种事太多了，天天都有，你让我说具体哪一次，我还真说不上来，都混在一块儿了。",
        "嗯，跳过吧。",
        "有过。",
        "大家都说跟我共事挺舒服的。",
        "这个要看具体情况吧，每件事都不一样，我一般就是碰到什么处理什么。",
        "下一个问题吧。",
        "我这个人就是爱琢磨，碰到问题总能想出办法来。",
    ],
    "filler": ["那个，", "就是，", "嗯，", "然后呢，", "怎么说呢，", "呃，就是说，"],
}


# Actions that already open on a connective take no filler in front ("uh, and then", "然后呢，然后").
CONNECTIVES = ("And", "Then", "So", "然后", "还有")


def _with_filler(filler: str, text: str, language: str) -> str:
    if text.startswith(CONNECTIVES):
        return text
    if language == "zh":
        return filler + text
    keep = text.startswith(("I ", "I'", "I,"))
    return f"{filler} {text if keep else text[0].lower() + text[1:]}"


def _whole(text: str, language: str) -> str:
    """An action said without a pause inside it: the two halves joined as one sentence."""
    halves = [h.strip() for h in text.split(SPLIT)]
    return (" " if language == "en" else "").join(halves)


def _afterthought(text: str, language: str) -> str:
    """An action remembered late, after a later one was told: "Oh, and ...", "哦对了，还有就是，..."."""
    if language == "zh":
        return "哦对了，还有就是，" + text.removeprefix("然后")
    text = text.removeprefix("And ").removeprefix("Then ")
    keep = text.startswith(("I ", "I'", "I,"))
    return "Oh, and " + (text if keep else text[0].lower() + text[1:])


def _think(rng: random.Random, low: float = 1.5, high: float = 3.5) -> float:
    return round(rng.uniform(low, high), 2)


def _recount(
    story: dict[str, Any], pool: dict[str, list[str]], rng: random.Random, kind: str, language: str
) -> list[dict[str, Any]]:
    """One story's parts, told this set's way.

    The situation (all of it), maybe the task; two to four of the actions, in the order they were done; one
    thinking pause, or two when three or more actions are told, each before an action (after a whole
    sentence, or after a clause that trails off), inside an action where it has a "|" (after a comma or a
    connective), or for a complete answer just before the result. Complete: the result, then maybe a closing
    remark, a lesson, or a lesson and a closing remark. no_result: sometimes a second long pause and one more
    action (as an afterthought, "Oh, and ...", "哦对了...", when it was done before the last one told).
    no_result and we_only: sometimes a closing remark that says nothing of an outcome.
    """
    situation = story["situation"]
    parts = [_part(situation[0], _gap(rng), "after_first_sentence")]
    parts += [_part(s, _gap(rng)) for s in situation[1:]]
    if rng.random() < 0.7:
        parts.append(_part(rng.choice(story["task"]), _gap(rng)))
    acts = story["actions"]
    count = rng.randint(2, min(4, len(acts)))
    told = sorted(rng.sample(range(len(acts)), count))
    held = [i for i in range(len(acts)) if i not in told]
    # Where the thinking pauses fall: before (or inside) the j-th action told, or before the result (j=count).
    thinks = 2 if count >= 3 and rng.random() < 0.6 else 1
    places = set(rng.sample(range(count + (kind == "complete")), thinks))
    trailing = rng.sample(story["trailing"], len(story["trailing"]))
    for j, i in enumerate(told):
        text = acts[i]
        style = None
        if j in places:
            r = rng.random()
            if SPLIT in text and r < 0.55:
                style = "inside"
            elif r < 0.8 and trailing:
                style = "trail"
            else:
                style = "whole"
        if style == "whole":
            parts[-1]["pause_after"], parts[-1]["pause_kind"] = _think(rng), "thinking_complete"
        elif style == "trail":
            parts.append(_part(trailing.pop(), _think(rng), "thinking_incomplete"))
        if rng.random() < 0.3:
            text = _with_filler(rng.choice(pool["filler"]), text, language)
        if style == "inside":
            head, tail = (h.strip() for h in text.split(SPLIT))
            parts.append(_part(head, _think(rng), "thinking_incomplete"))
            parts.append(_part(tail, _gap(rng)))
        else:
            parts.append(_part(_whole(text, language), _gap(rng)))
    if kind == "complete":
        if count in places:
            parts[-1]["pause_after"], parts[-1]["pause_kind"] = _think(rng), "thinking_complete"
        parts += [_part(s, _gap(rng, 0.4, 0.8)) for s in story["result"]]
        r = rng.random()
        coda = (
            ["closing"] if r < 0.3 else ["lesson"] if r < 0.55 else ["lesson", "closing"] if r < 0.7 else []
        )
        parts += [_part(rng.choice(pool[key]), _gap(rng, 0.4, 0.9)) for key in coda]
    else:
        if kind == "no_result" and held and rng.random() < 0.5:
            # A second long pause, then one more thing they did: still no outcome.
            parts[-1]["pause_after"], parts[-1]["pause_kind"] = _think(rng, 2.0, 3.5), "thinking_complete"
            i = rng.choice(held)
            more = _whole(acts[i], language)
            parts.append(_part(more if i > told[-1] else _afterthought(more, language), _gap(rng)))
        if rng.random() < 0.3:
            parts.append(_part(rng.choice(pool["closing"]), _gap(rng, 0.4, 0.9)))
    parts[-1]["pause_after"] = None
    return parts


def answers(language: str, seed: int, count: int = 20) -> list[dict[str, Any]]:
    """`count` answer scripts, the six kinds in turn (as scripts_fresh.scripted), ids "ninth_...".

    complete, no_result and we_only answers each tell the next story of their kind (one workplace, its own
    question) with _recount; hypothetical and too_short come from the shared pools (scripts._answer), plans
    from scripts_fresh._plan. Each language draws from its own random stream, and the shared pools lose each
    sentence once an answer of that language has said it.
    """
    pool, plans, stories = (EN, PLANS_EN, STORIES_EN) if language == "en" else (ZH, PLANS_ZH, STORIES_ZH)
    rng = random.Random(f"{seed}-{language}")
    out = []
    said: set[str] = set()
    for n in range(count):
        kind = KINDS[n % len(KINDS)]
        k = n // len(KINDS)
        fresh = {**pool, **{key: [t for t in pool[key] if t not in said] for key in SHARED}}
        if kind == "plan":
            question, parts = _plan(plans, rng, k)
        elif kind in STORY_KINDS:
            story = stories[kind][k % len(stories[kind])]
            question = story["question"]
            parts = _recount(story, fresh, rng, kind, language)
        else:
            question, parts = _answer(fresh, rng, kind)
        said.update(p["text"] for p in parts)
        reason = EXPECT[kind]
        out.append(
            {
                "id": f"ninth_{language}_{kind}_{k + 1}",
                "language": language,
                "question": question,
                "question_kind": "situational" if kind == "plan" else "behavioural",
                "kind_of_answer": kind,
                "parts": parts,
                "expect": {"follow_up": reason is not None, "follow_up_reason": reason},
            }
        )
    return out
