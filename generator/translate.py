"""Translations: sibling files `<id>.<lang>.yml` (and `playbook.<lang>.yml`) that
give a content item's text in another language of the site.

A translation holds only text fields, any subset of them; what it leaves out
falls back to the default language, and the page says so. `localize` makes the
catalogue of one language from the default one and its translations.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from . import schema
from .errors import Problem
from .fields import FieldChecker, suggest
from .models import Catalogue, Config, Facet, FacetValue, Labels, Strategy, ToolkitSection
from .schema import Field
from .source import Document, load_document

# The fields of each kind a translation may give; the rest (ids, dates, facets) are the same in every language.
TRANSLATABLE = {
    "play": ("title", "summary", "body", "steps", "soundbites"),
    "vignette": ("title", "ecosystem", "place", "story", "outcomes"),
    "toolkit": ("title", "summary", "body", "url"),
}
_CONFIG_TEXT = ("title", "tagline", "aim", "notice", "organisation", "funder", "licence", "labels", "nouns", "messages")


def _optional(fields: Iterable[Field]) -> tuple[Field, ...]:
    """The same fields, none required: a translation may leave any of them to the default language."""
    return tuple(dataclasses.replace(f, required=False, min_items=0, fields=_optional(f.fields)) for f in fields)


TRANSLATION_FIELDS = {
    kind: _optional(f for f in schema.KINDS[kind] if f.name in names) for kind, names in TRANSLATABLE.items()
}
_BY_NAME = {f.name: f for f in schema.PLAYBOOK}
CONFIG_FIELDS = _optional(_BY_NAME[name] for name in _CONFIG_TEXT)
_STRATEGY_TEXT = _optional(f for f in schema.STRATEGY if f.name in ("title", "summary"))
_FACET_TEXT = _optional(f for f in schema.FACET if f.name in ("label", "description"))


def translation_language(path: Path, languages: Iterable[str]) -> str | None:
    """The language of a translation file name (`x.es.yml` -> "es"), or None for an original."""
    stem = path.stem
    if "." not in stem:
        return None
    code = stem.rsplit(".", 1)[1]
    return code if code in languages or code.lower() == code and 2 <= len(code.split("-")[0]) <= 3 else None


def check_translation(path: Path, kind: str, known: set[str], languages: tuple[str, ...]) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Read one translation file of a content kind; its item must exist and its language be the site's."""
    ident, code = path.stem.rsplit(".", 1)
    if code not in languages[1:]:
        others = ", ".join(languages[1:]) or "none besides the default"
        message = f"translation into '{code}', which is not one of the site's other languages ({others})"
        return None, [Problem(path, 1, 1, "", message, "add it to languages in playbook.yml, or rename the file")]
    if ident not in known:
        hint = suggest(ident, sorted(known), "ids") or f"a translation needs the original {ident}.yml beside it"
        return None, [Problem(path, 1, 1, "", f"translation of '{ident}', which does not exist", hint)]
    document, problems = load_document(path)
    if document is None:
        return None, problems
    checker = FieldChecker(document, {}, {})
    data = checker.mapping(document.data, TRANSLATION_FIELDS[kind])
    return (None if checker.problems or problems else data), problems + checker.problems + checker.warnings


def check_config_translation(path: Path, config: Config) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Read playbook.<lang>.yml: the configuration's texts, strategies, facets and sections by id."""
    document, problems = load_document(path)
    if document is None:
        return None, problems
    checker = FieldChecker(document, {}, {})
    value = document.data if isinstance(document.data, dict) else {}
    plain = {k: v for k, v in value.items() if k not in ("strategies", "facets", "toolkit_sections")}
    data: dict[str, Any] = checker.mapping(plain, CONFIG_FIELDS) if isinstance(document.data, dict) else checker.mapping(document.data, ())
    data["strategies"] = _by_id(checker, document, value, "strategies", {s.id for s in config.strategies}, _STRATEGY_TEXT)
    data["facets"] = {}
    for facet_id, facet in _by_id(checker, document, value, "facets", {f.id for f in config.facets}, (), raw=True).items():
        values = {v.id for v in next(f for f in config.facets if f.id == facet_id).values}
        at = ("facets", facet_id)
        text = checker.mapping({k: v for k, v in facet.items() if k != "values"}, _FACET_TEXT, at) if isinstance(facet, dict) else {}
        labels = facet.get("values", {}) if isinstance(facet, dict) else {}
        text["values"] = _labels(checker, labels, values, at + ("values",))
        data["facets"][facet_id] = text
    sections = {s.id for s in config.toolkit_sections}
    data["toolkit_sections"] = _labels(checker, value.get("toolkit_sections", {}), sections, ("toolkit_sections",))
    return (None if checker.problems or problems else data), problems + checker.problems + checker.warnings


