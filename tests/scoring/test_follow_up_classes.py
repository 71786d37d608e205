"""The first follow-up an answer gets, for the ways candidates phrase what is missing.

Each class holds in both languages, with a counter-example that must not be caught by the same rule.
"""

from __future__ import annotations

import pytest

from scoring.analysis import analyse
from scoring.models import Answer
from scoring.numbers import specifics
from scoring.scorer import follow_up_signals

Q = {"en": "Tell me about a time you disagreed with a colleague.", "zh": "请讲一次您和同事意见不合的经历。"}


def first_reason(language: str, text: str) -> str | None:
    a = analyse(Answer(question=Q[language], text=text, language=language, kind="behavioural"))
    reasons = follow_up_signals(a)
    return reasons[0] if reasons else None


@pytest.mark.parametrize(
    "text",
    [
        "如果碰到这种事，我想我还会先私下找他聊一聊。然后把双方的理由都写下来，再一起去找主管商量。",
        "这种情况我一般会先冷静一下，等大家情绪稳定了再开个短会，把分歧摊开说。",
        "换作是我，就先听听对方怎么想，然后把两个方案的成本列出来，交给经理定。",
        "我大概会先约他喝杯咖啡。再慢慢把我的顾虑讲清楚。最后看看能不能各退一步。",
        "我的做法是。先单独找他聊，把他的理由听完。再把两个方案的利弊都列出来，一起拿给主管看。",
        "最好是先冷静一两天。等大家都不着急了，再坐下来把分歧一条条过一遍。",
        "我第一反应大概会是先去问问带过他的老同事。我这时候肯定能沉住气，不乱表态。",
    ],
)
def test_what_the_candidate_would_do_in_mandarin_is_asked_for_a_real_time(text: str) -> None:
    assert first_reason("zh", text) == "hypothetical_not_past"


def test_a_clause_without_its_own_subject_goes_on_in_the_mood_before_it_only_until_something_is_done() -> (
    None
):
    would = "我会先跟他单独谈一次，然后把分歧写在白板上，再请主管一起评估两个方案。"
    did = "去年上线前我跟测试组长吵了一架。我先跟他单独谈了一次，然后把分歧写在了白板上，请主管一起评估。"
    assert first_reason("zh", would) == "hypothetical_not_past"
    assert first_reason("zh", did) == "missing_result"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("zh", "那次项目延期了两周。我觉得我们做得挺好的，大家一起加班，我们组把方案重新改了一遍。"),
        ("zh", "当时仓库系统老出错。咱们小组连着三个周末排查，后来把接口全部重写了。"),
        (
            "en",
            "It was on a migration project last year. I think we rewrote the whole plan together in a week.",
        ),
        (
            "en",
            "The release kept slipping. My colleagues rewrote the scheduler "
            "and the group tested it every night.",
        ),
    ],
)
def test_an_answer_where_only_the_team_acts_asks_what_the_candidate_did(language: str, text: str) -> None:
    assert first_reason(language, text) == "no_personal_action"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Honestly I don't really remember the details of that one, it was a while ago, "
            "but it was fine and nothing bad came of it really.",
        ),
        (
            "en",
            "Oh, that happens all the time in my line of work, to be honest, "
            "and usually it just sorts itself out.",
        ),
        ("zh", "说实话具体的细节我记不太清了，反正后来也就那样过去了，没有什么大问题，挺好的。"),
        ("zh", "这种事情在我们这行太常见了，说不上哪一次特别，一般过一阵子自然就好了。"),
    ],
)
def test_an_answer_with_no_example_in_it_is_asked_for_one(language: str, text: str) -> None:
    assert first_reason(language, text) == "too_short"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "I was the lead on the billing migration last spring. "
            "It went live in three weeks with no downtime.",
        ),
        ("zh", "去年春天我负责账单系统迁移。三周就上线了，一次故障都没有。"),
    ],
)
def test_a_story_with_its_outcome_is_not_taken_for_an_answer_without_an_example(
    language: str, text: str
) -> None:
    assert first_reason(language, text) != "too_short"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Three years ago I joined a small firm that planned its routes on paper. My manager asked me to "
            "look into it. The team brought in a consultant and everyone followed his advice.",
        ),
        (
            "zh",
            "我那时候在初中教数学，班上一半学生不及格。主任让我想个办法。我们请了一个顾问，大家按他的建议做了。",
        ),
        (
            "zh",
            "三年前我加入了一家小物流公司，路线全靠手排。经理叫我去研究一下。我们请了顾问，团队照着做了。",
        ),
        (
            "zh",  # 在 heard as 带: a workplace the candidate worked at is still the scene
            "去年我带一家连锁药店的采购部工作。我的任务是查清楚为什么老断货。我们大家一起开了会，团队改了订货流程。",
        ),
    ],
)
def test_where_the_candidate_worked_and_what_they_were_asked_are_not_their_actions(
    language: str, text: str
) -> None:
    assert first_reason(language, text) == "no_personal_action"


