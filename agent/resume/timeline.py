"""Gaps and overlaps between jobs, in months, from their dates ("present" ends at `today`).

A gap is four months or more with no job between the end of one and the start of the next (a
three-month notice or search is ordinary); an overlap is two jobs sharing at least two months (one
shared month is a changeover). Jobs without dates are left out. Flags are facts to ask about, never
scores.
"""

from __future__ import annotations

from agent.resume.profile import Experience, Flag, YearMonth

MIN_GAP_MONTHS = 4
MIN_OVERLAP_MONTHS = 2


def flags_of(jobs: tuple[Experience, ...], today: YearMonth) -> tuple[Flag, ...]:
    """Gaps and overlaps, in the order of the jobs' starts."""
    dated = sorted(
        ((i, j) for i, j in enumerate(jobs) if j.start is not None), key=lambda p: p[1].start or today
    )
    flags: list[Flag] = []
    latest_end: tuple[int, YearMonth] | None = None
    for i, job in dated:
        assert job.start is not None
        end = today if job.current or job.end is None else job.end
        if latest_end is not None:
            prev_i, prev_end = latest_end
            gap = job.start.index - prev_end.index - 1
            shared = prev_end.index - job.start.index + 1
            if gap >= MIN_GAP_MONTHS:
                flags.append(Flag("gap", gap, (prev_i, i), str(prev_end), str(job.start)))
            elif shared >= MIN_OVERLAP_MONTHS:
                overlap_end = min(prev_end, end)
                flags.append(Flag("overlap", shared, (prev_i, i), str(job.start), str(overlap_end)))
        if latest_end is None or end > latest_end[1]:
            latest_end = (i, end)
    return tuple(flags)
