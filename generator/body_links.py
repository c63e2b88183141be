"""Links and images in bodies, written relative to the page's Markdown file, made to work on the site.

Bodies reach MkDocs as HTML, which it does not rewrite: `../toolkit/sheet.md`
in a play would stay as written and, with directory URLs, lead nowhere. The
renderer resolves each such address the way MkDocs resolves a Markdown link
and writes the URL relative to the page's own.
"""

from __future__ import annotations

import posixpath
import re
from typing import Any

from .markup import url_scheme

# The page a template writes, from the object it is given: template -> (context key, folder).
BODY_PAGES = {"play.md.j2": ("play", "plays"), "vignette.md.j2": ("vignette", "vignettes"), "toolkit_item.md.j2": ("item", "toolkit")}
_ADDRESS = re.compile(r'(<(?:a|img)\b[^>]*?\b(?:href|src)=")([^"]*)(")')


def page_of(template: str, context: dict[str, Any]) -> str:
    """The docs-relative Markdown page a template renders, or '' when it shows no single body."""
    if template not in BODY_PAGES:
        return ""
    key, folder = BODY_PAGES[template]
    item = context.get(key)
    return f"{folder}/{item.id}.md" if item is not None else ""


def _url(path: str, directory_urls: bool) -> str:
    """The site URL (relative to the site root) of a docs file."""
    if not path.endswith(".md"):
        return path
    stem = path[: -len(".md")]
    if posixpath.basename(stem) == "index":
        return posixpath.dirname(stem) + "/" if posixpath.dirname(stem) else ""
    return f"{stem}/" if directory_urls else f"{stem}.html"


def site_address(target: str, page: str, directory_urls: bool) -> str:
    """`target` as written in the body of `page`, rewritten for the built site."""
    if not page or not target or target.startswith(("#", "/")) or url_scheme(target):
        return target
    path, hash_mark, fragment = target.partition("#")
    if not path:
        return target
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    target_url = _url(resolved, directory_urls)
    page_url = _url(page, directory_urls)
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    relative = posixpath.relpath(target_url or ".", base.rstrip("/") or ".")
    if (target_url.endswith("/") or not target_url or path.endswith("/")) and not relative.endswith("/"):
        relative += "/"
    return relative + (hash_mark + fragment if hash_mark else "")


def rewrite(html: str, page: str, directory_urls: bool) -> str:
    """Every relative href and src of a rendered body, rewritten for the site."""
    if not page:
        return html
    return _ADDRESS.sub(lambda m: m.group(1) + site_address(m.group(2), page, directory_urls) + m.group(3), html)