def test_one_clause_heard_as_done_does_not_undo_an_answer_that_is_all_would() -> None:
    text = (
        "我想我还会去请教一下有经验的同事。我可能会列几个方案出来。我会先看看数据，而不是马上就去改。"
        "整个过程中我读会让领导随时知道进展。"  # "都" heard as "读": one clause looks like an action
    )
    assert first_reason("zh", text) == "hypothetical_not_past"


def test_a_general_claim_about_oneself_in_mandarin_is_asked_for_a_specific_situation() -> None:
    claim = "我做事很有条理，一般不会出这种事。我跟人打交道还行，所以没什么问题。"
    story = "那次我跟仓库的人打交道，他们一直拖。我每天早上去仓库盯着，把单子一张张对了一遍。"
    assert first_reason("zh", claim) == "too_short"
    assert first_reason("zh", story) == "missing_result"


@pytest.mark.parametrize(
    "text",
    [
        "If it were me, I'd test it small for a week or so. Then keep an eye on the numbers afterwards.",
        "My approach would be to get everyone in a room first. Then agree on what we are trying to fix.",
        "Well, I'd probably ask the customer what they need, and then write it all down for the team.",
        "My approach is to sit with both of them first. Then put the two options on one page for the boss.",
        "Ideally you try the change on one shift for a week. Then roll it out once it holds up.",
    ],
)
def test_what_the_candidate_would_do_in_english_is_asked_for_a_real_time(text: str) -> None:
    assert first_reason("en", text) == "hypothetical_not_past"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("zh", "这种情况我平时经常碰到，说白了就是团队合作吧。等一下，我一下子想不起来了。"),
        (
            "en",
            "Oh, I usually handle that kind of thing fine, "
            "I always keep calm and talk it through with people.",
        ),
    ],
)
def test_what_the_candidate_usually_does_is_no_example(language: str, text: str) -> None:
    assert first_reason(language, text) == "too_short"


def test_a_span_of_time_is_no_outcome_but_a_change_from_one_figure_to_another_is() -> None:
    opening = "Last year our pharmacy kept running out of the same drugs. I had to find out why. "
    span = opening + "I pulled every incident report from the last six months and sorted them by shelf."
    change = opening + "I moved the stock checks to mornings, and shortages went from forty a month to five."
    assert first_reason("en", span) == "missing_result"
    assert first_reason("en", change) != "missing_result"


@pytest.mark.parametrize(
    ("language", "ending", "outcome"),
    [
        ("en", "The night nurses were really happy about it and the ward manager thanked me.", True),
        ("en", "The night nurses were not happy about it.", False),
        ("en", "Everybody was happy.", False),
        ("zh", "夜班护士都很高兴，护士长还专门感谢了我。", True),
        ("zh", "夜班护士并不高兴。", False),
    ],
)
def test_after_an_action_the_reaction_of_the_people_it_was_for_is_its_outcome(
    language: str, ending: str, outcome: bool
) -> None:
    story = {
        "en": "Last winter the ward's handovers kept missing medication notes. I had to fix it. "
        "I wrote a one-page handover sheet and walked each nurse through it. ",
        "zh": "去年冬天病房交接班老是漏掉用药记录。我得解决这个问题。"
        "我做了一张一页纸的交接表，一个个教护士怎么用。",
    }[language]
    assert (first_reason(language, story + ending) != "missing_result") is outcome


def test_a_mandarin_clause_opening_on_ba_is_done_by_the_last_doer_not_an_outcome() -> None:
    story = (
        "去年我们车间的产量一直往下掉。我得找出原因。"
        "我拿着秒表在机位边上站了一个星期，把每一分钟花在哪儿都记了下来。"
    )
    assert first_reason("zh", story) == "missing_result"


def test_where_the_candidate_has_worked_is_the_scene_even_with_guo() -> None:
    story = (
        "我在街道的政务服务大厅干过。老百姓办事要来回跑好几趟。我们找领导要了支持，整个部门都按新规定去做了。"
    )
    assert first_reason("zh", story) == "no_personal_action"


def test_going_through_a_pile_is_no_outcome() -> None:
    story = (
        "Last year our claims team had a huge backlog. I had to clear it. "
        "I went from the pile of claims one by one, and I split out the easy ones."
    )
    assert first_reason("en", story) == "missing_result"


@pytest.mark.parametrize(
    "action",
    ["我把一个月里取消的预约都翻了一遍。", "每次上门之前，我都提前一天给客户打电话，问清楚从哪儿进门。"],
)
def test_going_through_something_or_doing_it_ahead_is_an_action_not_an_outcome(action: str) -> None:
    story = "去年我在博物馆做游客服务，预约老是被取消。主管让我查一下原因。" + action
    assert first_reason("zh", story) == "missing_result"


