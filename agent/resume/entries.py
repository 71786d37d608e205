"""Entries of the education and experience sections: schools, degrees, employers and job titles.

Which part of a line is which is told by keywords in both languages, else by position.
"""

from __future__ import annotations

import re

SCHOOL = re.compile(
    r"universit|college|institute|school|academy|polytechnic|大学|学院|学校|研究院|研究所|中学", re.I
)
DEGREES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("phd", re.compile(r"\bph\.?\s?d\b|\bdoctor(?:ate)?\b|\bd\.?phil\b|博士", re.I)),
    ("mba", re.compile(r"\bmba\b|工商管理硕士", re.I)),
    (
        "master",
        re.compile(
            r"\bmaster'?s?(?:\s+of\s+(?:science|arts|engineering))?\b|\bm\.?\s?sc?\b\.?|\bm\.?eng\b|\bm\.?a\.?(?=\s|$)|硕士(?:研究生)?|研究生",
            re.I,
        ),
    ),
    (
        "bachelor",
        re.compile(
            r"\bbachelor'?s?(?:\s+of\s+(?:science|arts|engineering))?\b|\bb\.?\s?sc?\b\.?|\bb\.?eng\b|\bb\.?a\.?(?=\s|$)|学士|本科",
            re.I,
        ),
    ),
    ("associate", re.compile(r"\bassociate\b|大专|专科", re.I)),
)
STRONG_ORG = re.compile(
    r"\b(?:inc|ltd|llc|corp|corporation|gmbh|co\.|plc|group|bank)\b\.?|公司|集团|银行|有限|事务所", re.I
)
TITLE = re.compile(
    r"\b(?:engineer|developer|manager|analyst|designer|lead|intern|director|scientist|consultant|architect|"
    r"specialist|officer|head|vp|president|coordinator|administrator|accountant|editor|writer|researcher|"
    r"teacher|nurse|assistant|representative|founder|programmer|technician|executive|strategist|"
    r"recruiter|marketer|sre|devops)\b"
    r"|工程师|经理|分析师|设计师|实习生|总监|主管|专员|顾问|架构师|负责人|研究员|运营|产品|开发|会计|编辑|助理|"
    r"教师|老师|组长|主任|创始人|合伙人|专家|主编|记者|销售",
    re.I,
)
WEAK_ORG = re.compile(
    r"\b(?:technologies|technology|tech|labs?|studio|partners|consulting|capital|systems|solutions|software|"
    r"hospital|agency|foundation|institute|university|media|networks?|games|bio|health|logistics|foods?|"
    r"motors|energy|retail|insurance|securities)\b|科技|研究院|大学|医院|工作室|中心|网络|传媒|股份|电子|软件",
    re.I,
)
PLACES = re.compile(
    r"^(?:remote|beijing|shanghai|shenzhen|guangzhou|hangzhou|chengdu|nanjing|wuhan|xi'?an|hong kong|"
    r"singapore|london|berlin|paris|new york|san francisco|seattle|boston|austin|toronto|sydney|tokyo|"
    r"北京|上海|深圳|广州|杭州|成都|南京|武汉|西安|香港|苏州|天津|重庆|远程)(?:\s*,\s*[\w .]+)?$",
    re.I,
)


def degree_of(text: str) -> tuple[str, re.Match[str]] | None:
    """The degree level a part names ("bachelor", "master", "mba", "phd", "associate") and where."""
    for level, pattern in DEGREES:
        match = pattern.search(text)
        if match:
            return level, match
    return None


def field_of(part: str, match: re.Match[str] | None) -> str | None:
    """The subject in a degree part: "B.Sc. in Computer Science" -> "Computer Science"."""
    text = part if match is None else part[: match.start()] + " " + part[match.end() :]
    text = re.sub(r"^\s*(?:of|in|degree|,|-|—|：|:)\s*|\s*(?:degree|学位)\s*$", "", text.strip(), flags=re.I)
    text = re.sub(r"^(?:of|in)\s+", "", text.strip(" ,.-()（）"), flags=re.I)
    return text.strip(" ,.-()（）") or None


def classify(part: str) -> str:
    """Say "org", "title", "place" or "unknown" for a part of a job's header."""
    if PLACES.match(part):
        return "place"
    if STRONG_ORG.search(part):
        return "org"
    if TITLE.search(part):
        return "title"
    if WEAK_ORG.search(part):
        return "org"
    return "unknown"


def org_and_title(header: list[str]) -> tuple[str | None, str | None]:
    """Employer and title from a job's header parts; unknown parts fill the gaps, employer first."""
    split: list[str] = []
    for p in header:  # "Data Analyst at Adatum Corp", "Engineer @ Acme"
        pieces = re.split(r"\s+(?:at|@)\s+", p, maxsplit=1)
        split += pieces if len(pieces) == 2 and all(pieces) else [p]
    kinds = [(p, classify(p)) for p in split]
    org = next((p for p, k in kinds if k == "org"), None)
    title = next((p for p, k in kinds if k == "title"), None)
    for p, k in kinds:
        if k != "unknown":
            continue
        if org is None:
            org = p
        elif title is None:
            title = p
    return org, title
