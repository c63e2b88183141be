"""axe-core finds nothing on any page type, in the light and the dark scheme, and no page leaves the host.

axe-playwright-python bundles axe-core, so nothing is downloaded. Each page
type is opened once per scheme; a failure names the rule, the element and
the page.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from generator.build import BuildResult
from generator.models import Catalogue

pytestmark = pytest.mark.browser

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}
# prefers-color-scheme -> the Material scheme mkdocs.yml's palette pairs with it.
SCHEMES = {"light": "default", "dark": "slate"}


def _richest_play(catalogue: Catalogue) -> str:
    """The play page with the most parts: vignettes, soundbites, toolkit and related plays."""

    def parts(play_id: str) -> tuple[int, str]:
        play = catalogue.plays[play_id]
        count = len(catalogue.vignettes_of(play_id)) + len(play.soundbites) + len(catalogue.toolkit_of(play_id))
        return (count + len(catalogue.related_to(play_id)), play_id)

    return max(catalogue.plays, key=parts)


def page_types(catalogue: Catalogue) -> dict[str, str]:
    """One address per page type, chosen from the catalogue so the test follows the content."""
    video = sorted(i.id for i in catalogue.toolkit.values() if i.kind == "video") or sorted(catalogue.toolkit)
    illustrative = sorted(v.id for v in catalogue.vignettes.values() if v.illustrative) or sorted(catalogue.vignettes)
    aspirational = sorted(p.id for p in catalogue.plays.values() if p.status == "aspirational") or sorted(catalogue.plays)
    facet = catalogue.config.facets[0]
    return {
        "home": "",
        "strategies": "strategies/",
        "strategy": f"strategies/{catalogue.config.strategies[0].id}/",
        "play": f"plays/{_richest_play(catalogue)}/",
        "play-aspirational": f"plays/{aspirational[0]}/",
        "vignettes": "vignettes/",
        "vignette": f"vignettes/{illustrative[0]}/",
        "soundbites": "soundbites/",
        "toolkit": "toolkit/",
        "toolkit-item": f"toolkit/{video[0]}/",
        "browse": "browse/",
        "browse-filtered": f"browse/?status=enacted&{facet.id}={facet.values[0].id}",
        "tags": "tags/",
        "reference": "reference/",
        "404": "404.html",
        "search-results": "",
    }


PAGE_TYPES = [
    "home", "strategies", "strategy", "play", "play-aspirational", "vignettes", "vignette", "soundbites", "toolkit",
    "toolkit-item", "browse", "browse-filtered", "tags", "reference", "404", "search-results",
]  # fmt: skip


@pytest.fixture(scope="module")
def off_host() -> list[str]:
    """Every request any page of this module made to another host (they are blocked)."""
    return []


@pytest.fixture(scope="module", params=list(SCHEMES))
def scheme_page(request: pytest.FixtureRequest, browser: Any, site_url: str, off_host: list[str]) -> Iterator[tuple[str, Any]]:
    """One browser page per colour scheme, reused by every page type; other hosts are blocked."""
    context = browser.new_context(color_scheme=request.param, viewport={"width": 1280, "height": 900})
    own_host = urlsplit(site_url).netloc

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != own_host:
            off_host.append(url)
            request_route.abort()
        else:
            request_route.continue_()

    context.route("**/*", route)
    yield request.param, context.new_page()
    context.close()


def search_word(catalogue: Catalogue) -> str:
    """A word from a play's title, which search is sure to find."""
    return max(catalogue.plays[_richest_play(catalogue)].title.split(), key=len)


def _open_search_results(page: Any, catalogue: Catalogue) -> None:
    page.locator(".md-search__input").click()
    page.keyboard.type(search_word(catalogue))
    page.locator(".md-search-result__item").first.wait_for(state="visible")


def _prepare(page: Any, base: str, kind: str, address: str, catalogue: Catalogue) -> None:
    page.goto(base + address)
    if kind.startswith("browse"):
        page.locator("[data-pb-browse][data-pb-ready]").wait_for(state="attached")
    if kind == "browse-filtered":
        assert page.locator("[data-pb-browse]").get_attribute("data-pb-filtered") == "true", "the filters in the address were not applied"
    if kind == "search-results":
        _open_search_results(page, catalogue)


def _report(violations: list[dict[str, Any]], where: str) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{where}: {violation['id']} ({violation['impact']}): {violation['help']} -- {violation['helpUrl']}")
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {' '.join(map(str, node['target']))}: {summary}")
            lines.append(f"        {node['html'][:200]}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def axe() -> Axe:
    """One axe instance (the bundled axe-core script, read once)."""
    return Axe()


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_has_no_axe_violations(scheme_page: tuple[str, Any], kind: str, site_url: str, sample_build: BuildResult, axe: Axe) -> None:
    scheme, page = scheme_page
    address = page_types(sample_build.catalogue)[kind]
    _prepare(page, site_url, kind, address, sample_build.catalogue)
    shown = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert shown == SCHEMES[scheme], f"/{address} shows scheme {shown!r} when the reader prefers {scheme}"
    results = axe.run(page, options=AXE_OPTIONS).response
    where = f"/{address} ({kind}, {scheme} scheme)"
    assert results["violations"] == [], "\n" + _report(results["violations"], where)


def test_no_page_requested_another_host(off_host: list[str], scheme_page: tuple[str, Any]) -> None:
    # Runs after the page types above (module order), so it sees every request they made.
    assert off_host == []
