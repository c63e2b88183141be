"""The site's search index: Pagefind over the built HTML, one bundle per language site.

MkDocs (or any engine) builds the pages; `index_site` then runs once over the
whole output. Each language is its own site -- `site/` for the default
language, `site/es/` for Spanish, each with its own `sitemap.xml` -- and gets
its own bundle in its own `pagefind/` folder, with addresses relative to that
site's root, so a page finds its bundle at `<base_url>/pagefind/` and the
bundle holds only its language. Pagefind reads `<html lang>` for the stemmer.

The pages say what to index through attributes set by the theme
(`data-pagefind-body` on the article, `data-pagefind-meta` for a page's kind)
and by the play page (status and strategy as filters and meta). Nothing here
parses HTML. (A site whose theme marks no page indexes whole pages: Pagefind's
own fallback.)
"""

from __future__ import annotations

import asyncio
import gzip
import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import BuildError

BUNDLE = "pagefind"
# Each MkDocs site writes one: a folder holding it is a (language) site of its own.
SITE_MARKER = "sitemap.xml"
# Every engine writes one; it is no answer to a search (Zensical gives it a page of its own, so the theme cannot tell).
NOT_FOUND = "404.html"
# Pagefind's own search interfaces: the site has its own (theme partials/pagefind.html), so they are not shipped.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")  # fmt: skip
# Fragments (one per page, gzip) start with this signature before their JSON.
_FRAGMENT_SIGNATURE = b"pagefind_dcd"


@dataclass(frozen=True)
class SearchBundle:
    """One language site's search bundle: where it is and how many pages it holds."""

    site: Path
    bundle: Path
    pages: int


def language_sites(site_dir: Path) -> list[Path]:
    """The site roots under `site_dir`: itself and every folder below it with a sitemap of its own, sorted."""
    nested = sorted(marker.parent for marker in site_dir.rglob(SITE_MARKER) if marker.parent != site_dir)
    return [site_dir, *nested]


def _glob(site: Path, others: list[Path]) -> str:
    """A Pagefind glob for the pages of `site`: not the 404 page, not the language sites nested in it."""
    inside = {other.relative_to(site).parts[0] for other in others if other != site and site in other.parents}
    entries = sorted(e for e in site.iterdir() if e.name not in inside | {BUNDLE, NOT_FOUND})
    parts = [f"{e.name}/**/*.html" if e.is_dir() else e.name for e in entries if e.is_dir() or e.suffix == ".html"]
    return "{" + ",".join(parts) + "}" if parts else ""


async def _index(site: Path, glob: str) -> int:
    from pagefind.index import PagefindIndex

    async with PagefindIndex(config={"output_path": str(site / BUNDLE)}) as index:
        await index.add_directory(str(site), glob=glob)
    # Pagefind counts the files it read; the fragments are the pages it indexed.
    return sum(1 for _ in (site / BUNDLE / "fragment").glob("*.pf_fragment"))


def index_site(site_dir: Path) -> list[SearchBundle]:
    """Write a Pagefind bundle into every language site under `site_dir`; call once, after all languages are built."""
    sites = language_sites(site_dir)
    bundles = []
    for site in sites:
        glob = _glob(site, sites)
        if not glob:
            raise BuildError(f"Pagefind found no page to index in {site}")
        try:
            # Pagefind's API is asyncio; a thread of its own keeps it clear of any loop the caller runs (Playwright, a server).
            with ThreadPoolExecutor(max_workers=1) as thread:
                pages = thread.submit(asyncio.run, _index(site, glob)).result()
        except Exception as exc:  # the service reports its failures as plain Exceptions
            raise BuildError(f"Pagefind could not index {site}: {exc}") from exc
        if pages == 0:
            raise BuildError(f"Pagefind found no page to index in {site}")
        for name in UNUSED:
            (site / BUNDLE / name).unlink(missing_ok=True)
        bundles.append(SearchBundle(site, site / BUNDLE, pages))
    return bundles


def read_fragments(bundle: Path) -> list[dict[str, Any]]:
    """Every page record of a bundle (url, content, meta, filters), for tests and checks."""
    records = []
    for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        records.append(json.loads(data.removeprefix(_FRAGMENT_SIGNATURE)))
    return records
