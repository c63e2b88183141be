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
    Kinds,
    Labels,
    Outcome,
    Play,
    Soundbite,
    Strategy,
    Theme,
    ToolkitItem,
    ToolkitSection,
    Vignette,
)
from .parallel_read import read_all
from .source import Document, load_document
from .translate import check_config_translation, check_translation, translation_language

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
    config, document, _ = read_config(root)
    return config, document


def read_config(root: Path) -> tuple[Config, Document, list[Problem]]:
    """Read and check playbook.yml: the configuration, its document and its warnings."""
    path = root / CONFIG_FILE
    if not path.is_file() and not path.is_symlink():
        raise ConfigError(f"{path}: not found; is {root} a playbook folder (with {CONFIG_FILE}, plays/, vignettes/, toolkit/)?")
    document, problems = load_document(path)
    if document is None:
        raise ContentError(problems)
    checker = FieldChecker(document, {}, {})
    data = checker.mapping(document.data, schema.PLAYBOOK)
    problems += checker.problems
    warnings = checker.warnings
    for key in ("strategies", "facets", "toolkit_sections"):
        _unique(document, data.get(key, []), key, problems)
    _numbers(document, data.get("strategies", []), problems)
    if "language" in data and "languages" in data:
        problems.append(document.problem(("language",), "expected 'languages' or 'language', found both", "keep only languages"))
    languages = tuple(data.get("languages") or [data.get("language") or "en"])
    kinds = Kinds(**data.get("kinds", {}))
    if kinds.toolkit and not data.get("toolkit_sections"):
        message = "required field is missing" if "toolkit_sections" not in data else "expected at least 1 item(s), found 0"
        problems.append(document.problem(("toolkit_sections",), message, "The sections of the toolkit, or kinds: {toolkit: false}"))
    for index, facet in enumerate(data.get("facets", [])):
        _unique(document, facet.get("values", []), f"facets[{index}].values", problems)
        if facet.get("id") in RESERVED_FACET_IDS:
            message = f"facet id '{facet['id']}' is taken: the browse page's address already uses it"
            hint = f"choose another id, not one of {', '.join(RESERVED_FACET_IDS)}"
            problems.append(document.problem(("facets", index, "id"), message, hint))
    map_facet = data.get("map", {}).get("facet", "")
    facet_ids = [f.get("id") for f in data.get("facets", [])]
    if map_facet and map_facet not in facet_ids:
        hint = f"use one of {', '.join(map(str, facet_ids))}" if facet_ids else "define the facet under 'facets'"
        problems.append(document.problem(("map", "facet"), f"expected the id of a facet, found '{map_facet}'", hint))
    if problems:
        raise ContentError(problems)
    theme = data.get("theme", {})
    config = Config(
        title=data["title"],
        tagline=data["tagline"],
        aim=data["aim"],
        language=languages[0],
        languages=languages,
        labels=Labels(**data.get("labels", {})),
        nouns=data.get("nouns", {}),
        messages=data.get("messages", {}),
        kinds=kinds,
        theme=Theme(**theme.get("palette", {}), logo=theme.get("logo", "")),
        strategies=tuple(Strategy(**{"number": None, **s}) for s in data["strategies"]),
        facets=tuple(
            Facet(f["id"], f["label"], f.get("description", ""), tuple(FacetValue(**v) for v in f["values"]))
            for f in data.get("facets", [])
        ),
        toolkit_sections=tuple(ToolkitSection(**s) for s in data.get("toolkit_sections", [])),
        repository=data.get("repository", ""),
        edit_branch=data.get("edit_branch", "main"),
        notice=data.get("notice", ""),
        site_url=data.get("site_url", ""),
        map_facet=map_facet,
        organisation=data.get("organisation", ""),
        funder=data.get("funder", ""),
        licence=data.get("licence", ""),
        contact=data.get("contact", ""),
    )
    return config, document, warnings


def _numbers(document: Document, strategies: list[dict[str, Any]], problems: list[Problem]) -> None:
    """Strategy numbers are optional, but then missing on all, and never shared."""
    numbered = [i for i, s in enumerate(strategies) if s.get("number") is not None]
    if numbered and len(numbered) < len(strategies):
        missing = next(i for i in range(len(strategies)) if i not in numbered)
        hint = "number every strategy, or none"
        problems.append(document.problem(("strategies", missing), "expected a number, as the other strategies have", hint))
    seen: dict[int, int] = {}
    for index in numbered:
        number = strategies[index]["number"]
        if number in seen:
            first = document.where(("strategies", seen[number], "number"))[0]
            message = f"duplicate number {number} (first given on line {first})"
            problems.append(document.problem(("strategies", index, "number"), message, "give each strategy its own number"))
        seen.setdefault(number, index)


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
        config, _, problems = read_config(root)
        fallback = None
    except ContentError as exc:  # check the content files all the same, against what could be read
        fallback = fallback_config(root / CONFIG_FILE, exc.problems)
        config, config_problems, problems = fallback.config, exc.problems, []
    vocabularies = {
        "strategy": [s.id for s in config.strategies],
        "section": [s.id for s in config.toolkit_sections],
    }
    facets = {f.id: [v.id for v in f.values] for f in config.facets}
    documents: dict[str, Document] = {}
    items: dict[str, dict[str, Any]] = {kind: {} for kind in FOLDERS}
    translations: dict[str, dict[str, Any]] = {language: {} for language in config.languages[1:]}
    pending: list[tuple[str, Path]] = []
    paths: list[tuple[str, Path]] = []
    for kind, folder in FOLDERS.items():
        files = content_files(root / folder)
        if files and not switched_on(config, kind):
            message = f"{folder} are switched off (kinds: {{{folder}: false}} in {CONFIG_FILE}); this file is not published"
            problems.append(Problem(files[0], 1, 1, "", message, "delete the folder, or switch the kind back on", "warning"))
            continue
        for path in files:
            (pending if translation_language(path, config.languages) else paths).append((kind, path))
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
        problems += checker.problems + checker.warnings
        documents[f"{kind}:{ident}"] = document
        if not checker.problems and not found:
            items[kind][ident] = BUILDERS[kind](ident, path, data)
    for kind, path in pending:
        known = {p.stem for p in content_files(path.parent) if not translation_language(p, config.languages)}
        text, found = check_translation(path, kind, known, config.languages)
        problems += found
        if text is not None:
            translations[path.stem.rsplit(".", 1)[1]][f"{kind}:{path.stem.rsplit('.', 1)[0]}"] = text
    for language in config.languages[1:]:
        path = root / f"{Path(CONFIG_FILE).stem}.{language}.yml"
        if path.is_file() and fallback is None:
            text, found = check_config_translation(path, config)
            problems += found
            if text is not None:
                translations[language]["config"] = text
    catalogue = Catalogue(root, config, items["play"], items["vignette"], items["toolkit"], translations=translations)
    if fallback is not None:
        note = fallback.note(root / CONFIG_FILE)
        problems = [*config_problems, *(p for p in problems if not fallback.unchecked(p)), *([note] if note else [])]
    return catalogue, documents, problems


def switched_on(config: Config, kind: str) -> bool:
    """Whether the playbook publishes this kind of content (plays always)."""
    return kind == "play" or bool(getattr(config.kinds, FOLDERS[kind] if kind != "toolkit" else "toolkit"))
