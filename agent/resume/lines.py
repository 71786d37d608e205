"""A resume file's text as numbered lines in reading order: PDF (one or two columns), DOCX, plain text.

The type is sniffed from the bytes, never taken from the file name or the browser's word for it. A PDF's
text comes with coordinates (pypdf's visitor): fragments are grouped into rows by height, and a page
whose fragments start again and again at one x with nothing to their left is read as two columns, left
then right. A PDF without a text layer (a scan) is refused with a message that says what to upload
instead, since no OCR package that ships its model is installed.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from agent.resume.errors import ResumeError

NO_TEXT = "this PDF has no text layer (a scan?); upload a text PDF or DOCX"
MAX_UNZIPPED = 50 * 1024 * 1024  # a DOCX that inflates past this is a zip bomb, not a resume
KINDS = ("pdf", "docx", "text")


@dataclass(frozen=True)
class Line:
    """One line of text and where it is: 1-based page and line in reading order."""

    text: str
    page: int
    line: int


def sniff(data: bytes) -> str:
    """Say "pdf", "docx" or "text" from the content; `ResumeError` for anything else."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                if "word/document.xml" in zf.namelist():
                    if sum(i.file_size for i in zf.infolist()) > MAX_UNZIPPED:
                        raise ResumeError("too_large", "this Word document unpacks to more than 50 MB")
                    return "docx"
        except zipfile.BadZipFile:
            pass
        raise ResumeError("unsupported_type", "this archive is not a Word document; upload PDF, DOCX or text")
    if _decode(data) is not None:
        return "text"
    raise ResumeError("unsupported_type", "this file is not a PDF, a Word document (DOCX) or plain text")


def _decode(data: bytes) -> str | None:
    if b"\x00" in data[:4096]:
        return None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def read_lines(data: bytes, kind: str | None = None) -> list[Line]:
    """The file's non-empty lines in reading order."""
    kind = kind or sniff(data)
    if kind == "pdf":
        from agent.resume.pdf import pdf_lines

        return pdf_lines(data)
    if kind == "docx":
        from agent.resume.docx import docx_lines

        return docx_lines(data)
    text = _decode(data)
    if text is None:
        raise ResumeError("unsupported_type", "this text file is neither UTF-8 nor GB18030")
    return text_lines(text)


def text_lines(text: str) -> list[Line]:
    """Plain text: a form feed starts a new page."""
    out = []
    for p, page in enumerate(text.split("\f"), start=1):
        n = 0
        for raw in page.splitlines():
            clean = re.sub(r"\s+$", "", raw.replace("\u3000", "  "))
            if clean.strip():
                n += 1
                out.append(Line(clean.strip(), p, n))
    return out
