"""The Spanish edition as a reader uses it: the switcher keeps the page, the browse page speaks Spanish."""

from __future__ import annotations

from typing import Any

import pytest
from browse_page import assert_shows, expected_plays, narrowing_pair, open_browse, option

from generator.build import BuildResult, messages_for
from generator.interface import browse_messages
from generator.translate import localize

pytestmark = pytest.mark.browser


def test_the_language_switcher_opens_the_same_page_in_spanish_and_back(page: Any, site_url: str, sample_build: BuildResult) -> None:
    play = "host-joint-info-session"
    page.goto(f"{site_url}plays/{play}/")
    english_title = page.locator("h1").inner_text()
    page.locator(".md-header__option .md-select").hover()
    page.locator('.md-select__link[hreflang="es"]').click()
    page.wait_for_url(f"{site_url}es/plays/{play}/")
    assert page.evaluate("document.documentElement.lang") == "es"
    spanish_title = page.locator("h1").inner_text()
    assert spanish_title == localize(sample_build.catalogue, "es").plays[play].title != english_title
    page.locator(".md-header__option .md-select").hover()
    page.locator('.md-select__link[hreflang="en"]').click()
    page.wait_for_url(f"{site_url}plays/{play}/")
    assert page.locator("h1").inner_text() == english_title


def test_the_spanish_browse_page_filters_in_spanish(page: Any, site_url: str, sample_build: BuildResult) -> None:
    catalogue = localize(sample_build.catalogue, "es")
    words = browse_messages(messages_for(catalogue))
    (first, a), (second, b) = narrowing_pair(catalogue)
    open_browse(page, site_url + "es/browse/")
    # The controls' names are in the page's language.
    assert page.locator("form.pb-filters").get_attribute("aria-label") == words["form"]
    assert page.locator("button.pb-filters__clear").inner_text() == words["clear"]
    option(page, first, a).check()
    option(page, second, b).check()
    expected = expected_plays(catalogue, {first: [a], second: [b]})
    assert_shows(page, expected)
    status = page.locator("[data-pb-browse] [role=status]").inner_text()
    assert status.startswith(f"{len(expected)} de {len(catalogue.plays)}"), status
