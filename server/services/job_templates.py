"""Job templates: ready-made plans HR starts the job editor from.

Customer service, sales, software engineer and management trainee, each in English and Chinese.

They are YAML files in `server/job_templates/`, validated by the same plan spec as imports and the
API, so a template is never offered that the server would refuse to store.
"""

from __future__ import annotations

import re
from pathlib import Path

from agent.plan_spec import PlanSpec, load_plan_file
from server.errors import NotFound
from server.schemas import PlanCompetency, TemplateDocOut, TemplateOut, TemplateQuestion

TEMPLATE_DIR = Path(__file__).resolve().parents[1] / "job_templates"
TEMPLATE_ID = re.compile(r"^[a-z_]{1,60}\.(en|zh)$")


def _path(template_id: str) -> Path:
    if not TEMPLATE_ID.match(template_id) or not (TEMPLATE_DIR / f"{template_id}.yaml").is_file():
        raise NotFound("no such template")
    return TEMPLATE_DIR / f"{template_id}.yaml"


def load(template_id: str) -> PlanSpec:
    """The validated plan of a template (SourceError names the line if a template file is broken)."""
    return load_plan_file(_path(template_id))


def document(template_id: str) -> TemplateDocOut:
    """The template as a plan document, the shape the editor edits and `POST /api/jobs` accepts."""
    spec = load(template_id)  # validated: the editor never starts from a plan it could not save
    return TemplateDocOut(
        id=template_id,
        title=spec.title,
        language=spec.language,
        department=spec.department,
        time_budget_min=spec.time_budget_min,
        competencies=[
            PlanCompetency(
                name=c.name,
                weight=c.weight,
                scale=c.scale,
                indicators=c.indicators,
                anchors={lang: {str(k): v for k, v in pts.items()} for lang, pts in c.custom_anchors.items()},
            )
            for c in spec.rubric.competencies
        ],
        questions=[
            TemplateQuestion(
                competency=q.competency, kind=q.kind, text=q.text, minutes=q.minutes, follow_ups=q.follow_ups
            )
            for q in spec.questions
        ],
    )


def catalogue(language: str | None = None) -> list[TemplateOut]:
    """Every template (of one language when given), by title."""
    out = []
    for path in sorted(TEMPLATE_DIR.glob("*.yaml")):
        spec = load_plan_file(path)
        if language in (None, spec.language):
            out.append(
                TemplateOut(
                    id=path.stem,
                    title=spec.title,
                    language=spec.language,
                    competencies=len(spec.rubric.competencies),
                    questions=len(spec.questions),
                    time_budget_min=spec.time_budget_min,
                )
            )
    return out
