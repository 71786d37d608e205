"""Builds answers.jsonl and interviews.jsonl from the authored batches."""
import importlib.util, json, sys
from pathlib import Path
OUT = Path(__file__).resolve().parents[1]
answers, interviews = [], []
for f in sorted(Path(__file__).resolve().parent.glob("b_*.py")):
    spec = importlib.util.spec_from_file_location(f.stem, f); m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
    for iv in m.INTERVIEWS:
        name, lang, role, profile, overall, structured, split, items = iv
        assert len(items) == 5, name
        interviews.append({"interview": name, "language": lang, "role": role, "overall": overall, "structured": structured, "split": split, "profile": profile})
        for k, (kind, comp, q, a, level) in enumerate(items, 1):
            answers.append({"id": f"{name}-{k}", "interview": name, "language": lang, "role": role, "question_kind": kind, "competency": comp, "question": q, "answer": " ".join(a.split()) if lang == "en" else a.strip(), "level": level})
OUT.joinpath("answers.jsonl").write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in answers), encoding="utf-8")
OUT.joinpath("interviews.jsonl").write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in interviews), encoding="utf-8")
print(len(interviews), "interviews", len(answers), "answers")
