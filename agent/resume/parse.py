"""Lines to a profile: sections by heading, entries by date range, then gaps and overlaps.

Lines before the first heading (name, contacts) and in summary/personal sections are not read: the
profile holds what an interviewer may ask about, nothing else. Protected lines are dropped first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from agent.resume.dates import find_range
from agent.resume.entries import SCHOOL, degree_of, field_of, org_and_title
from agent.resume.errors import ResumeError
from agent.resume.guard import is_protected
from agent.resume.lines import Line, read_lines
from agent.resume.profile import Education, Experience, Item, Profile, Source, YearMonth
from agent.resume.sections import HEADINGS, heading, is_bullet, parts, unbullet
from agent.resume.timeline import flags_of

_INLINE = re.compile(
    r"^\s*(" + "|".join(re.escape(n) for names in HEADINGS.values() for n in names) + r")\s*[:：]\s*(.+)$",
    re.I,
)
_SKILL_SPLIT = re.compile(r"\s*(?:[,;，、；|｜•]|\s·\s|\s{2,})\s*")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def parse_resume(data: bytes, today: YearMonth, kind: str | None = None) -> Profile:
    """The profile of a resume file (PDF, DOCX or text, sniffed); `today` ends "present" for gaps."""
    lines = read_lines(data, kind)
    return parse_lines(lines, today)


def sections(lines: Sequence[Line]) -> dict[str, list[Line]]:
    """Each section's lines (headings removed; "Skills: a, b" opens the section and keeps "a, b")."""
    out: dict[str, list[Line]] = {}
    current: str | None = None
    for line in lines:
        if is_protected(line.text):
            continue
        kind = heading(line.text)
        if kind:
            current = kind
            continue
        inline = _INLINE.match(line.text)
        if inline and heading(inline.group(1)):
            current = heading(inline.group(1))
            line = Line(inline.group(2), line.page, line.line)
        if current:
            out.setdefault(current, []).append(line)
    return out


def parse_lines(lines: Sequence[Line], today: YearMonth) -> Profile:
    """The profile of a resume's lines."""
    if not lines:
        raise ResumeError("empty", "the resume has no text")
    text = " ".join(line.text for line in lines)
    cjk = len(_CJK.findall(text))
    language = "zh" if cjk * 3 >= len(re.findall(r"[A-Za-z]", text)) else "en"
    found = sections(lines)
    experience = _experience(found.get("experience", []))
    return Profile(
        language=language,
        education=_education(found.get("education", [])),
        experience=experience,
        skills=_skills(found.get("skills", [])),
        achievements=tuple(
            Item(unbullet(line.text), _src(line))
            for line in found.get("achievements", [])
            if unbullet(line.text)
        ),
        flags=flags_of(experience, today),
        pages=max(line.page for line in lines),
        warnings=() if found else ("no section headings were recognised; the profile is empty",),
    )


def _src(line: Line) -> Source:
    return Source(line.page, line.line)


def _education(lines: list[Line]) -> tuple[Education, ...]:
    entries: list[dict[str, object]] = []
    for line in lines:
        found = find_range(line.text)
        rest = line.text[: found.span[0]] + "  " + line.text[found.span[1] :] if found else line.text
        ps = parts(rest)
        school = next((p for p in ps if SCHOOL.search(p) and not degree_of(p)), None)
        degree = next(((p, d) for p in ps if (d := degree_of(p))), None)
        cur = entries[-1] if entries else None
        if cur is None or (school and cur.get("school")) or (found and cur.get("range")):
            if not (school or found or degree):
                continue
            cur = {"source": _src(line)}
            entries.append(cur)
        if school and not cur.get("school"):
            cur["school"] = school
        if found and not cur.get("range"):
            cur["range"] = found
        if degree and not cur.get("degree"):
            part, (level, match) = degree
            cur["degree"] = level
            cur["field"] = field_of(part, match)
        others = [p for p in ps if p != school and (degree is None or p != degree[0])]
        if others and not cur.get("field") and (degree or cur.get("degree")) and len(others[0]) <= 40:
            cur["field"] = others[0]
    out = []
    for e in entries:
        if not e.get("school"):
            continue
        r = e.get("range")
        out.append(
            Education(
                str(e["school"]),
                e.get("degree"),  # type: ignore[arg-type]
                e.get("field"),  # type: ignore[arg-type]
                r.start if r else None,  # type: ignore[attr-defined]
                r.end if r else None,  # type: ignore[attr-defined]
                bool(r.current) if r else False,  # type: ignore[attr-defined]
                e["source"],  # type: ignore[arg-type]
            )
        )
    return tuple(out)


def _experience(lines: list[Line]) -> tuple[Experience, ...]:
    """Jobs, each anchored at its date line.

    Its header is that line plus the non-bullet lines before it (title above "Org | dates", or org
    and title above a line of dates) or, when the section's first job has nothing above its dates,
    the lines just after it; bullets follow, wrapped lines joined to the bullet they continue.
    """
    dated = [i for i, line in enumerate(lines) if find_range(line.text) and not is_bullet(line.text)]
    if not dated:
        return ()
    before = any(not is_bullet(line.text) for line in lines[: dated[0]])
    headers: list[list[int]] = []
    for n, i in enumerate(dated):
        found = find_range(lines[i].text)
        assert found is not None
        own = len(parts(lines[i].text[: found.span[0]] + "  " + lines[i].text[found.span[1] :]))
        idx = [i]
        floor = dated[n - 1] + 1 if n else 0
        k = i - 1
        while before and k >= floor and len(idx) <= 2 and not is_bullet(lines[k].text) and own < 2:
            idx.insert(0, k)
            own += len(parts(lines[k].text))
            k -= 1
        j = i + 1
        while (
            not before and j < len(lines) and j - i <= 2 and j not in dated and not is_bullet(lines[j].text)
        ):
            idx.append(j)
            j += 1
        headers.append(idx)
    out = []
    for n, (i, idx) in enumerate(zip(dated, headers, strict=True)):
        limit = headers[n + 1][0] if n + 1 < len(headers) else len(lines)
        highlights: list[tuple[str, Source]] = []
        for line in lines[max(idx) + 1 : limit]:
            if is_bullet(line.text) or not highlights:
                highlights.append((unbullet(line.text), _src(line)))
            else:  # a wrapped bullet
                text, src = highlights[-1]
                joiner = "" if not text or _CJK.search(line.text[:1]) else " "
                # A bullet mark left alone on its line (wrapped at its space): the text's line is the source.
                highlights[-1] = (text + joiner + line.text.strip(), src if text else _src(line))
        found = find_range(lines[i].text)
        assert found is not None
        header: list[str] = []
        for k in idx:
            t = lines[k].text
            if k == i:
                t = t[: found.span[0]] + "  " + t[found.span[1] :]
            header += parts(t)
        org, title = org_and_title(header)
        out.append(
            Experience(
                org,
                title,
                found.start,
                found.end,
                found.current,
                _src(lines[idx[0]]),
                tuple(h for h in highlights if h[0]),
            )
        )
    return tuple(out)


def _skills(lines: list[Line]) -> tuple[Item, ...]:
    out: list[Item] = []
    seen: set[str] = set()
    for line in lines:
        text = unbullet(line.text)
        label = re.match(r"^[^:：,，]{1,24}[:：]\s*", text)
        if label:
            text = text[label.end() :]
        for skill in _SKILL_SPLIT.split(text):
            skill = skill.strip(" .。")
            if 0 < len(skill) <= 40 and skill.lower() not in seen:
                seen.add(skill.lower())
                out.append(Item(skill, _src(line)))
    return tuple(out)
