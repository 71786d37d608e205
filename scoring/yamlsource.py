"""YAML loading that remembers where each value came from, so errors name the line and field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


class SourceError(ValueError):
    """A validation error that points at a line and field of the source file."""

    def __init__(self, message: str, field: str, line: int | None = None, source: str = "") -> None:
        where = f"{source}:" if source else ""
        where += f"line {line}: " if line else ""
        super().__init__(f"{where}{field}: {message}")
        self.field, self.line = field, line


@dataclass
class Located:
    """Parsed data plus a map from field paths (like `competencies[1].weight`) to line numbers."""

    data: Any
    lines: dict[str, int]
    source: str = ""

    def error(self, field: str, message: str) -> SourceError:
        """An error at `field`, with the nearest known line."""
        line = self.lines.get(field)
        probe = field
        while line is None and probe:
            probe = (
                probe.rsplit(".", 1)[0] if "." in probe else (probe.rsplit("[", 1)[0] if "[" in probe else "")
            )
            line = self.lines.get(probe)
        return SourceError(message, field, line, self.source)


def _walk(node: yaml.Node, path: str, lines: dict[str, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = f"{path}.{key.value}" if path else str(key.value)
            lines[child] = key.start_mark.line + 1
            _walk(value, child, lines)
            lines[child] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, f"{path}[{i}]", lines)


def load_yaml(text: str, source: str = "") -> Located:
    """Parse YAML text; syntax errors also carry the line."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise SourceError(str(exc.problem), "yaml", line, source) from exc
    lines: dict[str, int] = {}
    if node is not None:
        _walk(node, "", lines)
    return Located(data, lines, source)


def load_yaml_file(path: Path) -> Located:
    """Parse a YAML file."""
    return load_yaml(path.read_text(encoding="utf-8"), str(path))


def from_data(data: Any, source: str = "") -> Located:
    """Wrap already-parsed data (from an API body) for the same validation."""
    return Located(data, {}, source)
