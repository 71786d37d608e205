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
    "excluded_under_min_share",
)


def audit_csv(report: BiasAuditOut) -> str:
    """Rows per group (selection, scoring rate), per intersectional category and unknown, then the note."""
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
                    False,
                )
            )
    for cross in report.intersectional:
        dims = " × ".join(cross.dimensions)
        for row in cross.rows:
            writer.writerow(
                (
                    "intersectional_selection_rate",
                    dims,
                    " × ".join(row.group),
                    row.candidates,
                    row.selected,
                    row.selection_rate,
                    "" if row.impact_ratio is None else row.impact_ratio,
                    row.flagged,
                    row.excluded,
                )
            )
        rate = cross.unknown_selected / cross.unknown if cross.unknown else ""
        writer.writerow(
            ("intersectional_unknown", dims, "unknown", cross.unknown, cross.unknown_selected, rate)
        )
    writer.writerow(())
    writer.writerow(("note", report.note))
    return "\ufeff" + out.getvalue()  # a BOM, so Excel opens the UTF-8 file as UTF-8
