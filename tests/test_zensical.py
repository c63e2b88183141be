"""`playbook build --engine zensical`: the same docs, theme and mkdocs.yml, built by Zensical, searchable with Pagefind."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path
from typing import Any

import pytest

from generator import build as pipeline
from generator.cli import main
from generator.errors import BuildError
from generator.search import read_fragments
from generator.zensical_search_css import STYLESHEET
from generator.zensical_site import build_site_zensical

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample catalogue built by Zensical through the command line, without PDFs."""
    from conftest import REPO, copy_catalogue

    root = copy_catalogue(REPO, tmp_path_factory.mktemp("zensical") / "sample")
    assert main(["build", "--root", str(root), "--engine", "zensical", "--no-pdf"]) == 0
    return root / "site"


def test_zensical_builds_every_page_and_leaves_nothing_behind(zensical_site: Path) -> None:
    root = zensical_site.parent
    catalogue = pipeline.check(root)[0]
    for play in catalogue.plays.values():
        html = (zensical_site / "plays" / play.id / "index.html").read_text(encoding="utf-8")
        assert f"pb-badge--{play.status}" in html and "data-pagefind-body" in html and "data-pb-search" in html
    assert (zensical_site / "browse" / "index.html").is_file() and (zensical_site / "catalogue.json").is_file()
    # One search index, Pagefind's; no scratch configuration or Zensical cache in the playbook folder.
    assert not (zensical_site / "search.json").exists()
    assert sorted(p.name for p in root.iterdir()) == ["build", "mkdocs.yml", "playbook.yml", "plays", "site", "toolkit", "vignettes"]


def test_zensical_site_is_indexed_like_the_mkdocs_one(zensical_site: Path) -> None:
    records = {r["url"]: r for r in read_fragments(zensical_site / "pagefind")}
    play = records["/plays/meet-families-at-community-celebrations/"]
    assert "quinceañera" in play["content"] and play["filters"]["status"] == ["enacted"]
    assert play["meta"]["strategy"].startswith("Strategy ")
    assert not any("404" in url for url in records)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.mark.browser
def test_search_works_on_the_zensical_site(zensical_site: Path, browser: Any) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(zensical_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
        page.locator(".md-search__input").click()
        page.keyboard.type("quinceañera")
        page.locator(".md-search-result__item").first.wait_for(state="visible")
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
        page.wait_for_url("**/plays/meet-families-at-community-celebrations/**")
        assert errors == []
    finally:
        context.close()
        server.shutdown()
        server.server_close()


def test_a_broken_link_fails_the_zensical_build_with_its_place(zensical_site: Path, tmp_path: Path) -> None:
    root = tmp_path / "broken"
    shutil.copytree(zensical_site.parent, root, ignore=shutil.ignore_patterns("site"))
    with (root / "build" / "docs" / "reference.md").open("a", encoding="utf-8") as page:
        page.write("\n[a missing page](nowhere.md)\n")
    with pytest.raises(BuildError) as failed:
        build_site_zensical(root, root / "build" / "docs", root / "new-site", "Title")
    message = str(failed.value)
    assert "page does not exist" in message and "reference.md:" in message
    assert "\x1b[" not in message and "Traceback" not in message


def test_the_zensical_site_carries_materials_search_box_styles(zensical_site: Path, sample_site: Path) -> None:
    # Zensical's own stylesheets have none; the build adds Material's, linked from every page of the Zensical site only.
    css = (zensical_site / STYLESHEET).read_text(encoding="utf-8")
    assert ".md-search__input{" in css and "--md-search-result-icon" in css
    assert all("md-search" in rule for rule in css.splitlines()[1:]), "a rule that is not the search box's was taken"
    assert STYLESHEET in (zensical_site / "plays" / "host-joint-info-session" / "index.html").read_text(encoding="utf-8")
    assert STYLESHEET not in (sample_site / "index.html").read_text(encoding="utf-8")
