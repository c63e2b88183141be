"""Read one YAML content file into plain values plus the line of every field.

PyYAML alone silently keeps the last of two duplicate keys, expands aliases
without limit and reports nothing about where a value came from; this module
refuses the first two and records a position for every field path.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import Problem

MAX_FILE_BYTES = 256 * 1024

FieldPath = tuple[str | int, ...]


@dataclass
class Document:
    """The values of one YAML file and where each of them stands."""

    path: Path
    data: Any
    positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)

    def where(self, at: FieldPath) -> tuple[int, int]:
        """Line and column (1-based) of a field, or of its nearest parent."""
        while at:
            if at in self.positions:
                return self.positions[at]
            at = at[:-1]
        return self.positions.get((), (1, 1))

    def problem(self, at: FieldPath, message: str, hint: str = "", severity: str = "error") -> Problem:
        """A problem located at the given field path of this file."""
        line, column = self.where(at)
        return Problem(self.path, line, column, dotted(at), message, hint, severity)


def dotted(at: FieldPath) -> str:
    """`('soundbites', 0, 'quote')` -> `soundbites[0].quote`."""
    text = ""
    for part in at:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


class _Loader(yaml.SafeLoader):
    """A safe loader that refuses anchors and aliases (the "billion laughs" expansion)."""

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:  # type: ignore[override]
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise yaml.MarkedYAMLError(None, None, "YAML aliases (*name) are not allowed in content files; write the value out", event.start_mark)
        if getattr(event, "anchor", None):
            raise yaml.MarkedYAMLError(None, None, "YAML anchors (&name) are not allowed in content files; write the value out", event.start_mark)
        return super().compose_node(parent, index)  # type: ignore[no-any-return]


def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """Read a content file as UTF-8 text, refusing oversized and non-UTF-8 files."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(path, 1, 1, "", f"cannot read the file: {exc.strerror}")]
    if len(raw) > MAX_FILE_BYTES:
        return None, [Problem(path, 1, 1, "", f"file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,}", "split it or shorten it")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Problem(path, line, column, "", f"byte 0x{raw[exc.start]:02x} is not UTF-8 text", "save the file as UTF-8")]
    return text.replace("\r\n", "\n"), []


def load_document(path: Path) -> tuple[Document | None, list[Problem]]:
    """Parse one YAML file; on failure return the problems instead."""
    text, problems = read_text(path)
    if text is None:
        return None, problems
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            return None, [Problem(path, number, len(line) - len(stripped) + 1, "", "a tab is used for indentation; YAML needs spaces", "replace the tab with spaces")]
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = exc.problem or exc.context or "invalid YAML"
        return None, [Problem(path, line, column, "", f"YAML syntax error: {message}")]
    except yaml.YAMLError as exc:
        return None, [Problem(path, 1, 1, "", f"YAML syntax error: {exc}")]
    finally:
        loader.dispose()
    document = Document(path, None)
    if node is None:
        document.data = None
        document.positions[()] = (1, 1)
        return document, []
    problems = []
    document.data = _convert(node, (), document, loader, problems)
    return document, problems


def _convert(node: Node, at: FieldPath, document: Document, loader: _Loader, problems: list[Problem]) -> Any:
    document.positions[at] = _mark(node)
    if isinstance(node, MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                problems.append(document.problem(at, "a key must be a plain word"))
                continue
            key = loader.construct_object(key_node)
            key = str(key) if not isinstance(key, str) else key
            if key == "<<":
                problems.append(document.problem(at, "YAML merge keys (<<) are not allowed in content files"))
                continue
            if key in result:
                line, column = _mark(key_node)
                first = document.positions.get(at + (key,), (0, 0))[0]
                message = f"duplicate key '{key}' (first given on line {first})"
                problems.append(Problem(document.path, line, column, dotted(at + (key,)), message, "keep only one"))
                continue
            result[key] = _convert(value_node, at + (key,), document, loader, problems)
            # A wrong scalar is pointed at where the value starts; a list or
            # mapping at its key, since its value starts on a later line.
            if not isinstance(value_node, ScalarNode):
                document.positions[at + (key,)] = _mark(key_node)
        return result
    if isinstance(node, SequenceNode):
        return [_convert(item, at + (index,), document, loader, problems) for index, item in enumerate(node.value)]
    try:
        return loader.construct_object(node, deep=True)
    except yaml.YAMLError as exc:
        problems.append(document.problem(at, f"cannot read this value: {getattr(exc, 'problem', exc)}"))
        return None
    except ValueError as exc:  # e.g. a date like 2026-02-30
        problems.append(document.problem(at, f"invalid value: {exc}"))
        return None
