"""A job's questions and competencies as the agent's interview plan."""

from __future__ import annotations

from agent.modules import SPOKEN_ENGLISH, CodingTask
from agent.plan import InterviewPlan, PlannedQuestion
from server.db.models import Job


def interview_plan(job: Job | None, resume_index: int = 0) -> InterviewPlan | None:
    """The plan of a job loaded with `jobs.get_full`; None when it has no questions yet.

    `resume_index`: the question in progress when the candidate dropped, asked again.
    """
    if job is None or not job.questions:
        return None
    comps = {c.id: c for c in job.competencies}
    questions = []
    for q in job.questions:
        if q.kind in SPOKEN_ENGLISH and not job.spoken_english:
            continue  # the check is off for this job
        comp = comps.get(q.competency_id or "")
        module = q.module or {}
        questions.append(
            PlannedQuestion(
                id=q.id,
                text=q.text,
                competency=comp.name if comp else None,
                kind=q.kind,
                minutes=q.minutes,
                weight=comp.weight if comp else 1.0,
                follow_ups=q.follow_ups or {},
                limit_s=q.limit_s,
                coding=CodingTask.from_dict(module["coding"]) if "coding" in module else None,
                passage=module.get("passage"),
            )
        )
    if not questions:
        return None
    budget = job.time_budget_min * 60 if job.time_budget_min else None
    return InterviewPlan(questions, budget_s=budget, index=max(resume_index - 1, -1))
