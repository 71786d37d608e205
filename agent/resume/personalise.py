"""A plan made personal: an opening about the candidate's background, and probes of resume claims.

Input is the profile as stored (`Profile.to_dict()`), so the server can hand over what it loaded.

| added | where | when |
|---|---|---|
| opening ("I see you work as X at Y since 2021...") | first | the profile has a job (else a degree) |
| probe ("... 'led a team of 10' at X: tell me about a hard moment") | last | up to `max_probes` claims |

Probes pick claims with a team first, then a number, one job at a time.

Each added question has `source="resume"` and `basis` (the quoted line, page and line), low weight
and two minutes, so a short budget drops them before any competency question, and no competency:
the resume opens conversations, it is not scored. Gaps and overlaps are shown to the interviewer,
never asked about by the agent: a gap can be illness, care or parental leave, which the candidate
need not explain to a machine.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from agent.plan import PlannedQuestion

CLAIM = re.compile(
    r"\b(?:led|lead|managed|mentored|coached|launched|built|founded|grew|cut|reduced|migrated|designed|"
    r"owned|headed)\b|带领|负责|主导|指导|搭建|降低|提升|创立|管理",
    re.I,
)
TEAM = re.compile(r"\bteam\b|\bmentor|\bmanag|带领|团队|指导|管理", re.I)
NUMBER = re.compile(r"\d")
RESUME_WEIGHT = 0.5
RESUME_MINUTES = 2.0

TEXTS = {
    "en": {
        "opening_job": (
            "Thank you for joining. I see from your resume that you {tense} {title} at {org}{when}. "
            "Could you tell me briefly about that role, and what brings you to this one?"
        ),
        "opening_school": (
            "Thank you for joining. I see from your resume that you studied {field} at {school}. "
            "Could you tell me briefly about that, and what brings you to this role?"
        ),
        "probe": 'Your resume says "{claim}" at {org}. Tell me about a hard moment there: what happened, '
        "and what did you do?",
    },
    "zh": {
        "opening_job": "感谢您参加面试。我看到您的简历中写到，您{when}在{org}{tense}{title}。"
        "能先简单介绍一下这份工作，以及您为什么对这个职位感兴趣吗？",
        "opening_school": (
            "感谢您参加面试。我看到您在{school}学习{field}。能先简单介绍一下，以及您为什么对这个职位感兴趣吗？"
        ),
        "probe": "您的简历提到在{org}“{claim}”。能讲讲其中最难的一个时刻吗？当时发生了什么，您具体做了什么？",
    },
}


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def spoken(ym: str | None, language: str) -> str:
    """Say "2021-03" as it is said aloud: "March 2021", "2021年3月"; a year alone stays as it is."""
    if not ym:
        return ""
    year, _, month = ym.partition("-")
    if not month:
        return f"{year}年" if language == "zh" else year
    return f"{year}年{int(month)}月" if language == "zh" else f"{_MONTHS[int(month) - 1]} {year}"


def _basis(text: str, source: Mapping[str, Any]) -> str:
    return f"p{source.get('page', 1)} l{source.get('line', 0)}: {text}"


def opening(profile: Mapping[str, Any], language: str) -> PlannedQuestion | None:
    """The opening question about the most recent job (or degree), or None when there is neither."""
    t = TEXTS.get(language, TEXTS["en"])
    jobs = [j for j in profile.get("experience", []) if j.get("organisation")]
    if jobs:
        job = max(jobs, key=lambda j: (bool(j.get("current")), j.get("start") or ""))
        title, org, start, end = job.get("title") or "", job["organisation"], job.get("start"), job.get("end")
        if language == "zh":
            tense, when = (
                ("担任" if job.get("current") else "担任过"),
                (f"自{spoken(start, 'zh')}起" if job.get("current") and start else ""),
            )
        else:
            tense = "work as" if job.get("current") else "worked as"
            when = (
                f" since {spoken(start, 'en')}"
                if job.get("current") and start
                else (f" until {spoken(end, 'en')}" if end else "")
            )
            title = title or "a member of the team"
        text = t["opening_job"].format(tense=tense, title=title, org=org, when=when)
        basis = _basis(f"{org} {title}".strip(), job.get("source", {}))
    else:
        schools = [e for e in profile.get("education", []) if e.get("school")]
        if not schools:
            return None
        e = schools[0]
        field = e.get("field") or e.get("degree") or ("" if language == "zh" else "your subject")
        text = t["opening_school"].format(field=field, school=e["school"])
        basis = _basis(e["school"], e.get("source", {}))
    return PlannedQuestion(
        "resume-opening", text, None, "general", RESUME_MINUTES, RESUME_WEIGHT, {}, "resume", basis
    )


def probes(profile: Mapping[str, Any], language: str, max_probes: int = 2) -> list[PlannedQuestion]:
    """Questions probing the strongest claims: a team first, then a number, one job at a time."""
    t = TEXTS.get(language, TEXTS["en"])
    claims: list[tuple[tuple[int, int], int, str, Mapping[str, Any], str]] = []
    for j, job in enumerate(profile.get("experience", [])):
        for h in job.get("highlights", []):
            text = h.get("text", "")
            if CLAIM.search(text) and 4 <= len(text) <= 200:
                rank = (0 if TEAM.search(text) else 1 if NUMBER.search(text) else 2, j)
                claims.append((rank, j, text, h.get("source", {}), job.get("organisation") or ""))
    claims.sort(key=lambda c: c[0])
    chosen: list[tuple[tuple[int, int], int, str, Mapping[str, Any], str]] = []
    jobs_used: set[int] = set()
    for pass_ in (0, 1):  # first one claim per job, then any
        for claim in claims:
            if len(chosen) >= max_probes:
                break
            if claim in chosen or (pass_ == 0 and claim[1] in jobs_used):
                continue
            chosen.append(claim)
            jobs_used.add(claim[1])
    return [
        PlannedQuestion(
            f"resume-probe-{i + 1}",
            t["probe"].format(
                claim=text.rstrip("。. "), org=org or ("there" if language == "en" else "那里")
            ),
            None,
            "behavioural",
            RESUME_MINUTES,
            RESUME_WEIGHT,
            {},
            "resume",
            _basis(text, source),
        )
        for i, (_rank, _j, text, source, org) in enumerate(chosen)
    ]


def personalise(
    questions: Sequence[PlannedQuestion],
    profile: Mapping[str, Any] | None,
    language: str,
    max_probes: int = 2,
) -> list[PlannedQuestion]:
    """The job's questions with the resume's opening first and its probes after them."""
    if not profile:
        return list(questions)
    first = opening(profile, language)
    return [*([first] if first else []), *questions, *probes(profile, language, max_probes)]
