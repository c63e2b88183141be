"""One search per language: each language site (site/ and site/es/) loads its own bundle and finds its own pages."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

PLAY = "meet-families-at-community-celebrations"


# "volante" (a flyer) is in the play's Spanish translation only; "quinceañera" in its English body.
@pytest.mark.parametrize("prefix, lang, word", [("", "en", "quinceañera"), ("es/", "es", "volante")])
def test_each_language_searches_its_own_bundle(browser: Any, site_url: str, prefix: str, lang: str, word: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    context.on("request", lambda request: requests.append(urlsplit(request.url).path))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(site_url + prefix + "strategies/")
    assert page.evaluate("document.documentElement.lang") == lang
    page.locator(".md-search__input").click()
    page.keyboard.type(word)
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    links = page.eval_on_selector_all(".md-search-result__link", "links => links.map((a) => new URL(a.href).pathname)")
    assert f"/{prefix}plays/{PLAY}/" in links and all(link.startswith(f"/{prefix}") for link in links), links
    bundle = [path for path in requests if "/pagefind/" in path]
    assert bundle and all(path.startswith(f"/{prefix}pagefind/") for path in bundle), bundle
    assert any(path.endswith(f"/wasm.{lang}.pagefind") for path in bundle), "the stemmer of the page's language was not loaded"
    entry = page.evaluate(f"fetch('/{prefix}pagefind/pagefind-entry.json').then((r) => r.json())")
    assert list(json.loads(json.dumps(entry))["languages"]) == [lang]
    assert errors == []
    context.close()