def _by_id(
    checker: FieldChecker,
    document: Document,
    value: dict[str, Any],
    key: str,
    known: set[str],
    fields: tuple[Field, ...],
    raw: bool = False,
) -> dict[str, Any]:
    entries = value.get(key, {})
    if not isinstance(entries, dict):
        found = ", found a list" if isinstance(entries, list) else ""
        checker.fail((key,), f"expected a mapping of {key} by id{found}", f"write each {key[:-1]} id, then its texts")
        return {}
    result: dict[str, Any] = {}
    for ident, entry in entries.items():
        if ident not in known:
            checker.fail((key, ident), f"unknown id '{ident}'", suggest(str(ident), sorted(known), "ids"))
        elif raw:
            result[ident] = entry
        else:
            result[ident] = checker.mapping(entry, fields, (key, ident))
    return result


def _labels(checker: FieldChecker, value: Any, known: set[str], at: tuple[str | int, ...]) -> dict[str, str]:
    if not isinstance(value, dict):
        checker.fail(at, "expected a mapping of id to its name")
        return {}
    result: dict[str, str] = {}
    for ident, text in value.items():
        if ident not in known:
            checker.fail(at + (ident,), f"unknown id '{ident}'", suggest(str(ident), sorted(known), "ids"))
        elif name := checker.value(text, Field(str(ident), "string", "", required=True), at + (ident,)):
            result[ident] = name
    return result


def localize(catalogue: Catalogue, language: str) -> Catalogue:
    """The catalogue as the `language` site shows it: translated where a translation exists."""
    config = catalogue.config
    if language == config.default_language:
        return catalogue
    given = catalogue.translations.get(language, {})
    missing: dict[str, frozenset[str]] = {}
    plays = {i: _apply(p, given.get(f"play:{i}"), "play", missing) for i, p in catalogue.plays.items()}
    vignettes = {i: _apply(v, given.get(f"vignette:{i}"), "vignette", missing) for i, v in catalogue.vignettes.items()}
    toolkit = {i: _apply(t, given.get(f"toolkit:{i}"), "toolkit", missing) for i, t in catalogue.toolkit.items()}
    return dataclasses.replace(
        catalogue,
        config=_localize_config(config, language, given.get("config", {})),
        plays=plays,
        vignettes=vignettes,
        toolkit=toolkit,
        untranslated=missing,
    )


def _apply(item: Any, text: Mapping[str, Any] | None, kind: str, missing: dict[str, frozenset[str]]) -> Any:
    key = f"{kind}:{item.id}"
    present = [name for name in TRANSLATABLE[kind] if getattr(item, name)]
    # Addresses and ecosystem names are often the same in every language: leaving them out is no gap.
    gaps = frozenset(name for name in present if name not in ("url", "ecosystem") and name not in (text or {}))
    if gaps:
        missing[key] = gaps
    if not text:
        return item
    changes: dict[str, Any] = {k: v for k, v in text.items() if k not in ("soundbites", "outcomes")}
    if "soundbites" in text:
        changes["soundbites"] = [
            dataclasses.replace(bite, **tr) if isinstance(tr, dict) else bite for bite, tr in _zip(item.soundbites, text["soundbites"])
        ]
    if "outcomes" in text:
        outcomes = _zip(item.outcomes, text["outcomes"])
        changes["outcomes"] = [dataclasses.replace(o, **tr) if isinstance(tr, dict) else o for o, tr in outcomes]
    return dataclasses.replace(item, **changes)


def _zip(originals: list[Any], translated: list[Any]) -> list[tuple[Any, Any]]:
    return [(o, translated[i] if i < len(translated) else None) for i, o in enumerate(originals)]


def _localize_config(config: Config, language: str, text: Mapping[str, Any]) -> Config:
    strategies = text.get("strategies", {})
    facets = text.get("facets", {})
    sections = text.get("toolkit_sections", {})
    return dataclasses.replace(
        config,
        language=language,
        title=text.get("title", config.title),
        tagline=text.get("tagline", config.tagline),
        aim=text.get("aim", config.aim),
        notice=text.get("notice", config.notice),
        organisation=text.get("organisation", config.organisation),
        funder=text.get("funder", config.funder),
        licence=text.get("licence", config.licence),
        # Interface words come from this language's catalogue, not from the default language's labels.
        labels=Labels(**text.get("labels", {})),
        nouns=text.get("nouns", {}),
        messages=text.get("messages", {}),
        strategies=tuple(
            Strategy(s.id, s.number, **{"title": s.title, "summary": s.summary, **strategies.get(s.id, {})}) for s in config.strategies
        ),
        facets=tuple(_facet(f, facets.get(f.id, {})) for f in config.facets),
        toolkit_sections=tuple(ToolkitSection(s.id, sections.get(s.id, s.title)) for s in config.toolkit_sections),
    )


def _facet(facet: Facet, text: Mapping[str, Any]) -> Facet:
    values = text.get("values", {})
    return Facet(
        facet.id,
        text.get("label", facet.label),
        text.get("description", facet.description),
        tuple(FacetValue(v.id, values.get(v.id, v.label)) for v in facet.values),
    )


def coverage(catalogue: Catalogue) -> dict[str, tuple[int, int]]:
    """Per other language: (items wholly translated, items) over plays, vignettes and toolkit items."""
    total = len(catalogue.plays) + len(catalogue.vignettes) + len(catalogue.toolkit)
    result: dict[str, tuple[int, int]] = {}
    for language in catalogue.config.languages[1:]:
        result[language] = (total - len(localize(catalogue, language).untranslated), total)
    return result

