"""Read one YAML content file into plain values plus the line of every field.

PyYAML alone silently keeps the last of two duplicate keys, expands aliases
without limit and reports nothing about where a value came from; this module
refuses the first two and records a position for every field path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.cyaml import CParser  # type: ignore[attr-defined]
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader, ReaderError
from yaml.scanner import Scanner

from . import scalars
from .errors import Problem
from .regular import HINT as REGULAR_HINT
from .regular import NotRegular, read_regular
from .scalars import Resolver12

MAX_FILE_BYTES = 256 * 1024
# Content files need four levels at most; PyYAML composes recursively, so a
# file of 5,000 nested brackets would otherwise end in a RecursionError.
MAX_DEPTH = 20
_CORE = "tag:yaml.org,2002:"
ALLOWED_TAGS = {f"{_CORE}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}
# Invisible characters that double-quoted escapes ("\0", "\ud800") can smuggle past the reader.
# Bidirectional controls (U+202E shows "cba" for "abc") are refused for the same reason.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# What PyYAML says (a pattern), what to tell a person instead, and what to do
# about it; {0} is the pattern's group, {line} the line a quoted text starts on.
SYNTAX_MESSAGES = (
    (r"mapping values are not allowed", "found ': ' inside a value", "put the whole value in quotes, or add the missing 'field:'"),
    (r"could not find expected ':'", "expected 'field: value', found a line without ':'", "indent text that continues a value, or add ':'"),
    (r"found character '\\t'", "found a tab", "replace the tab with spaces"),
    (r"found character '(.)' that cannot start any token", "a value cannot start with {0}", "put the value in quotes"),
    (
        r"expected <block end>",
        "the indentation of this line does not match the lines above it",
        "line it up with the field or list item it belongs to; text with quotes inside needs the other kind of quotes around it",
    ),
    (
        r"expected ',' or '\]', but got '?([^']*)'?",
        "expected ',' or ']' in a [list], found {0}",
        "close the list with ']'; quote an item holding ': '",
    ),
    (r"expected ',' or '\}', but got '?([^']*)'?", "expected ',' or '}}' in a {{mapping}}, found {0}", "close the mapping with '}}'"),
    (r"found another document", "expected one document, found a second '---'", "remove the second '---' and what follows it"),
    (
        r"end of stream.*quoted scalar|quoted scalar.*end of stream",
        "a quotation mark is never closed",
        "close the quotation mark on line {line}",
    ),
)

FieldPath = tuple[str | int, ...]
_TIMESTAMP = f"{_CORE}timestamp"
_TIMESTAMPS = SafeConstructor()


@dataclass
class Document:
    """The values of one YAML file and where each of them stands."""

    path: Path
    data: Any
    positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    lines: tuple[str, ...] = ()
    # Values already reported as unreadable; field checks pass over them.
    unreadable: set[FieldPath] = field(default_factory=set)

    def where(self, at: FieldPath) -> tuple[int, int]:
        """Line and column (1-based) of a field, or of its nearest parent."""
        while at:
            if at in self.positions:
                return self.positions[at]
            at = at[:-1]
        return self.positions.get((), (1, 1))

    def find(self, at: FieldPath, needle: str) -> tuple[int, int, str] | None:
        """Line, column and text of the first source line at or below a field that holds `needle`."""
        line, _ = self.where(at)
        for number in range(line, len(self.lines) + 1):
            column = self.lines[number - 1].find(needle)
            if column >= 0:
                return number, column + 1, self.lines[number - 1].strip()
        return None

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


class _Composer(Composer):
    """Composes nodes while refusing anchors, aliases (the "billion laughs" expansion) and deep nesting."""

    depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()  # type: ignore[attr-defined]
        if isinstance(event, AliasEvent):
            raise _refusal("YAML aliases (*name) are not allowed in content files; write the value out", event)
        if getattr(event, "anchor", None):
            raise _refusal("YAML anchors (&name) are not allowed in content files; write the value out", event)
        if self.depth >= MAX_DEPTH:
            raise _refusal(f"values are nested more than {MAX_DEPTH} levels deep", event)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _Loader(Reader, Scanner, Parser, _Composer, SafeConstructor, Resolver12):
    """The pure-Python reader: slow, but its error messages and marks are the ones people see."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        _Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver12.__init__(self)


