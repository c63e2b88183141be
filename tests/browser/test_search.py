"""The site's search (Pagefind, in Material's search box), as a reader uses it: find a page by any word of its body,
see a play's status and strategy, land on it, with the keyboard alone; and no search data until search opens."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from generator.build import BuildResult
from generator.models import Catalogue

pytestmark = pytest.mark.browser

# Each keystroke asks the search again: wait until the results stop changing (at most 5 s).
SETTLED_JS = """() => new Promise((resolve) => {
  const start = performance.now();
  let last = null, since = start;
  const tick = () => {
    const now = document.querySelector(".md-search-result__list").innerHTML;
    if (now !== last) { last = now; since = performance.now(); }
    if (performance.now() - since > 400 || performance.now() - start > 5000) resolve(); else setTimeout(tick, 50);
  };
  tick();
})"""
_WORD = re.compile(r"[^\W\d_]{4,}")
STEM = 5


def _words(*texts: str) -> set[str]:
    return {w.lower() for text in texts for w in _WORD.findall(text)}


def _texts(catalogue: Catalogue) -> Iterator[tuple[str, str, set[str]]]:
    """(kind, id, words) for every piece of content, bodies and everything else apart."""
    for play in catalogue.plays.values():
        yield "play-body", play.id, _words(play.body)
        yield "play", play.id, _words(play.title, play.summary, *play.steps, *play.tags, *(b.quote for b in play.soundbites))
    for vignette in catalogue.vignettes.values():
        yield "vignette-body", vignette.id, _words(vignette.story)
        yield "vignette", vignette.id, _words(vignette.title, vignette.ecosystem, vignette.place, *(o.label for o in vignette.outcomes))
    for item in catalogue.toolkit.values():
        yield "toolkit-body", item.id, _words(item.body)
        yield "toolkit", item.id, _words(item.title, item.summary)
    config = catalogue.config
    yield (
        "config",
        "",
        _words(config.title, config.tagline, config.aim, config.notice, *(s.title + " " + s.summary for s in config.strategies)),
    )


def word_only_in(catalogue: Catalogue, kind: str) -> tuple[str, str]:
    """A word found in the body of exactly one page of `kind` and nowhere else: (word, id); accented words first."""
    texts = list(_texts(catalogue))
    seen = Counter(word for _, _, words in texts for word in words)
    # Search stems words ("representatives" finds "represent"): no other text may hold a word that starts the same.
    starts = Counter(start for _, _, words in texts for start in {word[:STEM] for word in words})
    candidates = [
        (word, ident)
        for k, ident, words in texts
        if k == f"{kind}-body"
        for word in words
        if seen[word] == 1 and starts[word[:STEM]] == 1
    ]
    assert candidates, f"no word appears only in one {kind}'s body"
    return max(candidates, key=lambda c: (not c[0].isascii(), len(c[0]), c[0]))


def search(page: Any, query: str) -> list[dict[str, Any]]:
    """Type into the header's search box as a reader does; the results, best first, as {path, tags, text}."""
    page.locator(".md-search__input").click()
    page.keyboard.type(query)
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    page.evaluate(SETTLED_JS)
    results: list[dict[str, Any]] = page.eval_on_selector_all(
        ".md-search-result__item > a",
        "links => links.map((a) => ({ href: a.href, tags: [...a.querySelectorAll('.pb-badge, .md-tag')].map((t) => t.textContent.trim()),"
        " strategy: a.querySelector('.pb-search-result__strategy')?.textContent.trim() || '', text: a.innerText }))",
    )
    for result in results:
        result["path"] = urlsplit(result["href"]).path.lstrip("/")
    return results


@pytest.mark.parametrize("kind", ["play", "vignette", "toolkit"])
def test_a_word_only_in_one_body_finds_that_page_and_opens_it(
    page: Any, site_url: str, sample_build: BuildResult, page_log: Any, kind: str
) -> None:
    catalogue = sample_build.catalogue
    word, ident = word_only_in(catalogue, kind)
    folder = {"play": "plays", "vignette": "vignettes", "toolkit": "toolkit"}[kind]
    page.goto(site_url)
    results = search(page, word)
    assert {r["path"] for r in results} == {f"{folder}/{ident}/"}, f"searching {word!r}"
    labels = catalogue.config.labels
    label = {
        "play": getattr(labels, catalogue.plays[ident].status) if kind == "play" else "",
        "vignette": labels.vignette,
        "toolkit": labels.toolkit,
    }
    assert results[0]["tags"] == [label[kind]], "the result does not say what kind of page (or which status of play) it is"
    if kind == "play":
        strategy = catalogue.strategy(catalogue.plays[ident].strategy)
        assert strategy.title in results[0]["strategy"], "the result does not name the play's strategy"
    else:
        assert results[0]["strategy"] == ""
    page.locator(".md-search-result__item > a").first.click()
    page.wait_for_url(f"**/{folder}/{ident}/**")
    title = {"play": catalogue.plays, "vignette": catalogue.vignettes, "toolkit": catalogue.toolkit}[kind][ident].title
    assert page.locator("h1").first.inner_text().strip() == title
    if kind == "play":
        # The strategy as the play page names it, under its title.
        assert page.locator("article [data-pagefind-meta=strategy]").first.inner_text().strip() == results[0]["strategy"]
    marks = page.locator("article.md-content__inner mark", has_text=re.compile(word, re.IGNORECASE))
    assert marks.count() >= 1, "the word is not highlighted"
    assert page_log.console_errors == [] and page_log.blocked == []


