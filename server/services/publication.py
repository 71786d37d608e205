"""The results publication (公示) of a job: ranking, scores and decisions, masked as an admin chose.

Only finished interviews appear. The score is the final one: HR's competency score where HR gave one,
the AI's where HR let it stand, weighted by the weights the interview was scored with (its frozen
version after an admin accepted new weights, else the job's); equal scores share a rank (1, 2, 2, 4).
ID numbers come from the candidate's `id_number` reference (from the import) and are never printed
whole. The table is built once and rendered as JSON, Excel or PDF, so the three always agree.
"""

from __future__ import annotations

import io
from pathlib import Path

from fpdf import FPDF
from openpyxl import Workbook
from sqlalchemy.ext.asyncio import AsyncSession

from server.db.models import User
from server.db.repositories import candidates as candidate_repo
from server.errors import Unprocessable
from server.schemas.analytics import PublicationIn, PublicationOut
from server.services.analytics_data import load
from server.services.masking import mask_id, mask_name

CJK_FONTS = (
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
)
HEADERS = {
    "zh": {"rank": "排名", "name": "姓名", "id_number": "身份证号", "score": "成绩", "decision": "结果"},
    "en": {
        "rank": "Rank",
        "name": "Name",
        "id_number": "ID number",
        "score": "Score",
        "decision": "Decision",
    },
}
DECISIONS = {
    "zh": {"next_round": "进入下一环节", "rejected": "未通过", "on_hold": "待定", "pending_review": "待复核"},
    "en": {
        "next_round": "Advanced",
        "rejected": "Not advanced",
        "on_hold": "On hold",
        "pending_review": "Pending",
    },
}


async def table(session: AsyncSession, user: User, job_id: str, body: PublicationIn) -> PublicationOut:
    """The publication table of the job's finished interviews, best score first."""
    data = await load(session, user, job_id)
    finished = [r for r in data.rows if r.status == "finished"]
    scored = sorted(
        ((r, r.hr_overall()) for r in finished),
        key=lambda pair: -(pair[1] if pair[1] is not None else -1.0),
    )
    rows: list[list[str]] = []
    rank, previous = 0, None
    for position, (row, score) in enumerate(scored, start=1):
        if score != previous:
            rank, previous = position, score
        candidate = await candidate_repo.get(session, row.candidate_id)
        name = candidate.name if candidate else ""
        refs = candidate.external_refs if candidate else {}
        cells = {
            "rank": str(rank) if score is not None else "—",
            "name": mask_name(name, body.name_mask),
            "id_number": mask_id(str(refs.get("id_number") or ""), body.id_mask),
            "score": f"{score:.2f}" if score is not None else "—",
            "decision": DECISIONS[body.lang].get(row.review_status, row.review_status),
        }
        rows.append([cells[f] for f in body.fields])
    title = body.title or data.job.title
    return PublicationOut(title=title, headers=[HEADERS[body.lang][f] for f in body.fields], rows=rows)


def to_xlsx(pub: PublicationOut) -> bytes:
    """One sheet: the title, then the table."""
    book = Workbook()
    sheet = book.active
    sheet.title = "publication"
    sheet.append([pub.title])
    sheet.append(pub.headers)
    for row in pub.rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def to_pdf(pub: PublicationOut) -> bytes:
    """An A4 PDF with the title and the table, in a font that has Chinese characters."""
    font = next((f for f in CJK_FONTS if f.exists()), None)
    if font is None:
        raise Unprocessable("no Chinese font is installed for PDF export; install fonts-wqy-zenhei")
    pdf = FPDF(format="A4")
    pdf.add_font("cjk", fname=str(font))
    pdf.add_font("cjk", style="B", fname=str(font))
    pdf.add_page()
    pdf.set_font("cjk", size=16)
    pdf.multi_cell(0, 10, pub.title)
    pdf.set_font("cjk", size=11)
    with pdf.table() as out:
        for cells in [pub.headers, *pub.rows]:
            line = out.row()
            for cell in cells:
                line.cell(cell)
    return bytes(pdf.output())
