"""DOCX text: paragraphs and table rows in document order (a row's cells joined by " | ").

A Word file has no pages until it is laid out, so every line is on page 1 and numbered in order.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from agent.resume.errors import ResumeError
from agent.resume.lines import Line


def _blocks(document: Any) -> Iterator[str]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            lines = paragraph.text.splitlines()
            if lines and _is_list_item(paragraph):  # Word's bullets are formatting, not characters
                lines[0] = "• " + lines[0]
            yield from lines
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells: list[str] = []
                for cell in row.cells:
                    if cell.text.strip() and (not cells or cells[-1] != cell.text):  # merged cells repeat
                        cells.append(cell.text)
                if len(cells) == 1:  # a cell across the row: its paragraphs are lines (e.g. bullets)
                    yield from cells[0].splitlines()
                else:
                    yield " | ".join(" ".join(c.split()) for c in cells)


def _is_list_item(paragraph: Any) -> bool:
    ppr = paragraph._p.pPr  # python-docx has no public accessor for numbering
    style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
    return style.startswith("list") or (ppr is not None and ppr.numPr is not None)


def docx_lines(data: bytes) -> list[Line]:
    """The document's non-empty lines."""
    try:
        import docx
    except ImportError as exc:  # pragma: no cover - a runtime dependency
        raise ResumeError("unavailable", "reading DOCX needs python-docx: pip install python-docx") from exc
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds for a damaged file
        raise ResumeError("damaged", "this Word document could not be opened (damaged?)") from exc
    lines = [t.strip() for t in _blocks(document)]
    return [Line(t, 1, i) for i, t in enumerate((t for t in lines if t), start=1)]
