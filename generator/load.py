"""Load a playbook folder: configuration first, then every content file."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import schema
from .errors import ConfigError, ContentError, Problem
from .fallback import fallback_config
from .fields import FieldChecker
from .models import (
    Catalogue,
    Config,
    Facet,
    FacetValue,
    Labels,
    Outcome,
    Play,
    Soundbite,
    Strategy,
    ToolkitItem,
    ToolkitSection,
    Vignette,
)
from .parallel_read import read_all
from .source import Document, load_document

CONFIG_FILE = "playbook.yml"
# Keys of the browse page's address (?status=...&strategy=...&q=...) besides the facets.
RESERVED_FACET_IDS = ("status", "strategy", "q")
FOLDERS = {"play": "plays", "vignette": "vignettes", "toolkit": "toolkit"}
_SAFE_ID = re.compile(schema.ID_PATTERN)


def content_files(folder: Path) -> list[Path]:
    """The YAML files of one content folder, in a stable order."""
    if not folder.is_dir():
        return []
    # Links and devices are listed too, for the reader to refuse them by name.
    return sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml") and (p.is_symlink() or not p.is_dir()))


def load_config(root: Path) -> tuple[Config, Document]:
    """Read and check playbook.yml; raise ContentError on any problem."""
    path = root / CONFIG_FILE
    if not path.is_file() and not path.is_symlink():
        raise ConfigError(f"{path}: not found; is {root} a playbook folder (with {CONFIG_FILE}, plays/, vignettes/, toolkit/)?")
    document, problems = load_document(path)
    if document is None:
        raise ContentError(problems)
    checker = FieldChecker(document, {}, {})
    data = checker.mapping(document.data, schema.PLAYBOOK)
    problems += checker.problems
    for key in ("strategies", "facets", "toolkit_sections"):
        _unique(document, data.get(key, []), key, problems)
    for index, facet in enumerate(data.get("facets", [])):
        _unique(document, facet.get("values", []), f"facets[{index}].values", problems)
        if facet.get("id") in RESERVED_FACET_IDS:
            message = f"facet id '{facet['id']}' is taken: the browse page's address already uses it"
            hint = f"choose another id, not one of {', '.join(RESERVED_FACET_IDS)}"
            problems.append(document.problem(("facets", index, "id"), message, hint))
    if problems:
        raise ContentError(problems)
    config = Config(
        title=data["title"],
        tagline=data["tagline"],
        aim=data["aim"],
        language=data["language"],
        labels=Labels(**data["labels"]),
        strategies=tuple(Strategy(**s) for s in data["strategies"]),
        facets=tuple(
            Facet(f["id"], f["label"], f.get("description", ""), tuple(FacetValue(**v) for v in f["values"]))
            for f in data.get("facets", [])
        ),
        toolkit_sections=tuple(ToolkitSection(**s) for s in data["toolkit_sections"]),
        repository=data.get("repository", ""),
        edit_branch=data.get("edit_branch", "main"),
        notice=data.get("notice", ""),
        site_url=data.get("site_url", ""),
    )
    return config, document


def _unique(document: Document, items: list[dict[str, Any]], key: str, problems: list[Problem]) -> None:
    seen: set[str] = set()
    for index, item in enumerate(items):
        ident = item.get("id")
        if ident in seen:
            at: tuple[str | int, ...] = tuple(int(p) if p.isdigit() else p for p in re.split(r"[\[\].]+", key) if p)
            problems.append(document.problem(at + (index, "id"), f"duplicate id '{ident}'"))
        seen.add(str(ident))


def _build_play(ident: str, path: Path, data: dict[str, Any]) -> Play:
    data = dict(data, soundbites=[Soundbite(**s) for s in data.get("soundbites", [])])
    return Play(id=ident, source=path, **data)


def _build_vignette(ident: str, path: Path, data: dict[str, Any]) -> Vignette:
    data = dict(data, outcomes=[Outcome(**o) for o in data.get("outcomes", [])])
    return Vignette(id=ident, source=path, **data)


def _build_toolkit(ident: str, path: Path, data: dict[str, Any]) -> ToolkitItem:
    return ToolkitItem(id=ident, source=path, **data)


BUILDERS: dict[str, Callable[[str, Path, dict[str, Any]], Any]] = {
    "play": _build_play,
    "vignette": _build_vignette,
    "toolkit": _build_toolkit,
}


def load_catalogue(root: Path) -> tuple[Catalogue, dict[str, Document], list[Problem]]:
    """Load and field-check every file, collecting problems instead of stopping.

    Returns the catalogue of the items that passed, each parsed file's
    document (keyed by "kind:id", for locating later problems and for
    knowing which ids exist) and the problems found so far.
    """
    root = root.resolve()
    try:
        config, _ = load_config(root)
        fallback = None
    except ContentError as exc:  # check the content files all the same, against what could be read
        fallback = fallback_config(root / CONFIG_FILE, exc.problems)
        config, config_problems = fallback.config, exc.problems
    vocabularies = {
        "strategy": [s.id for s in config.strategies],
        "section": [s.id for s in config.toolkit_sections],
    }
    facets = {f.id: [v.id for v in f.values] for f in config.facets}
    problems: list[Problem] = []
    documents: dict[str, Document] = {}
    items: dict[str, dict[str, Any]] = {kind: {} for kind in FOLDERS}
    paths = [(kind, path) for kind, folder in FOLDERS.items() for path in content_files(root / folder)]
    for (kind, path), (document, found) in zip(paths, read_all([path for _, path in paths]), strict=True):
        problems += found
        if document is None:
            continue
        ident = path.stem
        if not _SAFE_ID.match(ident):
            hint = "use lowercase letters, digits and hyphens, e.g. host-joint-info-session.yml"
            problems.append(Problem(path, 1, 1, "", f"file name '{path.name}' is not a valid id", hint))
        if ident in items[kind]:
            other = documents[f"{kind}:{ident}"].path.name
            problems.append(Problem(path, 1, 1, "", f"duplicate id '{ident}': {other} has the same name"))
            continue
        checker = FieldChecker(document, vocabularies, facets)
        data = checker.mapping(document.data, schema.KINDS[kind])
        problems += checker.problems
        documents[f"{kind}:{ident}"] = document
        if not checker.problems and not found:
            items[kind][ident] = BUILDERS[kind](ident, path, data)
    catalogue = Catalogue(root, config, items["play"], items["vignette"], items["toolkit"])
    if fallback is not None:
        note = fallback.note(root / CONFIG_FILE)
        problems = [*config_problems, *(p for p in problems if not fallback.unchecked(p)), *([note] if note else [])]
    return catalogue, documents, problems
