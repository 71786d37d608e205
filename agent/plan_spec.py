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
    kind: behavioural   # a scoring.models.QUESTION_KINDS kind (self_intro, motivation, ...) or a module
    text: {en: "Tell me about a time you led a team.", zh: "请讲一次您带领团队的经历。"}
    minutes: 4
    follow_ups: {missing_result: "And what came of it?"}
  - {competency: leadership, kind: self_intro, text: "Please introduce yourself.", limit_s: 120}
  - competency: leadership
    kind: coding        # an editor and a sandbox first; then the candidate explains their approach
    text: "Write add(a, b) that returns the sum."
    limit_s: 900        # optional: the coding time; the explanation follows at the limit
    coding: {starter: "def add(a, b): ...", tests: [{name: adds, code: "assert add(1, 2) == 3"}]}
spoken_english: true    # optional, off by default: a read-aloud and a short free answer, reported apart
```
`spoken_english` may instead be a mapping `{passage: "...", question: "..."}` to replace the built-in texts;
items of kind `read_aloud` (with `passage`) and `english_free` may also be placed in `questions` by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agent.modules import MODULE_KINDS, SPOKEN_ENGLISH, CodeTest, CodingTask, say
from agent.plan import PlannedQuestion, fit_to_budget
from scoring.models import QUESTION_KINDS
from scoring.rubric import CompetencyRubric, Rubric, parse_rubric
from scoring.yamlsource import Located, from_data, load_yaml, load_yaml_file

KINDS = tuple(dict.fromkeys((*QUESTION_KINDS, *MODULE_KINDS)))  # the scorer's kinds and the modules
SELF_INTRO_LIMIT_S = 120.0
MAX_CODE_CHARS = 20_000
REASONS = ("missing_result", "no_personal_action", "hypothetical_not_past", "too_short", "no_specifics")


@dataclass(frozen=True)
class QuestionSpec:
    """A question as the plan file gives it, in one or both languages."""

    competency: str | None
    kind: str
    text: dict[str, str]
    minutes: float
    follow_ups: dict[str, str]
    limit_s: float | None = None
    coding: CodingTask | None = None
    passage: str | None = None


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
    spoken_english: bool = False

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
                    weights.get(q.competency or "", 1.0),
                    q.follow_ups,
                    limit_s=q.limit_s,
                    coding=q.coding,
                    passage=q.passage,
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
    kind = item.get("kind", "behavioural")
    if kind not in KINDS:
        raise located.error(f"{path}.kind", f"must be one of {', '.join(KINDS)}")
    competency = item.get("competency")
    if competency not in names and not (kind in SPOKEN_ENGLISH and competency is None):
        raise located.error(
            f"{path}.competency", f"must name one of the competencies: {', '.join(sorted(names))}"
        )
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
    limit = item.get("limit_s")  # None (as a stored plan's document gives it) means the default
    if limit is None and kind == "self_intro":
        limit = SELF_INTRO_LIMIT_S
    if limit is not None and (
        not isinstance(limit, int | float) or isinstance(limit, bool) or not 10 <= limit <= 3600
    ):
        raise located.error(f"{path}.limit_s", "must be a number of seconds between 10 and 3600")
    coding = _coding(located, path, item.get("coding")) if kind == "coding" else None
    passage = item.get("passage") if kind == "read_aloud" else None
    if kind == "read_aloud" and not (isinstance(passage, str) and passage.strip()):
        raise located.error(f"{path}.passage", "a read-aloud item needs the passage to read, as text")
    for field_name, own in (("coding", "coding"), ("passage", "read_aloud")):
        if item.get(field_name) is not None and kind != own:
            raise located.error(f"{path}.{field_name}", f"belongs to kind {own} only")
    return QuestionSpec(
        competency if competency is None else str(competency),
        str(kind),
        text,
        float(minutes),
        dict(follow_ups),
        float(limit) if limit is not None else None,
        coding,
        passage.strip() if isinstance(passage, str) else None,
    )


def _coding(located: Located, path: str, value: Any) -> CodingTask:
    if not isinstance(value, dict):
        raise located.error(f"{path}.coding", "a coding item needs `coding: {starter, tests}`")
    starter = value.get("starter", "")
    if not isinstance(starter, str) or len(starter) > MAX_CODE_CHARS:
        raise located.error(f"{path}.coding.starter", f"must be text of at most {MAX_CODE_CHARS} characters")
    tests = value.get("tests")
    if not isinstance(tests, list) or not 1 <= len(tests) <= 50:
        raise located.error(f"{path}.coding.tests", "must be a list of 1 to 50 tests {name, code}")
    out = []
    for j, t in enumerate(tests):
        if not (
            isinstance(t, dict)
            and isinstance(t.get("name"), str)
            and t["name"].strip()
            and isinstance(t.get("code"), str)
            and t["code"].strip()
            and len(t["code"]) <= MAX_CODE_CHARS
        ):
            raise located.error(f"{path}.coding.tests[{j}]", "must have a name and Python code (an assert)")
        out.append(CodeTest(t["name"].strip()[:200], t["code"]))
    if value.get("language", "python") != "python":
        raise located.error(f"{path}.coding.language", "only python is supported")
    return CodingTask(tuple(out), starter)


def _spoken_english(located: Located, value: Any, language: str) -> tuple[bool, list[QuestionSpec]]:
    """The spoken-English check's flag and, when on, its built-in (or given) two items."""
    if value is None or value is False:
        return False, []
    if value is not True and not isinstance(value, dict):
        raise located.error("spoken_english", "must be true, false, or a mapping {passage, question}")
    given = value if isinstance(value, dict) else {}
    passage = given.get("passage", say("en", "passage"))
    if not isinstance(passage, str) or not passage.strip():
        raise located.error("spoken_english.passage", "must be text")
    question = _text(
        located, "spoken_english.question", given.get("question", say(language, "english_free")), language
    )
    intro = {language: say(language, "read_aloud")}
    return True, [
        QuestionSpec(None, "read_aloud", intro, 1.0, {}, None, None, passage.strip()),
        QuestionSpec(None, "english_free", question, 1.5, {}, 90.0),
    ]


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
    spoken, extra = _spoken_english(located, data.get("spoken_english"), language)
    by_hand = [i for i, q in enumerate(questions) if q.kind in SPOKEN_ENGLISH]
    if by_hand and not spoken:
        raise located.error(
            f"questions[{by_hand[0]}].kind", "set `spoken_english: true` to ask the spoken-English check"
        )
    if not by_hand:
        questions += tuple(extra)
    spec = PlanSpec(
        title.strip(),
        language,
        department,
        float(budget) if budget else None,
        rubric,
        questions,
        jurisdiction,
        spoken,
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
