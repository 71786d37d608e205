"""Second authoring pass, made before any scoring: length must not track quality.

Some weak answers are replaced by long, rambling weak ones, and some strong answers by short strong ones,
at the SAME level (each was checked again against ANCHORS.md). UNPUNCTUATED lists answers written out as a
transcript with no punctuation at all (as many ASR and human transcripts are), chosen across all levels.
"""
INTERVIEWS = []
REPLACE = {
# --- long, rambling, weak (level unchanged) ---
"zh05-2": """嗯，为什么想来外科，就是，其实我觉得外科挺锻炼人的嘛，然后我有个表姐她就在外科，她说外科虽然累但是学的东西多，然后那个，我平时也挺喜欢看那种医疗剧的，像那个什么，就是讲急诊的那个，看得我特别激动，然后我就觉得外科特别有意思，然后就是三甲医院嘛，平台大，比较正规，待遇应该也会好一点，我现在那个诊所工资太低了，也没有什么发展，然后离我家也不算太远，坐公交四十分钟左右吧，嗯，反正就是想来大医院锻炼锻炼，学点东西。""",
"zh13-5": """嗯，这个情况的话，我觉得首先就是要保持冷静，因为现在家长都比较那个，比较在意孩子的分数嘛，然后我会跟家长说，我们的作文评分都是有标准的，就是按照中考的那个评分标准来的，内容、结构、语言这些，每一项都有分，然后他孩子这次写得确实不太好，有点跑题，那分数低也是正常的，我觉得分数本身是很公平的，因为每个孩子都是一样的标准，我不可能给他一个人开后门吧，然后如果家长还是不满意的话，那我也没办法，可以让他去找教务处或者校长，反正我是按标准打的。""",
"zh17-5": """判断线索啊，这个我还是很有经验的，我做了这么多年销售，什么样的客户没见过，说实话，一个客户有没有意向，你跟他聊个五分钟基本就知道了，看他说话的语气，看他问的问题，比如说他一上来就问价格，那肯定是有想法的，如果他一直在那里绕，说再看看再看看，那就是没戏，还有就是看他的穿着打扮，开什么车，这个在房产那边特别准，企业客户的话我想应该也差不多，都是人嘛，人性是相通的，所以我觉得这个主要还是靠经验，靠感觉，书本上那些理论其实用处不大。""",
"zh01-4": """那我肯定先跟他道歉嘛然后就是安抚他的情绪说您别着急我们一定会帮您处理的然后我会帮他查一下物流看看到底是到哪里了是不是丢了然后如果真的丢了的话那就要看我们公司的规定了我也不太清楚赔偿是怎么规定的可能要问一下我们的领导或者老员工然后如果他一直很着急一直催的话我就跟他说我们已经在处理了请他耐心等待反正就是态度一定要好不能跟顾客吵架""",
"zh20-5": """为什么想来咱们学校，嗯，其实我了解到咱们学校在我们区是数一数二的，口碑特别好，很多家长都想把孩子送过来，然后我觉得在好的学校工作，对自己也是一种提升嘛，然后环境也好，我来的时候看了一下校园，绿化特别好，操场也很大，然后就是公立学校比较稳定，不像我们机构，说不行就不行了，双减一来整个行业都没了，我现在也有孩子了，想找一个稳定一点的工作，离家也近，骑电动车十分钟就到了，接孩子也方便。""",
"zh22-4": """嗯，跟其他部门合作啊，我跟门店那边打交道挺多的，因为我要做周报嘛，每周都要他们报数据，有时候他们报得晚，我就在群里催一下，然后有的时候数据不对，我就打电话问一下，一般问一下就改过来了，然后还有采购那边偶尔也会找我要一些数据，我就给他们导出来，还有就是年底做预算的时候，各个部门都要报预算，那个时候打交道就更多了，反正大家都挺配合的，合作得挺好的，没有什么矛盾。""",
"en22-4": """Um, yeah, so outside finance, I mean, I work with the stores quite a lot, because of the weekly report, every week they send me their numbers, and sometimes they're late, so I chase them on the group chat, and sometimes the numbers are wrong, so I call them and they fix it. And then procurement sometimes ask me for data, so I pull it for them, export it from the system. And at budget time everyone sends their budgets so there's more contact then. Honestly everyone's pretty cooperative, we get along fine, there haven't really been any problems.""",
"en13-5": """Well, I think the first thing is to stay calm, because parents nowadays are very, you know, focused on grades. So I'd reply and explain that we mark to a mark scheme, which has criteria for content, structure, language and so on, and the child just didn't meet them this time, the essay was a bit off-topic. So the grade is fair, because everyone is marked the same way, I can't give one child special treatment. And if the parent still isn't happy, then honestly there's not much I can do, they could take it to the head of department or the head, but I marked it correctly.""",
"en17-4": """Qualifying, yeah, I've got a lot of experience with that, I've been selling for years, I've seen every kind of customer. Honestly you can tell in about five minutes if someone's serious. It's the tone of voice, the questions they ask. Like if they ask about price straight away, they're interested. If they keep saying let me think about it, let me think about it, forget it. And you look at how they dress, what car they drive, that was really accurate in cars. With businesses I guess it's similar, people are people. So it's mostly experience and gut feel, the textbook stuff doesn't really help in real life.""",
"en19-5": """um so I think I'd probably just start building it and like see how far I get because sometimes things that look hard are actually not that hard once you start and then if it's not going to be done I'd tell them near the end what didn't make it and maybe we could do it in the next sprint or something because there's always a next sprint and designers usually understand that things change and honestly a lot of designs are a bit unrealistic anyway so""",
# --- short, strong (level unchanged) ---
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
"zh10-5", "zh19-4", "zh13-1", "zh05-1",
}