@pytest.mark.parametrize(
    ("language", "measuring"),
    [
        ("en", "I sat at the loading bay for five days and timed each lorry."),
        ("en", "Then I watched the night shift over two weeks with a clipboard."),
        ("en", "I [verb misheard] the whole warehouse for three days, start to finish."),
        ("zh", "我拿着表在装卸口蹲了五天，从头记到尾。"),
        ("zh", "我连续跟了两周夜班，每辆车都记了时间。"),
        ("zh", "然后排了一张班表，每人一个月只要值一个周末就行。"),
        ("en", "I called every haulier and I dropped the ones who could not come within two days."),
    ],
)
def test_how_long_how_often_or_how_far_the_candidate_acted_is_no_outcome(
    language: str, measuring: str
) -> None:
    """Measuring is an action: its length ("for five days", "蹲了五天"), reach ("从头到尾"), a schedule
    ("每人一个月…") and the speaker's own "dropped" are not a measured outcome, even when the verb is
    lost ("I [misheard] … for three days")."""
    story = {
        "en": "Last spring our depot kept missing its delivery slots. I had to find out why. "
        "I asked the drivers where they lost time. ",
        "zh": "去年春天我们仓库老是错过送货时段。我得查清楚原因。我先问了司机们在哪儿耽误时间。",
    }[language]
    assert first_reason(language, story + measuring.replace("[verb misheard] ", "")) == "missing_result"


@pytest.mark.parametrize(
    ("language", "closing"),
    [
        ("en", "After that the lorries were turned round in forty minutes."),
        ("en", "Loading now takes under an hour."),
        ("zh", "后来每辆车四十分钟就能装完。"),
        ("zh", "现在两周内就能把积压清掉。"),
    ],
)
def test_how_long_something_takes_after_the_change_is_its_outcome(language: str, closing: str) -> None:
    story = {
        "en": "Last spring our depot kept missing its delivery slots. I had to find out why. "
        "I rebuilt the loading rota with the shift leads. ",
        "zh": "去年春天我们仓库老是错过送货时段。我得查清楚原因。我跟班长们一起重新排了装车顺序。",
    }[language]
    assert first_reason(language, story + closing) != "missing_result"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "zh",
            "去年我在一家物流公司，仓库的退货堆成了山。经理说这事交给你们组了，有问题跟我说。"
            "大家连着干了三个周末，我们几个把退货按品类分成了四堆。",
        ),
        (
            "en",
            "I managed the front desk of a busy hotel and we kept losing bookings at the weekend. "
            "The whole shift stayed late for a fortnight and we went through every booking together.",
        ),
    ],
)
def test_the_candidate_as_the_object_or_in_their_role_is_not_their_action(language: str, text: str) -> None:
    """ "跟我说" (tell me) names the candidate as the listener; "I managed the front desk" is their role."""
    assert first_reason(language, text) == "no_personal_action"


@pytest.mark.parametrize(
    ("language", "ending", "outcome"),
    [
        ("zh", "那以后这个客户的稿子就没再退回来过。", True),
        ("zh", "那以后我又找译员们一个个谈了一遍。", False),
    ],
)
def test_something_that_stopped_happening_after_the_action_is_its_outcome(
    language: str, ending: str, outcome: bool
) -> None:
    story = (
        "去年我们的翻译稿老被医疗客户退回来。我得想办法。我给每个客户做了一份术语表，交稿前让译员逐条核对。"
    )
    assert (first_reason(language, story + ending) != "missing_result") is outcome


@pytest.mark.parametrize(
    ("ending", "outcome"),
    [
        ("I went down to the yard at six every morning and counted the lorries.", False),
        ("We dropped by each bay and asked the loaders.", False),
        ("Missed slots went down to two a week.", True),
        ("The queue at the gate dropped by half.", True),
    ],
)
def test_the_speaker_moving_is_no_change_of_level(ending: str, outcome: bool) -> None:
    story = (
        "Last spring our depot kept missing its delivery slots. I had to fix it. I rebuilt the loading rota. "
    )
    assert (first_reason("en", story + ending) != "missing_result") is outcome


