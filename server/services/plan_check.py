"""The job editor's coverage check, for a draft the plan validator may still refuse.

Planned minutes against the time budget, and every competency asked about at least once.

The page shows the same figures live as HR types; this is the server's word on them before saving.
"""

from __future__ import annotations

from typing import Any

from agent.plan_spec import plan_from_dict
from scoring.yamlsource import SourceError
from server.schemas import PlanCheckOut


def _minutes(question: Any) -> float:
    value = question.get("minutes", 3) if isinstance(question, dict) else 0
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


def check(data: Any) -> PlanCheckOut:
    """The draft's planned minutes, uncovered competencies, and the validator's first problem."""
    doc: dict[str, Any] = data if isinstance(data, dict) else {}
    competencies: list[Any] = doc["competencies"] if isinstance(doc.get("competencies"), list) else []
    questions: list[Any] = doc["questions"] if isinstance(doc.get("questions"), list) else []
    names = [str(c["name"]) for c in competencies if isinstance(c, dict) and isinstance(c.get("name"), str)]
    asked = {q.get("competency") for q in questions if isinstance(q, dict)}
    budget = doc.get("time_budget_min")
    out = PlanCheckOut(
        ok=True,
        planned_minutes=sum((_minutes(q) for q in questions), 0.0),
        time_budget_min=float(budget)
        if isinstance(budget, int | float) and not isinstance(budget, bool)
        else None,
        uncovered=[n for n in names if n not in asked],
    )
    try:
        plan_from_dict(data)
    except SourceError as exc:
        out.ok, out.problem = False, str(exc)
    return out
