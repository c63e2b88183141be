"""Every relation is linked from both sides, on every page of the built sample site.

Following links in a real browser is tested in tests/browser/test_links.py; this sweep reads the
built pages themselves, so it covers every play, vignette and toolkit item in a second."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from generator.build import BuildResult
from generator.models import Catalogue

# How many of a strategy's other plays a play page lists before linking to the strategy instead.
OTHER_PLAYS_SHOWN = 12
SITE = "http://site/"


class _ArticleLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        elif tag == "a" and self.depth:
            self.hrefs += [value for name, value in attrs if name == "href" and value]

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1


def links(site: Path, address: str) -> set[str]:
    """The site addresses (path and query) the article of a built page links to."""
    parser = _ArticleLinks()
    parser.feed((site / address / "index.html").read_text(encoding="utf-8"))
    found = set()
    for href in parser.hrefs:
        url = urlsplit(urljoin(SITE + address, href))
        if f"{url.scheme}://{url.netloc}/" == SITE:
            found.add(url.path.lstrip("/") + (f"?{url.query}" if url.query else ""))
    return found


def plays(ids: list[str]) -> set[str]:
    return {f"plays/{i}/" for i in ids}


def missing_links(catalogue: Catalogue, site: Path) -> list[str]:
    """'/page does not link to /other' for every relation a page fails to show."""
    missing: list[str] = []

    def expect(address: str, wanted: set[str]) -> None:
        missing.extend(f"/{address} does not link to /{w}" for w in sorted(wanted - links(site, address)))

    for play in catalogue.plays.values():
        others = [p.id for p in catalogue.plays_of(play.strategy) if p.id != play.id]
        wanted = plays([p.id for p in catalogue.related_to(play.id)]) | {f"strategies/{play.strategy}/"}
        wanted |= {f"vignettes/{v.id}/" for v in catalogue.vignettes_of(play.id)}
        wanted |= {f"toolkit/{t.id}/" for t in catalogue.toolkit_of(play.id)}
        wanted |= {f"browse/?{facet}={value}" for facet, chosen in play.facets.items() for value in chosen}
        expect(f"plays/{play.id}/", wanted | (plays(others) if len(others) <= OTHER_PLAYS_SHOWN else set()))
    for vignette in catalogue.vignettes.values():
        expect(f"vignettes/{vignette.id}/", plays(vignette.plays))
    for item in catalogue.toolkit.values():
        expect(f"toolkit/{item.id}/", plays([p.id for p in catalogue.plays_using(item.id)]))
    for strategy in catalogue.config.strategies:
        expect(f"strategies/{strategy.id}/", plays([p.id for p in catalogue.plays_of(strategy.id)]) | {f"browse/?strategy={strategy.id}"})
    expect("soundbites/", plays([p.id for p in catalogue.plays.values() if p.soundbites]))
    return missing


def test_every_relation_is_linked_from_both_sides(sample_build: BuildResult, sample_site: Path) -> None:
    catalogue = sample_build.catalogue
    # The sample declares relations on one side only; the pages must show them on both.
    assert any(p.related for p in catalogue.plays.values()) and any(t.plays for t in catalogue.toolkit.values())
    assert missing_links(catalogue, sample_site) == []
