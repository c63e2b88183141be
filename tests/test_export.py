"""Open data: catalogue.json and plays.csv carry the whole catalogue in the shape DATA.md documents."""

from __future__ import annotations

import copy
import csv
import io
import json
from pathlib import Path

import pytest

from generator import build, export
from generator.models import Catalogue
from generator.validate import check

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    """The sample catalogue, checked once for the module."""
    checked, _ = check(REPO)
    return checked


def test_catalogue_json_is_versioned_and_holds_every_item_once(catalogue: Catalogue) -> None:
    data = export.catalogue_data(catalogue)
    assert (data["format"], data["version"]) == (export.FORMAT, export.FORMAT_VERSION)
    assert [p["id"] for p in data["plays"]] == [p.id for p in export.ordered_plays(catalogue)]
    assert sorted(p["id"] for p in data["plays"]) == sorted(catalogue.plays)
    assert sorted(v["id"] for v in data["vignettes"]) == sorted(catalogue.vignettes)
    assert sorted(t["id"] for t in data["toolkit"]) == sorted(catalogue.toolkit)
    assert [s["id"] for s in data["strategies"]] == [s.id for s in catalogue.config.strategies]
    assert [f["id"] for f in data["facets"]] == [f.id for f in catalogue.config.facets]
    assert {s["id"]: s["label"] for s in data["statuses"]} == {
        "enacted": catalogue.config.labels.enacted,
        "aspirational": catalogue.config.labels.aspirational,
    }


def test_plays_carry_what_the_browse_page_filters_on(catalogue: Catalogue) -> None:
    for play in export.catalogue_data(catalogue)["plays"]:
        model = catalogue.plays[play["id"]]
        assert (play["title"], play["summary"], play["status"], play["strategy"]) == (
            model.title,
            model.summary,
            model.status,
            model.strategy,
        )
        # Every facet the config defines is a key, so readers need no special case for a missing one.
        assert play["facets"] == {f.id: model.facets.get(f.id, []) for f in catalogue.config.facets}


def test_relations_are_navigable_both_ways_in_the_data(catalogue: Catalogue) -> None:
    data = export.catalogue_data(catalogue)
    related = {p["id"]: set(p["related"]) for p in data["plays"]}
    for play in catalogue.plays.values():
        for other in play.related:  # declared on one side only ...
            assert other in related[play.id] and play.id in related[other]  # ... listed on both
    toolkit = {t["id"]: set(t["plays"]) for t in data["toolkit"]}
    for play in catalogue.plays.values():
        for item in play.toolkit:  # declared by the play, listed by the item
            assert play.id in toolkit[item]
    for vignette in data["vignettes"]:
        assert vignette["plays"] == catalogue.vignettes[vignette["id"]].plays


def test_page_addresses_follow_the_sites_url_style(catalogue: Catalogue, tmp_path: Path) -> None:
    data = export.catalogue_data(catalogue)
    assert data["pages"]["play"] == "plays/{id}/"
    assert export.catalogue_data(catalogue, directory_urls=False)["pages"]["vignette"] == "vignettes/{id}.html"
    # mkdocs.yml may hold tags only MkDocs resolves; reading the URL style must not trip on them.
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nuse_directory_urls: false\nmarkdown_extensions:\n"
        "  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "extra:\n  key: !ENV [SOME_KEY, none]\n",
        encoding="utf-8",
    )
    assert export.uses_directory_urls(tmp_path) is False
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    assert export.uses_directory_urls(tmp_path) is True


def cells(cell: str) -> list[str]:
    return cell.split(export.CSV_SEPARATOR) if cell else []


def test_plays_csv_has_a_row_per_play_and_a_column_per_facet(catalogue: Catalogue) -> None:
    rows = list(csv.DictReader(io.StringIO(export.plays_csv(catalogue))))
    assert [r["id"] for r in rows] == [p.id for p in export.ordered_plays(catalogue)]
    for row in rows:
        play = catalogue.plays[row["id"]]
        for facet in catalogue.config.facets:
            assert cells(row[facet.id]) == play.facets.get(facet.id, [])
        assert cells(row["related"]) == [p.id for p in catalogue.related_to(play.id)]
        assert cells(row["vignettes"]) == [v.id for v in catalogue.vignettes_of(play.id)]
        assert cells(row["toolkit"]) == [t.id for t in catalogue.toolkit_of(play.id)]
        assert row["url"] == f"plays/{play.id}/"
        assert row["reviewed"] == play.reviewed.isoformat()


def test_exports_are_compact_deterministic_and_registered(catalogue: Catalogue, tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    assert export.write_exports(catalogue, first) == [export.CATALOGUE_FILE, export.PLAYS_FILE]
    export.write_exports(catalogue, second)
    for name in (export.CATALOGUE_FILE, export.PLAYS_FILE):
        assert (first / name).read_bytes() == (second / name).read_bytes()
    text = (first / export.CATALOGUE_FILE).read_text(encoding="utf-8")
    data = export.catalogue_data(catalogue)
    assert json.loads(text) == data
    assert text == json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"  # no indentation, no spaces
    assert export.write_exports in build.OUTPUTS


def test_plays_csv_cells_never_run_as_spreadsheet_formulas(catalogue: Catalogue) -> None:
    catalogue = copy.deepcopy(catalogue)  # the fixture is shared by the module
    play = next(iter(catalogue.plays.values()))
    play.title = '=HYPERLINK("https://attacker.example","x")'
    play.summary = "@SUM(1+1)"
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(export.plays_csv(catalogue)))}
    assert rows[play.id]["title"] == "'" + '=HYPERLINK("https://attacker.example","x")'
    assert rows[play.id]["summary"] == "'@SUM(1+1)"
