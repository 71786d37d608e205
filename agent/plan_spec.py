"""Interview plans from YAML files or API bodies, validated with errors that name the line and field.

```yaml
title: Backend engineer
language: en            # en or zh
jurisdiction: EU        # optional: whose candidate notice applies (else the server's default)
time_budget_min: 20
competencies:
  - {name: leadership, weight: 2, indicators: {en: [led, delegated]}}
questions:
  - competency: leadership
    kind: behavioural   # any of scoring.models.QUESTION_KINDS (self_intro, motivation, ...)
    text: {en: "Tell me about a time you led a team.", zh: "请讲一次您带领团队的经历。"}
    minutes: 4
    follow_ups: {missing_result: "And what came of it?"}
```
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agent.plan import PlannedQuestion, fit_to_budget
from scoring.models import QUESTION_KINDS
from scoring.rubric import CompetencyRubric, Rubric, parse_rubric
from scoring.yamlsource import Located, from_data, load_yaml, load_yaml_file

KINDS = QUESTION_KINDS  # one list of kinds: the scorer's
REASONS = ("missing_result", "no_personal_action", "hypothetical_not_past", "too_short", "no_specifics")


@dataclass(frozen=True)
class QuestionSpec:
    """A question as the plan file gives it, in one or both languages."""

    competency: str
    kind: str
    text: dict[str, str]
    minutes: float
    follow_ups: dict[str, str]


@dataclass(frozen=True)
class PlanSpec:
    """A validated plan."""

    title: str
    language: str
    department: str | None
    time_budget_min: float | None
    rubric: Rubric
    questions: tuple[QuestionSpec, ...]
    jurisdiction: str | None = None

    def planned(self, ids: list[str] | None = None) -> list[PlannedQuestion]:
        """Questions in the plan's language, with their competency weights."""
        weights = {c.name: c.weight for c in self.rubric.competencies}
        out = []
        for i, q in enumerate(self.questions):
            text = q.text.get(self.language) or next(iter(q.text.values()))
            out.append(
                PlannedQuestion(
                    ids[i] if ids else f"q{i + 1}",
                    text,
                    q.competency,
                    q.kind,
                    q.minutes,
                    weights.get(q.competency, 1.0),
                    q.follow_ups,
                )
            )
        return out


def _text(located: Located, path: str, value: Any, language: str) -> dict[str, str]:
    if isinstance(value, str) and value.strip():
        return {language: value.strip()}
    if (
        isinstance(value, dict)
        and value
        and all(k in ("en", "zh") and isinstance(v, str) and v.strip() for k, v in value.items())
    ):
        return {k: v.strip() for k, v in value.items()}
    raise located.error(path, "must be text, or a mapping of 'en'/'zh' to text")


def _question(located: Located, i: int, item: Any, language: str, names: set[str]) -> QuestionSpec:
    path = f"questions[{i}]"
    if not isinstance(item, dict):
        raise located.error(path, "must be a mapping with competency and text")
    competency = item.get("competency")
    if competency not in names:
        raise located.error(
            f"{path}.competency", f"must name one of the competencies: {', '.join(sorted(names))}"
        )
    kind = item.get("kind", "behavioural")
    if kind not in KINDS:
        raise located.error(f"{path}.kind", f"must be one of {', '.join(KINDS)}")
    text = _text(located, f"{path}.text", item.get("text"), language)
    if language not in text:
        raise located.error(f"{path}.text", f"has no text in the plan's language ({language})")
    minutes = item.get("minutes", 3)
    if not isinstance(minutes, int | float) or isinstance(minutes, bool) or not 0 < minutes <= 60:
        raise located.error(f"{path}.minutes", "must be a number of minutes between 0 and 60")
    follow_ups = item.get("follow_ups", {})
    if not isinstance(follow_ups, dict) or not all(
        k in REASONS and isinstance(v, str) and v.strip() for k, v in follow_ups.items()
    ):
        raise located.error(f"{path}.follow_ups", f"must map reason codes ({', '.join(REASONS)}) to text")
    return QuestionSpec(str(competency), str(kind), text, float(minutes), dict(follow_ups))


def parse_plan(located: Located) -> PlanSpec:
    """Validate parsed YAML/JSON into a plan."""
    data = located.data
    if not isinstance(data, dict):
        raise located.error("plan", "must be a mapping with title, competencies and questions")
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        raise located.error("title", "is required and must be text")
    language = data.get("language", "en")
    if language not in ("en", "zh"):
        raise located.error("language", "must be 'en' or 'zh'")
    budget = data.get("time_budget_min")
    if budget is not None and (
        not isinstance(budget, int | float) or isinstance(budget, bool) or budget <= 0
    ):
        raise located.error("time_budget_min", "must be a positive number of minutes")
    department = data.get("department")
    if department is not None and not isinstance(department, str):
        raise located.error("department", "must be text")
    jurisdiction = data.get("jurisdiction")
    if jurisdiction is not None and not (
        isinstance(jurisdiction, str) and re.fullmatch(r"[A-Za-z0-9_-]{1,40}", jurisdiction)
    ):
        raise located.error("jurisdiction", "must be a short code such as CN, EU or US-IL")
    rubric = parse_rubric(located)
    names = {c.name for c in rubric.competencies}
    raw = data.get("questions")
    if not isinstance(raw, list) or not raw:
        raise located.error("questions", "a plan needs a non-empty list of questions")
    questions = tuple(_question(located, i, q, language, names) for i, q in enumerate(raw))
    spec = PlanSpec(
        title.strip(),
        language,
        department,
        float(budget) if budget else None,
        rubric,
        questions,
        jurisdiction,
    )
    _check_coverage(located, spec)
    return spec


def _check_coverage(located: Located, spec: PlanSpec) -> None:
    asked = {q.competency for q in spec.questions}
    missing = [c.name for c in spec.rubric.competencies if c.name not in asked]
    if missing:
        raise located.error("questions", f"no question covers: {', '.join(missing)}")
    if spec.time_budget_min is not None:
        kept, _ = fit_to_budget(spec.planned(), spec.time_budget_min * 60)
        if sum(q.minutes for q in kept) > spec.time_budget_min:
            raise located.error(
                "time_budget_min",
                f"covering every competency once needs {sum(q.minutes for q in kept):g} minutes; "
                f"raise the budget or shorten questions",
            )


def load_plan_text(text: str, source: str = "") -> PlanSpec:
    """A plan from YAML text."""
    return parse_plan(load_yaml(text, source))


def load_plan_file(path: Path) -> PlanSpec:
    """A plan from a YAML file."""
    return parse_plan(load_yaml_file(path))


def plan_from_dict(data: Any) -> PlanSpec:
    """A plan from an API body."""
    return parse_plan(from_data(data))


def rubric_of(spec: PlanSpec) -> tuple[CompetencyRubric, ...]:
    """The plan's competencies."""
    return spec.rubric.competencies