@pytest.mark.parametrize(
    ("text", "steps"),
    [
        ("然后我会先跟运营那边确认。", 1),  # one phrase, one step
        ("我的做法是先把他请到小房间。然后请医生过来讲清楚。", 2),  # 先 after 是 opens a step
        ("首先，我会分别和两位同事谈。然后，我会把风险列出来。最后，如果还是不行，我会请负责人决定。", 4),
        ("我会给供应商打电话。我会告诉厨房经理。我会在系统里做个备注。", 3),  # what I would do, no markers
        ("同事们都同意了。", 0),  # 同 of 同事 is no 同时
    ],
)
def test_the_steps_of_a_mandarin_plan_are_its_phrases_that_open_on_a_marker_or_say_what_would_be_done(
    text: str, steps: int
) -> None:
    a = analyse(Answer("假如供应商临时取消送货，你会怎么做？", text, language="zh", kind="situational"))
    assert a.plan_steps == steps


def test_a_discourse_marker_with_le_does_not_make_a_self_description_an_action() -> None:
    """ "说白了" (frankly) marks nothing as done: "我态度一直挺端正的" still only describes the candidate."""
    text = "说白了，我觉得主要还是看态度，我态度一直挺端正的。所以这类事我处理起来都还可以。"
    assert first_reason("zh", text) == "too_short"


def test_the_candidate_no_longer_doing_something_is_an_action_not_an_outcome() -> None:
    story = (
        "去年我们的上门维修老是拖。我得把时间压下来。"
        "我把合作的师傅挨个打了一遍电话，两天之内来不了的，我就不再给他派单了。"
    )
    assert first_reason("zh", story) == "missing_result"
    assert first_reason("zh", story + "后来客户再也没为上门慢投诉过。") != "missing_result"


@pytest.mark.parametrize(
    "clause",
    [
        "我下午去开会，把方案讲了一遍。",
        "那次我没能按时交付，就主动跟客户道了歉。",
        "我学会了用数据说话，把报表重新做了。",
    ],
)
def test_a_meeting_a_skill_or_a_failure_to_manage_is_no_modal(clause: str) -> None:
    """开会 (a meeting), 学会 (learned) and 没能 (did not manage to) say what was done, not what would be."""
    story = "去年我们组的周报总是拖。主管让我想个办法。" + clause
    assert first_reason("zh", story) != "hypothetical_not_past"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Our ferry terminal kept losing bikes off the booking system. Nobody else wanted it, so I put "
            "my hand up. The ticket office staff, so we went through every booking together and rebuilt the "
            "form.",
        ),
        (
            "en",
            "When I took over the night desk at the hostel, the keys kept going missing. "
            "We changed the lock box and we logged every key by hand.",
        ),
        ("zh", "码头的订票系统老丢自行车的预约。没人愿意管，我自己揽过来的。后来我们几个一起把表单重做了。"),
        ("zh", "我接手夜班前台的时候，钥匙老是丢。我们换了钥匙箱，每把钥匙都手写登记。"),
    ],
)
def test_taking_the_job_on_is_the_task_not_an_action(language: str, text: str) -> None:
    """ "I put my hand up", "when I took over…", "我自己揽过来的", "我接手…": the task, not an action."""
    assert first_reason(language, text) == "no_personal_action"


def test_taking_the_job_on_does_not_hide_what_the_candidate_then_did() -> None:
    text = (
        "Our ferry terminal kept losing bike bookings. I put my hand up for it. "
        "I rebuilt the booking form and phoned every cyclist booked that week."
    )
    assert first_reason("en", text) == "missing_result"


HOTEL = "Last winter our hotel kept losing guests' bags. I had to sort it out. I redesigned the tag system. "


@pytest.mark.parametrize(
    ("ending", "outcome"),
    [
        ("I rejigged the rota so one porter came in at half five to unlock the gates.", False),
        ("It took me half an hour each evening.", False),
        ("Half the team came in early for it.", False),
        ("Lost bags fell by nearly half.", True),
        ("Check-in now takes half the time.", True),
        ("We were losing about a third of what we used to.", True),
    ],
)
def test_half_is_a_change_only_of_a_measure(ending: str, outcome: bool) -> None:
    """Half five (a time), half an hour (a duration), half the team (a share) measure no outcome."""
    story = HOTEL
    assert (first_reason("en", story + ending) != "missing_result") is outcome


@pytest.mark.parametrize(
    ("ending", "outcome"),
    [
        ("之后改成每两个星期盘一次库。", False),  # how often, not how long something took
        ("客户那边的投诉，基本上就没有了。", True),
        ("现在三个星期以内就能办完。", True),
        ("丢件的数量少了三分之一。", True),
        ("处理时间缩短了一半。", True),
        ("那个季度我还评上了优秀员工。", True),
    ],
)
def test_a_mandarin_outcome_can_be_trouble_gone_a_share_or_an_award(ending: str, outcome: bool) -> None:
    story = "去年我们仓库老是丢件。主管让我想办法。我给每个货架编了号，出库前逐件扫码核对。"
    assert (first_reason("zh", story + ending) != "missing_result") is outcome


