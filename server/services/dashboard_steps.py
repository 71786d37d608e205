"""Drop-out by step: where on the way from invitation to a completed interview candidates stop.

Pure: interview rows in, one count per step out. The steps, in the order the candidate meets them:
invited (interview created), opened (the link or status page), consented, device_check (passed),
started (joined the call), question_1 ... question_K (reached), completed. A step is reached if it was
recorded or any later step was (interviews from before a step was recorded still count as having
passed it). Stopped: reached this step and not the next, which includes candidates who may still go
on; rate: reached over the step before.
"""

from __future__ import annotations

from collections.abc import Sequence

from server.db.repositories.dashboard import InterviewTimes
from server.schemas.analytics import StepOut

BEFORE_CALL = ("invited", "opened", "consented", "device_check", "started")


def _depth(r: InterviewTimes, consented: set[str], questions: int) -> int:
    """How many steps the interview got through (1 = invited only ... all = completed)."""
    if r.status == "finished":
        return len(BEFORE_CALL) + questions + 1
    if r.started_at is not None:
        return len(BEFORE_CALL) + min(max(r.question_index + 1, 0), questions)
    if r.device_check_passed_at is not None:
        return 4
    if r.interview_id in consented:
        return 3
    if r.opened_at is not None:
        return 2
    return 1


def steps(rows: Sequence[InterviewTimes], consented: set[str]) -> list[StepOut]:
    """Reached, stopped and step-to-step rate for every step; questions as far as anyone got."""
    questions = max(
        (r.question_index + 1 for r in rows if r.started_at is not None or r.status == "finished"), default=0
    )
    names = [*BEFORE_CALL, *(f"question_{k}" for k in range(1, questions + 1)), "completed"]
    depths = [_depth(r, consented, questions) for r in rows]
    reached = [sum(d > i for d in depths) for i in range(len(names))]
    out = []
    for i, name in enumerate(names):
        after = reached[i + 1] if i + 1 < len(names) else reached[i]
        before = reached[i - 1] if i else None
        rate = reached[i] / before if before else None
        out.append(StepOut(step=name, reached=reached[i], stopped=reached[i] - after, rate=rate))
    return out


def failed_device_checks(rows: Sequence[InterviewTimes]) -> int:
    """Interviews whose device check failed and never passed, and which did not start."""
    return sum(
        r.device_check_failed_at is not None and r.device_check_passed_at is None and r.started_at is None
        for r in rows
    )
