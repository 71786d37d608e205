"""Answer scripts for the fifth held-out corpus: new sentence pools per STAR part, English and Mandarin.

Written apart from the turn-taking and follow-up rules (without reading them) and apart from the four other
corpora (tests/data/corpus/scripts.py, tests/data/corpus_fresh/scripts_fresh.py,
tests/data/corpus_third/scripts_third.py, tests/data/corpus_fourth/scripts_fourth.py): other industries (a
water utility, film production, a veterinary clinic, a container port, solar installation, a dental clinic,
a translation agency, city buses, a school canteen, a recruitment agency, a chemical plant, a cinema chain,
a ski resort), other wording, spoken the way candidates talk (fillers, restarts, asides, run-on sentences, a
clause that trails off before a thinking pause).

The pools have the same keys and the plans the same shape as scripts_fresh.py, scripts_third.py and
scripts_fourth.py; the answer kinds, their expected follow-up and the way a story is put together come from
scripts.py, the plans and the order of kinds from scripts_fresh.scripted, so that all five corpora mean the
same thing by "complete", "no_result", "we_only", "hypothetical", "too_short" and "plan".

This set's own variety is in the wording: results as numbers, as something a manager or customer said, as
money saved, as a thing that stopped happening; hypotheticals phrased several ways ("what I'd do is...",
"if it were me...", "我的做法是...", "碰到这种事我肯定先...", "要是让我来..."); the team named several ways
(the guys on my shift, our department, the whole office, 我们科室, 我们几个, 一帮同事, 队里); and too_short
mixing one-liners, evasive 15-30 word non-answers and answers that only describe oneself.
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
        "question": "Say you supervise the lifts at a ski resort and a chairlift stops dead with about forty "
        "people hanging on it. What would you do?",
        "steps": [
            "Right, so the very first thing, I'd get on the radio to the lift mechanic and find out if "
            "it's a quick reset or something worse.",
            "Meanwhile I'd send someone up the line on a snowmobile to tell people, look, you're safe, we're "
            "on it.",
            "What I'd do next is get the ski patrol ready for a rope evacuation, just in case, without "
            "starting it yet.",
            "And I'd close the queue at the bottom, um, so we're not loading anyone else onto a lift that "
            "isn't moving.",
        ],
        "closing": "At the end, once everyone's off, I'd sit down with the mechanics and go through the log "
        "minute by minute.",
        "contingency": "If the mechanic says it's more than half an hour, I'd start the evacuation from the "
        "chairs nearest the ground.",
    },
    {
        "question": "Imagine you're the location manager on a film shoot and, the night before, the owner of "
        "tomorrow's house pulls out. How would you handle it?",
        "steps": [
            "Okay, honestly, first I'd ring the owner back myself, calmly, just to see if there's anything "
            "we can fix, money, timing, parking.",
            "Then I'd go through my list of backup places that we'd already scouted, and, uh, phone the two "
            "closest.",
            "If it were me, I'd tell the director and the first assistant straight away, not at six in the "
            "morning.",
            "And I'd look at whether we can swap the schedule round and shoot tomorrow's studio scenes "
            "instead.",
        ],
        "closing": "Lastly, I'd get a proper signed agreement in for every location after that, with a "
        "notice period in it.",
        "contingency": "If nothing's free, I'd ask the producer about losing a day and paying the crew to "
        "stand by.",
    },
    {
        "question": "Suppose you work on reception at a vet's, and a dog owner can't pay for emergency "
        "surgery and starts shouting at you. What would you do?",
        "steps": [
            "Well, first I'd, I'd bring them round to the quiet room, away from the other owners in the "
            "waiting area.",
            "Then I'd get the vet to explain exactly what the dog needs now and what could wait a day or "
            "two.",
            "What I'd do after that is go through the payment plans with them, and any pet charity that "
            "might help.",
            "And I'd keep checking in with them every so often, so they don't feel like they've been "
            "forgotten.",
        ],
        "closing": "And at the end I'd write it up, so the next receptionist knows which charities actually "
        "answered.",
        "contingency": "If they still can't cover it, I'd ask the practice manager whether we can start "
        "treatment and sort the money out later.",
    },
]

PLANS_ZH: list[dict[str, Any]] = [
    {
        "question": "假如你在滑雪场管缆车，有一条吊椅突然停住了，上面挂着四十来个人，你会怎么做？",
        "steps": [
            "嗯，碰到这种事我肯定先用对讲机找机修师傅，问清楚是重启一下就行，还是更麻烦的毛病。",
            "同时我会派个人开雪地摩托沿线上去，跟大家喊一声，你们是安全的，我们正在处理。",
            "我的做法是让救援队先把绳索救援的东西准备好，先不动手，万一要用呢。",
            "还有，下面排队的入口我会先关掉，不能再往一条不动的缆车上放人了。",
        ],
        "closing": "最后，等人全部下来了，我会跟机修师傅一起把当天的记录一分钟一分钟地过一遍。",
        "contingency": "要是师傅说半个小时都修不好，那我就从离地面最近的吊椅开始往下救人。",
    },
    {
        "question": "假设你在剧组当场地负责人，拍摄前一天晚上，"
        "第二天要用的那套房子房东突然说不借了，你怎么办？",
        "steps": [
            "要是让我来，我第一件事是自己给房东回个电话，心平气和地问问，是钱的问题，时间的问题，还是停车的问题。",
            "然后我会把之前踩好点的备用场地翻出来，嗯，挑离得最近的两个先打电话。",
            "导演和执行导演那边，我会马上说，不会拖到第二天早上六点才讲。",
            "再看看能不能调一下顺序，明天先拍棚里的戏。",
        ],
        "closing": "最后，从那以后每个场地我都会签正式的协议，写清楚提前多少天通知。",
        "contingency": "要是实在一个空的场地都找不到，我就去跟制片商量，停一天，剧组的人照样算钱。",
    },
    {
        "question": "假如你在宠物医院前台，有个狗主人付不起急诊手术的钱，在大厅里冲你嚷嚷，你会怎么处理？",
        "steps": [
            "我的做法是，先把他请到里面的小房间，别当着其他宠物主人的面吵。",
            "然后请医生过来讲清楚，狗现在必须做什么，哪些可以缓一两天。",
            "接着我会跟他一起看看能不能分期，还有没有哪家动物公益组织能帮上忙。",
            "中间我会隔一会儿就过去看看他，别让他觉得没人管他。",
        ],
        "closing": "最后我会把这次的情况记下来，下一个前台就知道哪些公益组织是真的会回电话的。",
        "contingency": "如果他还是凑不够钱，我就去问院长，能不能先把手术做了，钱的事回头再说。",
    },
]

EN: dict[str, list[str]] = {
    "q_behavioural": [
        "Tell me about a time you spotted a problem before anyone else did.",
        "Can you give me an example of when you had to win over someone who didn't trust you?",
        "Talk me through a time you had to work to a deadline that felt impossible.",
        "Describe a time when a process you relied on just stopped working.",
        "Tell me about a time you had to train someone who really didn't want to be trained.",
        "Give me an example of a time you had to say no to someone senior.",
    ],
    "q_situational": [p["question"] for p in PLANS_EN],
    "situation": [
        "So, I was a network controller at a water company, and, um, we were getting the same burst main "
        "on one estate about twice a month.",
        "I was a production coordinator on a TV drama, and call sheets kept going out with the wrong "
        "times on them.",
        "At the vet practice I was head receptionist, and, honestly, about a quarter of the vaccination "
        "bookings were no shows.",
        "I was a shift planner at a container port, and the lorries were queueing, like, two hours at the "
        "gate some mornings.",
        "So I was running install crews for a solar company, and panels were arriving on site with half "
        "the brackets missing.",
        "Right, at the dental surgery I was the practice coordinator, and patients were waiting nearly a "
        "year for a hygienist.",
        "I was a project manager at a translation agency and, uh, our medical clients kept sending "
        "jobs back for terminology mistakes.",
        "At the bus company I was a duty controller, and the number twelve route was, well, basically "
        "never on time.",
        "I ran the kitchen of a secondary school canteen, and we were throwing away a mountain of food "
        "every single lunchtime.",
        "I was a consultant at a recruitment agency, and candidates kept dropping out after accepting the "
        "offer.",
        "At the chemical plant I was a process technician, and the, the same pump seal kept failing on the "
        "night shift.",
        "So I was an assistant manager at a cinema, and the Saturday evening concessions queue was putting "
        "people into films late.",
        "And my last job was at a ski resort, rental shop supervisor, and the first hour every morning was "
        "just chaos.",
    ],
    "task": [
        "My boss more or less said, you're on it, let me know what you need.",
        "It wasn't strictly my job, but, um, nobody else had picked it up, so I did.",
        "And the operations manager gave me till the end of the quarter to come back with something.",
        "Because I'd been there longest on my team, they sort of looked at me.",
        "Head office wanted it sorted without hiring anyone, which, you know, made it harder.",
        "So the ask was, fix it, but don't slow down anything else while you do.",
    ],
    "action_i": [
        "I pulled up three years of pressure logs and lined them up against the times the pumps switched on.",
        "I rewrote the call sheet template so the times came straight from the schedule, not typed in by "
        "hand.",
        "I started phoning every owner two days before the jab, and, um, offering them a different slot "
        "right there.",
        "I went down to the gate at six for a week and, like, wrote down every truck and how long it waited.",
        "I made up a packing list for each job and got the warehouse to tick it off before the van left.",
        "I went through the whole waiting list myself and rang anyone who'd been on it over nine months.",
        "I built a glossary for each medical client and, uh, made every translator check it before delivery.",
        "I rode the twelve route for three days with a stopwatch, front to back and back again.",
        "I stood by the bins for a fortnight and, honestly, just counted what came back on the plates.",
        "I started calling every candidate the week before they started, just to check in and ask how "
        "they felt.",
        "I went through every failure report from the last two years and, um, I noticed they all happened "
        "after a cold start.",
        "I moved the popcorn machine next to the tills and set up a separate counter just for drinks.",
        "I asked customers for their boot sizes when they booked online, and laid the kit out the night "
        "before.",
    ],
    "action_we": [
        "So the guys on my shift, we all sat down in the canteen and went through it together.",
        "Our department split the list three ways and each of us took a section.",
        "The whole office agreed to try the new rota for a month, and, uh, we stuck with it.",
        "We got everyone round the whiteboard on a Monday morning and threw ideas at it.",
        "Basically we all stayed late for a couple of weeks and worked through the pile.",
        "And the team leads voted on it and we went with what they picked.",
        "We brought the manufacturer's engineer in, and the crew went through the whole thing with him.",
    ],
    "result": [
        "In the end the bursts on that estate stopped, we had one in the whole next year.",
        "After that, wrong call times went from most weeks to basically never, and the director actually "
        "noticed.",
        "No shows dropped from about a quarter to under one in ten within three months.",
        "The gate queue came down to around twenty minutes, and the hauliers stopped ringing to complain.",
        "We went from half the jobs needing a second visit to maybe one in twenty.",
        "The waiting list went from almost a year to about four months by the summer.",
        "Medical returns pretty much stopped, and that client doubled the work they sent us.",
        "The twelve was on time nine days out of ten by the end of term, and the council wrote to say "
        "thanks.",
        "Food waste roughly halved, and the head teacher said it saved us a few thousand pounds that year.",
        "Dropouts fell from one in four to one in ten, and my manager put me forward for senior consultant.",
        "That seal lasted over a year after that, and the plant manager said it saved a shutdown.",
        "Late starts on Saturday night disappeared, and one regular told me, this is the first time I've "
        "seen the trailers in years.",
        "The morning rush went from over an hour to about twenty minutes, and the complaints just stopped.",
    ],
    "lesson": [
        "What I took away is, go and watch the thing happen yourself before you try and fix it.",
        "And I learned that, honestly, a two minute phone call saves hours later on.",
        "I guess the main thing was, the people doing the job already had most of the answer.",
        "For me it showed that small boring changes usually beat one big clever one.",
        "So yeah, I'd say the lesson was, write it down, because nobody remembers it the same way.",
    ],
    "hypothetical": [
        "What I'd do is sit down with whoever's closest to it and find out what's really going on.",
        "If it were me, I'd fix the bit that's hurting customers first and worry about the rest later.",
        "I think I'd probably, um, get everybody involved in one room and agree a plan.",
        "In that situation I'd want to tell my manager early, rather than hope it goes away.",
        "I'd try to keep notes the whole way through, so someone else could pick it up.",
        "Ideally I'd test a small change for a week before rolling it out to everyone.",
        "I'd be honest with the customer about what we could and couldn't do.",
        "And then I'd come back to it after a month, just to check it was still holding.",
    ],
    "plan": _plan_sentences(PLANS_EN),
    "short": [
        "Yeah, that happens, you deal with it.",
        "Not really, no, nothing comes to mind.",
        "I'm very organised, so I tend not to get into that kind of situation.",
        "I just stay positive, that's my thing.",
        "Oh, there's been loads of times like that, honestly, it's sort of part of the job, you just get on "
        "and sort it out and move on to the next thing.",
        "I think it really depends on the situation, you know, every case is different, so I'd just look at "
        "it and do whatever made sense.",
        "I'm a hard worker and people tell me I'm easy to get along with.",
        "Hmm, I can't think of a specific one, but I'm always the person people come to when something's "
        "gone wrong, so.",
        "Pass, sorry.",
        "I'm a natural problem solver, always have been.",
    ],
    "filler": ["so, uh,", "I mean, honestly,", "yeah, so,", "and, um,", "okay, well,"],
    "trailing": [
        "So the first thing I did, and it took me a bit, was, um,",
        "And then I, I kind of, uh,",
        "So I went straight over to the, um,",
        "Because nobody had done it before, I started by",
    ],
    "trailing_we": [
        "So the guys on my shift, we, um,",
        "And our department, uh, we sort of",
        "Then the whole office, well, we, we just",
    ],
}

ZH: dict[str, list[str]] = {
    "q_behavioural": [
        "说一次你比别人先发现问题的经历。",
        "举个例子，讲讲你怎么让一个不信任你的人慢慢认可你的。",
        "讲讲你碰到一个看起来根本赶不上的截止时间，是怎么应付的。",
        "说一次你平时依赖的流程突然不管用了的经历。",
        "有没有带过一个根本不想学的新人？说说看。",
        "讲一次你不得不拒绝领导的经历。",
    ],
    "q_situational": [p["question"] for p in PLANS_ZH],
    "situation": [
        "我以前在自来水公司做管网调度，有个小区呢，水管差不多一个月爆两次，老是同一段。",
        "我在一个电视剧组做统筹，通告单上的时间老是写错，演员不是来早了就是来晚了。",
        "我在宠物医院当前台主管，打疫苗的预约，说实话，四个里头就有一个不来。",
        "我在集装箱码头做排班，有时候早上大门口的卡车能排两个钟头。",
        "我之前在一家光伏公司带安装队，板子运到现场，支架经常少一半。",
        "然后在牙科诊所我负责排诊，洗牙的病人要排差不多一年。",
        "我在一家翻译公司做项目经理，医疗类的客户老是因为术语错了把稿子退回来。",
        "我在公交公司当调度，十二路那条线，怎么说呢，基本就没准点过。",
        "我在一所中学食堂管后厨，每天中午倒掉的饭菜堆得跟小山一样。",
        "我在猎头公司做顾问，候选人接了录用通知，到入职前又反悔的特别多。",
        "在化工厂我是工艺技术员，同一台泵的密封老是在夜班的时候漏。",
        "我在一家电影院当副经理，周六晚上卖爆米花那条队太长，好多人进场的时候电影都开始了。",
        "我上一份工作在滑雪场管雪具租赁，每天早上开门第一个小时，就是，一团乱。",
    ],
    "task": [
        "我们领导就一句话，这事交给你了，要什么跟我说。",
        "这个严格来说不归我管，但是，嗯，一直没人接，我就接了。",
        "运营经理给了我一个季度的时间，让我拿个办法出来。",
        "因为我在组里资历最老，大家就都看着我。",
        "总部的意思是不能加人，这就，就更难办了。",
        "要求就是一条，问题要解决，别的事还不能耽误。",
    ],
    "action_i": [
        "我把三年的压力记录调出来，跟水泵开机的时间一条一条对。",
        "我重新做了通告单的模板，时间直接从拍摄计划里导出来，不再手打。",
        "我开始在打针前两天挨个给主人打电话，嗯，当场帮他们改个合适的时间。",
        "我连着一个礼拜早上六点去大门口，一辆车一辆车记下来等了多久。",
        "我给每个工地做了一张装箱清单，让仓库发车前一项一项打勾。",
        "我把整个排队名单自己过了一遍，等了九个月以上的我都打了电话。",
        "我给每个医疗客户整理了一份术语表，交稿之前每个译员都得对一遍。",
        "我自己拿着秒表坐了三天十二路，从头坐到尾，再坐回来。",
        "我在泔水桶边上站了两个礼拜，说白了就是数一数盘子里剩回来的是什么。",
        "我开始在候选人入职前一个礼拜给他们打电话，就是聊聊，问问他们心里怎么想的。",
        "我把过去两年所有的故障报告都翻了一遍，嗯，发现都是冷启动以后出的事。",
        "我把爆米花机挪到了收银台旁边，又单独开了一个只卖饮料的窗口。",
        "我让客人网上预约的时候填好鞋码，头一天晚上就把雪具摆好。",
    ],
    "action_we": [
        "我们科室就坐下来开了个会，大家一起把问题过了一遍。",
        "我们几个把名单分成三份，一人负责一块。",
        "一帮同事说好先按新排班试一个月，后来也就一直这么排了。",
        "队里礼拜一早上围着白板，你一句我一句地出主意。",
        "反正就是大家连着加了两个礼拜的班，一点一点往下啃。",
        "几个组长投票定了一个方案，我们就照着做。",
        "我们把厂家的工程师请过来，跟着他把整个设备拆开看了一遍。",
    ],
    "result": [
        "后来那个小区就再没怎么爆过，第二年一整年就爆了一次。",
        "从那以后通告时间基本就没错过了，导演都注意到了。",
        "三个月以后，爽约的从四个里一个降到了不到十个里一个。",
        "大门口排队缩到了二十分钟左右，车队那边也不再打电话来骂了。",
        "原来一半的工地要跑第二趟，后来大概二十个里才有一个。",
        "到夏天的时候，洗牙排队从差不多一年缩到了四个月。",
        "医疗稿子基本没再退过，那个客户后来给我们的单子翻了一倍。",
        "学期结束的时候，十二路十天里有九天是准点的，区里还专门写信来表扬。",
        "剩饭差不多少了一半，校长说那一年光这个就省了好几万块。",
        "反悔的从四个里一个降到了十个里一个，经理还推荐我升了高级顾问。",
        "那以后那个密封撑了一年多，厂长说等于少停了一次车。",
        "周六晚上迟到进场的基本没有了，有个老顾客跟我说，好几年了，头一回看上片头的广告。",
        "早上高峰从一个多小时缩到了二十分钟左右，投诉也就没了。",
    ],
    "lesson": [
        "我最大的收获就是，想改什么，先自己去现场看着它发生。",
        "后来我就明白了，提前打两分钟电话，能省后面好几个钟头。",
        "其实干活的人心里早就有答案了，就看你问不问。",
        "我觉得吧，小的、不起眼的改动，往往比一个大动作管用。",
        "反正我现在就是，什么都记下来，因为每个人记得都不一样。",
    ],
    "hypothetical": [
        "我的做法是，先找离这件事最近的人坐下来，搞清楚到底是怎么回事。",
        "碰到这种事我肯定先把影响客户的那块解决掉，别的可以往后放。",
        "要是让我来，我会把相关的人叫到一个屋里，当面把方案定下来。",
        "这种情况我会早点跟领导说，不会等着它自己过去。",
        "我会一路做一路记，这样别人接手也能看明白。",
        "最好是先拿一个小范围试一个礼拜，没问题了再全面铺开。",
        "跟客户我会实话实说，哪些能做，哪些做不了。",
        "然后过一个月我会再回来看看，确认还管用。",
    ],
    "plan": _plan_sentences(PLANS_ZH),
    "short": [
        "这种事常有，处理就完了。",
        "没有吧，一时想不起来。",
        "我这人做事很有条理，一般碰不到这种情况。",
        "我心态好，这是我的优点。",
        "哎呀，这种情况太多了，说实话，本来就是工作的一部分嘛，碰到了就处理，处理完了就接着干下一件。",
        "我觉得这个主要看具体情况，每次都不一样，到时候看着办，怎么合适怎么来呗。",
        "我干活挺卖力的，同事都说我好相处。",
        "具体的一下子想不起来，不过一出什么事，大家第一个找的就是我。",
        "这个，跳过吧。",
        "我天生就是解决问题的人。",
    ],
    "filler": ["嗯，那个，", "说实话，", "就是说呢，", "然后，呃，", "怎么说，"],
    "trailing": [
        "我当时第一件事呢，嗯，就是",
        "然后我就，我就有点，那个，",
        "于是我直接就跑到，呃，",
        "因为以前没人弄过，我就从",
    ],
    "trailing_we": ["然后我们几个就，嗯，", "我们科室当时就，呃，想着", "后来队里就，那个，"],
}


def answers(language: str, seed: int, count: int = 20) -> list[dict[str, Any]]:
    """`count` answer scripts, the six kinds in turn, ids "fifth_..." (as scripts_fresh.scripted)."""
    pool, plans = (EN, PLANS_EN) if language == "en" else (ZH, PLANS_ZH)
    return scripted(language, seed, count, pool, plans, "fifth")