def most_mentioned(catalogue: Catalogue, status: str) -> str:
    """The play of this status that most other pages mention: related plays, vignettes, toolkit, soundbites."""

    def mentions(play_id: str) -> tuple[int, str]:
        play = catalogue.plays[play_id]
        count = len(catalogue.related_to(play_id)) + len(catalogue.vignettes_of(play_id)) + len(catalogue.toolkit_of(play_id))
        return (count + len(play.soundbites), play_id)

    return max((p.id for p in catalogue.plays.values() if p.status == status), key=mentions)


@pytest.mark.parametrize("status", ["enacted", "aspirational"])
def test_a_play_ranks_above_the_pages_that_mention_it_and_shows_its_status(
    page: Any, site_url: str, sample_build: BuildResult, status: str
) -> None:
    catalogue = sample_build.catalogue
    play = catalogue.plays[most_mentioned(catalogue, status)]
    page.goto(site_url)
    results = search(page, play.title)
    assert len({r["path"] for r in results}) > 1, "no other page mentions the play: the ranking proves nothing"
    assert results[0]["path"] == f"plays/{play.id}/", [r["path"] for r in results[:5]]
    assert results[0]["tags"] == [getattr(catalogue.config.labels, status)]


def messages(build: BuildResult) -> dict[str, str]:
    """The interface words the theme shows, from the configuration the build wrote (extra.messages)."""
    config = yaml.safe_load((build.catalogue.root / "build" / "mkdocs.yml").read_text(encoding="utf-8"))
    return dict(config["extra"]["messages"])


def _search_requests(page_log: Any) -> list[str]:
    return [url for url in page_log.requests if "/pagefind/" in urlsplit(url).path]


def test_a_page_view_fetches_no_search_data_until_search_opens(page: Any, site_url: str, sample_build: BuildResult, page_log: Any) -> None:
    page.goto(site_url + "strategies/")
    page.wait_for_load_state("networkidle")
    # Hovering the box is not opening it.
    page.locator(".md-search__input").hover()
    page.wait_for_timeout(300)
    assert _search_requests(page_log) == [], "a page view fetched search data before search was opened"
    with page.expect_request(lambda request: request.url.endswith("/pagefind/pagefind.js")):
        page.locator(".md-search__input").focus()
    # Loaded, the box invites the reader to type.
    page.locator(".md-search-result__meta", has_text=messages(sample_build)["search_start"]).wait_for()
    fetched = _search_requests(page_log)
    assert any(u.endswith("/pagefind/pagefind.js") for u in fetched), fetched
    assert all(urlsplit(u).path.startswith("/pagefind/") for u in fetched), "a bundle was fetched from outside the site's root"
    assert page_log.blocked == [] and page_log.console_errors == []


def test_keys_alone_open_search_choose_a_result_and_open_it(page: Any, site_url: str, sample_build: BuildResult) -> None:
    catalogue = sample_build.catalogue
    play = catalogue.plays[most_mentioned(catalogue, "aspirational")]
    page.goto(site_url + "tags/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('.md-search__input')"), "the / key did not open search"
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.type(play.title)
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    page.evaluate(SETTLED_JS)
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.getAttribute('href') || ''")
    assert urlsplit(focused).path.endswith(f"/plays/{play.id}/"), focused
    # The result says the play's status, as a badge with a word (not colour alone).
    badge = page.locator(".md-search-result__link:focus .pb-badge")
    assert badge.inner_text().strip() == catalogue.config.labels.aspirational
    assert "pb-badge--aspirational" in (badge.get_attribute("class") or "")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.getAttribute('href') || ''") == focused, "ArrowUp did not come back"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/plays/{play.id}/**")
    assert page.locator("h1").first.inner_text().strip() == play.title
    # Escape closes search again, from the box.
    page.keyboard.press("s")
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("Escape")
    assert page.evaluate("!document.getElementById('__search').checked"), "Escape left search open"


def test_enter_in_the_box_opens_the_best_result_and_no_result_is_said(page: Any, site_url: str, sample_build: BuildResult) -> None:
    catalogue = sample_build.catalogue
    word, ident = word_only_in(catalogue, "toolkit")
    page.goto(site_url)
    page.locator(".md-search__input").click()
    page.keyboard.type("zzqxjvw")
    status = page.locator(".md-search-result__meta[role=status]")
    status.filter(has_text=messages(sample_build)["search_results_none"]).wait_for()
    assert page.locator(".md-search-result__item").count() == 0
    page.keyboard.press("Control+A")
    page.keyboard.type(word)
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/toolkit/{ident}/**")


def test_on_a_narrow_screen_the_search_button_opens_search_with_keys(page: Any, site_url: str) -> None:
    page.set_viewport_size({"width": 400, "height": 800})
    page.goto(site_url)
    button = page.locator(".md-header [data-pb-search-opener]")
    for _ in range(8):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.md-header [data-pb-search-opener]')"):
            break
    else:
        raise AssertionError("Tab never reached the header's search button")
    assert button.evaluate("b => b.tagName") == "BUTTON" and button.get_attribute("aria-label")
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.matches('.md-search__input')")
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.type("quinceañera")
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    page.keyboard.press("Escape")
    assert page.evaluate("!document.getElementById('__search').checked")
    assert page.evaluate("document.activeElement.matches('.md-header [data-pb-search-opener]')"), "focus did not return to the button"
