"""Answer scripts for the held-out corpus: sentence pools per STAR part, in English and Mandarin.

Written for this corpus, apart from the shared clips (tests/data/media) the turn policy was tuned on:
other situations, other wording, other pause placements. `answers(language, seed)` draws 30 answers of
six kinds (five of each), each a list of parts with the pause after it:

  complete      situation, task, own actions, result (maybe a lesson): no follow-up
  no_result     situation, task, own actions, and a thinking pause mid-story: missing_result
  we_only       what "we"/"the team" did, no own action: no_personal_action
  hypothetical  what they would do, asked about the past: hypothetical_not_past
  too_short     one or two short sentences: too_short
  plan          a situational question answered with a plan of steps: no follow-up
"""

from __future__ import annotations

import random
from typing import Any

EN: dict[str, list[str]] = {
    "q_behavioural": [
        "Tell me about a time you had to meet a very tight deadline.",
        "Describe a time you solved a difficult problem at work.",
        "Tell me about a time you helped a colleague who was struggling.",
        "Describe a situation where you improved how your team worked.",
        "Tell me about a time you dealt with an unhappy client.",
        "Give me an example of a time you took ownership of a mistake.",
    ],
    "q_situational": [
        "Imagine two senior colleagues disagree about a launch date. What would you do?",
        "Suppose a key supplier tells you their delivery will be a month late. How would you handle it?",
        "If you joined a team whose tests kept failing, how would you approach it?",
    ],
    "situation": [
        "Two years ago I worked at a logistics company in the planning team.",
        "In my previous role our biggest customer threatened to cancel their contract.",
        "Last spring our support queue had grown to over three hundred open tickets.",
        "At my first job the monthly billing run failed almost every time.",
        "When I was at the hospital, the night shift kept losing track of lab results.",
        "During my internship the data warehouse was running out of disk every week.",
        "Last year a new regulation meant our onboarding forms had to change within six weeks.",
        "In my last project the mobile app crashed for many users after an update.",
    ],
    "task": [
        "My manager asked me to fix it before the end of the quarter.",
        "I was responsible for getting the numbers right before the audit.",
        "It was my job to find out why it kept happening.",
        "I had to bring the backlog down without hiring anyone.",
        "The team lead wanted me to own the fix because I knew the system best.",
    ],
    "action_i": [
        "I went through the logs for a week and found that two jobs were writing to the same table.",
        "I called the customer myself and listened to every complaint they had.",
        "I wrote a short checklist and trained the other three planners on it.",
        "I set up a daily fifteen minute meeting so that problems came up early.",
        "I rebuilt the report in a spreadsheet and checked every formula against last year.",
        "I split the work into small pieces and took the hardest one myself.",
        "I automated the export with a script that ran every night.",
        "I asked the vendor for their error codes and matched them to our failed orders.",
    ],
    "action_we": [
        "We looked at the problem together as a team.",
        "The team decided to change the process and everyone helped out.",
        "We had a lot of meetings and the team worked really hard on it.",
        "Our group split up the tasks and we all did our part.",
        "Everybody pitched in and we tried several different approaches.",
    ],
    "result": [
        "In the end the backlog went from three hundred tickets to forty in a month.",
        "The billing run has not failed once since then, and the finance team saves two days a month.",
        "The customer renewed for three more years and sent us a thank you note.",
        "Crash reports dropped by sixty percent within two weeks.",
        "We passed the audit with no findings, which had never happened before.",
        "Lab results were never lost again, and the nurses said the night shift felt calmer.",
    ],
    "lesson": [
        "What I learned is to ask for help earlier.",
        "Since then I always write down the steps before I start.",
        "It taught me that small daily checks beat big rescues.",
    ],
    "hypothetical": [
        "If that happened, I would first talk to everyone involved.",
        "I would try to understand what the customer really needs.",
        "Then I would probably make a plan and share it with my manager.",
        "I think I would stay calm and look for a solution.",
        "I would make sure everyone knows what is going on.",
    ],
    "plan": [
        "First, I would meet both of them separately to understand their reasons.",
        "Then I would write down the risks of each date and what each one costs.",
        "Next, I would bring them together with the data and agree on criteria.",
        "If they still disagree, I would ask the product owner to decide by Friday.",
        "Finally, I would tell the whole team the decision and why it was made.",
        "I would check back a week later to see whether the plan is holding.",
    ],
    "short": [
        "I am a hard worker and I like challenges.",
        "I usually just get things done.",
        "I think I handled it well.",
        "I always try my best.",
    ],
    "filler": ["um,", "uh,", "you know,", "so, um,"],
    "trailing": [
        "And then I, um, I started to",
        "So the first thing I did was, uh,",
        "After that I, well, I decided to",
    ],
    "trailing_we": ["And then we, um, we started to", "So the first thing we did was, uh,"],
}

