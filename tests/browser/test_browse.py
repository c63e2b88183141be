"""The browse page as a reader uses it: facets, words, counts, shareable addresses, keys, no script, instant navigation."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from browse_page import assert_shows, build_browse_site, expected_plays, fold, narrowing_pair, open_browse, option, ready, shown_count
from conftest import REPO, copy_catalogue

from generator import build as pipeline
from generator.build import BuildResult
from generator.export import write_exports

pytestmark = pytest.mark.browser


def status_text(page: Any) -> str:
    return str(page.locator("[data-pb-browse] [role=status][aria-live=polite]").inner_text())


def test_two_facet_values_show_exactly_the_catalogues_plays_and_survive_a_reload(
    page: Any, site_url: str, sample_build: BuildResult, page_log: Any
) -> None:
    catalogue = sample_build.catalogue
    (first, a), (second, b) = narrowing_pair(catalogue)
    open_browse(page, site_url + "browse/")
    assert_shows(page, set(catalogue.plays))
    option(page, first, a).check()
    option(page, second, b).check()
    expected = expected_plays(catalogue, {first: [a], second: [b]})
    assert_shows(page, expected)
    assert status_text(page).startswith(f"{len(expected)} of {len(catalogue.plays)}")
    assert parse_qs(urlsplit(page.url).query) == {first: [a], second: [b]}
    # The address is the view: reloading it (or opening it from a bookmark) shows the same plays.
    page.reload()
    ready(page)
    assert_shows(page, expected)
    assert option(page, first, a).is_checked() and option(page, second, b).is_checked()
    page.get_by_role("button", name="Clear filters").click()
    assert_shows(page, set(catalogue.plays))
    assert urlsplit(page.url).query == ""
    assert not option(page, first, a).is_checked()
    assert page_log.console_errors == [] and page_log.blocked == []


def test_options_of_one_facet_widen_and_each_count_is_the_plays_that_have_it(page: Any, site_url: str, sample_build: BuildResult) -> None:
    catalogue = sample_build.catalogue
    (first, a), (second, _) = narrowing_pair(catalogue)
    open_browse(page, site_url + f"browse/?{first}={a}")
    ticked: dict[str, list[str]] = {first: [a]}
    facet = next(f for f in catalogue.config.facets if f.id == second)
    # Within a facet options widen (OR); across facets they narrow (AND). Each count must predict that.
    # Each count is how many plays have that option among those the other facets leave, ticked or not.
    for value in facet.values:
        promised = shown_count(page, second, value.id)
        having = expected_plays(catalogue, {first: [a], second: [value.id]})
        assert promised == len(having), f"{second}={value.id} promised {promised} plays, {len(having)} have it"
        option(page, second, value.id).check()
        ticked.setdefault(second, []).append(value.id)
        expected = expected_plays(catalogue, ticked)
        assert_shows(page, expected, f"after ticking {ticked}")
        assert shown_count(page, second, value.id) == len(having), f"ticked {second}={value.id} no longer counts its plays"
    for status in ("enacted", "aspirational"):
        assert shown_count(page, "status", status) == len(expected_plays(catalogue, {**ticked, "status": [status]}))


def test_words_narrow_by_title_and_summary_ignoring_case_and_accents(page: Any, site_url: str, sample_build: BuildResult) -> None:
    catalogue = sample_build.catalogue
    play = sorted(catalogue.plays.values(), key=lambda p: p.id)[0]
    word = max(play.summary.split(), key=len).strip(".,;:()").upper()
    open_browse(page, site_url + "browse/")
    page.get_by_label("Words in title or summary").fill(word)
    expected = expected_plays(catalogue, {}, word)
    assert play.id in expected
    assert_shows(page, expected)
    assert fold(parse_qs(urlsplit(page.url).query)["q"][0]) == fold(word)
    # Strategy groups with nothing left to show disappear with their heading.
    groups = "() => [...document.querySelectorAll('[data-strategy]:not([hidden])')].map((g) => g.dataset.strategy)"
    shown_groups = set(page.evaluate(groups))
    assert shown_groups == {catalogue.plays[p].strategy for p in expected}


def test_back_and_forward_walk_through_filtered_views(page: Any, site_url: str, sample_build: BuildResult) -> None:
    catalogue = sample_build.catalogue
    (first, a), (second, b) = narrowing_pair(catalogue)
    open_browse(page, site_url + "browse/")
    option(page, first, a).check()
    option(page, second, b).check()
    page.go_back()
    assert_shows(page, expected_plays(catalogue, {first: [a]}))
    assert not option(page, second, b).is_checked()
    page.go_back()
    assert_shows(page, set(catalogue.plays))
    page.go_forward()
    assert_shows(page, expected_plays(catalogue, {first: [a]}))


def test_the_filters_work_with_the_keyboard_alone(page: Any, site_url: str, sample_build: BuildResult) -> None:
    catalogue = sample_build.catalogue
    open_browse(page, site_url + "browse/")
    page.get_by_label("Words in title or summary").focus()
    # Tab through the options, ticking the first of each fieldset with the space bar.
    ticked: dict[str, list[str]] = {}
    for _ in range(200):
        page.keyboard.press("Tab")
        focused = page.evaluate("() => { const e = document.activeElement; return { name: e.name, value: e.value, type: e.type }; }")
        if focused["type"] != "checkbox":
            break
        if focused["name"] not in ticked and focused["name"] in ("status", catalogue.config.facets[0].id):
            page.keyboard.press("Space")
            ticked[focused["name"]] = [focused["value"]]
    assert len(ticked) == 2, f"Tab did not reach the options: {ticked}"
    assert_shows(page, expected_plays(catalogue, ticked))
    # Past the last option: the button that leads to the plays, then the filters in use (a chip each), then the one that clears them all.
    assert page.evaluate("document.activeElement.textContent").startswith("Show ")
    for _ in range(len(ticked) + 1):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Clear filters"
    page.keyboard.press("Enter")
    assert_shows(page, set(catalogue.plays))
    assert page.locator("[data-pb-browse] input:checked").count() == 0


def test_without_javascript_every_play_is_listed_under_its_strategy(browser: Any, site_url: str, sample_build: BuildResult) -> None:
    catalogue = sample_build.catalogue
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "browse/?status=enacted")
        groups = page.evaluate(
            "() => [...document.querySelectorAll('[data-strategy]')].map((g) => [g.dataset.strategy, g.querySelector('h2').textContent,"
            " [...g.querySelectorAll('[data-play]')].filter((c) => c.checkVisibility()).map((c) => c.dataset.play)])"
        )
    finally:
        context.close()
    assert [g[0] for g in groups] == [s.id for s in catalogue.config.strategies if catalogue.plays_of(s.id)]
    for strategy_id, heading, plays in groups:
        assert catalogue.strategy(strategy_id).title in heading
        assert plays == [p.id for p in catalogue.plays_of(strategy_id)]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def instant_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample site built with site_url set to where it is served, so Material's instant navigation is on.

    Material only intercepts links listed in sitemap.xml, matching scheme, host and port; without a
    site_url the sitemap is empty and every click is a full page load.
    """
    root = copy_catalogue(REPO, tmp_path_factory.mktemp("instant") / "sample")
    handler = functools.partial(_QuietHandler, directory=str(root / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    config = root / "playbook.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"\nsite_url: {url}\n", encoding="utf-8")
    pipeline.build(root, outputs=[write_exports])  # the PDFs play no part here
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture
def instant_page(browser: Any, instant_site: str) -> Iterator[tuple[Any, list[str]]]:
    """A page on the instant-navigation site, and the problems it meets: console errors and requests to other hosts."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    problems: list[str] = []

    def route(request_route: Any) -> None:
        if urlsplit(request_route.request.url).netloc == urlsplit(instant_site).netloc:
            request_route.continue_()
        else:
            problems.append(f"request to {request_route.request.url}")
            request_route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    yield page, problems
    context.close()


def test_filters_keep_working_through_instant_navigation(
    instant_page: tuple[Any, list[str]], instant_site: str, sample_build: BuildResult
) -> None:
    page, problems = instant_page
    catalogue = sample_build.catalogue
    (first, a), (second, b) = narrowing_pair(catalogue)
    play = next(p for p in catalogue.plays.values() if a in p.facets.get(first, []))
    page.goto(instant_site + f"plays/{play.id}/")
    page.evaluate("window.pbSamePage = true")  # survives only if no page is loaded from scratch
    label = next(f for f in catalogue.config.facets if f.id == first).label_of(a)
    page.locator("article").get_by_role("link", name=label, exact=True).click()
    page.wait_for_url(f"**/browse/?{first}={a}*")
    ready(page)
    assert page.evaluate("window.pbSamePage") is True, "Material's instant navigation did not load the browse page"
    assert_shows(page, expected_plays(catalogue, {first: [a]}))
    option(page, second, b).check()
    assert_shows(page, expected_plays(catalogue, {first: [a], second: [b]}))
    page.go_back()
    assert_shows(page, expected_plays(catalogue, {first: [a]}))
    # Away to another page and back by the navigation: one set of filters, built afresh, still working.
    page.locator(".md-nav__link[href$='vignettes/']").first.click()
    page.wait_for_url("**/vignettes/")
    page.locator(".md-nav__link[href$='browse/']").first.click()
    page.wait_for_url("**/browse/")
    ready(page)
    assert page.evaluate("window.pbSamePage") is True
    assert page.locator("form.pb-filters").count() == 1
    option(page, "status", "aspirational").check()
    assert_shows(page, expected_plays(catalogue, {"status": ["aspirational"]}))
    assert problems == []


@pytest.fixture(scope="module")
def thousand_site(tmp_path_factory: pytest.TempPathFactory, sample_build: BuildResult) -> Iterator[str]:
    """The browse page alone, for 1,000 plays, built by MkDocs with the site's theme and served on localhost."""
    site = build_browse_site(tmp_path_factory.mktemp("thousand"), sample_build.catalogue, 1000)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_a_thousand_plays_filter_and_clear(browser: Any, thousand_site: str) -> None:
    # How fast this is, is measured by benchmarks/browse_filter.py, which prints
    # milliseconds per change; a test asserts only what the reader sees.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        open_browse(page, thousand_site + "browse/")
        cards = page.locator("[data-play]:visible")
        assert cards.count() == 1000
        option(page, "status", "aspirational").check()
        aspirational = page.locator("[data-play]:visible").count()
        assert 0 < aspirational < 1000
        page.get_by_role("button", name="Clear filters").click()
        assert page.locator("[data-play]:visible").count() == 1000
    finally:
        context.close()
