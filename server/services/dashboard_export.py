"""The dashboard's numbers as CSV or an Excel workbook, with headers in Chinese or English.

Each table of the page is a section of the CSV and a sheet of the workbook, so what HR reports to
management is the same numbers the page shows.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any, Literal

from openpyxl import Workbook

from server.schemas.analytics import DashboardOut

Lang = Literal["en", "zh"]
TITLES = {
    "en": {
        "funnel": "Funnel",
        "jobs": "Per job",
        "dropout": "Drop-out by question",
        "times": "Times",
        "agreement": "AI-HR agreement",
        "flags": "Presence flags",
        "stage": "stage",
        "count": "count",
        "job": "job",
        "department": "department",
        "question": "question",
        "measure": "measure",
        "n": "n",
        "median": "median",
        "mean": "mean",
        "competency": "competency",
        "decisions": "decisions",
        "overrides": "overrides",
        "override_rate": "override rate",
        "mean_abs_diff": "mean |HR - AI|",
        "mean_diff": "mean HR - AI",
        "flag": "flag",
        "rate": "share of completed",
        "interview_minutes": "interview minutes",
        "review_hours": "hours to HR review",
        "satisfaction": "candidate satisfaction",
    },
    "zh": {
        "funnel": "漏斗",
        "jobs": "按职位",
        "dropout": "按题目的流失",
        "times": "用时",
        "agreement": "AI 与 HR 一致性",
        "flags": "在场检测标记",
        "stage": "阶段",
        "count": "数量",
        "job": "职位",
        "department": "部门",
        "question": "题目",
        "measure": "指标",
        "n": "样本数",
        "median": "中位数",
        "mean": "平均值",
        "competency": "能力项",
        "decisions": "复核数",
        "overrides": "修改数",
        "override_rate": "修改率",
        "mean_abs_diff": "平均 |HR - AI|",
        "mean_diff": "平均 HR - AI",
        "flag": "标记",
        "rate": "占完成面试比例",
        "interview_minutes": "面试时长（分钟）",
        "review_hours": "到 HR 复核的小时数",
        "satisfaction": "候选人满意度",
    },
}


def _tables(d: DashboardOut, lang: Lang) -> Iterator[tuple[str, list[list[Any]]]]:
    t = TITLES[lang]
    yield t["funnel"], [[t["stage"], t["count"]], *[[s.stage, s.count] for s in d.funnel]]
    header: list[Any] = [t["job"], t["department"], *[s.stage for s in d.funnel]]
    yield t["jobs"], [header, *[[j.title, j.department, *[s.count for s in j.funnel]] for j in d.jobs]]
    yield t["dropout"], [[t["question"], t["count"]], *[[c.key, c.count] for c in d.dropout]]
    stats = (
        ("interview_minutes", d.interview_minutes),
        ("review_hours", d.review_hours),
        ("satisfaction", d.satisfaction),
    )
    yield (
        t["times"],
        [[t["measure"], t["n"], t["median"], t["mean"]], *[[t[k], s.n, s.median, s.mean] for k, s in stats]],
    )
    cols = ("competency", "decisions", "overrides", "override_rate", "mean_abs_diff", "mean_diff")
    yield t["agreement"], [[t[c] for c in cols], *[[getattr(a, c) for c in cols] for a in d.agreement]]
    yield (
        t["flags"],
        [[t["flag"], t["count"], t["rate"]], *[[f.key, f.count, f.rate] for f in d.presence_flags]],
    )


def to_csv(d: DashboardOut, lang: Lang) -> str:
    """Every table, one after another, each under its title; a BOM so Excel reads the UTF-8."""
    out = io.StringIO()
    writer = csv.writer(out)
    for title, rows in _tables(d, lang):
        writer.writerow([title])
        writer.writerows(rows)
        writer.writerow([])
    return "\ufeff" + out.getvalue()


def to_xlsx(d: DashboardOut, lang: Lang) -> bytes:
    """One sheet per table."""
    book = Workbook()
    for sheet in list(book.worksheets):
        book.remove(sheet)
    for title, rows in _tables(d, lang):
        sheet = book.create_sheet(title[:31])
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