ZH: dict[str, list[str]] = {
    "q_behavioural": [
        "请讲一次你在很紧的期限内完成任务的经历。",
        "请描述一次你在工作中解决难题的经历。",
        "请讲一次你帮助遇到困难的同事的经历。",
        "请描述一次你改进团队工作方式的经历。",
        "请讲一次你处理客户不满的经历。",
        "请举一个你为自己的错误负责的例子。",
    ],
    "q_situational": [
        "假设两位资深同事对上线日期意见不一，你会怎么做？",
        "如果供应商告诉你交货要推迟一个月，你会如何处理？",
        "如果你加入一个测试总是失败的团队，你会怎么入手？",
    ],
    "situation": [
        "两年前我在一家物流公司的计划部工作。",
        "在上一份工作中，我们最大的客户说要取消合同。",
        "去年春天，我们的客服工单积压到了三百多个。",
        "我第一份工作的时候，每个月的账单系统几乎都会出错。",
        "我在医院工作时，夜班经常找不到化验结果。",
        "实习期间，数据仓库每周都会磁盘不够用。",
        "去年有一项新规定，要求我们六周内改完入职表格。",
    ],
    "task": [
        "经理让我在季度结束前把问题解决。",
        "我负责在审计之前把数据核对清楚。",
        "我的任务是找出问题反复出现的原因。",
        "我需要在不增加人手的情况下减少积压。",
    ],
    "action_i": [
        "我花了一周时间查日志，发现有两个任务同时写同一张表。",
        "我亲自给客户打电话，把他们的意见一条一条记下来。",
        "我写了一份简单的检查清单，并培训了另外三位同事。",
        "我组织了每天十五分钟的站会，让问题尽早暴露。",
        "我把工作拆成小块，自己负责最难的那一部分。",
        "我写了一个脚本，每天晚上自动导出数据。",
        "我向供应商要了错误代码，和失败的订单一一对应。",
    ],
    "action_we": [
        "我们大家一起讨论了这个问题。",
        "团队决定调整流程，大家都出了力。",
        "我们开了很多会，大家都非常努力。",
        "我们把任务分了一下，每个人做自己的部分。",
    ],
    "result": [
        "最后一个月内工单从三百个降到了四十个。",
        "从那以后账单再也没有出过错，财务每个月能省两天时间。",
        "客户续签了三年，还专门写了感谢信。",
        "两周内崩溃报告减少了百分之六十。",
        "我们第一次在审计中没有任何问题。",
    ],
    "lesson": [
        "我学到的是要早一点寻求帮助。",
        "从那以后，我做事之前都会先把步骤写下来。",
        "这件事让我明白，每天的小检查比事后补救更有用。",
    ],
    "hypothetical": [
        "如果遇到这种情况，我会先和相关的人沟通。",
        "我会努力了解客户真正需要什么。",
        "然后我可能会做一个计划，和经理分享。",
        "我觉得我会保持冷静，想办法解决。",
    ],
    "plan": [
        "首先，我会分别和两位同事谈，了解他们的理由。",
        "然后，我会把两个日期的风险和成本都列出来。",
        "接着，我会把他们请到一起，用数据商量一个标准。",
        "如果还是不能达成一致，我会请产品负责人在周五前决定。",
        "最后，我会把决定和原因告诉整个团队。",
    ],
    "short": [
        "我工作很努力，也喜欢挑战。",
        "我一般都能把事情做好。",
        "我觉得我处理得还不错。",
    ],
    "filler": ["嗯，", "那个，", "就是，", "然后，嗯，"],
    "trailing": ["然后我，嗯，我就开始", "所以我先做的是，那个，", "后来我，就是，我决定"],
    "trailing_we": ["然后我们，嗯，我们就开始", "所以我们先做的是，那个，"],
}

