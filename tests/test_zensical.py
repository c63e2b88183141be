"""The second engine: Zensical builds the same generated Markdown with the same configuration."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, REPO, copy_catalogue

from generator import build as pipeline
from generator.cli import main
from generator.errors import BuildError
from generator.search import read_fragments
from generator.zensical_search_css import STYLESHEET
from generator.zensical_site import build_site_zensical

pytestmark = pytest.mark.slow


def test_zensical_builds_every_page_of_both_languages(tmp_path: Path) -> None:
    root = copy_catalogue(REPO, tmp_path / "sample")
    mkdocs = pipeline.build(root, tmp_path / "mkdocs-site", outputs=[])
    zensical = pipeline.build(root, tmp_path / "zensical-site", outputs=[], engine="zensical")
    pages = {p.relative_to(tmp_path / "mkdocs-site") for p in (tmp_path / "mkdocs-site").rglob("index.html")}
    assert pages == {p.relative_to(tmp_path / "zensical-site") for p in (tmp_path / "zensical-site").rglob("index.html")}
    assert mkdocs.pages == zensical.pages
    spanish = (tmp_path / "zensical-site" / "es" / "plays" / "host-joint-info-session" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="es"' in spanish and "Aún sin traducir" not in spanish
    # The theme overrides (language switcher, 404 page) reach Zensical's pages too.
    assert re.search(r'href="[^"]*/es/plays/host-joint-info-session/" hreflang="es"', spanish.replace("../../../es/", "/es/"))
    missing = (tmp_path / "zensical-site" / "es" / "404.html").read_text(encoding="utf-8")
    assert "Página no encontrada" in missing
    assert not list((root / "build").glob(".zensical-*")), "the temporary Zensical project is left behind"


def test_a_failing_zensical_build_leaves_the_site_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_catalogue(FIXTURES / "mini", tmp_path / "mini")
    pipeline.build(root, outputs=[], engine="zensical")
    before = {p: p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    monkeypatch.setattr("generator.zensical_site.zensical_command", lambda: ["false"])
    with pytest.raises(BuildError, match="Zensical could not build the site"):
        pipeline.build(root, outputs=[], engine="zensical")
    assert {p: p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()} == before


def test_the_command_line_offers_the_engine(tmp_path: Path) -> None:
    root = copy_catalogue(FIXTURES / "mini", tmp_path / "mini")
    assert main(["build", "--root", str(root), "--no-pdf", "--engine", "zensical"]) == 0
    assert (root / "site" / "index.html").is_file()


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample catalogue built by Zensical through the command line, without PDFs."""
    root = copy_catalogue(REPO, tmp_path_factory.mktemp("zensical") / "sample")
    assert main(["build", "--root", str(root), "--engine", "zensical", "--no-pdf"]) == 0
    return root / "site"


def test_zensical_site_is_indexed_like_the_mkdocs_one_and_leaves_nothing_behind(zensical_site: Path) -> None:
    records = {r["url"]: r for r in read_fragments(zensical_site / "pagefind")}
    play = records["/plays/meet-families-at-community-celebrations/"]
    assert "quinceañera" in play["content"] and play["filters"]["status"] == ["enacted"]
    assert not any("404" in url for url in records)
    # One search index, Pagefind's; no scratch configuration or Zensical cache left in build/.
    assert not (zensical_site / "search.json").exists()
    build = zensical_site.parent / "build"
    assert not list(build.glob(".zensical-*")) and not (build / ".cache").exists()


def test_a_broken_link_fails_the_zensical_build_with_its_place(tmp_path: Path) -> None:
    root = copy_catalogue(FIXTURES / "mini", tmp_path / "mini")
    pipeline.generate(root)
    with (root / "build" / "docs" / "reference.md").open("a", encoding="utf-8") as page:
        page.write("\n[a missing page](nowhere.md)\n")
    data = yaml.safe_load((root / "build" / "mkdocs.yml").read_text(encoding="utf-8"))
    with pytest.raises(BuildError) as failed:
        build_site_zensical(data, root / "build" / "docs", tmp_path / "new-site", root / "build" / "theme")
    message = str(failed.value)
    assert "reference.md" in message and "\x1b[" not in message and "Traceback" not in message


def test_the_zensical_site_carries_materials_search_box_styles(zensical_site: Path, sample_site: Path) -> None:
    # Zensical's own stylesheets have none; the build adds Material's, linked from every page of the Zensical site only.
    css = (zensical_site / STYLESHEET).read_text(encoding="utf-8")
    assert ".md-search__input{" in css and "--md-search-result-icon" in css
    assert all("md-search" in rule for rule in css.splitlines()[1:]), "a rule that is not the search box's was taken"
    assert STYLESHEET in (zensical_site / "plays" / "host-joint-info-session" / "index.html").read_text(encoding="utf-8")
    assert STYLESHEET not in (sample_site / "index.html").read_text(encoding="utf-8")
