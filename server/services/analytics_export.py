"""The bias audit as a CSV file, in the table shape NYC Local Law 144 audit summaries publish."""

from __future__ import annotations

import csv
import io

from server.schemas.analytics import BiasAuditOut

COLUMNS = (
    "table",
    "category",
    "group",
    "applicants",
    "selected",
    "rate",
    "impact_ratio",
    "below_four_fifths",
)


def audit_csv(report: BiasAuditOut) -> str:
    """One row per group for the selection table and for the scoring-rate table, then the note."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for table, rows in (("selection_rate", report.selection), ("scoring_rate", report.scoring)):
        for r in rows:
            writer.writerow(
                (
                    table,
                    report.category,
                    r.group,
                    r.candidates,
                    r.selected,
                    r.selection_rate,
                    r.impact_ratio,
                    r.flagged,
                )
            )
    writer.writerow(())
    writer.writerow(("note", report.note))
    return "\ufeff" + out.getvalue()  # a BOM, so Excel opens the UTF-8 file as UTF-8
