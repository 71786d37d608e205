"""Rubrics: per competency, behavioural indicators and an anchored scale, from YAML or the API.

Built-in scales: the behavioural-event scale (key behaviour fully present = 3, partly = 2, absent = 1)
and a 1-5 anchored scale. Every score is also reported on the common 1-5 scale.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scoring.yamlsource import Located, from_data, load_yaml_file

SCALES = ("anchored5", "bei3")
BEI_TO_COMMON = {1: 1, 2: 3, 3: 5}
ANCHORS_5 = {
    "en": {
        1: "No relevant evidence: vague, off-topic, or only what others did.",
        2: "Weak evidence: a situation with little of the candidate's own action and no outcome.",
        3: "Some evidence: own actions described, but result or specifics missing.",
        4: "Good evidence: a complete example with own actions and an outcome.",
        5: "Strong evidence: a complete, specific example with own actions and a measurable outcome.",
    },
    "zh": {
        1: "没有相关证据：内容空泛、离题，或只讲别人做了什么。",
        2: "证据较弱：有情境，但本人行动很少，没有结果。",
        3: "有一定证据：讲了本人的行动，但缺少结果或具体细节。",
        4: "证据较好：完整的事例，有本人行动和结果。",
        5: "证据充分：完整、具体的事例，有本人行动和可衡量的结果。",
    },
}
ANCHORS_BEI = {
    "en": {1: "Key behaviour absent.", 2: "Key behaviour partly present.", 3: "Key behaviour fully present."},
    "zh": {1: "未体现关键行为。", 2: "部分体现关键行为。", 3: "充分体现关键行为。"},
}
BUILT_IN_INDICATORS: dict[str, dict[str, list[str]]] = {
    "leadership": {
        "en": ["led", "team", "goals", "delegated", "coached", "decided", "deadline"],
        "zh": ["带领", "团队", "目标", "安排", "分工", "决定", "负责"],
    },
    "teamwork": {
        "en": ["colleague", "team", "listened", "together", "agreed", "helped", "meeting"],
        "zh": ["同事", "团队", "沟通", "一起", "配合", "协作", "帮助"],
    },
    "communication": {
        "en": ["explained", "listened", "presented", "meeting", "wrote", "concerns"],
        "zh": ["沟通", "解释", "汇报", "会议", "倾听", "同步"],
    },
    "problem_solving": {
        "en": ["cause", "analysed", "analyzed", "traced", "fixed", "tested", "data"],
        "zh": ["原因", "分析", "解决", "排查", "数据", "测试"],
    },
    "customer_focus": {
        "en": ["customer", "client", "needs", "renewed", "satisfaction", "complaint"],
        "zh": ["客户", "需求", "满意", "投诉", "续约", "反馈"],
    },
    "motivation": {
        "en": ["learn", "grow", "mission", "product", "interested", "career", "because"],
        "zh": ["学习", "成长", "使命", "产品", "兴趣", "职业", "因为"],
    },
    "collaboration": {
        "en": ["departments", "stakeholders", "align", "kickoff", "schedule", "conflict"],
        "zh": ["跨部门", "协调", "资源", "沟通", "分工", "冲突", "上级"],
    },
}


@dataclass(frozen=True)
class CompetencyRubric:
    """One competency: weight, indicators per language, and its scale."""

    name: str
    weight: float = 1.0
    indicators: dict[str, list[str]] = field(default_factory=dict)
    scale: str = "anchored5"
    title: dict[str, str] = field(default_factory=dict)
    # Behaviourally anchored points of the scale, per language ({"en": {1: "...", 3: "...", 5: "..."}}):
    # what an answer at that score looks like for this competency; the scale's generic texts fill the rest.
    custom_anchors: dict[str, dict[int, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("a competency needs a name")
        if self.weight <= 0:
            raise ValueError("weight must be a positive number")
        if self.scale not in SCALES:
            raise ValueError(f"scale must be one of {', '.join(SCALES)}")

    def indicator_words(self, language: str) -> list[str]:
        """Indicator cue words in a language (built-ins when the rubric gives none)."""
        own = self.indicators.get(language)
        return own if own else BUILT_IN_INDICATORS.get(self.name, {}).get(language, [])

    def anchors(self, language: str) -> dict[int, str]:
        """The scale's anchor texts."""
        table = ANCHORS_BEI if self.scale == "bei3" else ANCHORS_5
        return {**table.get(language, table["en"]), **self.custom_anchors.get(language, {})}


