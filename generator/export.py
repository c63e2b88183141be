"""Open data: the catalogue as catalogue.json and plays.csv, written into the site.

The shape is documented in DATA.md and versioned by FORMAT_VERSION: bump it on
any change that could break a reader (a field renamed, removed or retyped);
adding a field is not such a change. The browse page reads catalogue.json too.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import yaml

from .i18n import Messages
from .interface import label
from .models import Catalogue, Play
from .overview import map_data
from .site import MKDOCS_FILE

FORMAT = "stem-playbook-catalogue"
FORMAT_VERSION = 1
CATALOGUE_FILE = "catalogue.json"
PLAYS_FILE = "plays.csv"
# Multi-valued CSV cells (facet values, tags, related ids) join their items with this.
CSV_SEPARATOR = "; "
PAGE_FOLDERS = {"strategy": "strategies", "play": "plays", "vignette": "vignettes", "toolkit": "toolkit"}


def write_exports(catalogue: Catalogue, docs: Path, messages: Messages | None = None) -> list[str]:
    """Write catalogue.json and plays.csv into `docs`; return their relative paths."""
    directory_urls = uses_directory_urls(catalogue.root)
    data = catalogue_data(catalogue, directory_urls, messages)
    # Compact separators: for 10,000 plays the indentation alone would add megabytes.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    (docs / CATALOGUE_FILE).write_text(text + "\n", encoding="utf-8")
    (docs / PLAYS_FILE).write_text(plays_csv(catalogue, directory_urls), encoding="utf-8", newline="")
    return [CATALOGUE_FILE, PLAYS_FILE]


def catalogue_data(catalogue: Catalogue, directory_urls: bool = True, messages: Messages | None = None) -> dict[str, Any]:
    """The catalogue as plain JSON-ready data, in the documented shape (DATA.md)."""
    config = catalogue.config
    messages = messages or Messages(config.language, config.nouns, config.messages)
    # Each relation is stored once: vignettes and toolkit items list their plays, plays their related plays.
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "title": config.title,
        "language": config.language,
        # One address template per kind (replace {id}) rather than a URL repeated on every item.
        "pages": {kind: page_address(kind, "{id}", directory_urls) for kind in PAGE_FOLDERS},
        "statuses": [{"id": s, "label": label(config, messages, s)} for s in ("enacted", "aspirational")],
        "strategies": [{"id": s.id, "number": s.number, "title": s.title, "summary": s.summary} for s in config.strategies],
        "facets": [{"id": f.id, "label": f.label, "values": [{"id": v.id, "label": v.label} for v in f.values]} for f in config.facets],
        "plays": [_play(catalogue, play) for play in ordered_plays(catalogue)],
        "vignettes": [
            {
                "id": v.id,
                "title": v.title,
                "ecosystem": v.ecosystem,
                "place": v.place,
                "year": v.year,
                "illustrative": v.illustrative,
                "plays": v.plays,
                "added": _date(v.added),
            }
            for v in catalogue.vignettes.values()
        ],
        "toolkit": [
            {
                "id": t.id,
                "title": t.title,
                "section": t.section,
                "kind": t.kind,
                "summary": t.summary,
                "link": t.url,
                "plays": [p.id for p in catalogue.plays_using(t.id)],
                "added": _date(t.added),
            }
            for t in catalogue.toolkit.values()
        ],
        "map": map_data(catalogue),
    }


def ordered_plays(catalogue: Catalogue) -> list[Play]:
    """Every play in browse order: by strategy, then enacted first, then by title."""
    return [play for strategy in catalogue.config.strategies for play in catalogue.plays_of(strategy.id)]


def plays_csv(catalogue: Catalogue, directory_urls: bool = True) -> str:
    """One row per play, for spreadsheets; multi-valued cells join ids with CSV_SEPARATOR."""
    facets = [f.id for f in catalogue.config.facets]
    header = ["id", "title", "status", "strategy", "strategy_number", "strategy_title", "summary", *facets]
    header += ["tags", "related", "vignettes", "toolkit", "reviewed", "url"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for play in ordered_plays(catalogue):
        strategy = catalogue.strategy(play.strategy)
        row: list[Any] = [play.id, play.title, play.status, strategy.id, strategy.number, strategy.title, play.summary]
        row += [CSV_SEPARATOR.join(play.facets.get(f, [])) for f in facets]
        # Spreadsheets cannot join tables easily, so every relation of the play is spelled out on its row.
        row += [
            CSV_SEPARATOR.join(play.tags),
            CSV_SEPARATOR.join(p.id for p in catalogue.related_to(play.id)),
            CSV_SEPARATOR.join(v.id for v in catalogue.vignettes_of(play.id)),
            CSV_SEPARATOR.join(t.id for t in catalogue.toolkit_of(play.id)),
            play.reviewed.isoformat(),
            page_address("play", play.id, directory_urls),
        ]
        writer.writerow([_inert(cell) for cell in row])
    return out.getvalue()


def _inert(cell: Any) -> Any:
    """Keep a spreadsheet from running a cell as a formula (CSV injection)."""
    if isinstance(cell, str) and cell.startswith(("=", "+", "-", "@", "\t", "\r")):
        return "'" + cell
    return cell


def page_address(kind: str, ident: str, directory_urls: bool = True) -> str:
    """Address of a content page relative to the site root, as MkDocs writes it."""
    folder = PAGE_FOLDERS[kind]
    return f"{folder}/{ident}/" if directory_urls else f"{folder}/{ident}.html"


def _play(catalogue: Catalogue, play: Play) -> dict[str, Any]:
    return {
        "id": play.id,
        "title": play.title,
        "status": play.status,
        "strategy": play.strategy,
        "summary": play.summary,
        "facets": {f.id: play.facets.get(f.id, []) for f in catalogue.config.facets},
        "tags": play.tags,
        # Both directions, as the play's page shows them, whichever play declared the relation.
        "related": [p.id for p in catalogue.related_to(play.id)],
        "reviewed": play.reviewed.isoformat(),
        "added": _date(play.added),
        # The plan page (plan.js) prints each chosen play's steps.
        "steps": play.steps,
    }


def _date(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


class _LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml while ignoring the tags (!ENV, !!python/name) only MkDocs can resolve."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def uses_directory_urls(root: Path) -> bool:
    """Whether the playbook's site uses directory URLs (MkDocs' use_directory_urls, on by default)."""
    path = root / MKDOCS_FILE
    if not path.is_file():
        return True
    try:
        config = yaml.load(path.read_text(encoding="utf-8"), Loader=_LenientLoader)
    except yaml.YAMLError:
        return True  # MkDocs itself reports a broken mkdocs.yml, with its line.
    return not isinstance(config, dict) or config.get("use_directory_urls", True) is not False
