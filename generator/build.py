"""The pipeline, top to bottom: check -> render -> write docs -> MkDocs -> swap in."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .attachments import publish_attachments
from .errors import ConfigError, Problem
from .exclusive import exclusive
from .export import write_exports
from .i18n import Messages
from .markup import to_html
from .models import Catalogue
from .news import write_feed
from .pdf import Downloads
from .render import Renderer
from .search import index_site
from .site import build_site
from .site_config import mkdocs_config, read_overrides, site_folder, write_mkdocs_config
from .translate import localize
from .validate import check
from .write import copy_tree, discard, fresh_folder, swap_in, write_pages
from .zensical_site import build_site_zensical

PACKAGE = Path(__file__).parent
BUILD_DIR = "build"

# Extra outputs (PDFs, data exports, attachments) register here: each gets one
# language's catalogue, the docs folder being filled and that language's
# messages, and returns the files it wrote.
Output = Callable[[Catalogue, Path, Messages], Iterable[str]]
OUTPUTS: list[Output] = [write_exports, publish_attachments, write_feed, Downloads()]
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

    def summary(self, verb: str = "Built") -> str:
        """One line: counts and time, in the playbook's default language and nouns."""
        c = self.catalogue
        m = messages_for(c)
        enacted = sum(p.status == "enacted" for p in c.plays.values())
        bites = sum(len(p.soundbites) for p in c.plays.values())
        parts = [
            f"{len(c.plays)} {m.noun('play', len(c.plays))} ("
            + m.ngettext("%(num)d enacted", "%(num)d enacted", enacted)
            + ", "
            + m.ngettext("%(num)d aspirational", "%(num)d aspirational", len(c.plays) - enacted)
            + ")"
        ]
        kinds = c.config.kinds
        if kinds.vignettes:
            parts.append(f"{len(c.vignettes)} {m.noun('vignette', len(c.vignettes))}")
        if kinds.soundbites:
            parts.append(f"{bites} {m.noun('soundbite', bites)}")
        if kinds.toolkit:
            parts.append(f"{len(c.toolkit)} {m.noun('toolkit item', len(c.toolkit))}")
        if self.extra_files:
            parts.append(m.ngettext("%(num)d download", "%(num)d downloads", len(self.extra_files)))
        parts.append(m.ngettext("%(num)d warning", "%(num)d warnings", len(self.warnings)))
        values = {
            "pages": m.ngettext("%(num)d page", "%(num)d pages", self.pages),
            "languages": ", ".join(c.config.languages),
            "where": str(self.site_dir or ""),
            "contents": ", ".join(parts),
            "seconds": f"{self.seconds:.1f}",
        }
        if verb == "Generated":
            return m.gettext("Generated %(pages)s (%(languages)s): %(contents)s in %(seconds)ss", **values)
        if verb == "Regenerated":
            return m.gettext("Regenerated %(pages)s (%(languages)s): %(contents)s in %(seconds)ss", **values)
        if self.site_dir:
            return m.gettext("Built %(pages)s (%(languages)s) into %(where)s: %(contents)s in %(seconds)ss", **values)
        return m.gettext("Built %(pages)s (%(languages)s): %(contents)s in %(seconds)ss", **values)


def messages_for(catalogue: Catalogue) -> Messages:
    """The messages of the language this catalogue speaks, with its own nouns and replacements."""
    config = catalogue.config
    return Messages(config.language, config.nouns, config.messages)


def write_docs(catalogue: Catalogue, docs: Path, outputs: Iterable[Output] = ()) -> tuple[int, list[str]]:
    """Fill `docs` with one language's generated Markdown, assets and extra outputs."""
    copy_tree(PACKAGE / "assets", docs / "assets")
    if logo := catalogue.config.theme.logo:
        # The logo lives in the playbook folder; the theme finds it at the same path inside the docs.
        (docs / logo).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(catalogue.root / logo, docs / logo)
    messages = messages_for(catalogue)
    # Extra outputs first: pages link to a download only when it was written.
    extra: list[str] = []
    for output in outputs:
        extra.extend(output(catalogue, docs, messages))
    pages = write_pages(docs, Renderer(catalogue, messages, downloads=extra).pages())
    return pages, extra