@dataclass(frozen=True)
class Rubric:
    """The competencies of one job."""

    competencies: tuple[CompetencyRubric, ...]

    def get(self, name: str | None) -> CompetencyRubric:
        """The named competency, or a generic one with built-in indicators."""
        for competency in self.competencies:
            if competency.name == name:
                return competency
        return CompetencyRubric(name or "general")


DEFAULT_RUBRIC = Rubric(tuple(CompetencyRubric(name) for name in BUILT_IN_INDICATORS))


def _competency(located: Located, i: int, item: Any) -> CompetencyRubric:
    path = f"competencies[{i}]"
    if not isinstance(item, dict):
        raise located.error(path, "must be a mapping with at least a name")
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        raise located.error(f"{path}.name", "is required and must be text")
    weight = item.get("weight", 1.0)
    if not isinstance(weight, int | float) or isinstance(weight, bool) or weight <= 0:
        raise located.error(f"{path}.weight", "must be a positive number")
    scale = item.get("scale", "anchored5")
    if scale not in SCALES:
        raise located.error(f"{path}.scale", f"must be one of {', '.join(SCALES)}")
    indicators = item.get("indicators", {})
    if not isinstance(indicators, dict) or not all(
        lang in ("en", "zh") and isinstance(words, list) and all(isinstance(w, str) for w in words)
        for lang, words in indicators.items()
    ):
        raise located.error(f"{path}.indicators", "must map 'en'/'zh' to lists of text")
    title = item.get("title", {})
    if not isinstance(title, dict):
        raise located.error(f"{path}.title", "must map 'en'/'zh' to text")
    anchors = _anchors(located, f"{path}.anchors", item.get("anchors", {}), 3 if scale == "bei3" else 5)
    return CompetencyRubric(name.strip(), float(weight), indicators, scale, title, anchors)


def _anchors(located: Located, path: str, value: Any, top: int) -> dict[str, dict[int, str]]:
    """Anchors as {language: {score: text}}; scores may arrive as text keys (JSON objects)."""
    problem = f"must map 'en'/'zh' to {{score: text}} with scores from 1 to {top}"
    if not isinstance(value, dict):
        raise located.error(path, problem)
    out: dict[str, dict[int, str]] = {}
    for lang, points in value.items():
        if lang not in ("en", "zh") or not isinstance(points, dict):
            raise located.error(path, problem)
        out[lang] = {}
        for score, text in points.items():
            number = int(score) if isinstance(score, int | str) and str(score).isdigit() else 0
            if not 1 <= number <= top or not isinstance(text, str) or not text.strip():
                raise located.error(f"{path}.{lang}.{score}", problem)
            out[lang][number] = text.strip()
    return out


def parse_rubric(located: Located) -> Rubric:
    """Validate parsed YAML/JSON into a Rubric; errors name the line and field."""
    data = located.data
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("competencies"), list)
        or not data["competencies"]
    ):
        raise located.error("competencies", "a rubric needs a non-empty list of competencies")
    comps = [_competency(located, i, item) for i, item in enumerate(data["competencies"])]
    names = [c.name for c in comps]
    for i, name in enumerate(names):
        if name in names[:i]:
            raise located.error(f"competencies[{i}].name", f"duplicate competency {name!r}")
    return Rubric(tuple(comps))


def load_rubric(path: Path) -> Rubric:
    """A rubric from a YAML file."""
    return parse_rubric(load_yaml_file(path))


def rubric_from_dict(data: Any) -> Rubric:
    """A rubric from an API body."""
    return parse_rubric(from_data(data))