class _Unusual(Exception):
    """Something the fast path leaves to the pure-Python reader, whose messages are the documented ones."""


_SEQ, _MAP = f"{_CORE}seq", f"{_CORE}map"


def _fast_compose(text: str) -> Node | None:
    """The node tree from libyaml's C parser, built in one loop; _Unusual for anything but plain content.

    Anchors, aliases, a second document, deep nesting and every syntax error
    are left to `_Loader`, so messages and marks stay exactly as before.
    """
    parser: Any = CParser(text)
    try:
        stack: list[Any] = []
        root: Node | None = None
        documents = 0
        while (event := parser.get_event()) is not None:
            kind = type(event)
            if kind is ScalarEvent:
                if event.anchor is not None:
                    raise _Unusual
                tag = event.tag
                if tag is None or tag == "!":
                    tag = scalars.resolve_plain(event.value) if event.implicit[0] else scalars.STR
                node: Node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if event.anchor is not None or len(stack) >= MAX_DEPTH:
                    raise _Unusual
                tag = event.tag if event.tag not in (None, "!") else (_MAP if kind is MappingStartEvent else _SEQ)
                container = MappingNode if kind is MappingStartEvent else SequenceNode
                stack.append((container(tag, [], event.start_mark, None, flow_style=event.flow_style), []))
                continue
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                node, items = stack.pop()
                node.end_mark = event.end_mark
                node.value = list(zip(items[::2], items[1::2], strict=True)) if isinstance(node, MappingNode) else items
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Unusual
                continue
            elif kind is AliasEvent:
                raise _Unusual
            else:
                continue
            if stack:
                stack[-1][1].append(node)
            else:
                root = node
        return root
    except yaml.YAMLError:
        raise _Unusual from None
    finally:
        parser.dispose()


class _Refused(yaml.MarkedYAMLError):
    """Valid YAML that content files may not use."""


def _refusal(message: str, event: Any) -> yaml.MarkedYAMLError:
    return _Refused(None, None, message, event.start_mark)