def docs_folder(build: Path, catalogue: Catalogue, language: str) -> Path:
    """build/docs for the default language, build/docs-<lang> for the others."""
    folder = site_folder(catalogue.config, language)
    return build / ("docs" if not folder else f"docs-{folder}")


def generate(root: Path, outputs: Iterable[Output] | None = None) -> BuildResult:
    """Check the catalogue and write build/docs and build/theme, swapping each in whole."""
    return _run(root.resolve(), None, outputs)


def build(root: Path, site_dir: Path | None = None, outputs: Iterable[Output] | None = None, engine: str = "mkdocs") -> BuildResult:
    """Check, generate and build the site with MkDocs or Zensical; the old site stays until the new one is complete."""
    if engine not in ENGINES:
        raise ConfigError(f"engine {engine!r}: expected one of {', '.join(ENGINES)}")
    root = root.resolve()
    return _run(root, (site_dir or root / "site").resolve(), outputs, engine)


def _run(root: Path, site: Path | None, outputs: Iterable[Output] | None, engine: str = "mkdocs") -> BuildResult:
    """The pipeline, one run per folder at a time (see `exclusive`)."""
    build = root / BUILD_DIR
    # Every language's docs folder (build/docs, build/docs-<lang>) may hold a killed build's leftovers.
    docs = [build / "docs", *sorted(p for p in build.glob("docs-*") if p.is_dir())] if build.is_dir() else [build / "docs"]
    with exclusive(build, *docs, build / "theme", *([site] if site is not None else [])):
        return _run_alone(root, site, outputs, engine)


def _run_alone(root: Path, site: Path | None, outputs: Iterable[Output] | None, engine: str = "mkdocs") -> BuildResult:
    """The pipeline; with `site` None it stops before MkDocs (generate)."""
    started = time.perf_counter()
    catalogue, warnings = check(root)
    overrides = read_overrides(root)
    build = root / BUILD_DIR
    languages = catalogue.config.languages
    folders = {language: fresh_folder(docs_folder(build, catalogue, language)) for language in languages}
    new_site = fresh_folder(site) if site is not None else None
    pages, extra = 0, []
    try:
        configs: dict[str, dict[str, object]] = {}
        for language in languages:
            localized = localize(catalogue, language)
            written, files = write_docs(localized, folders[language], OUTPUTS if outputs is None else outputs)
            pages += written
            extra += [f"{site_folder(catalogue.config, language)}/{f}".lstrip("/") for f in files]
            configs[language] = mkdocs_config(localized.config, language, messages_for(localized), overrides)
        _install_theme(build)
        for language in languages:
            write_mkdocs_config(*_config_file(build, catalogue, language, configs[language]))
        if new_site is not None:
            # Every body is rendered: give MkDocs, which holds the whole site in memory, the cache's share.
            to_html.cache_clear()
            for language in languages:  # the default language first: MkDocs empties the folder it builds into
                target = new_site / site_folder(catalogue.config, language)
                builder = build_site_zensical if engine == "zensical" else build_site
                builder(configs[language], folders[language], target, build / "theme")
            # After every language's site is built: one Pagefind bundle per language.
            index_site(new_site)
    except BaseException:
        for folder in folders.values():
            discard(folder)
        if new_site is not None:
            discard(new_site)
        raise
    for language, folder in folders.items():
        swap_in(folder, docs_folder(build, catalogue, language))
    if site is not None and new_site is not None:
        swap_in(new_site, site)
    return BuildResult(catalogue, warnings, pages, time.perf_counter() - started, site_dir=site, extra_files=extra)


def _config_file(
    build: Path, catalogue: Catalogue, language: str, data: dict[str, object]
) -> tuple[Path, dict[str, object], str, str, str]:
    """Where one language's MkDocs configuration is written, and its folders relative to that file."""
    folder = site_folder(catalogue.config, language)
    name = "mkdocs.yml" if not folder else f"mkdocs.{folder}.yml"
    docs = docs_folder(build, catalogue, language).name
    return build / name, data, docs, f"../site/{folder}".rstrip("/"), "theme"


def _install_theme(build: Path) -> None:
    """Copy the theme overrides that mkdocs.yml's custom_dir points at."""
    theme = fresh_folder(build / "theme")
    copy_tree(PACKAGE / "theme", theme)
    swap_in(theme, build / "theme")
