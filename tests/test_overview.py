"""Issue #13: the evidence and gap map's counts, what is new and its Atom feed, the plan's data and feedback links."""

from __future__ import annotations

import html
import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import feedparser  # type: ignore[import-untyped]
import pytest
from conftest import edit_file

from generator import build as pipeline
from generator.export import catalogue_data, write_exports
from generator.news import news, write_feed
from generator.overview import evidence_map
from generator.validate import check

STORY = """title: {title}
ecosystem: {ecosystem}
plays: [{plays}]
story: |
  What they did.
"""


@pytest.fixture
def mapped_root(mini_root: Path) -> Path:
    """The mini catalogue with two more stories of map-programs, one from the same ecosystem as the first."""
    vignettes = mini_root / "vignettes"
    (vignettes / "riverside-again.yml").write_text(
        STORY.format(title="Riverside maps again", ecosystem="Riverside  STEM Ecosystem", plays="map-programs"), encoding="utf-8"
    )
    (vignettes / "hilltop-maps.yml").write_text(
        STORY.format(title="Hilltop maps too", ecosystem="Hilltop Learning Ecosystem", plays="map-programs"), encoding="utf-8"
    )
    return mini_root


def _cells(root: Path) -> dict[tuple[str, str], tuple[int, int, int, int, bool]]:
    catalogue, _ = check(root)
    found = evidence_map(catalogue)
    return {
        (c.strategy.id, c.value.id): (len(c.enacted), len(c.aspirational), c.vignettes, c.ecosystems, c.gap) for c in found.cells
    }


def test_map_counts_plays_stories_and_ecosystems_per_cell(mapped_root: Path) -> None:
    # map-programs: strategy find, enacted, workgroup k-12, three stories from two ecosystems.
    # host-info-night: strategy connect, aspirational, workgroup home AND k-12: counted in both cells.
    assert _cells(mapped_root) == {
        ("find", "k-12"): (1, 0, 3, 2, False),
        ("find", "home"): (0, 0, 0, 0, True),
        ("connect", "k-12"): (0, 1, 0, 0, True),
        ("connect", "home"): (0, 1, 0, 0, True),
    }


def test_map_columns_follow_the_configured_facet(mapped_root: Path) -> None:
    edit_file(
        mapped_root / "playbook.yml",
        "toolkit_sections:",
        "  - id: reach\n    label: Reach\n    values:\n      - id: local\n        label: Local\n      - id: wide\n        label: Wide\n"
        "map: {facet: reach}\ntoolkit_sections:",
    )
    for play in ("map-programs", "host-info-night"):
        edit_file(mapped_root / "plays" / f"{play}.yml", "facets:\n", "facets:\n  reach: [local]\n")
    catalogue, _ = check(mapped_root)
    found = evidence_map(catalogue)
    assert found.facet.id == "reach"
    # Rows find, connect; columns local, wide: no play reaches wide, so its cells are empty gaps.
    assert [(len(c.enacted), len(c.aspirational), c.gap) for c in found.cells] == [(1, 0, False), (0, 0, True), (0, 1, True), (0, 0, True)]
    data = catalogue_data(catalogue)["map"]
    assert data["facet"] == "reach"
    assert {c["facet"] for c in data["cells"]} == {"reach", "workgroup"}


def test_an_unknown_map_facet_is_an_error(mapped_root: Path) -> None:
    from conftest import check_errors

    edit_file(mapped_root / "playbook.yml", "toolkit_sections:", "map: {facet: audience}\ntoolkit_sections:")
    errors = check_errors(mapped_root)
    assert any("map.facet: expected the id of a facet, found 'audience'" in e for e in errors), errors


def test_catalogue_json_holds_the_map_the_steps_and_the_dates(mapped_root: Path) -> None:
    edit_file(mapped_root / "plays" / "map-programs.yml", "reviewed: 2026-09-01", "reviewed: 2026-09-01\nadded: 2026-08-01")
    catalogue, _ = check(mapped_root)
    data = catalogue_data(catalogue)
    cell = next(c for c in data["map"]["cells"] if (c["strategy"], c["value"]) == ("find", "k-12"))
    assert cell == {"facet": "workgroup", "strategy": "find", "value": "k-12", "enacted": 1, "aspirational": 0,
                    "vignettes": 3, "ecosystems": 2, "gap": False}  # fmt: skip
    play = next(p for p in data["plays"] if p["id"] == "map-programs")
    assert play["added"] == "2026-08-01" and play["steps"] == catalogue.plays["map-programs"].steps
    assert next(p for p in data["plays"] if p["id"] == "host-info-night")["added"] is None


