"""Date ranges as resumes write them, in English and Chinese.

| written | start | end |
|---|---|---|
| `2019.07-2021.03`, `2019/07 – 2021/03`, `2019-07 ~ 2021-03` | 2019-07 | 2021-03 |
| `2019年7月 至 2021年3月`, `2019年7月-至今` | 2019-07 | 2021-03 / current |
| `Jul 2019 – Present`, `July 2019 to March 2021` | 2019-07 | current / 2021-03 |
| `07/2019 - 03/2021` | 2019-07 | 2021-03 |
| `2015 - 2019` | 2015 | 2019 |
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.resume.profile import YearMonth

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for m in names
}
_MONTH_NAME = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE = (
    rf"(?:(?P<{{p}}y1>(?:19|20)\d\d)\s*[.\-/年]\s*(?P<{{p}}m1>\d{{{{1,2}}}})(?!\d)\s*月?"
    rf"|(?P<{{p}}m2>\d{{{{1,2}}}})\s*/\s*(?P<{{p}}y2>(?:19|20)\d\d)"
    rf"|(?P<{{p}}mn>{_MONTH_NAME})\.?,?\s+(?P<{{p}}y3>(?:19|20)\d\d)"
    rf"|(?P<{{p}}y4>(?:19|20)\d\d)(?!\d)\s*年?)"
)
_PRESENT = r"(?P<present>至今|现在|目前|今|present|now|current|today|ongoing)"
_SEP = r"\s*(?:-|–|—|－|~|～|to|至|until)\s*"
RANGE = re.compile(
    _DATE.format(p="s") + _SEP + "(?:" + _PRESENT + "|" + _DATE.format(p="e") + ")", re.IGNORECASE
)


@dataclass(frozen=True)
class DateRange:
    """A parsed range and where it sits in the line (to cut it out of the text around it)."""

    start: YearMonth
    end: YearMonth | None
    current: bool
    span: tuple[int, int]


def _date(match: re.Match[str], p: str) -> YearMonth | None:
    g = match.groupdict()
    if g[f"{p}y1"]:
        return YearMonth(int(g[f"{p}y1"]), int(g[f"{p}m1"]))
    if g[f"{p}y2"]:
        return YearMonth(int(g[f"{p}y2"]), int(g[f"{p}m2"]))
    if g[f"{p}y3"]:
        return YearMonth(int(g[f"{p}y3"]), _MONTHS[g[f"{p}mn"].lower()])
    if g[f"{p}y4"]:
        return YearMonth(int(g[f"{p}y4"]))
    return None


def find_range(text: str) -> DateRange | None:
    """The first date range in the text, or None (a month out of range is no date)."""
    for match in RANGE.finditer(text):
        try:
            start = _date(match, "s")
            end = None if match.group("present") else _date(match, "e")
        except ValueError:
            continue
        if start is None or (end is not None and end < start):
            continue
        return DateRange(start, end, end is None, match.span())
    return None
