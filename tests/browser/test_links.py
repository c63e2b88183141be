"""Following relations in the browser: vignette to play and back, soundbite to play, pages into the
browse page pre-filtered; and no page type logs an error or asks another host for anything.
That every relation is linked from both sides, on every page, is checked in tests/test_cross_links.py."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from browse_page import assert_shows, expected_plays, ready
from site_pages import page_types, search_word

from generator.build import BuildResult

pytestmark = pytest.mark.browser


def test_follow_a_vignette_to_its_play_and_back(page: Any, site_url: str, sample_build: BuildResult) -> None:
    catalogue = sample_build.catalogue
    vignette = sorted(catalogue.vignettes.values(), key=lambda v: v.id)[0]
    play = catalogue.plays[vignette.plays[0]]
    page.goto(site_url + f"vignettes/{vignette.id}/")
    page.locator("article").get_by_role("link", name=play.title, exact=True).click()
    page.wait_for_url(f"**/plays/{play.id}/")
    assert page.locator("h1").first.inner_text().strip() == play.title
    page.locator("article").get_by_role("link", name=vignette.title, exact=True).click()
    page.wait_for_url(f"**/vignettes/{vignette.id}/")
    assert page.locator("h1").first.inner_text().strip() == vignette.title
    page.go_back()
    page.wait_for_url(f"**/plays/{play.id}/")


def test_a_soundbite_leads_to_its_play(page: Any, site_url: str, sample_build: BuildResult) -> None:
    catalogue = sample_build.catalogue
    play = sorted((p for p in catalogue.plays.values() if p.soundbites), key=lambda p: p.id)[0]
    page.goto(site_url + "soundbites/")
    page.locator("article").get_by_role("link", name=play.title, exact=True).click()
    page.wait_for_url(f"**/plays/{play.id}/")
    assert page.locator("article blockquote", has_text=play.soundbites[0].quote[:40]).count() == 1


def test_play_and_strategy_pages_open_the_browse_page_filtered(page: Any, site_url: str, sample_build: BuildResult) -> None:
    catalogue = sample_build.catalogue
    facet = catalogue.config.facets[0]
    play = next(p for p in sorted(catalogue.plays.values(), key=lambda p: p.id) if p.facets.get(facet.id))
    value = play.facets[facet.id][0]
    page.goto(site_url + f"plays/{play.id}/")
    page.locator("article").get_by_role("link", name=facet.label_of(value), exact=True).click()
    page.wait_for_url("**/browse/?*")
    ready(page)
    assert parse_qs(urlsplit(page.url).query) == {facet.id: [value]}
    expected = expected_plays(catalogue, {facet.id: [value]})
    assert play.id in expected
    assert_shows(page, expected)
    strategy = catalogue.config.strategies[0]
    page.goto(site_url + f"strategies/{strategy.id}/")
    page.locator("article").get_by_role("link", name="Filter these plays").click()
    page.wait_for_url("**/browse/?*")
    ready(page)
    assert_shows(page, {p.id for p in catalogue.plays_of(strategy.id)})


def test_no_page_type_logs_an_error_or_asks_another_host(page: Any, site_url: str, sample_build: BuildResult, page_log: Any) -> None:
    catalogue = sample_build.catalogue
    own = urlsplit(site_url).netloc
    for kind, address in page_types(catalogue).items():
        page.goto(site_url + address)
        if kind.startswith("browse"):
            ready(page)
        if kind == "search-results":
            page.locator(".md-search__input").click()
            page.keyboard.type(search_word(catalogue))
            page.locator(".md-search-result__item").first.wait_for(state="visible")
        assert page_log.console_errors == [], f"/{address} ({kind}): {page_log.console_errors}"
    elsewhere = [u for u in page_log.requests if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != own]
    assert elsewhere == [] and page_log.blocked == []
    assert any(u.endswith("/catalogue.json") for u in page_log.requests), "the browse page did not read catalogue.json"
