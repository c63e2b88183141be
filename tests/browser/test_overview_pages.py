"""Issue #13 in the browser: the evidence and gap map leads to the plays it counts, the map and plan
pages pass axe on desktop and phone in both schemes, the plan is made, reordered and shared with keys
alone, and it prints as a handout."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from browse_page import assert_shows, ready
from conftest import block_other_hosts
from pypdf import PdfReader
from site_pages import settle
from test_axe import AXE_OPTIONS, SCHEMES, _report, _structure_problems

from generator.build import BuildResult
from generator.models import Catalogue
from generator.overview import evidence_map, map_facets

pytestmark = pytest.mark.browser

# At phone width the theme's navigation drawer <label> gets role=button from theme/assets/javascripts/accessibility.js,
# which axe reports on every page (aria-allowed-role, minor): a theme-wide finding, reported to the lead, not this page's.
AXE_CONTEXT = {"exclude": [['.md-header label[for="__drawer"]']]}
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


def plan_pair(catalogue: Catalogue) -> list[str]:
    """Two plays with steps and toolkit items, for a plan worth printing."""
    with_toolkit = sorted(p for p in catalogue.plays if catalogue.toolkit_of(p))
    return with_toolkit[:2]


@pytest.fixture
def context_factory(browser: Any, site_url: str) -> Iterator[Any]:
    """New browser contexts (each its own localStorage) that may reach only the local site."""
    contexts: list[Any] = []
    own_host = urlsplit(site_url).netloc
    blocked: list[str] = []

    def make(**options: Any) -> Any:
        context = browser.new_context(**{"viewport": VIEWPORTS["desktop"], **options})
        block_other_hosts(context, own_host, blocked)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    assert blocked == []


def _plan_ready(page: Any) -> None:
    page.locator("[data-pb-plan][data-pb-ready]").wait_for(state="attached")


def _plan_order(page: Any) -> list[str]:
    return list(page.evaluate("() => [...document.querySelectorAll('.pb-plan__play')].map((e) => e.dataset.play)"))


def test_every_cell_of_the_map_opens_browse_with_exactly_the_plays_it_counted(
    context_factory: Any, site_url: str, sample_build: BuildResult
) -> None:
    catalogue = sample_build.catalogue
    page = context_factory().new_page()
    # The default facet's busiest cell, and a cell of another facet chosen with the select.
    for facet in map_facets(catalogue)[:2]:
        page.goto(site_url + "map/")
        page.locator("[data-pb-map][data-pb-ready]").wait_for(state="attached")
        page.get_by_label("Columns").select_option(facet.id)
        assert page.locator(f"section[data-facet='{facet.id}']").is_visible()
        assert page.locator("section[data-facet]:visible").count() == 1
        cell = max(evidence_map(catalogue, facet).cells, key=lambda c: (len(c.plays), len(c.aspirational)))
        counted = {p.id for p in cell.plays}
        assert len(counted) >= 2
        td = page.locator(f"section[data-facet='{facet.id}'] td[data-strategy='{cell.strategy.id}'][data-value='{cell.value.id}']")
        assert td.inner_text().split("\n")[0 if not cell.gap else 1].startswith(f"{len(cell.enacted)} enacted")
        td.locator("a").click()
        ready(page)
        assert_shows(page, counted)


def test_without_javascript_every_facet_s_table_is_on_the_page(context_factory: Any, site_url: str, sample_build: BuildResult) -> None:
    page = context_factory(java_script_enabled=False).new_page()
    page.goto(site_url + "map/")
    tables = page.locator("table.pb-map__table")
    assert tables.count() == len(sample_build.catalogue.config.facets)
    assert all(tables.nth(i).is_visible() for i in range(tables.count()))
    assert page.locator("caption").count() == tables.count()


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("address", ["map/", "es/map/", "plan/", "es/plan/", "news/"])
def test_map_and_plan_pages_are_accessible(
    context_factory: Any, site_url: str, sample_build: BuildResult, address: str, viewport: str, scheme: str
) -> None:
    page = context_factory(viewport=VIEWPORTS[viewport], color_scheme=scheme).new_page()
    query = "?plays=" + ",".join(plan_pair(sample_build.catalogue)) if "plan" in address else ""
    page.goto(site_url + address + query)
    if "plan" in address:
        _plan_ready(page)
        assert len(_plan_order(page)) == 2
    settle(page)
    where = f"/{address} ({viewport}, {scheme} scheme)"
    results = Axe().run(page, context=AXE_CONTEXT, options=AXE_OPTIONS).response
    assert results["violations"] == [], "\n" + _report(results["violations"], where)
    assert _structure_problems(page) == [], where
    # The map scrolls in its own region; the page itself never scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), f"{where} scrolls sideways"


def _tab_to(page: Any, selector: str, limit: int = 250) -> None:
    """Press Tab until the focused element matches `selector`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_a_plan_is_made_reordered_and_shared_with_the_keyboard_alone(
    context_factory: Any, site_url: str, sample_build: BuildResult
) -> None:
    first, second = plan_pair(sample_build.catalogue)
    page = context_factory().new_page()
    for play in (first, second):
        page.goto(site_url + f"plays/{play}/")
        page.locator("[data-pb-plan-actions][data-pb-ready]").wait_for(state="attached")
        _tab_to(page, "[data-pb-plan-toggle]")
        assert page.evaluate("document.activeElement.getAttribute('aria-pressed')") == "false"
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.getAttribute('aria-pressed')") == "true"
        assert page.get_by_role("button", name="Add to my plan", pressed=True).count() == 1
    _tab_to(page, ".pb-plan-link")
    page.keyboard.press("Enter")
    _plan_ready(page)
    assert _plan_order(page) == [first, second]
    # Move the first play down: the keyboard stays on a move button of the same play.
    _tab_to(page, f"[data-play='{first}'] [data-action='down']")
    page.keyboard.press("Enter")
    assert _plan_order(page) == [second, first]
    assert page.evaluate("document.activeElement.closest('.pb-plan__play').dataset.play") == first
    title = sample_build.catalogue.plays[first].title
    assert page.locator("[data-pb-plan] [role=status]").inner_text() == f"{title} is now number 2 of 2."
    shared = page.locator(".pb-plan__address").get_attribute("href")
    assert shared and shared.endswith(f"plan/?plays={second},{first}")
    # Another device: a fresh context with empty storage opens the address and sees the same plan.
    other = context_factory().new_page()
    other.goto(shared)
    _plan_ready(other)
    assert _plan_order(other) == [second, first]
    # Removing with the keyboard leaves one play, and the address follows.
    _tab_to(other, f"[data-play='{second}'] [data-action='remove']")
    other.keyboard.press("Enter")
    assert _plan_order(other) == [first]
    assert other.url.endswith(f"plan/?plays={first}")


def test_the_plan_prints_as_a_handout(context_factory: Any, site_url: str, sample_build: BuildResult) -> None:
    catalogue = sample_build.catalogue
    plays = plan_pair(catalogue)
    page = context_factory().new_page()
    page.goto(site_url + "plan/?plays=" + ",".join(plays))
    _plan_ready(page)
    text = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(page.pdf())).pages).split())
    assert "My plan" in text and "Plan of " in text
    assert page.locator(".pb-plan__steps input[type=checkbox]").count() == sum(len(catalogue.plays[p].steps) for p in plays)
    for play_id in plays:
        play = catalogue.plays[play_id]
        assert " ".join(play.title.split()) in text
        for step in play.steps:
            assert " ".join(step.split())[:60] in text, step
        for item in catalogue.toolkit_of(play_id):
            if item.url:
                assert item.url in text.replace(" ", "")
    for word in ("Move up", "Move down", "Remove", "Print the plan", "Search"):
        assert word not in text, word
