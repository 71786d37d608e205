"""Who may see which job, and so its interviews: the one department rule every staff route applies.

| role        | department set                 | no department                             |
|-------------|--------------------------------|-------------------------------------------|
| admin       | every job                      | every job                                 |
| hr          | jobs of that department        | every job (organisation-wide HR)          |
| interviewer | jobs of that department        | only jobs without a department            |

An interviewer without a department is not trusted with any department's candidates: until an admin
gives them one, they see only jobs that belong to no department (the demo job, a deployment that does
not use departments at all). There is no per-interview assignment; the department is the scope.
Out-of-scope interviews answer 404, as if they did not exist, so their ids reveal nothing.
"""

from __future__ import annotations

from server.db.models import Job, User


def visible_to(user: User, job: Job) -> bool:
    """Whether `user` may see `job`, its plan and every interview of it (see the module's table)."""
    if user.role == "admin":
        return True
    if user.role == "hr" and user.department is None:
        return True
    if user.role in ("hr", "interviewer"):
        return job.department == user.department
    return False  # a role this rule does not know sees nothing


def may_add_to(user: User, department: str | None) -> bool:
    """Whether `user` may create a job in `department`: only one they would then see.

    HR of Finance cannot put jobs, and so candidates, into Engineering.
    """
    return visible_to(user, Job(department=department))
