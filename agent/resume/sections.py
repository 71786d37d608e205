"""Section headings in both languages, and splitting a line into its parts.

A heading is a short line whose words, stripped of punctuation and decoration, are one of the known
names ("Work Experience", "工作经历", "EDUCATION", "— 技能 —").
"""

from __future__ import annotations

import re

HEADINGS: dict[str, tuple[str, ...]] = {
    "education": (
        "education",
        "academic background",
        "qualifications",
        "教育背景",
        "教育经历",
        "学历",
        "教育",
    ),
    "experience": (
        "experience",
        "work experience",
        "professional experience",
        "employment",
        "employment history",
        "work history",
        "career history",
        "relevant experience",
        "工作履历",
        "工作经历",
        "工作经验",
        "职业经历",
        "任职经历",
        "实习经历",
    ),
    "skills": (
        "skills",
        "technical skills",
        "core skills",
        "key skills",
        "专业技能",
        "技能",
        "技能特长",
        "技能专长",
    ),
    "achievements": (
        "achievements",
        "awards",
        "honors",
        "honours",
        "awards and honors",
        "awards & honours",
        "key achievements",
        "获奖情况",
        "获奖经历",
        "荣誉奖项",
        "荣誉",
        "主要成就",
        "成就",
    ),
    "summary": (
        "summary",
        "profile",
        "about me",
        "objective",
        "个人简介",
        "自我评价",
        "求职意向",
        "个人总结",
    ),
    "personal": ("personal information", "personal details", "contact", "个人信息", "基本信息", "联系方式"),
    "projects": ("projects", "project experience", "项目经历", "项目经验"),
}
_BY_NAME = {name: kind for kind, names in HEADINGS.items() for name in names}
_DECOR = re.compile(r"[\s\-—_=*#:：|｜•·■▪◆●\[\]【】()（）]+")
SEPARATORS = re.compile(r"\s*[|｜\t]\s*|\s{2,}|\s+[·•/]\s+|\s+[—–]\s+|,\s+(?=[A-Z\u4e00-\u9fff])|，")
BULLET = re.compile(r"^\s*(?:[•·▪◆●■\-*–]|\d{1,2}[.、)])\s*")


def heading(text: str) -> str | None:
    """The section a heading line opens, or None when the line is not a heading."""
    name = _DECOR.sub(" ", text).strip().lower()
    if len(name) > 40:
        return None
    return _BY_NAME.get(name)


def parts(text: str) -> list[str]:
    """A line's parts: "Acme Ltd | Engineer" -> ["Acme Ltd", "Engineer"]."""
    return [p.strip(" ,;，；:：") for p in SEPARATORS.split(text) if p and p.strip(" ,;，；:：")]


def is_bullet(text: str) -> bool:
    """Whether the line is a list item (a claim under a job, an award)."""
    return BULLET.match(text) is not None and not re.match(r"^\s*(?:19|20)\d\d", text)


def unbullet(text: str) -> str:
    """The line without its list marker."""
    return BULLET.sub("", text, count=1).strip()
