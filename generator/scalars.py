"""Plain YAML scalars read with YAML 1.2 (core schema) rules, numbers kept as typed.

PyYAML follows YAML 1.1, where `3:1` is 181 (base 60), `010` is 8, `yes` and
`off` are booleans and `2026-09-15 10:00:00` a timestamp. Editors and the JSON
Schemas follow YAML 1.2, where all of those are text except `010` (ten). Here
only `true`/`false`, `null`/`~` and numbers in the 1.2 core forms are typed,
and a number keeps the characters written, so `figure: 0.50` stays "0.50" in
a text field while it still counts as a number in a number field.
"""

from __future__ import annotations

import re
from typing import Any

from yaml.resolver import BaseResolver

_CORE = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL = (f"{_CORE}{name}" for name in ("str", "int", "float", "bool", "null"))
# The YAML 1.2 core schema, https://yaml.org/spec/1.2.2/#1032-tag-resolution
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")


def resolve_plain(value: str) -> str:
    """The YAML 1.2 core tag of a plain (unquoted) scalar."""
    if _NULL.match(value):
        return NULL
    if _BOOL.match(value):
        return BOOL
    if _INT.match(value):
        return INT
    if _FLOAT.match(value):
        return FLOAT
    return STR


class Resolver12(BaseResolver):
    """A resolver that types plain scalars by YAML 1.2 core rules and everything else as text."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        """The tag of a node without an explicit one."""
        if kind is not None and kind.__name__ == "ScalarNode":
            return resolve_plain(value) if implicit[0] else STR
        return super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]


class WrittenInt(int):
    """A whole number that prints as it was written (`010`, `+3`, `0x1F`)."""

    written: str

    def __new__(cls, value: int, written: str) -> WrittenInt:  # noqa: D102
        number = super().__new__(cls, value)
        number.written = written
        return number

    def __str__(self) -> str:
        return self.written

    def __getnewargs__(self) -> tuple[int, str]:  # type: ignore[override]
        return int(self), self.written


class WrittenFloat(float):
    """A number with a fraction or exponent that prints as it was written (`0.50`, `1.0e+3`)."""

    written: str

    def __new__(cls, value: float, written: str) -> WrittenFloat:  # noqa: D102
        number = super().__new__(cls, value)
        number.written = written
        return number

    def __str__(self) -> str:
        return self.written

    def __getnewargs__(self) -> tuple[float, str]:  # type: ignore[override]
        return float(self), self.written


def construct(tag: str, value: str) -> Any:
    """The value of a scalar with a core tag; ValueError when it is not of that form."""
    if tag == STR:
        return value
    if tag == NULL:
        if not _NULL.match(value):
            raise ValueError("not null")
        return None
    if tag == BOOL:
        if not _BOOL.match(value):
            raise ValueError("not true or false")
        return value.lower() == "true"
    if tag == INT:
        if not _INT.match(value):
            raise ValueError("not a whole number")
        base = 8 if value.startswith("0o") else 16 if value.startswith("0x") else 10
        return WrittenInt(int(value[2:] if base != 10 else value, base), value)
    if not _FLOAT.match(value):
        raise ValueError("not a number")
    special = value.lower().lstrip("+-")
    number = float(value.lower().replace(".", "", 1)) if special in (".inf", ".nan") else float(value)
    return WrittenFloat(number, value)
