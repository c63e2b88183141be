"""Links and images inside bodies point at something the site has, like every other link.

Bodies reach MkDocs as HTML, which its strict link check does not read, so a
link to ../toolkit/no-such-page.md or an image at /etc/passwd would pass the
build. This rule resolves every link and image within the site against the
pages and files the build writes.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote

from .attachments import attachment_paths
from .errors import Problem
from .load import FOLDERS
from .markup import url_scheme
from .models import Catalogue
from .rules_accessibility import bodies, body_elements
from .source import Document

ASSETS = Path(__file__).parent / "assets"
# The pages every site has besides one per strategy, play, vignette and toolkit item.
FIXED_PAGES = (
    "index.md",
    "browse.md",
    "strategies/index.md",
    "vignettes/index.md",
    "soundbites.md",
    "toolkit/index.md",
    "tags.md",
    "reference.md",
)


def site_pages(catalogue: Catalogue) -> set[str]:
    """The Markdown pages the renderer writes, relative to the docs folder."""
    pages = set(FIXED_PAGES)
    pages |= {f"strategies/{s.id}.md" for s in catalogue.config.strategies}
    pages |= {f"plays/{ident}.md" for ident in catalogue.plays}
    pages |= {f"vignettes/{ident}.md" for ident in catalogue.vignettes}
    pages |= {f"toolkit/{ident}.md" for ident in catalogue.toolkit}
    return pages


def site_files(catalogue: Catalogue) -> set[str]:
    """Every page and file a link or image in a body may point at."""
    assets = {f"assets/{p.relative_to(ASSETS).as_posix()}" for p in ASSETS.rglob("*") if p.is_file()}
    return site_pages(catalogue) | assets | attachment_paths(catalogue)


def _resolve(page: str, target: str, files: set[str]) -> str | None:
    """The file a relative link from `page` reaches, or None when the site has no such file."""
    path = unquote(target.split("#", 1)[0].split("?", 1)[0])
    if not path:
        return page
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    candidates = [joined, f"{joined}.md", f"{joined}/index.md"] if path.endswith("/") else [joined]
    return next((c for c in candidates if not c.startswith("../") and c in files), None)


def body_links_resolve(catalogue: Catalogue, documents: dict[str, Document]) -> Iterable[Problem]:
    """Every link and image within the site reaches a page or file the build writes."""
    files = site_files(catalogue)
    for kind, body in bodies(documents):
        if kind not in FOLDERS:
            continue
        page = f"{FOLDERS[kind]}/{body.document.path.stem}.md"
        for element in body_elements(body.text):
            attribute = {"a": "href", "img": "src"}.get(element.tag)
            target = element.attrs.get(attribute or "", "").strip()
            if not attribute or not target or target.startswith("#") or url_scheme(target):
                continue
            what = "image" if element.tag == "img" else "link"
            opener = "![" if what == "image" else "["
            if target.startswith("/"):
                article = "an image" if what == "image" else "a link"
                message = f"expected {article} relative to this page, found '{target[:60]}', which leaves the playbook"
                yield body.problem(target, message, "write it relative to this page, e.g. ../toolkit/mapping-sheet.md", opener)
            elif _resolve(page, target, files) is None:
                message = f"{what} target '{target[:60]}' is not a page or file of the site"
                hint = "check the name; pages are ../plays/<id>.md, ../vignettes/<id>.md, ../toolkit/<id>.md"
                yield body.problem(target, message, hint, opener)
