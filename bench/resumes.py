"""Resume parsing on the written corpus (tests/data/resumes): precision and recall per field, language and
half (tune / test). Run: python -m bench.resumes [--show ID]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from agent.resume import ResumeError, parse_resume
from agent.resume.evaluate import FIELDS, score
from agent.resume.profile import YearMonth

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "resumes"
TODAY = YearMonth(2026, 1)


def load() -> list[tuple[dict, dict]]:
    pairs = []
    for path in sorted(CORPUS.glob("*.json")):
        truth = json.loads(path.read_text(encoding="utf-8"))
        try:
            predicted = parse_resume((CORPUS / truth["file"]).read_bytes(), TODAY).to_dict()
        except ResumeError as exc:
            print(f"{truth['id']}: {exc.message}")
            predicted = {}
        pairs.append((predicted, truth))
    return pairs


def main() -> None:
    pairs = load()
    if len(sys.argv) > 2 and sys.argv[1] == "--show":
        for p, t in pairs:
            if t["id"] == sys.argv[2]:
                print(json.dumps(p, ensure_ascii=False, indent=1))
        return
    print(f"{len(pairs)} resumes")
    print(
        f"{'field':26}"
        + "".join(f"{f'{lang}/{half}':>16}" for lang in ("en", "zh") for half in ("tune", "test"))
    )
    groups = {
        (lang, half): score((p, t) for p, t in pairs if t["language"] == lang and t["split"] == half)
        for lang in ("en", "zh")
        for half in ("tune", "test")
    }
    for field in FIELDS:
        cells = "".join(
            f"{s.precision * 100:7.1f}/{s.recall * 100:5.1f}  " for s in (groups[g][field] for g in groups)
        )
        print(f"{field:26}{cells}")
    sizes = "  ".join(
        f"{lang}/{half}: {sum(1 for _, t in pairs if t['language'] == lang and t['split'] == half)}"
        for lang in ("en", "zh")
        for half in ("tune", "test")
    )
    print(f"(precision/recall, %; resumes per group: {sizes})")


if __name__ == "__main__":
    main()
