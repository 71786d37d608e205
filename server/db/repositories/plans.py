"""A job's questions and competencies as the agent's interview plan."""

from __future__ import annotations

from agent.plan import InterviewPlan, PlannedQuestion
from server.db.models import Job


def interview_plan(job: Job | None, resume_index: int = -1) -> InterviewPlan | None:
    """The plan of a job loaded with `jobs.get_full`; None when it has no questions yet.

    `resume_index`: the question in progress when the candidate dropped (the interview's stored
    `question_index`, 0-based; -1 before the first), asked again. It was once taken as one past it,
    so a candidate who dropped on question 2 was asked question 1 again.
    """
    if job is None or not job.questions:
        return None
    comps = {c.id: c for c in job.competencies}
    questions = []
    for q in job.questions:
        comp = comps.get(q.competency_id or "")
        questions.append(
            PlannedQuestion(
                id=q.id,
                text=q.text,
                competency=comp.name if comp else None,
                kind=q.kind,
                minutes=q.minutes,
                weight=comp.weight if comp else 1.0,
                follow_ups=q.follow_ups or {},
            )
        )
    budget = job.time_budget_min * 60 if job.time_budget_min else None
    return InterviewPlan(questions, budget_s=budget, index=max(min(resume_index, len(questions) - 1), -1))
