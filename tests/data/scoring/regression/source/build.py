"""Builds answers.jsonl and interviews.jsonl from the authored batches."""
import importlib.util, json, re, sys
from pathlib import Path
OUT = Path(__file__).resolve().parents[1]
answers, interviews = [], []
REPLACE, UNPUNCTUATED = {}, set()
for f in sorted(Path(__file__).resolve().parent.glob("b_*.py")):
    spec = importlib.util.spec_from_file_location(f.stem, f); m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
    REPLACE.update(getattr(m, "REPLACE", {})); UNPUNCTUATED |= getattr(m, "UNPUNCTUATED", set())
    for iv in m.INTERVIEWS:
        name, lang, role, profile, overall, structured, split, items = iv
        assert len(items) == 5, name
        interviews.append({"interview": name, "language": lang, "role": role, "overall": overall, "structured": structured, "split": split, "profile": profile})
        for k, (kind, comp, q, a, level) in enumerate(items, 1):
            answers.append({"id": f"{name}-{k}", "interview": name, "language": lang, "role": role, "question_kind": kind, "competency": comp, "question": q, "answer": " ".join(a.split()) if lang == "en" else a.strip(), "level": level})
for a in answers:
    a["answer"] = " ".join(REPLACE.pop(a["id"], a["answer"]).split()) if a["language"] == "en" else REPLACE.pop(a["id"], a["answer"]).strip()
    if a["id"] in UNPUNCTUATED:
        UNPUNCTUATED.discard(a["id"])
        a["answer"] = " ".join(re.sub(r"[.,!?;:](?!\d)|(?<!\d)[.,!?;:]|[。，！？；：、…]", " " if a["language"] == "en" else "", a["answer"]).split()) if a["language"] == "en" else re.sub(r"[。，！？；：、…,.!?;:]", "", a["answer"])
assert not REPLACE and not UNPUNCTUATED, (REPLACE.keys(), UNPUNCTUATED)
OUT.joinpath("answers.jsonl").write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in answers), encoding="utf-8")
OUT.joinpath("interviews.jsonl").write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in interviews), encoding="utf-8")
print(len(interviews), "interviews", len(answers), "answers")