KINDS = ["complete", "no_result", "we_only", "hypothetical", "too_short", "plan"]
EXPECT = {
    "complete": None,
    "no_result": "missing_result",
    "we_only": "no_personal_action",
    "hypothetical": "hypothetical_not_past",
    "too_short": "too_short",
    "plan": None,
}


def _gap(rng: random.Random, low: float = 0.4, high: float = 1.5) -> float:
    return round(rng.uniform(low, high), 2)


def _part(text: str, pause: float | None, kind: str = "between_sentences") -> dict[str, Any]:
    return {"text": text, "pause_after": pause, "pause_kind": kind}


def _story(pool: dict[str, list[str]], rng: random.Random, kind: str) -> list[dict[str, Any]]:
    """The parts of one answer; the pause after each part, its kind, and a thinking pause somewhere."""
    parts = [_part(rng.choice(pool["situation"]), _gap(rng), "after_first_sentence")]
    if rng.random() < 0.7:
        parts.append(_part(rng.choice(pool["task"]), _gap(rng)))
    actions = rng.sample(pool["action_i" if kind != "we_only" else "action_we"], 2)
    # A thinking pause inside the story: after an unfinished clause (trailing off) or a complete sentence.
    think = round(rng.uniform(1.5, 3.5), 2)
    if rng.random() < 0.5:
        trailing = pool["trailing_we" if kind == "we_only" else "trailing"]
        parts.append(_part(rng.choice(trailing), think, "thinking_incomplete"))
    else:
        parts[-1]["pause_after"], parts[-1]["pause_kind"] = think, "thinking_complete"
    for text in actions:
        filler = rng.choice(pool["filler"]) + " " if rng.random() < 0.3 else ""
        parts.append(_part(filler + text, _gap(rng)))
    if kind == "complete":
        parts.append(_part(rng.choice(pool["result"]), _gap(rng, 0.4, 0.8)))
        if rng.random() < 0.4:
            parts.append(_part(rng.choice(pool["lesson"]), None))
    elif kind == "no_result" and rng.random() < 0.5:
        # A second long pause, then more of what they did: still no result.
        parts[-1]["pause_after"], parts[-1]["pause_kind"] = round(rng.uniform(2.0, 3.5), 2), "thinking_complete"
        parts.append(_part(rng.choice([a for a in pool["action_i"] if a not in actions]), None))
    parts[-1]["pause_after"] = None
    return parts


def _answer(pool: dict[str, list[str]], rng: random.Random, kind: str) -> tuple[str, list[dict[str, Any]]]:
    if kind == "plan":
        steps = pool["plan"][: rng.randint(3, len(pool["plan"]))]
        parts = [_part(s, _gap(rng)) for s in steps]
        parts[min(1, len(parts) - 1)]["pause_after"] = round(rng.uniform(1.5, 3.0), 2)
        parts[min(1, len(parts) - 1)]["pause_kind"] = "thinking_complete"
        parts[-1]["pause_after"] = None
        return rng.choice(pool["q_situational"]), parts
    question = rng.choice(pool["q_behavioural"])
    if kind == "too_short":
        texts = rng.sample(pool["short"], rng.randint(1, 2))
        parts = [_part(t, _gap(rng, 0.4, 0.8)) for t in texts]
        parts[-1]["pause_after"] = None
        return question, parts
    if kind == "hypothetical":
        texts = rng.sample(pool["hypothetical"], rng.randint(2, 4))
        parts = [_part(t, _gap(rng)) for t in texts]
        parts[-1]["pause_after"] = None
        return question, parts
    return question, _story(pool, rng, kind)


def answers(language: str, seed: int) -> list[dict[str, Any]]:
    """Thirty answer scripts: five of each kind, with their expected follow-up."""
    pool = EN if language == "en" else ZH
    rng = random.Random(seed)
    out = []
    for n in range(30):
        kind = KINDS[n % len(KINDS)]
        question, parts = _answer(pool, rng, kind)
        reason = EXPECT[kind]
        out.append(
            {
                "id": f"{language}_{kind}_{n // len(KINDS) + 1}",
                "language": language,
                "question": question,
                "question_kind": "situational" if kind == "plan" else "behavioural",
                "kind_of_answer": kind,
                "parts": parts,
                "expect": {"follow_up": reason is not None, "follow_up_reason": reason},
            }
        )
    return out
