"""The pipeline, top to bottom: check -> render -> write docs -> MkDocs -> swap in."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConfigError, Problem
from .export import write_exports
from .markup import to_html
from .models import Catalogue
from .pdf import Downloads
from .render import Renderer
from .search import index_site
from .site import build_site, mkdocs_config_file
from .validate import check
from .write import copy_tree, discard, fresh_folder, swap_in, write_pages
from .zensical_site import build_site_zensical

PACKAGE = Path(__file__).parent
BUILD_DIR = "build"

# Extra outputs (PDFs, data exports) register here: each gets the catalogue
# and the docs folder being filled, and returns the files it wrote.
Output = Callable[[Catalogue, Path], Iterable[str]]
OUTPUTS: list[Output] = [write_exports, Downloads()]
# The static-site engines that can turn build/docs into the site (`playbook build --engine`).
ENGINES = ("mkdocs", "zensical")


@dataclass
class BuildResult:
    """What a build made, for the one-line summary."""

    catalogue: Catalogue
    warnings: list[Problem]
    pages: int
    seconds: float
    site_dir: Path | None = None
    extra_files: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line: counts and time."""
        c = self.catalogue
        enacted = sum(p.status == "enacted" for p in c.plays.values())
        bites = sum(len(p.soundbites) for p in c.plays.values())
        where = f" into {self.site_dir}" if self.site_dir else ""
        return (
            f"Built {self.pages} pages{where}: {len(c.plays)} plays ({enacted} enacted, {len(c.plays) - enacted} aspirational), "
            f"{len(c.vignettes)} vignettes, {bites} soundbites, {len(c.toolkit)} toolkit items"
            + (f", {len(self.extra_files)} downloads" if self.extra_files else "")
            + f", {len(self.warnings)} warnings in {self.seconds:.1f}s"
        )


def write_docs(catalogue: Catalogue, docs: Path, outputs: Iterable[Output] = ()) -> tuple[int, list[str]]:
    """Fill `docs` with the generated Markdown, assets and extra outputs."""
    copy_tree(PACKAGE / "assets", docs / "assets")
    # Extra outputs first: pages link to a download only when it was written.
    extra: list[str] = []
    for output in outputs:
        extra.extend(output(catalogue, docs))
    pages = write_pages(docs, Renderer(catalogue, downloads=extra).pages())
    return pages, extra


def generate(root: Path, outputs: Iterable[Output] | None = None) -> BuildResult:
    """Check the catalogue and write build/docs and build/theme, swapping each in whole."""
    return _run(root.resolve(), None, outputs)


def build(root: Path, site_dir: Path | None = None, outputs: Iterable[Output] | None = None, engine: str = "mkdocs") -> BuildResult:
    """Check, generate and build the site; the old site stays until the new one is complete."""
    if engine not in ENGINES:
        raise ConfigError(f"engine {engine!r}: expected one of {', '.join(ENGINES)}")
    root = root.resolve()
    return _run(root, (site_dir or root / "site").resolve(), outputs, engine)


def _run(root: Path, site: Path | None, outputs: Iterable[Output] | None, engine: str = "mkdocs") -> BuildResult:
    """The pipeline; with `site` None it stops before MkDocs (generate)."""
    started = time.perf_counter()
    catalogue, warnings = check(root)
    if site is not None:
        mkdocs_config_file(root)
    build = root / BUILD_DIR
    docs = fresh_folder(build / "docs")
    new_site = fresh_folder(site) if site is not None else None
    try:
        pages, extra = write_docs(catalogue, docs, OUTPUTS if outputs is None else outputs)
        _install_theme(build)
        if new_site is not None:
            # Every body is rendered: give MkDocs, which holds the whole site in memory, the cache's share.
            to_html.cache_clear()
            # Looked up here, not kept in a table, so a benchmark can wrap build_site.
            site_builder = build_site_zensical if engine == "zensical" else build_site
            site_builder(root, docs, new_site, catalogue.config.title, catalogue.config.site_url)
            # After every language's site is built: one Pagefind bundle per language.
            index_site(new_site)
    except BaseException:
        discard(docs)
        if new_site is not None:
            discard(new_site)
        raise
    swap_in(docs, build / "docs")
    if site is not None and new_site is not None:
        swap_in(new_site, site)
    return BuildResult(catalogue, warnings, pages, time.perf_counter() - started, site_dir=site, extra_files=extra)


def _install_theme(build: Path) -> None:
    """Copy the theme overrides that mkdocs.yml's custom_dir points at."""
    theme = fresh_folder(build / "theme")
    copy_tree(PACKAGE / "theme", theme)
    swap_in(theme, build / "theme")