@pytest.mark.parametrize(
    ("action", "outcome"),
    [
        ("我重新做了出库单的模板，数量直接从系统导出来，不再手抄。", False),  # the method
        ("我重新做了出库单的模板。数量直接从系统导出来，不再手抄。", False),  # heard as two sentences
        ("我重新做了出库单的模板。丢件少了一半，不再天天有人投诉了。", True),  # goes on with the outcome
        ("I rebuilt the pick list so counts came straight from the system, no longer copied by hand.", False),
        ("我重新做了出库单的模板。从那以后仓库就不再丢件了。", True),
    ],
)
def test_no_longer_opening_a_clause_after_the_action_says_how_it_was_done(action: str, outcome: bool) -> None:
    language = "en" if action.isascii() else "zh"
    story = {
        "en": "Last year our warehouse kept losing parcels. I had to stop it. ",
        "zh": "去年我们仓库老是丢件。主管让我想办法。",
    }[language]
    assert (first_reason(language, story + action) != "missing_result") is outcome


def test_an_outcome_before_the_request_that_followed_it_stays_an_outcome() -> None:
    """ "退货少了将近一半，区域经理还让我去别的店讲讲": the request (a task) comes after what changed."""
    story = "去年店里牛仔裤退货特别多。我把三百来张退货单一张张看完，发现大多写着偏小。"
    assert first_reason("zh", story + "退货少了将近一半，区域经理还让我去别的店讲讲。") is None
    assert first_reason("zh", story + "区域经理让我把退货降下来。") == "missing_result"


@pytest.mark.parametrize(
    "text",
    [
        "换了是我，动手之前肯定要再找个人帮我把关。然后再慢慢改。",
        "按我的习惯，会先问问客户怎样才算解决好了，然后倒着往回推。",
    ],
)
def test_if_it_were_me_and_a_subjectless_hui_are_what_would_be_done(text: str) -> None:
    assert first_reason("zh", text) == "hypothetical_not_past"


@pytest.mark.parametrize(
    ("ending", "outcome"),
    [
        ("I came in early every morning and retagged the bags myself.", False),
        ("I got up early and walked the luggage room before the first coach.", False),
        ("The new tags went live two weeks early.", True),
    ],
)
def test_early_is_an_outcome_when_something_is_done_ahead_not_when_someone_turns_up(
    ending: str, outcome: bool
) -> None:
    story = HOTEL
    assert (first_reason("en", story + ending) != "missing_result") is outcome


@pytest.mark.parametrize(
    ("language", "text", "reason"),
    [
        (
            "en",
            "At the lido the morning checks kept getting skipped, and the council had warned us twice. "
            "The lifeguards put their heads together over a few evenings. "
            "Then the duty staff agreed a new rota and the seniors signed every sheet.",
            "no_personal_action",
        ),
        (
            "zh",
            "游泳馆早上的水质检查老是漏，区里已经警告过两次了。救生员们下了班凑在一起商量了好几个晚上。"
            "后勤的人重新排了班，每张检查表都让领班签字。",
            "no_personal_action",
        ),
        (
            "en",
            "At the lido the morning checks kept getting skipped, and the council had warned us twice. "
            "The lifeguards put their heads together over a few evenings. "
            "Then I rewrote the rota with them and checked every sheet myself.",
            "missing_result",
        ),
    ],
)
def test_only_other_people_acting_asks_what_the_candidate_did(language: str, text: str, reason: str) -> None:
    """The story tells what others did ("the lifeguards…", "救生员们…"), not the candidate: ask for that."""
    assert first_reason(language, text) == reason


@pytest.mark.parametrize(
    ("text", "steps"),
    [
        ("我第一步先问清楚车上装了什么。", 1),
        ("那首先。", 1),
        ("新人那边我先不说。", 1),  # a topic before the candidate
        ("我就挨个给附近的餐厅打电话。", 1),  # no 会: to a situational question, still a step
        ("要是还不行，我就找经理。", 1),  # a contingency: one step
        ("同事们都同意了。", 0),
    ],
)
def test_a_mandarin_plan_counts_numbered_steps_topics_and_what_the_candidate_does(
    text: str, steps: int
) -> None:
    a = analyse(Answer("假如供应商临时取消送货，你会怎么做？", text, language="zh", kind="situational"))
    assert a.plan_steps == steps


def test_a_causative_with_no_subject_and_no_longer_go_on_with_the_candidates_action() -> None:
    """ "让车先跑最远的店，不再留到最后": the candidate's arrangement (让 with no subject, 不再 opening a
    clause, 最后 as the last place in an order), not an outcome."""
    story = "去年我们的送货老是超时。主管让我想办法。我在地图上把送货路线重新画了。"
    assert first_reason("zh", story + "让车先跑最远的店，不再留到最后。") == "missing_result"
    assert first_reason("zh", story + "到最后客户再也没投诉过超时。") != "missing_result"


