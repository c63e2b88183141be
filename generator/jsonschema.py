"""JSON Schemas for editors, generated from the content model in `schema`.

Editors with a YAML language server (VS Code's YAML extension and others)
read the `# yaml-language-server: $schema=...` line at the top of each
content file and then complete field names and underline mistakes. The
schemas are committed in schemas/; the allowed strategies, toolkit sections
and facet values come from the repository's playbook.yml, so regenerate them
after changing it:

    python -m generator.jsonschema            # write schemas/*.json
    python -m generator.jsonschema --check    # exit 1 if they are out of date
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import schema
from .errors import ContentError, PlaybookError
from .fields import PLURAL_CATEGORIES
from .i18n import BCP47, NOUNS
from .load import load_config
from .models import Config
from .schema import Field

SCHEMA_DIR = "schemas"
DRAFT = "http://json-schema.org/draft-07/schema#"
TITLES = {
    "play": "A play: one concrete thing a STEM learning ecosystem can do",
    "vignette": "A vignette: how one ecosystem carried a play out",
    "toolkit": "A toolkit item: a resource that helps carry plays out",
    "playbook": "The playbook's configuration (playbook.yml)",
}
# The checker reads `figure: 43` as the text "43", so the schema must not underline it.
_TEXT = ["string", "number"]
# What no text may hold: a scaffold placeholder, control characters and bidirectional controls (see source._INVISIBLE).
_INVISIBLE = r"[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
_REFUSED_TEXT = {"not": {"pattern": rf"\b{schema.PLACEHOLDER}\b|{_INVISIBLE}"}}


def schema_for(kind: str, config: Config) -> dict[str, Any]:
    """The JSON Schema of one content kind."""
    return {"$schema": DRAFT, "title": TITLES[kind], **_object(schema.KINDS[kind], config)}


def schemas(config: Config) -> dict[str, dict[str, Any]]:
    """File name -> JSON Schema, for every kind."""
    return {f"{kind}.schema.json": schema_for(kind, config) for kind in schema.KINDS}


def _object(fields: Sequence[Field], config: Config) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {field.name: _property(field, config) for field in fields},
        "required": [field.name for field in fields if field.required],
        "additionalProperties": False,
    }


def _property(field: Field, config: Config) -> dict[str, Any]:
    result: dict[str, Any] = {"description": field.description, **_value(field, config)}
    if field.example is not None:
        result["examples"] = [field.example]
    return result


def _value(field: Field, config: Config) -> dict[str, Any]:
    kind = field.type
    if kind in ("string", "markdown"):
        text: dict[str, Any] = {"type": "string"} if kind == "markdown" else {"type": _TEXT}
        if field.required:
            text["pattern"] = r'^[^<>"]*[^<>"\s][^<>"]*$' if field.plain else r"\S"
        # Lengths past max_length are warnings in `playbook check`, not errors: no maxLength here.
        if field.pattern:
            text = {"type": "string", **{k: v for k, v in text.items() if k != "type"}, "pattern": field.pattern}
        return {**text, **_REFUSED_TEXT}
    if kind == "integer":
        bounds = {"minimum": field.minimum, "maximum": field.maximum}
        return {"type": "integer", **{k: v for k, v in bounds.items() if v is not None}}
    if kind == "boolean":
        return {"type": "boolean"}
    if kind == "date":
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    if kind == "url":
        return {"type": "string", "pattern": "^(https?://[^\\s/@][^\\s/?#@]*([/?#]|$)|mailto:\\S)[^\\s<>\"'`\\\\{}|^]*$"}
    if kind == "id":
        return {"type": "string", "pattern": schema.ID_PATTERN}
    if kind == "ids":
        return _list({"type": "string", "pattern": schema.ID_PATTERN}, field, unique=True)
    if kind == "strings":
        return _list({"type": _TEXT, "pattern": r"\S", **_REFUSED_TEXT}, field)
    if kind == "choice":
        return _choice(field, config)
    if kind == "facets":
        return _facets(config)
    if kind == "object":
        return _object(field.fields, config)
    if kind == "objects":
        return _list(_object(field.fields, config), field)
    if kind == "language":
        return {"type": "string", "pattern": BCP47.pattern}
    if kind == "languages":
        return {"type": "array", "items": {"type": "string", "pattern": BCP47.pattern}, "minItems": 1, "uniqueItems": True}
    if kind == "nouns":
        forms = {"type": "object", "properties": {c: {"type": "string"} for c in PLURAL_CATEGORIES}, "required": ["one", "other"]}
        return {"type": "object", "properties": {n: forms for n in NOUNS}, "additionalProperties": False}
    if kind == "messages":
        plain = {"type": "string", "pattern": "^[^<>\\[\\]`]*$"}
        return {"type": "object", "additionalProperties": {"anyOf": [plain, {"type": "object", "additionalProperties": plain}]}}
    raise AssertionError(f"no JSON Schema for field type {kind}")  # a new type in schema.py needs a branch here


def _list(items: dict[str, Any], field: Field, unique: bool = False) -> dict[str, Any]:
    result: dict[str, Any] = {"type": "array", "items": items}
    if field.min_items:
        result["minItems"] = field.min_items
    if unique:
        result["uniqueItems"] = True
    return result


def _choice(field: Field, config: Config) -> dict[str, Any]:
    if field.choices == "strategy":
        strategies = config.strategies
        described = [f"{s.number}. {s.title}" if s.number is not None else s.title for s in strategies]
        return {"type": "string", "enum": [s.id for s in strategies], "enumDescriptions": described}
    if field.choices == "section":
        sections = config.toolkit_sections
        return {"type": "string", "enum": [s.id for s in sections], "enumDescriptions": [s.title for s in sections]}
    assert isinstance(field.choices, tuple)
    return {"type": "string", "enum": list(field.choices)}


def _facets(config: Config) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for facet in config.facets:
        one = {"type": "string", "enum": [v.id for v in facet.values], "enumDescriptions": [v.label for v in facet.values]}
        properties[facet.id] = {
            "description": f"{facet.label}: {facet.description}".rstrip(": "),
            "anyOf": [one, {"type": "array", "items": one, "minItems": 1, "uniqueItems": True}],
        }
    return {"type": "object", "properties": properties, "required": [f.id for f in config.facets], "additionalProperties": False}


def render(value: dict[str, Any]) -> str:
    """A schema as the text committed to the repository."""
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def write(root: Path, check_only: bool = False) -> list[str]:
    """Write root/schemas/*.json from the model and root/playbook.yml; return the files that changed."""
    config, _ = load_config(root)
    changed = []
    for name, value in schemas(config).items():
        path = root / SCHEMA_DIR / name
        text = render(value)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            changed.append(f"{SCHEMA_DIR}/{name}")
            if not check_only:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    return changed


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m generator.jsonschema [--root ROOT] [--check]`."""
    parser = argparse.ArgumentParser(prog="python -m generator.jsonschema", description="Write the JSON Schemas editors use.")
    parser.add_argument("--root", type=Path, default=Path("."), help="playbook folder (default: current folder)")
    parser.add_argument("--check", action="store_true", help="only report schemas that are out of date (exit 1)")
    args = parser.parse_args(argv)
    try:
        changed = write(args.root.resolve(), check_only=args.check)
    except ContentError as exc:
        print("\n".join(p.format(args.root.resolve()) for p in exc.problems), file=sys.stderr)
        return 1
    except PlaybookError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for name in changed:
        print(f"{name} is out of date; run: python -m generator.jsonschema" if args.check else f"wrote {name}")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
