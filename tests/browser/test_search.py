"""Material's search, as a reader uses it: find a page by any word of its body, see a play's status, land on it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

from generator.build import BuildResult
from generator.models import Catalogue

pytestmark = pytest.mark.browser

# Each keystroke asks the search worker again: wait until the results stop changing (at most 5 s).
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
    candidates = [(word, ident) for k, ident, words in texts if k == f"{kind}-body" for word in words if seen[word] == 1]
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
        "links => links.map((a) => ({ href: a.href, tags: [...a.querySelectorAll('.md-tag')].map((t) => t.textContent.trim()),"
        " text: a.innerText }))",
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
    page.locator(".md-search-result__item > a").first.click()
    page.wait_for_url(f"**/{folder}/{ident}/**")
    title = {"play": catalogue.plays, "vignette": catalogue.vignettes, "toolkit": catalogue.toolkit}[kind][ident].title
    assert page.locator("h1").first.inner_text().strip() == title
    assert page.locator("article mark", has_text=re.compile(word, re.IGNORECASE)).count() >= 1, "the word is not highlighted"
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
