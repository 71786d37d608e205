"""Rows of an uploaded Excel workbook (.xlsx): the first sheet, its first row the header.

HR keeps candidate lists in Excel more often than in CSV; the rows come out as the same dicts the CSV
reader gives, so the import validates them the same way and names bad rows by their sheet row.
openpyxl reads in read-only mode (a streaming parser) and the row count is checked before the rows
are read, so a huge or malformed workbook is refused instead of filling memory.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from server.errors import Unprocessable

XLSX_TYPES = ("spreadsheetml", "ms-excel", "xlsx")
EXACT_DIGITS = 2**53  # Excel keeps numbers as doubles: a longer id typed as a number has lost digits


def is_xlsx(content_type: str) -> bool:
    """Whether an upload's content type names an Excel workbook."""
    return any(kind in content_type for kind in XLSX_TYPES)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # ids typed into Excel come back as 6.96e18-style floats otherwise
    return str(value).strip()


def xlsx_rows(body: bytes, max_rows: int) -> list[dict[str, Any]]:
    """The first sheet's rows as {header: text}, empty rows skipped."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(body), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise Unprocessable("the file is not an Excel workbook (.xlsx) that can be read") from exc
    try:
        sheet = book.worksheets[0]
        if (sheet.max_row or 0) > max_rows + 1:
            raise Unprocessable(f"the upload has {sheet.max_row - 1} rows; at most {max_rows} at a time")
        rows = sheet.iter_rows(values_only=True)
        header = [_cell(h) for h in next(rows, ())]
        out, problems = [], []
        for n, row in enumerate(rows, start=2):
            for h, v in zip(header, row, strict=False):
                if isinstance(v, int | float) and abs(v) >= EXACT_DIGITS:
                    problems.append(
                        f"row {n}: {h or 'a column'} holds a number too long for Excel; format it as text"
                    )
            values = [_cell(v) for v in row]
            if any(values):
                out.append({h: v for h, v in zip(header, values, strict=False) if h})
            if len(out) > max_rows:
                raise Unprocessable(f"the upload has more than {max_rows} rows; at most {max_rows} at a time")
        if problems:
            raise Unprocessable(f"nothing was imported: {'; '.join(problems[:20])}")
        return out
    finally:
        book.close()
