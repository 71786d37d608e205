"""Protected attributes stay out: lines about age, birth, gender, marital status or a photo are dropped.

Dropped before parsing, so no later step can pick such a value up by accident (a birth date read as an
education date, "Female" read as a skill). Also ethnicity, religion, political affiliation, health,
hometown and ID numbers, which Chinese resumes often carry and an interview must not weigh. A whole
line goes: a header such as "Li Na | 女 | 28岁 | 已婚" has nothing else the profile needs.
"""

from __future__ import annotations

import re

PROTECTED = re.compile(
    r"\b(?:age|aged|born|birth|birthday|d\.?o\.?b|date of birth|gender|sex|male|female|marital|married|"
    r"divorced|widowed|spouse|nationality|religion|ethnicity|pronouns?)\b"
    r"|\bphoto(?:graph)?\s*[:：]|^\s*\[?photo(?:graph)?\]?\s*$|\bstatus\s*[:：]\s*single\b"
    r"|\b\d{1,2}\s*(?:years?\s*old|y/o)\b"
    r"|年龄|岁|出生|生日|性别|[男女]\s*(?:$|[|｜,，/ ])|(?:^|[|｜,，/ :：])\s*[男女]\b|婚|配偶|子女|"
    r"照片|相片|民族|籍贯|政治面貌|党员|宗教|身份证|健康状况|身高|体重",
    re.IGNORECASE,
)


def is_protected(text: str) -> bool:
    """Whether a line speaks of a protected attribute."""
    return PROTECTED.search(text) is not None
