"""Word lists for disfluency removal (see `scoring.disfluency`), English and Chinese."""

from __future__ import annotations

EN_FILLERS = {"um", "umm", "uh", "uhh", "uhm", "er", "erm", "hmm", "mm", "mmm", "ah", "eh"}
# "like" is a filler after these words ("so like", "it was like, ...") or next to a pause.
EN_LIKE_AFTER = {"so", "and", "but", "um", "uh", "was", "is", "it's", "were", "like", "then"}
# Fillers only next to a pause or at the end ("so yeah, ...", "... people person so yeah").
EN_PAUSE_FILLERS = {"yeah", "okay", "ok", "right", "well", "basically", "actually"}
EN_PHRASE_FILLERS = ("you know", "i mean", "you see")
# "you know how ...", "I mean that ...": the phrase is doing work, keep it.
EN_PHRASE_KEEP_BEFORE = {
    "how",
    "what",
    "that",
    "the",
    "where",
    "why",
    "when",
    "if",
    "about",
    "who",
    "a",
    "it",
    "this",
    "him",
    "her",
    "them",
    "which",
    "whether",
}
EN_PHRASE_AFTER = {"and", "so", "but", "because", "then", "um", "uh"}
# Small talk before the answer proper, longest first.
EN_OPENERS = (
    "that's a really good question",
    "that's a great question",
    "that's a good question",
    "that is a good question",
    "good question",
    "great question",
    "thanks for asking",
    "thanks for having me",
    "thank you for having me",
    "nice to meet you",
    "happy to be here",
    "thank you for the question",
    "thank you",
    "let me think",
    "let me see",
    "let's see",
    "all right",
    "alright",
    "yeah",
    "yes",
    "yep",
    "so",
    "well",
    "okay",
    "ok",
    "right",
    "sure",
    "oh",
    "um",
    "uh",
    "hmm",
    "mm",
)
EN_REPEAT_OK = {"that", "had", "is", "very", "really", "bye", "so", "no", "yes"}

ZH_FILLER_CHARS = "嗯呃啊唔"
# Function words whose immediate repeat is a stumble ("我我", "就就"), not a reduplication (天天, 慢慢).
ZH_REPEAT_CHARS = "我你他她就是这那在有把对也都"
ZH_REPEAT_WORDS = {
    "我们",
    "然后",
    "就是",
    "这个",
    "那个",
    "所以",
    "但是",
    "因为",
    "我们的",
    "他们",
    "其实",
    "可能",
}
ZH_OPENERS = (
    "这个问题的话",
    "这个问题嘛",
    "这个问题",
    "怎么说呢",
    "让我想想",
    "我想一下",
    "谢谢您的问题",
    "谢谢",
    "好的",
    "是的",
    "嗯",
    "呃",
    "啊",
    "好",
    "对",
    "行",
    "那个",
    "就是",
)
