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
        "steps": "Drop-out by step",
        "step": "step",
        "reached": "reached",
        "stopped": "stopped here",
        "step_rate": "share of previous step",
        "device_check_failed": "device check failed, not started",
        "satisfaction_sheet": "Candidate satisfaction",
        "rating": "rating",
        "share": "share",
        "response_rate": "response rate (of completed)",
        "completed": "completed interviews",
        "marks": "AI score marks",
        "marks_n": "marks",
        "not_reasonable": "marked not reasonable",
        "not_reasonable_rate": "share not reasonable",
        "satisfaction_n": "satisfaction n",
        "satisfaction_mean": "satisfaction mean",
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
        "steps": "按步骤的流失",
        "step": "步骤",
        "reached": "到达数",
        "stopped": "在此停止",
        "step_rate": "占上一步比例",
        "device_check_failed": "设备检测未通过且未开始",
        "satisfaction_sheet": "候选人满意度",
        "rating": "评分",
        "share": "占比",
        "response_rate": "回复率（占完成面试）",
        "completed": "完成面试数",
        "marks": "AI 评分标记",
        "marks_n": "标记数",
        "not_reasonable": "标记为不合理",
        "not_reasonable_rate": "不合理比例",
        "satisfaction_n": "满意度样本数",
        "satisfaction_mean": "满意度平均值",
    },
}


def _tables(d: DashboardOut, lang: Lang) -> Iterator[tuple[str, list[list[Any]]]]:
    t = TITLES[lang]
    yield t["funnel"], [[t["stage"], t["count"]], *[[s.stage, s.count] for s in d.funnel]]
    header: list[Any] = [
        t["job"],
        t["department"],
        *[s.stage for s in d.funnel],
        t["satisfaction_n"],
        t["satisfaction_mean"],
    ]
    per_job = [
        [j.title, j.department, *[s.count for s in j.funnel], j.satisfaction_n, j.satisfaction_mean]
        for j in d.jobs
    ]
    yield t["jobs"], [header, *per_job]
    yield t["dropout"], [[t["question"], t["count"]], *[[c.key, c.count] for c in d.dropout]]
    yield (
        t["steps"],
        [
            [t["step"], t["reached"], t["stopped"], t["step_rate"]],
            *[[s.step, s.reached, s.stopped, s.rate] for s in d.steps],
            [t["device_check_failed"], d.device_check_failed],
        ],
    )
    sat = d.satisfaction
    yield (
        t["satisfaction_sheet"],
        [
            [t["rating"], t["count"], t["share"]],
            *[[c.key, c.count, c.rate] for c in sat.distribution],
            [t["n"], sat.n],
            [t["mean"], sat.mean],
            [t["median"], sat.median],
            [t["completed"], sat.completed],
            [t["response_rate"], sat.response_rate],
        ],
    )
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
        t["marks"],
        [
            [t["competency"], t["marks_n"], t["not_reasonable"], t["not_reasonable_rate"]],
            *[[m.competency, m.marks, m.not_reasonable, m.not_reasonable_rate] for m in d.score_marks],
        ],
    )
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
