"""The page types of the built site, chosen from the catalogue, and browser helpers the accessibility tests share."""

from __future__ import annotations

from typing import Any

from generator.models import Catalogue

# The page types of issue #6; "search-results" is the home page with the search dialog open.
# page_types() also names a few more (indexes, an aspirational play, unfiltered browse) for quick local checks.
PAGE_TYPES = [
    "home", "strategy", "play", "play-aspirational", "vignette", "soundbites", "toolkit", "toolkit-item", "checklist",
    "browse-filtered", "tags", "reference", "about", "404", "search-results",
]  # fmt: skip


def richest_play(catalogue: Catalogue) -> str:
    """The play whose page has the most parts: vignettes, soundbites, toolkit and related plays."""

    def parts(play_id: str) -> tuple[int, str]:
        play = catalogue.plays[play_id]
        count = len(catalogue.vignettes_of(play_id)) + len(play.soundbites) + len(catalogue.toolkit_of(play_id))
        return (count + len(catalogue.related_to(play_id)), play_id)

    return max(catalogue.plays, key=parts)


def page_types(catalogue: Catalogue) -> dict[str, str]:
    """Page type -> address, picked from the catalogue so the tests follow the content."""
    video = sorted(i.id for i in catalogue.toolkit.values() if i.kind == "video") or sorted(catalogue.toolkit)
    illustrative = sorted(v.id for v in catalogue.vignettes.values() if v.illustrative) or sorted(catalogue.vignettes)
    checklists = sorted(i.id for i in catalogue.toolkit.values() if i.kind == "checklist" and "- [ ]" in i.body)
    checklists = checklists or sorted(catalogue.toolkit)
    aspirational = sorted(p.id for p in catalogue.plays.values() if p.status == "aspirational") or sorted(catalogue.plays)
    facet = catalogue.config.facets[0]
    return {
        "home": "",
        "strategies": "strategies/",
        "strategy": f"strategies/{catalogue.config.strategies[0].id}/",
        "play": f"plays/{richest_play(catalogue)}/",
        "play-aspirational": f"plays/{aspirational[0]}/",
        "vignettes": "vignettes/",
        "vignette": f"vignettes/{illustrative[0]}/",
        "soundbites": "soundbites/",
        "toolkit": "toolkit/",
        "toolkit-item": f"toolkit/{video[0]}/",
        "checklist": f"toolkit/{checklists[0]}/",
        "about": "about/",
        "browse": "browse/",
        "browse-filtered": f"browse/?status=enacted&{facet.id}={facet.values[0].id}",
        "tags": "tags/",
        "reference": "reference/",
        # The plain file server answers a missing address with its own error, so open the page itself.
        "404": "404.html",
        "search-results": "",
    }


def search_word(catalogue: Catalogue) -> str:
    """A word from a play's title, which search is sure to find."""
    return max(catalogue.plays[richest_play(catalogue)].title.split(), key=len)


def settle(page: Any) -> None:
    """Wait (at most a second) for running CSS transitions, so what is measured is what a reader ends up seeing."""
    page.evaluate(
        "() => Promise.race([Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null))),"
        " new Promise((resolve) => setTimeout(resolve, 1000))])"
    )


def open_page(page: Any, base: str, kind: str, address: str, catalogue: Catalogue) -> None:
    """Load a page type and bring it to the state under test (filters applied, search results shown)."""
    page.goto(base + address)
    if kind.startswith("browse"):
        page.locator("[data-pb-browse][data-pb-ready]").wait_for(state="attached")
    if kind == "browse-filtered":
        assert page.locator("[data-pb-browse]").get_attribute("data-pb-filtered") == "true", "the filters in the address were not applied"
    if kind == "search-results":
        # On a phone the search box opens from the header's search button.
        opener = page.locator(".md-header [data-pb-search-opener]")
        if opener.is_visible():
            opener.click()
        page.locator(".md-search__input").click()
        page.keyboard.type(search_word(catalogue))
        page.locator(".md-search-result__item").first.wait_for(state="visible")
    settle(page)
