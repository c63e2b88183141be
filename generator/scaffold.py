"""`playbook new`: write a content file to fill in, with a comment on every field.

The file is generated from the same declarations the checker uses. Every
value a person still has to write holds the placeholder TODO, which
`playbook check` reports until it is replaced.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import yaml

from . import schema
from .errors import ConfigError
from .fields import suggest
from .load import FOLDERS, load_config
from .models import Config
from .schema import PLACEHOLDER, Field

Ask = Callable[[str], str]
NOUNS = {"play": "play", "vignette": "vignette", "toolkit": "toolkit item"}
INTRODUCTIONS = {
    "play": "A play: one concrete thing a STEM learning ecosystem can do.",
    "vignette": "A vignette: the story of how one ecosystem carried a play out.",
    "toolkit": "A toolkit item: a resource that helps carry plays out.",
}


class ScaffoldError(ConfigError):
    """`playbook new` was given something it cannot use: a usage error (exit status 2)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `playbook new`."""
    parser.add_argument("what", choices=tuple(FOLDERS), metavar="{play,vignette,toolkit}", help="what to create")
    parser.add_argument("--title", help="the title; the file name is made from it")
    parser.add_argument("--id", help="the file name without .yml (default: made from the title)")
    parser.add_argument("--strategy", help="play: the strategy's number or id")
    parser.add_argument("--status", choices=schema.STATUSES, help="play: enacted or aspirational")
    parser.add_argument("--section", help="toolkit: the toolkit section's id")
    parser.add_argument("--kind", choices=schema.TOOLKIT_KINDS, help="toolkit: what sort of resource it is")
    parser.add_argument("--play", dest="plays", action="append", default=[], help="vignette, toolkit: a play it is for (repeatable)")


def run_new(root: Path, args: argparse.Namespace, ask: Ask | None = None, today: dt.date | None = None) -> int:
    """Write the new file and say where; ask for what the options left out when `ask` is given."""
    config, _ = load_config(root)
    options = {name: getattr(args, name) for name in ("title", "strategy", "status", "section", "kind", "plays")}
    values = gather(args.what, config, options, ask)
    ident = args.id or slug(values["title"])
    if not re.match(schema.ID_PATTERN, ident):
        raise ScaffoldError(f"--id '{ident}': use lowercase letters, digits and hyphens, e.g. host-joint-info-session")
    path = root / FOLDERS[args.what] / f"{ident}.yml"
    if path.exists():
        raise ScaffoldError(f"{path.relative_to(root)} already exists; choose another --title or --id")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(args.what, config, values, today or dt.date.today()), encoding="utf-8")
    print(f"Wrote {path.relative_to(root)}: replace every {PLACEHOLDER}, then run `playbook check`")
    return 0


def gather(what: str, config: Config, options: Mapping[str, Any], ask: Ask | None) -> dict[str, Any]:
    """The values given as options (checked), with the missing ones asked for when possible."""
    strategies = {str(s.number): s.id for s in config.strategies if s.number is not None} | {s.id: s.id for s in config.strategies}
    sections = [s.id for s in config.toolkit_sections]
    values: dict[str, Any] = {}
    title = options.get("title") or (_ask_until(ask, f"Title of the new {NOUNS[what]}: ", lambda t: t.strip() or None) if ask else None)
    if not title or not title.strip():
        raise ScaffoldError("--title is required (run `playbook new` in a terminal to be asked for it)")
    values["title"] = " ".join(title.split())
    if what == "play":
        menu = "\n".join(f"  {s.number}. {s.title} ({s.id})" if s.number is not None else f"  {s.title} ({s.id})"
                         for s in config.strategies)
        question = f"Strategies:\n{menu}\nStrategy (number or id): "
        values["strategy"] = _choose(options.get("strategy"), strategies, "strategy", ask, question)
        statuses = {s: s for s in schema.STATUSES}
        question = "Status (enacted or aspirational; Enter to decide later): "
        values["status"] = _choose(options.get("status"), statuses, "status", ask, question)
    if what == "toolkit":
        listed = ", ".join(sections)
        values["section"] = _choose(options.get("section"), {s: s for s in sections}, "section", ask, f"Section ({listed}): ")
        kinds = {k: k for k in schema.TOOLKIT_KINDS}
        values["kind"] = _choose(options.get("kind"), kinds, "kind", ask, f"Kind ({', '.join(schema.TOOLKIT_KINDS)}): ")
    if what in ("vignette", "toolkit"):
        plays = list(options.get("plays") or [])
        if not plays and ask:
            plays = [p for p in re.split(r"[\s,]+", ask("Plays it belongs to (ids, separated by commas; Enter to skip): ")) if p]
        if plays:
            values["plays"] = plays
    return {name: value for name, value in values.items() if value is not None}


def _choose(given: str | None, known: Mapping[str, str], what: str, ask: Ask | None, question: str) -> str | None:
    """A choice from `known` (by any of its keys); None leaves the placeholder in."""
    if given is not None:
        if given not in known:
            hint = suggest(given, sorted(set(known.values())), f"{what} ids")
            raise ScaffoldError(f"--{what} '{given}' is not known" + (f" ({hint})" if hint else ""))
        return known[given]
    if ask is None:
        return None
    return _ask_until(ask, question, lambda answer: known.get(answer.strip()) if answer.strip() else "") or None


def _ask_until(ask: Ask, question: str, accept: Callable[[str], str | None]) -> str | None:
    """Ask until `accept` takes the answer (an empty string means: leave it for later)."""
    for _ in range(5):
        try:
            answer = ask(question)
        except EOFError:
            raise ScaffoldError("cancelled: no answer given") from None
        accepted = accept(answer)
        if accepted is not None:
            return accepted
        print(f"'{answer.strip()}' is not one of the choices; try again, or press Enter to fill it in later", file=sys.stderr)
    raise ScaffoldError("no usable answer given")


def slug(title: str) -> str:
    """`Host a joint info session` -> `host-a-joint-info-session`."""
    words = re.findall(r"[a-z0-9]+", title.lower())
    return "-".join(words)[:60].strip("-")


def render(what: str, config: Config, values: Mapping[str, Any], today: dt.date) -> str:
    """The text of a new content file: header, then each field with its comment."""
    lines = [
        f"# yaml-language-server: $schema=../schemas/{what}.schema.json",
        f"# {INTRODUCTIONS[what]}",
        f"# Replace every {PLACEHOLDER}; delete the optional lines you do not need.",
        "# Field reference: CONTRIBUTING.md, or the Field reference page of the site.",
    ]
    for spec in schema.KINDS[what]:
        lines.append("")
        lines.extend(f"# {text}" for text in _comment(spec, config))
        lines.extend(_field_lines(spec, config, values, today))
    return "\n".join(lines) + "\n"


def _comment(spec: Field, config: Config) -> list[str]:
    need = "Required" if spec.required else "Optional"
    limit = f", at most {spec.max_length} characters" if spec.max_length else ""
    comment = [f"{spec.description} {need}{limit}."]
    choices = _choices(spec, config)
    if choices:
        comment.append("One of: " + ", ".join(choices))
    return comment


def _choices(spec: Field, config: Config) -> list[str]:
    if spec.choices == "strategy":
        return [f"{s.id} ({s.number})" if s.number is not None else s.id for s in config.strategies]
    if spec.choices == "section":
        return [s.id for s in config.toolkit_sections]
    return list(spec.choices) if isinstance(spec.choices, tuple) else []


def _field_lines(spec: Field, config: Config, values: Mapping[str, Any], today: dt.date) -> list[str]:
    if spec.name in values:
        return _dump({spec.name: values[spec.name]})
    if spec.type == "date":
        return [f"{spec.name}: {today.isoformat()}"]
    if spec.type == "facets":
        lines = [f"{spec.name}:"]
        for facet in config.facets:
            lines.append(f"  # {facet.label}, one or more of: {', '.join(v.id for v in facet.values)}")
            lines.append(f"  {facet.id}: [{PLACEHOLDER}]")
        return lines
    if not spec.required:
        if spec.type in ("ids", "strings", "objects"):
            return [f"{spec.name}: []"]
        example = {"url": "https://example.org/page", "boolean": "true"}.get(spec.type, PLACEHOLDER)
        return [f"# {spec.name}: {example}"]
    if spec.type in ("string", "integer", "choice", "url", "id"):
        return [f"{spec.name}: {PLACEHOLDER}"]
    if spec.type == "markdown":
        text = spec.starter or f"{PLACEHOLDER}\n"
        return [f"{spec.name}: |", *(f"  {line}".rstrip() for line in text.splitlines())]
    if spec.type in ("strings", "ids"):
        return [f"{spec.name}:", f"  - {PLACEHOLDER}"]
    if spec.type == "objects":
        inner = [f"{sub.name}: {PLACEHOLDER}" for sub in spec.fields if sub.required]
        return [f"{spec.name}:", f"  - {inner[0]}", *(f"    {line}" for line in inner[1:])]
    raise AssertionError(f"no scaffold for field type {spec.type}")  # a new type in schema.py needs a line here


class _Dumper(yaml.SafeDumper):
    """Writes multi-line text as a `|` block, the way contributors write bodies."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _text)


def _dump(value: Mapping[str, Any]) -> list[str]:
    """Values given on the command line (or by a test), as YAML lines; short lists in [brackets]."""
    lines: list[str] = []
    for name, item in value.items():
        if isinstance(item, list) and all(isinstance(v, str) and "\n" not in v for v in item):
            lines.append(f"{name}: [{', '.join(_scalar(v) for v in item)}]")
        else:
            text = yaml.dump({name: item}, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=False)
            lines.extend(text.rstrip("\n").split("\n"))
    return lines


def _scalar(value: str) -> str:
    return yaml.dump(value, Dumper=_Dumper, allow_unicode=True, width=1000).removesuffix("\n...\n").rstrip("\n")