def test_news_lists_additions_and_reviews_newest_first(mini_root: Path) -> None:
    edit_file(mini_root / "plays" / "map-programs.yml", "reviewed: 2026-09-01", "reviewed: 2026-09-01\nadded: 2026-08-01")
    edit_file(mini_root / "plays" / "host-info-night.yml", "reviewed: 2026-09-02", "reviewed: 2026-09-02\nadded: 2026-09-02")
    with (mini_root / "toolkit" / "mapping-sheet.yml").open("a", encoding="utf-8") as handle:
        handle.write("added: 2026-08-15\n")
    catalogue, _ = check(mini_root)
    # host-info-night was added the day of its review: one event, not two.
    assert [(n.date.isoformat(), n.event, n.id) for n in news(catalogue)] == [
        ("2026-09-02", "added", "host-info-night"),
        ("2026-09-01", "reviewed", "map-programs"),
        ("2026-08-15", "added", "mapping-sheet"),
        ("2026-08-01", "added", "map-programs"),
    ]


def test_added_after_review_or_in_the_future_is_a_warning(mini_root: Path) -> None:
    edit_file(mini_root / "plays" / "map-programs.yml", "reviewed: 2026-09-01", "reviewed: 2026-09-01\nadded: 2026-09-20")
    with (mini_root / "vignettes" / "riverside-maps.yml").open("a", encoding="utf-8") as handle:
        handle.write("added: 2030-01-01\n")
    _, warnings = check(mini_root)
    messages = sorted(f"{w.path.name}: {w.field}: {w.message}" for w in warnings if w.field == "added")
    assert messages == [
        "map-programs.yml: added: the date added 2026-09-20 is after the review date 2026-09-01",
        "riverside-maps.yml: added: the date added 2030-01-01 is in the future",
    ]


def _feed(root: Path) -> tuple[str, object]:
    pipeline.generate(root, outputs=[write_exports, write_feed])
    text = (root / "build" / "docs" / "atom.xml").read_text(encoding="utf-8")
    return text, feedparser.parse(text)


def test_the_feed_is_valid_atom_with_ids_stable_across_builds(mini_root: Path) -> None:
    edit_file(mini_root / "plays" / "map-programs.yml", "reviewed: 2026-09-01", "reviewed: 2026-09-01\nadded: 2026-08-01")
    first_text, first = _feed(mini_root)
    assert not first.bozo, first.bozo_exception
    assert first.version == "atom10"
    feed = first.feed
    assert feed.title and feed.id.startswith("urn:uuid:") and feed.updated_parsed and feed.author
    assert feed.language == "en"
    ids = [e.id for e in first.entries]
    assert len(ids) == 3 == len(set(ids))
    for entry in first.entries:
        assert entry.title and entry.id.startswith("urn:uuid:") and entry.updated_parsed and entry.link
    assert [e.title for e in first.entries] == [
        "Reviewed: Host an admissions information night",
        "Reviewed: Map the programs in your region",
        "New: Map the programs in your region",
    ]
    assert first.entries[0].link.endswith("plays/host-info-night/")
    second_text, second = _feed(mini_root)
    assert [e.id for e in second.entries] == ids and second_text == first_text
    # A new review is a new entry; the addition keeps its id.
    edit_file(mini_root / "plays" / "map-programs.yml", "reviewed: 2026-09-01", "reviewed: 2026-10-01")
    _, third = _feed(mini_root)
    assert {e.id for e in third.entries} & set(ids) == {ids[0], ids[2]}


def test_feedback_links_open_an_issue_naming_the_item(mini_root: Path) -> None:
    pipeline.generate(mini_root, outputs=[])
    page = (mini_root / "build" / "docs" / "plays" / "map-programs.md").read_text(encoding="utf-8")
    links = [part.split(")")[0] for part in page.split("](")[1:] if part.startswith("https://example.org/mini/issues/new?")]
    assert len(links) == 2
    query = parse_qs(urlsplit(html.unescape(links[0])).query)
    assert query["title"] == ["How it went: Map the programs in your region"]
    assert "plays/map-programs.yml" in query["body"][0]
    vignette = (mini_root / "build" / "docs" / "vignettes" / "riverside-maps.md").read_text(encoding="utf-8")
    assert "issues/new?title=Suggested%20change%3A%20Riverside%20maps%20its%20programs" in vignette


def test_no_feedback_links_without_a_repository(mini_root: Path) -> None:
    edit_file(mini_root / "playbook.yml", "repository: https://example.org/mini\n", "")
    pipeline.generate(mini_root, outputs=[])
    docs = mini_root / "build" / "docs"
    assert "issues/new" not in (docs / "plays" / "map-programs.md").read_text(encoding="utf-8")
    assert "issues/new" not in (docs / "vignettes" / "riverside-maps.md").read_text(encoding="utf-8")


def test_the_map_page_links_every_cell_to_the_filtered_browse_view(mapped_root: Path) -> None:
    pipeline.generate(mapped_root, outputs=[write_exports])
    page = (mapped_root / "build" / "docs" / "map.md").read_text(encoding="utf-8")
    assert page.count('class="pb-map__link" href="../browse/?strategy=') == 4
    assert 'href="../browse/?strategy=connect&amp;workgroup=home"' in page
    assert page.count('<strong class="pb-map__gap">Gap</strong>') == 3
    assert '<th scope="row">' in page and '<th scope="col">' in page and "<caption" in page
    assert json.loads((mapped_root / "build" / "docs" / "catalogue.json").read_text(encoding="utf-8"))["map"]["facet"] == "workgroup"
