"""Interview-level results and the bias-audit command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from scoring.models import Answer
from scoring.rubric import CompetencyRubric, Rubric, load_rubric
from scoring.scorer import DefaultScorer
from scoring.summary import ScoredAnswer, summarise

RUBRIC = Rubric(
    (
        CompetencyRubric("leadership", 2.0),
        CompetencyRubric("teamwork", 1.0),
        CompetencyRubric("motivation", 1.0),
    )
)


def test_weighted_scores_coverage_hints_and_a_recommendation_for_human_review() -> None:
    strong = DefaultScorer().score(
        Answer(
            "Tell me about a time you led a team.",
            "Last year our launch was two weeks late. As the lead I had to recover it. "
            "I split the work into daily goals and I met the product owner every morning. "
            "We shipped three days early and complaints fell by forty percent.",
            "en",
            "leadership",
        ),
        RUBRIC.get("leadership"),
    )
    weak = ScoredAnswer("teamwork", 2, 2.0, "anchored5", 0.4)
    result = summarise([strong, weak], RUBRIC)
    by_name = {c.name: c for c in result.competencies}
    assert by_name["leadership"].coverage == "covered" and by_name["teamwork"].coverage == "weak"
    assert by_name["motivation"].coverage == "not_yet" and by_name["motivation"].score is None
    assert result.overall == round((strong.score_exact * 2 + 2.0) / 3, 2)
    assert result.recommendation == "yes" and result.needs_human_review
    assert result.coverage_hints() == ["teamwork: weak evidence so far", "motivation not covered yet"]
    assert summarise([], RUBRIC).recommendation is None


def test_rubric_files_load_and_errors_name_the_line(tmp_path: Path) -> None:
    good = tmp_path / "r.yaml"
    good.write_text("competencies:\n  - name: teamwork\n    scale: bei3\n    indicators: {zh: [沟通]}\n")
    rubric = load_rubric(good)
    assert rubric.get("teamwork").scale == "bei3" and rubric.get("teamwork").indicator_words("zh") == ["沟通"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("competencies:\n  - name: teamwork\n    scale: ten\n")
    out = subprocess.run(
        [sys.executable, "-m", "server.cli", "score", "-", "--rubric", str(bad)],
        input="",
        capture_output=True,
        text=True,
    )
    assert out.returncode == 2 and "line 3: competencies[0].scale" in out.stderr


def test_bias_audit_command(tmp_path: Path) -> None:
    decisions = tmp_path / "d.csv"
    labels = tmp_path / "l.csv"
    decisions.write_text(
        "candidate,selected\n"
        + "".join(f"a{i},{int(i < 5)}\n" for i in range(10))
        + "".join(f"b{i},{int(i < 2)}\n" for i in range(10))
    )
    labels.write_text(
        "candidate,sex\n" + "".join(f"a{i},F\n" for i in range(10)) + "".join(f"b{i},M\n" for i in range(10))
    )
    out = subprocess.run(
        [sys.executable, "-m", "server.cli", "bias-audit", str(decisions), str(labels), "--category", "sex"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = {line.split()[0]: line for line in out.splitlines()[1:]}
    assert "50.00%" in lines["F"] and "1.00" in lines["F"] and "below" not in lines["F"]
    assert "20.00%" in lines["M"] and "0.40" in lines["M"] and "below 4/5" in lines["M"]
