"""Answer scripts for the third held-out corpus: new sentence pools per STAR part, English and Mandarin.

Written apart from the turn-taking and follow-up rules (without reading them) and apart from both other
corpora (tests/data/corpus/scripts.py, tests/data/corpus_fresh/scripts_fresh.py): other industries (airport
ground crew, a pharmacy, restaurant kitchens, a construction site, local government, insurance claims, a
game studio, a dairy farm, a law firm, a newsroom, a public library), other wording, spoken the way
candidates talk (fillers, restarts, run-on sentences, a clause that trails off before a thinking pause).

The pools have the same keys and the plans the same shape as scripts_fresh.py; the answer kinds, their
expected follow-up and the way a story is put together come from scripts.py, the plans and the order of
kinds from scripts_fresh.scripted, so that all three corpora mean the same thing by "complete",
"no_result", "we_only", "hypothetical", "too_short" and "plan".

Two things are this set's own: too_short mixes genuinely short answers with evasive ones (about 15 words,
no example), and about half the no_result stories trail into a lesson instead of an outcome.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "corpus"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "corpus_fresh"))
from scripts_fresh import _plan_sentences, scripted  # noqa: E402

from scripts import _gap, _part  # noqa: E402

PLANS_EN: list[dict[str, Any]] = [
    {
        "question": "Let's say you're the duty manager at a restaurant and two cooks call in sick an hour "
        "before a fully booked Saturday night. What would you do?",
        "steps": [
            "Okay, um, first thing, I'd ring round the part-timers and whoever's off today, see who can come "
            "in even for a few hours.",
            "Then I'd look at the menu and, uh, take off the two or three dishes that take the longest to "
            "put together.",
            "I'd also pull one of the front of house people onto the pass, so the chefs can just, you know, "
            "cook.",
            "And I'd tell the waiters to warn tables up front that mains might take a bit longer tonight.",
        ],
        "closing": "Finally, after service, I'd sit down with the head chef and sort out a proper sick cover "
        "list for next time.",
        "contingency": "If I really can't get anyone in, I'd call the late bookings and offer to move them "
        "to another night, with a free dessert or something.",
    },
    {
        "question": "Imagine you handle insurance claims and an angry customer says you lost their claim and "
        "threatens to go to the local paper. How would you deal with that?",
        "steps": [
            "So first I'd just let them talk, and not get into, like, whose fault it was.",
            "Then I'd dig the claim out of the system while they're still on the phone, or at least find "
            "where it got stuck.",
            "I'd give them a straight answer about what happens next and a date when they'll hear back "
            "from me personally.",
            "And I'd flag it to my team leader that same afternoon so it doesn't get buried again.",
        ],
        "closing": "And finally I'd call them back on that date even if there's no news, just so they know "
        "somebody's actually on it.",
        "contingency": "If it turns out we really did lose it, I'd ask my manager whether we can fast-track "
        "it and, um, send a written apology.",
    },
    {
        "question": "Suppose you're in charge of a building site and one subcontractor keeps ignoring the "
        "harness rules when they work at height. What would you do?",
        "steps": [
            "Well, first I'd stop the work in that area straight away, because that's not something you "
            "let slide.",
            "Then I'd have a quiet word with their foreman and find out, um, is it attitude or do they just "
            "not have the right kit.",
            "I'd put it in writing, what the rule is and what happens if it happens again.",
            "And that week I'd do a couple of walk-rounds without warning, to see if anything's actually "
            "changed.",
        ],
        "closing": "Finally I'd raise it at the weekly site meeting so every crew hears the same message.",
        "contingency": "If they still carry on after that, I'd go to the main contractor and ask for that "
        "crew to be taken off the job.",
    },
]

PLANS_ZH: list[dict[str, Any]] = [
    {
        "question": "假如你是餐厅的值班经理，周六晚上订位全满，"
        "开餐前一个小时两个厨师都请了病假，你会怎么办？",
        "steps": [
            "嗯，第一件事，我会给兼职的和今天轮休的人挨个打电话，看谁能过来顶几个小时。",
            "然后我会看一下菜单，那个，把最费工夫的两三道菜先停掉。",
            "我还会从前厅调一个人去出菜口帮忙，让厨师就专心炒菜。",
            "再就是让服务员提前跟客人打个招呼，说今天主菜可能会稍微慢一点。",
        ],
        "closing": "最后，收档以后我会跟厨师长坐下来，把顶班的名单正式定下来，下次就不慌了。",
        "contingency": "要是实在一个人都叫不来，我就给晚一点的订位打电话，"
        "问能不能改到别的日子，送个甜品什么的。",
    },
    {
        "question": "假如你在保险公司做理赔，有个客户特别生气，说你们把他的案子弄丢了，"
        "还说要找媒体曝光，你会怎么处理？",
        "steps": [
            "首先我会让他把话说完，不去跟他争，就是，到底是谁的责任。",
            "然后趁他还在电话上，我就在系统里把案子调出来，至少搞清楚卡在哪一步了。",
            "我会明确告诉他下一步是什么，哪天之前我本人会给他回复。",
            "当天下午我就跟组长报备一下，免得这个案子又被压在底下。",
        ],
        "closing": "最后到了约好的那天，就算没有新进展，我也会给他回个电话，让他知道一直有人在跟。",
        "contingency": "如果案子真的是我们弄丢的，我会请领导看看能不能走加急，嗯，再给客户一份书面道歉。",
    },
    {
        "question": "假设你在工地当负责人，有一个分包队伍高处作业老是不系安全带，你会怎么做？",
        "steps": [
            "我首先会让那一块马上停下来，这种事是不能睁一只眼闭一只眼的。",
            "然后我会私下找他们的带班聊一聊，嗯，看看是态度问题，还是压根就没配齐装备。",
            "我会把规定写成书面的，讲清楚下次再犯会怎么处理。",
            "那个星期我还会不打招呼去现场转几圈，看看到底改没改。",
        ],
        "closing": "最后我会在每周的工地例会上再讲一遍，让每个班组听到的都是同一个说法。",
        "contingency": "如果这样以后还是照样不系，我就去找总包，要求把这支队伍换掉。",
    },
]

EN: dict[str, list[str]] = {
    "q_behavioural": [
        "Can you walk me through a time something went badly wrong on your watch?",
        "Tell me about a moment when you had to get people to follow a rule they didn't like.",
        "Talk me through a time you fixed something that had been broken for ages.",
        "Describe a time when you were short of people and still had to deliver.",
        "Tell me about a time you noticed a safety or quality risk before anyone else did.",
        "Give me an example of a time you turned around a situation that was getting worse.",
    ],
    "q_situational": [p["question"] for p in PLANS_EN],
    "situation": [
        "So, um, I was working on the ramp at the airport, ground crew, and our turnarounds kept running "
        "over the forty minute slot.",
        "A couple of years back I was a pharmacy technician, and, uh, we kept catching prescriptions made up "
        "with the wrong strength.",
        "I was a sous chef at this, this pretty busy Italian place, and on Friday nights the tickets would "
        "just pile up at the pass.",
        "On my last site we were putting up a four storey block of flats and the concrete trucks kept "
        "turning up late.",
        "I worked at the city council in the permits office, and people were waiting, like, three months "
        "for a really simple permit.",
        "At the insurer I was on motor claims, and, you know, a lot of them just sat there for weeks without "
        "anyone touching them.",
        "So I was a producer at a small game studio, and we were, we were about two months from launch with "
        "a build that crashed constantly.",
        "When I took over the milking side of my parents' dairy farm, the yields had been going down for a "
        "good while.",
        "I was a paralegal at a mid-sized law firm and the document review before a trial always ended at, "
        "like, two in the morning.",
        "In the newsroom, uh, the night desk kept missing corrections, so the same mistake would sit online "
        "for a whole day.",
        "I was an assistant at the public library and the, um, the after school crowd had pretty much taken "
        "over the reading room.",
    ],
    "task": [
        "My supervisor basically said, you've been here the longest, can you figure out what's going on.",
        "And it kind of landed on me, since I was the one doing the rota anyway.",
        "The partner wanted it sorted before the next big case, which gave me about a month.",
        "Nobody had actually asked me to, but, um, it was driving me mad so I said I'd look into it.",
        "I was told to get it under control without, you know, spending any extra money.",
        "My editor asked me to come up with something the night shift would actually use.",
    ],
    "action_i": [
        "I stood at the gate with a stopwatch for about a week and wrote down where every minute of the "
        "turnaround went.",
        "I pulled every incident report from the last six months and, and sorted them by drug and by shelf.",
        "I moved the look-alike boxes onto separate shelves and put bright orange stickers on the high "
        "strength ones.",
        "I redid the prep list so the slow stuff, like the sauces, got started at three instead of five.",
        "I rang the concrete plant myself every morning at seven and, um, moved the pours around what they "
        "could actually deliver.",
        "I went through the pile of applications one by one and split out the easy ones that only needed a "
        "quick check.",
        "I wrote a checklist for new claims so that, uh, missing paperwork got asked for on day one and not "
        "in week three.",
        "I sat with the testers every afternoon, reproduced the crashes myself, and kept a list of who owned "
        "which one.",
        "I started writing down each cow's yield by hand, and then I, I noticed the drop lined up with when "
        "the feed got changed.",
        "I set up a shared folder with a proper index and started the review two weeks earlier than we "
        "normally would.",
        "I made a one page corrections log that the night editor had to sign before going home.",
        "I went and talked to the school next door, and, um, I opened a homework room upstairs just for the "
        "kids after three.",
    ],
    "action_we": [
        "We had a big meeting about it and, um, everyone sort of agreed to pitch in.",
        "The team came up with a new rota and we all just, you know, stuck to it.",
        "So our group sat down every Monday and went over what had gone wrong the week before.",
        "Everyone on the crew took a turn trying out different ways of doing it.",
        "We asked head office for help and, uh, the whole department followed the new guidelines they sent.",
        "The kitchen all agreed to start prep earlier, and we, we ran it like that for a couple of weeks.",
        "Basically the whole office rolled up their sleeves and we went through the backlog together.",
    ],
    "result": [
        "And in the end our average turnaround came down from about forty eight minutes to thirty six.",
        "After that the wrong strength errors pretty much vanished, we had one in the next six months.",
        "Ticket times on a Friday went from, like, twenty five minutes to about twelve.",
        "The site manager told me afterwards it was the first pour schedule that actually held all year.",
        "Waiting times for simple permits dropped to under three weeks, and a councillor even mentioned it "
        "at a public meeting.",
        "The claims nobody had touched went from a couple of hundred to, um, fewer than twenty.",
        "We launched on the date we'd announced and the crash rate in the first week was under one percent.",
        "Yields were back up within two months or so, and my dad said, okay, it's yours to run now.",
        "The client emailed the partner to say we were the best prepared team they'd worked with, which was, "
        "yeah, really nice to hear.",
        "Corrections went up the same night after that, and the readers' editor stopped getting angry "
        "emails.",
    ],
    "lesson": [
        "What I took away from it is that you have to go and watch the work, not just read the reports.",
        "I guess the lesson for me was, um, small boring fixes usually beat big clever ones.",
        "And honestly it showed me that if you want people to follow a process, you make it shorter, not "
        "longer.",
        "So yeah, I think, I think what I learned is to ask the people doing it before I change anything, "
        "and, um",
        "It kind of taught me that you can't fix everything at once, you just, you pick one thing.",
    ],
    "hypothetical": [
        "I'd probably start by talking to whoever's closest to the problem, just to get the real story.",
        "What I'd do is, um, write down all the options first and then try the cheapest one.",
        "I guess I would go to my manager early, before it turns into a bigger thing.",
        "My approach would be to get everyone in a room and, you know, agree on what we're actually trying "
        "to fix.",
        "If it were me, I'd test it small for a week or so before changing it for everybody.",
        "Then I think I'd keep an eye on the numbers afterwards to make sure it actually helped.",
        "I'd try to stay calm and not blame anybody, because that just makes people defensive.",
        "And I suppose I'd also check whether another branch had already dealt with something like this.",
    ],
    "plan": _plan_sentences(PLANS_EN),
    "short": [
        "Yeah, that happens a lot, I just deal with it.",
        "I'm pretty easygoing, so, no big deal.",
        "Um, I can't think of one right now.",
        "I'd say I'm good under pressure.",
        "Well, that's something I do all the time, it's just part of the job.",
        "Honestly, I think communication is the key thing, and I always keep everyone in the loop.",
        "I've been in loads of situations like that, I just stay positive and work hard.",
        "Uh, it's hard to pick one, there've been so many, but generally I'm someone who gets things done.",
    ],
    "filler": ["um, so,", "you know,", "uh, basically,", "right, so,", "I mean, like,"],
    "trailing": [
        "And so I, I kind of, um,",
        "So what I ended up doing was, uh,",
        "And then I thought, right, I'll just",
        "So I went to, um, I went to the",
    ],
    "trailing_we": [
        "So what we ended up doing was, um,",
        "And then the team, uh, we kind of",
        "So everyone just, um, we all",
    ],
}

ZH: dict[str, list[str]] = {
    "q_behavioural": [
        "能不能讲一次你负责的时候出了大问题的经历？",
        "说一次你要让大家遵守一条他们不太愿意遵守的规定的经历。",
        "讲讲你解决一个拖了很久都没人管的老问题的经历。",
        "说一次你人手不够、但还是得按时交差的经历。",
        "讲一次你比别人先发现安全或者质量隐患的经历。",
        "举个例子，说说你是怎么扭转一个越来越糟的局面的。",
    ],
    "q_situational": [p["question"] for p in PLANS_ZH],
    "situation": [
        "嗯，我之前在机场做地勤，就是管行李装卸的，那时候航班过站老是超时。",
        "我前年在一家连锁药房上班，那个，老是出现拿错药品规格的情况。",
        "我在一家火锅店当过后厨主管，一到周末晚上出菜就特别慢，客人催得不行。",
        "之前我在工地上做施工员，我们盖一栋六层的住宅楼，混凝土车老是来晚。",
        "我在街道的政务服务大厅干过，办个居住证，老百姓要来回跑好几趟。",
        "我以前在保险公司做车险理赔，好多案子就是，放在那儿好几个星期都没人动。",
        "我在一个小游戏公司做制作人，离上线就剩两个月了，那个版本三天两头崩。",
        "我家里是养奶牛的，我回去接手挤奶这一块的时候，产奶量已经往下掉了一阵子了。",
        "我在律所当律师助理，每次开庭前整理证据材料，基本上都要熬到凌晨两三点。",
        "我在报社夜班编辑部待过，更正老是漏掉，一个错字能在网上挂一整天。",
        "我在市图书馆工作那会儿，放学以后来的学生特别多，别的读者根本没法安静看书。",
    ],
    "task": [
        "主管就跟我说，你在这儿待得最久，你去看看到底怎么回事。",
        "这事儿就落到我身上了，反正排班本来也是我在排。",
        "合伙人让我在下一个大案子之前把这个理顺，差不多给了我一个月。",
        "其实没人让我管，但是，嗯，我实在看不下去了，就说我来弄弄看。",
        "领导的要求是，不能多花钱，但是得把这事儿控制住。",
        "主编让我想个办法，得是夜班那边真用得上的。",
    ],
    "action_i": [
        "我拿着秒表在机位边上站了差不多一个星期，把每一分钟花在哪儿都记了下来。",
        "我把过去半年的差错记录全翻出来了，按药品和货架位置一条一条分类。",
        "我把长得像的那几种药分开放，规格大的那几盒上面贴了橙色的标签。",
        "我重新排了备菜单，像熬锅底这种慢活，下午三点就开始弄，不等到五点。",
        "我每天早上七点亲自给搅拌站打电话，然后，嗯，按他们真正能送到的时间重新排浇筑。",
        "我把积压的申请一份一份过了一遍，把那些材料齐全、简单核一下就行的先挑出来。",
        "我给新报案做了个清单，缺什么材料第一天就跟客户要，别拖到第三个星期。",
        "我每天下午跟测试坐在一起，自己去复现那些崩溃，然后列了个表，每个问题写清楚谁负责。",
        "我开始手工记每头牛的产奶量，然后我，我发现产量往下掉正好是换饲料那会儿开始的。",
        "我建了一个共享文件夹，把目录理清楚，证据整理比平时提前两个星期就开始弄。",
        "我做了一张更正登记表，夜班编辑下班之前必须在上面签字。",
        "我去跟旁边的学校沟通了一下，嗯，在二楼专门开了一间给学生写作业的自习室。",
    ],
    "action_we": [
        "我们开了个大会，嗯，大家都说愿意一起想想办法。",
        "团队一起排了个新的班表，然后大家就，就一直照着那个来。",
        "我们组每周一都坐下来，把上个礼拜出的问题过一遍。",
        "大家轮流试了好几种不同的做法，看看哪个管用。",
        "我们找总部要了支持，然后整个部门都按他们发下来的新规定去做。",
        "后厨的人商量好提前备菜，我们，我们就这么试了大概两个星期。",
        "那段时间整个部门天天加班，大家一起一份一份地过那堆积压的材料。",
    ],
    "result": [
        "最后平均过站时间从四十八分钟左右降到了三十六分钟。",
        "之后拿错规格的情况基本上就没了，后面半年只出过一次。",
        "周末的出菜时间从原来的二十五分钟，差不多缩到了十二分钟。",
        "项目经理后来跟我说，这是那一年唯一一份真正按计划走下来的浇筑排期。",
        "简单的申请三个星期以内就能办完，区里开会的时候还专门提了一句。",
        "放着没人管的案子从两百来个降到了，嗯，不到二十个。",
        "我们按对外公布的日子上线了，第一周的崩溃率不到百分之一。",
        "差不多两个月产奶量就回来了，我爸说，行，那这块以后就交给你了。",
        "客户后来专门给合伙人发邮件，说我们是他们合作过准备得最充分的团队，听到这个还挺开心的。",
        "后来更正当天晚上就能改好，读者投诉的邮件也少了一大半。",
    ],
    "lesson": [
        "我觉得最大的收获就是，得亲自去现场看，光看报表是不行的。",
        "这件事让我明白，那种不起眼的小改动，往往比大动干戈管用。",
        "说实话，它让我知道，想让大家照着流程做，流程就得越短越好。",
        "所以我觉得，嗯，以后要改什么之前，先问问一线干活的人，然后就是，",
        "也算是学到了吧，事情不可能一下子全解决，就，先抓住一件。",
    ],
    "hypothetical": [
        "我觉得我会先找离问题最近的那个人聊聊，把真实情况弄清楚。",
        "我一般会先把能想到的办法都列出来，然后挑一个最省钱的先试试。",
        "换作是我的话，我会早点跟领导说，别等事情闹大了。",
        "我大概会把大家叫到一起，就是，先统一一下到底要解决什么。",
        "我想我还是会先小范围试一个星期左右，再推到所有人。",
        "之后我应该会盯着数据看一段时间，确认到底有没有效果。",
        "要是我的话，我尽量不去怪谁，因为那样大家只会互相推。",
        "我可能还会去问问别的分店，看他们是不是已经碰到过类似的事。",
    ],
    "plan": _plan_sentences(PLANS_ZH),
    "short": [
        "这种事挺多的，我一般都能搞定。",
        "我这人脾气好，没什么大问题。",
        "嗯，一下子想不起来了。",
        "我觉得我抗压能力还可以。",
        "那个，这种情况我平时经常碰到，说白了就是团队合作嘛。",
        "说实话我觉得沟通最重要，做什么工作我都会让大家随时知道情况。",
        "类似的情况遇到过很多，主要就是心态要积极，踏踏实实地干。",
        "呃，这个很难挑一个，太多了，总的来说我是能把事办成的人。",
    ],
    "filler": ["嗯，那个，", "就是说，", "怎么讲呢，", "反正，呃，", "然后那个，"],
    "trailing": [
        "然后我就，嗯，我就想着",
        "所以我最后是，那个，",
        "我当时就，就跑去找了那个",
        "后来我，呃，我干脆",
    ],
    "trailing_we": ["然后我们就，嗯，", "大家当时就，那个，想着先", "后来我们组就，呃，"],
}


def answers(language: str, seed: int, count: int = 20) -> list[dict[str, Any]]:
    """`count` answer scripts, the six kinds in turn, ids "third_..."; about half the no_result stories
    trail into a lesson (never an outcome) after their last action."""
    pool, plans = (EN, PLANS_EN) if language == "en" else (ZH, PLANS_ZH)
    out = scripted(language, seed, count, pool, plans, "third")
    rng = random.Random(f"{seed}-{language}-lesson")
    for clip in out:
        if clip["kind_of_answer"] == "no_result" and rng.random() < 0.5:
            parts = clip["parts"]
            parts[-1]["pause_after"], parts[-1]["pause_kind"] = _gap(rng), "between_sentences"
            parts.append(_part(rng.choice(pool["lesson"]), None))
    return out