@pytest.mark.parametrize(
    ("ending", "outcome"),
    [
        ("最后一个环节我亲自盯着。", False),
        ("把最难的那批货排在最后。", False),
        ("最后客户续了一年的合同。", True),
    ],
)
def test_zuihou_is_an_outcome_marker_only_as_in_the_end(ending: str, outcome: bool) -> None:
    story = "去年我们的送货老是超时。主管让我想办法。我在地图上把送货路线重新画了。"
    assert (first_reason("zh", story + ending) != "missing_result") is outcome


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The client renewed for three more years.", ["three years"]),
        ("I logged the fridge temperatures every morning for a month.", ["a month"]),
        ("We hired two extra drivers for the peak.", ["two drivers"]),
        ("Check-in now takes half an hour.", ["half an hour"]),
        ("Can you wait a second?", []),  # "a second" is no measure
        ("I wrote down every third complaint.", []),  # an ordinal
    ],
)
def test_a_quantity_may_have_a_word_before_its_unit_or_be_one_unit(text: str, found: list[str]) -> None:
    assert specifics(text, "en") == found


def test_what_the_candidate_would_do_after_the_outcome_is_a_reflection() -> None:
    story = (
        "Last year our ward kept running out of dressings at night. I had to sort it out. "
        "I counted the stock every evening for a fortnight and rewrote the order sheet. "
        "Night shortages went down to one a month. "
    )
    assert first_reason("en", story + "I'd say it taught me to count before I change anything.") is None
    assert first_reason("en", "I'd count the stock first. " + story) != "hypothetical_not_past"
    would = "I'd count the stock every evening first. Then I'd rewrite the order sheet and tell the nurses."
    assert first_reason("en", "The result matters most to me. " + would) == "hypothetical_not_past"


def test_a_decimal_point_ends_no_sentence() -> None:
    said = ["Changes overran by 1.8 minutes a night.", "It cost us 2.5 thousand."]
    a = analyse(Answer(Q["en"], " ".join(said), language="en"))
    assert [f.text for f in a.facts] == said


def test_a_measured_time_closes_the_story_when_nothing_is_done_after_it() -> None:
    story = "去年街道办的申请老是拖。主管让我想办法。我给每类申请做了一张清单，缺什么材料第一天就跟居民要。"
    closing = "简单的申请三个星期以内就能办完。区里开会的时候还专门提了一句。"
    assert first_reason("zh", story + closing) != "missing_result"
    acted_after = "简单的申请三个星期以内就能办完。我又给窗口的同事培训了一遍。"
    assert first_reason("zh", story + acted_after) == "missing_result"


def test_the_candidate_finally_doing_something_is_no_outcome() -> None:
    """ "我最后决定…" is the candidate's last step; "最后客户续了约" is how it ended."""
    story = "去年我们的送货老是超时。主管让我想办法。我在地图上把送货路线重新画了。"
    assert first_reason("zh", story + "所以我最后就，那个，又去问了司机。") == "missing_result"
    assert first_reason("zh", story + "最后客户续了一年的合同。") != "missing_result"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "I always give a hundred and ten percent, whatever I'm doing. Loads of times, honestly, it's "
            "just part of the job. You deal with it and move on, there's nothing special I'd pick out.",
        ),
        ("zh", "反正不管干什么，我都是全力以赴。这种事太多了，我们这行天天都有，说不上哪一次特别。"),
    ],
)
def test_saying_there_is_no_one_instance_is_asked_for_an_example(language: str, text: str) -> None:
    """However hedged ("110 percent", "我们这行…", "I'd pick out"), an answer without an instance has none."""
    assert first_reason(language, text) == "too_short"


def test_a_word_of_change_goes_with_a_quantity_near_it() -> None:
    story = "Last season our orchestra's parts kept arriving with the wrong edition. I had to sort it out. "
    far = "I sent the parts out three weeks ahead with a slip saying which edition and which cut."
    near = "Rehearsal time lost to wrong parts was cut to ten minutes a week."
    assert first_reason("en", story + far) == "missing_result"
    assert first_reason("en", story + "I rechecked every part. " + near) != "missing_result"


def test_a_causative_with_no_subject_and_yaoshi_go_on_in_the_would_of_the_answer() -> None:
    text = "我大概会先去现场待两天。让客户自己说哪儿不满意。要是换成我，肯定先不声张，私下找几个老员工问问。"
    assert first_reason("zh", text) == "hypothetical_not_past"


