"""One search per language: each language site (site/ and site/es/) loads its own bundle and finds its own pages."""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from generator.build import BuildResult
from generator.search import index_site
from generator.site import build_site

pytestmark = pytest.mark.browser


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def two_language_url(sample_build: BuildResult, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample site, and the same pages built again as a Spanish site under es/, indexed once, served on localhost."""
    assert sample_build.site_dir is not None
    root = sample_build.catalogue.root
    work = tmp_path_factory.mktemp("languages")
    site = work / "site"
    shutil.copytree(sample_build.site_dir, site, ignore=shutil.ignore_patterns("pagefind"))
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["language"] = "es"
    config["theme"]["custom_dir"] = str(root / "build" / "theme")
    (work / "es").mkdir()
    (work / "es" / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    build_site(work / "es", root / "build" / "docs", site / "es", sample_build.catalogue.config.title)
    index_site(site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("prefix, lang", [("", "en"), ("es/", "es")])
def test_each_language_searches_its_own_bundle(browser: Any, two_language_url: str, prefix: str, lang: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    context.on("request", lambda request: requests.append(urlsplit(request.url).path))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(two_language_url + prefix + "strategies/")
    assert page.evaluate("document.documentElement.lang") == lang
    page.locator(".md-search__input").click()
    page.keyboard.type("quinceañera")
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    links = page.eval_on_selector_all(".md-search-result__link", "links => links.map((a) => new URL(a.href).pathname)")
    assert links == [f"/{prefix}plays/meet-families-at-community-celebrations/"]
    bundle = [path for path in requests if "/pagefind/" in path]
    assert bundle and all(path.startswith(f"/{prefix}pagefind/") for path in bundle), bundle
    assert any(path.endswith(f"/wasm.{lang}.pagefind") for path in bundle), "the stemmer of the page's language was not loaded"
    entry = page.evaluate(f"fetch('/{prefix}pagefind/pagefind-entry.json').then((r) => r.json())")
    assert list(json.loads(json.dumps(entry))["languages"]) == [lang]
    assert errors == []
    context.close()