def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """Read a content file as UTF-8 text, refusing oversized and non-UTF-8 files."""
    try:
        raw = read_regular(path, MAX_FILE_BYTES)
    except NotRegular as exc:
        return None, [Problem(path, 1, 1, "", str(exc), "" if "exist" in str(exc) else REGULAR_HINT)]
    except OSError as exc:
        return None, [Problem(path, 1, 1, "", f"cannot read the file: {exc.strerror}")]
    if len(raw) > MAX_FILE_BYTES:
        size = max(len(raw), path.stat().st_size)
        return None, [Problem(path, 1, 1, "", f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}", "split it or shorten it")]
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
            column = len(line) - len(stripped) + 1
            message = "a tab is used for indentation; YAML needs spaces"
            return None, [Problem(path, number, column, "", message, "replace the tab with spaces")]
    node, problem = _compose(text, path)
    if problem is not None:
        return None, [problem]
    document = Document(path, None, lines=tuple(text.split("\n")))
    if node is None:
        document.data = None
        document.positions[()] = (1, 1)
        return document, []
    problems = []
    document.data = _convert(node, (), document, problems)
    return document, problems


def _compose(text: str, path: Path) -> tuple[Node | None, Problem | None]:
    """The file's node tree, read by libyaml; on any error, the pure-Python reader's problem."""
    # libyaml accepts a tab after 'field:', which PyYAML (and the corpus) refuses.
    if "\t" not in text:
        try:
            return _fast_compose(text), None
        except _Unusual:
            pass  # read again below: the Python reader's messages and marks are the documented ones
    try:
        loader = _Loader(text)
    except ReaderError as exc:  # the reader refuses control characters up front
        at_line, at_column = _line_column(text, exc.position)
        message = f"character U+{exc.character:04X} is not allowed in YAML"
        return None, Problem(path, at_line, at_column, "", message, "delete it; it is invisible in most editors")
    try:
        return loader.get_single_node(), None
    except yaml.MarkedYAMLError as exc:
        return None, _syntax_problem(path, exc)
    except yaml.YAMLError as exc:
        return None, Problem(path, 1, 1, "", f"YAML syntax error: {exc}")
    finally:
        loader.dispose()


def _line_column(text: str, position: int) -> tuple[int, int]:
    return text.count("\n", 0, position) + 1, position - (text.rfind("\n", 0, position) + 1) + 1


def _syntax_problem(path: Path, exc: yaml.MarkedYAMLError) -> Problem:
    """A YAML syntax error at the line it concerns, with a hint a non-programmer can follow."""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    message = exc.problem or exc.context or "invalid YAML"
    if exc.context and message.startswith("but "):
        message = f"{exc.context}, {message}"
    if isinstance(exc, _Refused):
        return Problem(path, line, column, "", message)
    said = f"{message}; {exc.context or ''}"
    hint = ""
    for pattern, friendly, advice in SYNTAX_MESSAGES:
        if found := re.search(pattern, said):
            start = exc.context_mark.line + 1 if exc.context_mark else line
            groups = ["the end of the file" if g == "<stream end>" else f"'{g}'" for g in found.groups()]
            message = friendly.format(*groups, line=start)
            hint = advice.format(*groups, line=start)
            break
    return Problem(path, line, column, "", f"YAML syntax error: {message}", hint)


def _tag(tag: str) -> str:
    return tag.replace(_CORE, "!!", 1)


def _convert(node: Node, at: FieldPath, document: Document, problems: list[Problem]) -> Any:
    document.positions[at] = _mark(node)
    if node.tag not in ALLOWED_TAGS:
        problems.append(document.problem(at, f"YAML tag '{_tag(node.tag)}' is not allowed in content files", "remove it"))
        document.unreadable.add(at)
        return None
    if isinstance(node, MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            line, column = _mark(key_node)
            if isinstance(key_node, ScalarNode) and key_node.value == "<<":
                message = "YAML merge keys (<<) are not allowed in content files"
                problems.append(Problem(document.path, line, column, dotted(at), message, "write the fields out"))
                continue
            if not isinstance(key_node, ScalarNode) or key_node.tag not in ALLOWED_TAGS:
                problems.append(Problem(document.path, line, column, dotted(at), "a key must be a plain word", "write 'field: value'"))
                continue
            key = _scalar(key_node, at, document, problems)
            key = str(key) if not isinstance(key, str) else key
            if key in result:
                first = document.positions.get(at + (key,), (0, 0))[0]
                message = f"duplicate key '{key}' (first given on line {first})"
                problems.append(Problem(document.path, line, column, dotted(at + (key,)), message, "keep only one"))
                continue
            result[key] = _convert(value_node, at + (key,), document, problems)
            # A wrong scalar is pointed at where the value starts; a list or
            # mapping at its key, since its value starts on a later line.
            if not isinstance(value_node, ScalarNode):
                document.positions[at + (key,)] = _mark(key_node)
        return result
    if isinstance(node, SequenceNode):
        return [_convert(item, at + (index,), document, problems) for index, item in enumerate(node.value)]
    return _scalar(node, at, document, problems)


def _scalar(node: Node, at: FieldPath, document: Document, problems: list[Problem]) -> Any:
    try:
        value = _construct(node)
    except (ValueError, OverflowError) as exc:  # e.g. a date like 2026-02-30
        what = "a date (YYYY-MM-DD)" if node.tag.endswith("timestamp") else "a value"
        problems.append(document.problem(at, f"expected {what}, found '{node.value}' ({exc})"))
        document.unreadable.add(at)
        return None
    if isinstance(value, str) and (found := _INVISIBLE.search(value)):
        problems.append(document.problem(at, f"the text holds the invisible character U+{ord(found.group()):04X}", "delete it"))
        document.unreadable.add(at)
        return None
    return value


def _construct(node: Node) -> Any:
    """A scalar's value: YAML 1.2 core types, numbers keeping their characters (see `scalars`)."""
    if node.tag == _TIMESTAMP:  # only with an explicit !!timestamp tag
        return _TIMESTAMPS.construct_yaml_timestamp(node)  # type: ignore[arg-type]
    return scalars.construct(node.tag, node.value)