@pytest.mark.parametrize(
    ("language", "ending", "outcome"),
    [
        ("en", "By August the trial house was the cleanest on the site.", True),
        ("en", "I sent the van to the furthest shops first.", False),  # a superlative object of an action
        ("zh", "老板说是这几年做得最稳的一年。", True),
        ("zh", "我让车先跑最远的店。", False),
        ("zh", "那一季返工的茶少了一大半。", True),
    ],
)
def test_a_superlative_verdict_or_a_large_share_after_the_action_is_its_outcome(
    language: str, ending: str, outcome: bool
) -> None:
    story = {
        "en": "Last summer whitefly kept coming back in our glasshouses. I had to persuade the owner. "
        "I hung sticky traps along twenty rows and counted them every Monday. ",
        "zh": "去年春茶杀青老是不匀。老板让我想办法。我给每台机器都装了温度计，把老师傅的手法写成了卡片。",
    }[language]
    assert (first_reason(language, story + ending) != "missing_result") is outcome


def test_which_days_of_a_schedule_are_no_time_taken() -> None:
    story = "去年新来的阿姨老被客户投诉。老板让我把培训改一改。我把培训从三天改成了五天。"
    assert first_reason("zh", story + "后面两天直接带着去客户家里干。") == "missing_result"
    assert first_reason("zh", story + "现在新人两个星期以内就能独立上户。") != "missing_result"


@pytest.mark.parametrize(
    "text",
    [
        # The recogniser closed the sentence where the candidate paused: the team named before acts after.
        "去年冬天仓库的暖气坏了，货都冻住了。然后我们跟物业的师傅一起。连夜从别的仓库借了几台暖风机过来。"
        "第二天又把冻坏的货一箱一箱挑了出来。",
        # Acting together, whoever was named (or misheard) before 一起/一块儿.
        "那年展会前一天展台的灯全坏了，供应商也联系不上。大伙儿一块儿跑了三家五金店，凑齐了灯管，"
        "晚上又一起把线重新走了一遍。",
    ],
)
def test_a_mandarin_team_that_acts_across_a_split_sentence_or_together_is_asked_what_the_candidate_did(
    text: str,
) -> None:
    assert first_reason("zh", text) == "no_personal_action"


def test_the_candidate_named_before_a_split_or_acting_with_others_is_still_the_one_who_acted() -> None:
    split = (
        "去年冬天仓库的暖气坏了，货都冻住了。然后我跟物业的师傅一起。连夜从别的仓库借了几台暖风机过来。"
        "第二天温度就回来了，货一箱都没坏。"
    )
    assert first_reason("zh", split) is None
    together = (
        "那年展会前一天展台的灯全坏了。我跟同事一块儿跑了三家五金店，凑齐了灯管，第二天开展一点没耽误。"
    )
    assert first_reason("zh", together) is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # After that the trouble stopped, with 再 heard as 在: the outcome.
        (
            "去年店里老有顾客投诉排队太久。我把收银台从两个加到四个，高峰时候我自己也顶上去收。那个月以后就在没接到过这种投诉。",
            None,
        ),
        ("去年店里老有顾客投诉排队太久。我把收银台从两个加到四个。从那之后就再没人说排队的事了。", None),
        # "以后" that says what is done from then on is no outcome.
        (
            "去年店里老有顾客投诉排队太久。我把收银台从两个加到四个。以后每到周末我都自己顶上去收。",
            "missing_result",
        ),
    ],
)
def test_a_mandarin_story_where_the_trouble_stopped_after_the_action_has_its_outcome(
    text: str, reason: str | None
) -> None:
    assert first_reason("zh", text) == reason


def test_the_team_as_the_object_of_a_coverb_is_not_acting_after_a_measured_time_closes_the_story() -> None:
    """ "业委会跟我们续了合同": someone else renews with us; the measured time before it stays the outcome."""
    text = (
        "我在物业当客服主管，报修老是拖好几天。我去跟维保公司谈，合同里加了响应时间。我又建了个报修群。"
        "三个月以后，电梯平均修好的时间到了半天以内。年底业委会跟我们续了合同。"
    )
    assert first_reason("zh", text) is None
    we_act = (
        "我在物业当客服主管，报修老是拖好几天。我去跟维保公司谈，合同里加了响应时间。"
        "三个月以后我们又建了个报修群。"
    )
    assert first_reason("zh", we_act) == "missing_result"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("zh", "这种事我们这行多了去了，你让我挑一个。我还真挑不出来。"),
        ("zh", "客人闹事的时候太多了，我一时想不起来是哪次。"),
        ("en", "Honestly that kind of thing happens every week, it's hard to pick one out."),
    ],
)
def test_a_candidate_who_cannot_pick_an_instance_is_asked_for_one(language: str, text: str) -> None:
    """ "挑不出来", "想不起来": what the candidate could not do is no action in a story."""
    assert first_reason(language, text) == "too_short"


