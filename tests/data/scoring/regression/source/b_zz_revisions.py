"""Second authoring pass, made before any scoring: length must not track quality.

Some weak answers are replaced by long, rambling weak ones, and some strong answers by short strong ones,
at the SAME level (each was checked again against ANCHORS.md). UNPUNCTUATED lists answers written out as a
transcript with no punctuation at all (as many ASR and human transcripts are), chosen across all levels.
"""
INTERVIEWS = []
REPLACE = {
# --- long, rambling, weak (level unchanged) ---
"zh20-5": """为什么想来咱们学校，嗯，其实我了解到咱们学校在我们区是数一数二的，口碑特别好，很多家长都想把孩子送过来，然后我觉得在好的学校工作，对自己也是一种提升嘛，然后环境也好，我来的时候看了一下校园，绿化特别好，操场也很大，然后就是公立学校比较稳定，不像我们机构，说不行就不行了，双减一来整个行业都没了，我现在也有孩子了，想找一个稳定一点的工作，离家也近，骑电动车十分钟就到了，接孩子也方便。""",
"en22-4": """Um, yeah, so outside finance, I mean, I work with the stores quite a lot, because of the weekly report, every week they send me their numbers, and sometimes they're late, so I chase them on the group chat, and sometimes the numbers are wrong, so I call them and they fix it. And then procurement sometimes ask me for data, so I pull it for them, export it from the system. And at budget time everyone sends their budgets so there's more contact then. Honestly everyone's pretty cooperative, we get along fine, there haven't really been any problems.""",
"en13-5": """Well, I think the first thing is to stay calm, because parents nowadays are very, you know, focused on grades. So I'd reply and explain that we mark to a mark scheme, which has criteria for content, structure, language and so on, and the child just didn't meet them this time, the essay was a bit off-topic. So the grade is fair, because everyone is marked the same way, I can't give one child special treatment. And if the parent still isn't happy, then honestly there's not much I can do, they could take it to the head of department or the head, but I marked it correctly.""",
"en17-4": """Qualifying, yeah, I've got a lot of experience with that, I've been selling for years, I've seen every kind of customer. Honestly you can tell in about five minutes if someone's serious. It's the tone of voice, the questions they ask. Like if they ask about price straight away, they're interested. If they keep saying let me think about it, let me think about it, forget it. And you look at how they dress, what car they drive, that was really accurate in cars. With businesses I guess it's similar, people are people. So it's mostly experience and gut feel, the textbook stuff doesn't really help in real life.""",
"en19-5": """um so I think I'd probably just start building it and like see how far I get because sometimes things that look hard are actually not that hard once you start and then if it's not going to be done I'd tell them near the end what didn't make it and maybe we could do it in the next sprint or something because there's always a next sprint and designers usually understand that things change and honestly a lot of designs are a bit unrealistic anyway so""",
"zh17-5": """判断线索啊，这个我太有经验了，我在4S店的时候，一个客户进门，我看一眼就知道他今天买不买，看他开什么车来的，穿什么鞋，手上戴什么表，跟谁一起来的，如果是两口子一起来还带着孩子，那基本就是要买了，如果是一个年轻人自己来转转，那多半就是看看，企业客户我觉得也一样，都是人嘛，你跟老板聊上十分钟，喝两杯茶，他有没有钱、想不想买，心里就有数了，所以说销售这个东西，书上那些理论没什么用，主要靠经验，靠眼力。""",
"zh11-4": """那肯定是先赶紧修啊，用户都在投诉了嘛，我会先去看一下报错日志，找到是哪行代码出的问题，然后在本地改好，自己测一下没问题了，就直接发上去，我以前做网站的时候都是这么干的，很快的，一般十几分钟就能搞定，然后再跟用户说一下已经修好了，嗯，如果实在找不到问题的话，就重启一下服务器试试，很多时候重启一下就好了。""",
"zh19-5": """嗯，那就只能加班了吧，测试就是这样的，永远是最后一个环节，前面延期了后面就得压缩，我一般就是先挑重要的功能测一下，其他的能测多少测多少，然后实在测不完的话也只能先上线了，毕竟上线时间是定死的，有问题的话上线以后再修，反正现在发版也很快，我觉得这个也没办法，大家都是这么过来的。""",
# --- short, strong (level unchanged) ---
"zh12-3": """夜班医嘱开了氯化钾静推，这是绝对禁止的。我没执行，查了病历，血钾三点一，应该是稀释后静滴。我马上打电话给值班医生改了医嘱，第二天上报了不良事件，药剂科后来在系统里加了高警示药品给药途径的拦截。""",
"zh10-2": """南通一家三甲的超声科主任倾向进口品牌。我先请两位主治去样板医院看实际使用，又按他们科一年的检查量算了排队时间：多一台我们的设备，等待从四天降到两天内。最后中标两台，三百八十万。""",
"zh03-2": """双十一压测时订单服务每隔几分钟超时一波。我看GC日志发现每次之前都有三秒的Full GC，dump堆后定位到一个没设过期的本地缓存。我换成Caffeine，加了容量上限和过期，又加了GC告警。再压测没有超时，大促当天很平稳。""",
"zh07-3": """简易计税和免税项目、集体福利和个人消费、非正常损失的购进不能抵扣，发票不合规的也不行。我在报销系统里给福利类专票设了自动转出提示，每月认证前再抽查大额的，抓到过一张其实是团建用的采购专票。""",
"zh18-2": """一位老先生的卡被境外盗刷三万多，情绪很激动。我当场冻结卡片，指导他报案拿回执，提交了拒付，并告诉他我负责到底。拒付要一两个月，我每周给他回电同步进度。第五周钱退回来了，他写了表扬信。""",
"zh15-2": """以前店长凭感觉订货。我用一年半的销售数据做了按门店、星期几的预测表，给店长建议订货量，改动要写原因，每周复盘。四个月损耗从九点五降到六，后来改成按库存自动打折，降到四点二。""",
"en18-2": """A passenger's elderly mother had her wheelchair lost on a connection. I told her I'd own it and gave her my direct line. I got the airport to lend a chair within the hour, traced hers to Frankfurt, and had it couriered to their hotel that evening. I also arranged a partial refund before she asked.""",
"en03-2": """We had a few duplicate charges a week. I noticed every one followed a client retry within two seconds of a timeout, and we had no idempotency check. I added an idempotency key with a unique constraint and returned the first result on a repeat. Duplicates went to zero.""",
"en07-2": """I found a 400 thousand rebate booked twice in a quarter already reported to the board. I checked it with AP, took it to the CFO the same day, and we restated in the next board pack. I added a rebate reconciliation to the close; it has caught two more since.""",
}
UNPUNCTUATED = {
"en02-5", "en06-1", "en07-4", "en09-1", "en10-3", "en12-3", "en16-3", "en18-5", "en21-3", "en14-5", "en20-2", "en05-1",
"zh02-1", "zh06-1", "zh07-4", "zh09-3", "zh10-3", "zh12-3", "zh14-5", "zh16-5", "zh18-5", "zh21-3", "zh06-5", "zh03-5",
"zh10-5", "zh19-4", "zh13-1", "zh05-1", "zh22-2", "zh19-2", "zh04-2", "zh15-5", "zh24-3",
}
