"""A job's questions and competencies as the agent's interview plan, personalised by a resume."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from agent.modules import SPOKEN_ENGLISH, CodingTask
from agent.plan import InterviewPlan, PlannedQuestion
from agent.resume.personalise import personalise
from server.db.models import Job


def planned_questions(job: Job, profile: Mapping[str, Any] | None = None) -> list[PlannedQuestion]:
    """The job's questions in order, with the resume's opening and probes when there is a profile."""
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
    return personalise(questions, profile, job.language) if questions else []


def interview_plan(
    job: Job | None, resume_index: int = 0, profile: Mapping[str, Any] | None = None
) -> InterviewPlan | None:
    """The plan of a job loaded with `jobs.get_full`; None when it has no questions yet.

    `resume_index`: the question in progress when the candidate dropped, asked again. `profile`: the
    candidate's parsed resume, which adds an opening and probes (the same ones on every call, so the
    index means the same question after a reconnect).
    """
    if job is None or not job.questions:
        return None
    questions = planned_questions(job, profile)
    if not questions:
        return None
    budget = job.time_budget_min * 60 if job.time_budget_min else None
    return InterviewPlan(questions, budget_s=budget, index=max(min(resume_index, len(questions) - 1), -1))
