"""The Pagefind step: one bundle per language site, only marked content indexed, failures reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.errors import BuildError
from generator.search import index_site, language_sites, read_fragments

PAGE = """<!doctype html><html lang="{lang}"><head><title>{title}</title></head>
<body><nav>Navigation words</nav><article {body}><h1>{title}</h1><p>{text}</p></article></body></html>"""


def _page(site: Path, path: str, lang: str, title: str, text: str, body: str = "data-pagefind-body") -> None:
    file = site / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(PAGE.format(lang=lang, title=title, text=text, body=body), encoding="utf-8")


@pytest.fixture
def two_languages(tmp_path: Path) -> Path:
    """A site in English at the root and in Spanish under es/, each with its own sitemap, as MkDocs writes them."""
    site = tmp_path / "site"
    for root, lang, word in ((site, "en", "celebration"), (site / "es", "es", "celebración")):
        _page(root, "index.html", lang, f"Home {lang}", f"The {word} page")
        _page(root, "plays/meet-families/index.html", lang, f"Play {lang}", f"A {word} with families")
        _page(root, "404.html", lang, "Not found", "Nothing here", body="")
        (root / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
    return site


def test_each_language_site_gets_its_own_bundle_of_its_own_pages(two_languages: Path) -> None:
    assert language_sites(two_languages) == [two_languages, two_languages / "es"]
    bundles = index_site(two_languages)
    assert [(b.site, b.pages) for b in bundles] == [(two_languages, 2), (two_languages / "es", 2)]
    english = read_fragments(two_languages / "pagefind")
    spanish = read_fragments(two_languages / "es" / "pagefind")
    assert sorted(r["url"] for r in english) == ["/", "/plays/meet-families/"]
    assert sorted(r["url"] for r in spanish) == ["/", "/plays/meet-families/"]
    assert all("celebración" in r["content"] for r in spanish) and not any("celebración" in r["content"] for r in english)
    # Only the article: the navigation is not indexed, and the page without data-pagefind-body (404) is left out.
    assert not any("Navigation" in r["content"] for r in english + spanish)
    entries = [json.loads((b.bundle / "pagefind-entry.json").read_text(encoding="utf-8")) for b in bundles]
    assert [sorted(e["languages"]) for e in entries] == [["en"], ["es"]]
    # Pagefind's own search interfaces are not shipped: the theme has its own.
    assert not list(two_languages.rglob("pagefind-ui.js")) and (two_languages / "pagefind" / "pagefind.js").is_file()


def test_a_site_with_no_page_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("no HTML here", encoding="utf-8")
    with pytest.raises(BuildError, match="no page to index"):
        index_site(tmp_path)