def test_a_mandarin_clause_that_finds_out_what_others_think_is_no_one_acting() -> None:
    """ "找几个同事聊聊", "看看大家都是怎么想的": the others are whom the candidate would ask."""
    text = (
        "我可能先找几个同事聊聊。看看大家都是怎么想的。要让我来处理的话，我会先拿一两个人试试，行的话再推开。"
    )
    assert first_reason("zh", text) == "hypothetical_not_past"
    acted = "去年推新排班的时候，同事们一开始都不乐意。大家后来一起琢磨出了一个轮换表。"
    assert first_reason("zh", acted) == "no_personal_action"


@pytest.mark.parametrize(
    ("ending", "outcome"),
    [
        ("I opened the spare room early, at six, so people had somewhere to wait.", False),
        ("The new rota went live a month early.", True),
    ],
)
def test_early_is_an_outcome_only_by_an_amount_of_time(ending: str, outcome: bool) -> None:
    assert (first_reason("en", HOTEL + ending) != "missing_result") is outcome


@pytest.mark.parametrize(
    ("ending", "outcome"),
    [
        ("By the end of that year we had thirty-odd people on the rota.", True),
        ("Two of the new porters ended up running the night desk between them.", True),
        ("By the end of the week I had to hand the new tags in.", False),
        ("I ended up ringing every guest myself.", False),
    ],
)
def test_a_later_state_or_where_things_ended_up_is_an_outcome(ending: str, outcome: bool) -> None:
    assert (first_reason("en", HOTEL + ending) != "missing_result") is outcome


def test_saying_what_one_is_like_leaves_no_subject_waiting_for_the_next_clause() -> None:
    """ "我这人脾气好，没什么大问题。类似的情况遇到过很多…": a description, not a split sentence."""
    text = "我这人脾气好，没什么大问题。类似的情况遇到过很多，主要就是心态要积极，踏踏实实地干。"
    assert first_reason("zh", text) == "too_short"


@pytest.mark.parametrize(
    ("language", "team", "ending", "acted"),
    [
        (
            "en",
            "Our night shift kept losing parcels. We walked the shelves with the drivers and moved the "
            "returns cage next to the door. ",
            "Looking back, I learned a lot from the drivers.",
            "I learned that the depot had changed its shift pattern.",  # finding out is something done
        ),
        (
            "zh",
            "我们夜班老是丢包裹。我们跟司机一起把货架走了一遍，把退货笼子挪到了门口。",
            "我觉得吧光靠嘴说没用，得让大家看得见。",
            "我觉得是货架太乱，就带着司机把货架重新整理一遍。",  # an opinion that goes on to what was done
        ),
    ],
)
def test_a_lesson_or_an_opinion_at_the_end_is_no_personal_action(
    language: str, team: str, ending: str, acted: str
) -> None:
    """What the candidate took from a story, or thinks of it, is not a step of it: only the team acted."""
    assert first_reason(language, team + ending) == "no_personal_action"
    assert first_reason(language, team + acted) == "missing_result"


@pytest.mark.parametrize(
    ("language", "text", "lesson"),
    [
        (
            "en",
            "I moved the cage. Errors fell by half. It taught me to look first. The drivers were relieved.",
            True,
        ),
        (
            "en",
            "I moved the cage. Errors fell by half. It taught me to look first. Then I rewrote the rota.",
            False,
        ),
        ("en", "I learned that the vendor had changed their API. The whole team was panicking.", False),
        ("zh", "我把笼子挪到门口。丢的少了一半。后来我就养成了习惯。凡事先看现场。", True),
        ("zh", "我把笼子挪到门口。丢的少了一半。后来我就养成了习惯。我又把排班表改了。", False),
        ("zh", "我回头看了一下日志，发现是配置错了。", False),
    ],
)
def test_a_story_closes_on_a_lesson_said_last_or_just_before_a_remark(
    language: str, text: str, lesson: bool
) -> None:
    a = analyse(Answer(question=Q[language], text=text, language=language, kind="behavioural"))
    assert a.closes_with_lesson is lesson


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "My supervisor basically said, you've been here the longest, can you figure it out?"),
        ("en", "So what we ended up doing was, um, this."),
        ("zh", "我查了三天日志，原来是两个脚本在抢同一个文件。"),
        ("zh", "大家比以前更忙了，我每天多干两个小时。"),
    ],
)
def test_what_someone_said_to_the_candidate_or_what_it_turned_out_to_be_is_no_outcome(
    language: str, text: str
) -> None:
    scene = (
        "Last spring our parcels kept going missing. I walked the shelves with the drivers."
        if language == "en"
        else "去年春天我们仓库老丢包裹。我跟司机把货架走了一遍。"
    )
    a = analyse(
        Answer(
            question=Q[language],
            text=f"{scene} {text}" if language == "en" else scene + text,
            language=language,
            kind="behavioural",
        )
    )
    assert not a.with_part("result"), [f.text for f in a.with_part("result")]
