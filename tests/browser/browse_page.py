"""What the browse page should show, worked out from the catalogue, and how to read what it does show."""

from __future__ import annotations

import dataclasses
import logging
import shutil
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from generator import build as pipeline
from generator.export import write_exports
from generator.models import Catalogue, Play
from generator.render import Renderer
from generator.site_config import mkdocs_config, write_mkdocs_config

VISIBLE_PLAYS_JS = "() => [...document.querySelectorAll('[data-play]')].filter((c) => c.checkVisibility()).map((c) => c.dataset.play)"


def values(play: Play, dimension: str) -> list[str]:
    """A play's values along one filter dimension: status, strategy or a facet of the config."""
    if dimension == "status":
        return [play.status]
    if dimension == "strategy":
        return [play.strategy]
    return play.facets.get(dimension, [])


def fold(text: str) -> str:
    """Lower case without accents, as a reader types."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()


def expected_plays(catalogue: Catalogue, selected: Mapping[str, Iterable[str]], words: str = "") -> set[str]:
    """Plays with any ticked value of every dimension, and every word in their title or summary."""
    wanted = {dimension: set(ids) for dimension, ids in selected.items() if ids}
    return {
        play.id
        for play in catalogue.plays.values()
        if all(wanted[d] & set(values(play, d)) for d in wanted)
        and all(w in fold(f"{play.title} {play.summary}") for w in fold(words).split())
    }


def narrowing_pair(catalogue: Catalogue) -> tuple[tuple[str, str], tuple[str, str]]:
    """Two values of the first two facets that together leave fewer plays than either alone, but some."""
    first, second = catalogue.config.facets[:2]
    for a in first.values:
        for b in second.values:
            both = expected_plays(catalogue, {first.id: [a.id], second.id: [b.id]})
            alone = min(len(expected_plays(catalogue, {first.id: [a.id]})), len(expected_plays(catalogue, {second.id: [b.id]})))
            if 0 < len(both) < alone:
                return (first.id, a.id), (second.id, b.id)
    raise AssertionError("the catalogue has no two facet values that narrow each other")


def open_browse(page: Any, address: str) -> None:
    """Open the browse page at `address` and wait until its filters are ready."""
    page.goto(address)
    ready(page)


def ready(page: Any) -> None:
    """Wait until the browse page's script has built its filters."""
    page.locator("[data-pb-browse][data-pb-ready]").wait_for(state="attached")


def visible_plays(page: Any, expected: set[str] | None = None) -> set[str]:
    """The ids of the play cards a reader can see; with `expected`, once they match it (or after 5 s)."""
    if expected is not None:
        # Back and forward land a moment after Playwright returns: give the page time to catch up.
        wanted = "(ids) => JSON.stringify((" + VISIBLE_PLAYS_JS + ")().sort()) === JSON.stringify(ids)"
        try:
            page.wait_for_function(wanted, arg=sorted(expected), timeout=5000)
        except PlaywrightTimeout:
            pass  # the caller's assertion reports what is shown instead
    return set(page.evaluate(VISIBLE_PLAYS_JS))


def assert_shows(page: Any, expected: set[str], context: str = "") -> None:
    """Assert that the visible cards are exactly the `expected` plays, once the page has caught up."""
    shown = visible_plays(page, expected)
    assert shown == expected, f"{context} missing {sorted(expected - shown)}, unexpected {sorted(shown - expected)}".strip()


def option(page: Any, dimension: str, value: str) -> Any:
    """The checkbox of one filter option."""
    return page.locator(f"[data-pb-browse] input[type=checkbox][name='{dimension}'][value='{value}']")


def shown_count(page: Any, dimension: str, value: str) -> int:
    """The number of plays an option says it would leave."""
    label = option(page, dimension, value).locator("xpath=ancestor::label")
    return int(label.locator(".pb-filters__count").inner_text().split()[0])


def thousand_plays(catalogue: Catalogue, count: int = 1000) -> Catalogue:
    """The sample's plays copied round and round into a catalogue of `count` plays, the scale benchmark's size."""
    originals = sorted(catalogue.plays.values(), key=lambda p: p.id)
    plays = {}
    for n in range(count):
        play = originals[n % len(originals)]
        ident = f"{play.id}-{n}"
        plays[ident] = dataclasses.replace(play, id=ident, title=f"{play.title} ({n})", related=[], toolkit=[])
    return Catalogue(catalogue.root, catalogue.config, plays, vignettes={}, toolkit={})


def build_browse_site(root: Path, catalogue: Catalogue, plays: int) -> Path:
    """The browse page alone for `plays` plays, built by MkDocs with the site's theme; returns the site folder."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    catalogue = thousand_plays(catalogue, plays)
    docs = root / "docs"
    docs.mkdir()
    messages = pipeline.messages_for(catalogue)
    exports = write_exports(catalogue, docs, messages)
    (docs / "browse.md").write_text(Renderer(catalogue, messages, downloads=exports).render("browse.md.j2"), encoding="utf-8")
    shutil.copytree(pipeline.PACKAGE / "assets", docs / "assets")
    shutil.copytree(pipeline.PACKAGE / "theme", root / "build" / "theme")
    data = mkdocs_config(catalogue.config, catalogue.config.language, messages)
    write_mkdocs_config(root / "mkdocs.yml", data, "docs", "site", "build/theme")
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.ERROR)  # the play pages are not built: their links are expected to dangle
    try:
        config = load_config(config_file=str(root / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(root / "site"), nav=["browse.md"])
        build(config)
    finally:
        logger.setLevel(level)
    return root / "site"
