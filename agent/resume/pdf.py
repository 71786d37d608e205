"""PDF text with positions (pypdf's visitor), rows by height, and two-column pages read column by column.

Column test: a page is two columns when one x (within 3 pt) starts a fragment, with nothing left of it
on its row, on at least three rows, while other rows start at the left margin: a sidebar and a main
column. Right-aligned dates start at a different x on every row and do not trigger it.
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass

from agent.resume.errors import ResumeError
from agent.resume.lines import NO_TEXT, Line

ROW_TOLERANCE = 2.5  # pt: fragments this close in height are one row
MIN_COLUMN_ROWS = 3
MAX_PAGES = 20  # a resume is a few pages; a 10 MB file of thousands would hold a worker for minutes


@dataclass(frozen=True)
class _Fragment:
    x: float
    y: float
    text: str


def _fragments(page: object) -> list[_Fragment]:
    found: list[_Fragment] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: object) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append(_Fragment(round(x, 1), round(y, 1), text.replace("\n", " ")))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    return found


def _rows(fragments: list[_Fragment]) -> list[list[_Fragment]]:
    rows: list[list[_Fragment]] = []
    for frag in sorted(fragments, key=lambda f: (-f.y, f.x)):
        if rows and abs(rows[-1][0].y - frag.y) <= ROW_TOLERANCE:
            rows[-1].append(frag)
        else:
            rows.append([frag])
    return [sorted(r, key=lambda f: f.x) for r in rows]


def _column_split(rows: list[list[_Fragment]]) -> float | None:
    left = min((r[0].x for r in rows), default=0.0)
    starts = Counter(round(r[0].x / 3) for r in rows if r[0].x > left + 60)
    if not starts:
        return None
    key, count = starts.most_common(1)[0]
    margin_rows = sum(1 for r in rows if r[0].x <= left + 5)
    if count >= MIN_COLUMN_ROWS and margin_rows >= MIN_COLUMN_ROWS:
        return key * 3.0 - 4
    return None


def _join(fragments: list[_Fragment]) -> str:
    return "  ".join(f.text.strip() for f in fragments if f.text.strip())


def page_lines(fragments: list[_Fragment]) -> list[str]:
    """A page's lines in reading order."""
    rows = _rows(fragments)
    split = _column_split(rows)
    if split is None:
        return [_join(r) for r in rows]
    left = [_join([f for f in r if f.x < split]) for r in rows]
    right = [_join([f for f in r if f.x >= split]) for r in rows]
    return [t for t in left + right if t]


def pdf_lines(data: bytes) -> list[Line]:
    """Every page's lines; `ResumeError` for a scan, an encrypted or a damaged file."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover - a runtime dependency
        raise ResumeError("unavailable", "reading PDF needs pypdf: pip install pypdf") from exc
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ResumeError("encrypted", "this PDF is password-protected; upload one without a password")
        if len(reader.pages) > MAX_PAGES:
            raise ResumeError(
                "too_long", f"this PDF has {len(reader.pages)} pages; a resume of at most {MAX_PAGES} is read"
            )
        out: list[Line] = []
        for p, page in enumerate(reader.pages, start=1):
            texts = page_lines(_fragments(page))
            out += [Line(t, p, i) for i, t in enumerate(texts, start=1)]
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        if isinstance(exc, ResumeError):
            raise
        raise ResumeError("damaged", "this PDF could not be read (damaged?)") from exc
    if not out:
        raise ResumeError("no_text_layer", NO_TEXT)
    return out
