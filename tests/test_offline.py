"""The built site loads nothing from another host: no web fonts, icon sets, scripts or analytics.

The browser tests block and record off-host requests as pages run; this test
reads every built HTML and CSS file, so an address that only some page or
some state would load is caught too.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

# Attributes that make a browser fetch something as the page loads.
LOADING = {
    "link": ("href",), "script": ("src",), "img": ("src", "srcset"), "iframe": ("src",), "source": ("src", "srcset"),
    "video": ("src", "poster"), "audio": ("src",), "track": ("src",), "embed": ("src",), "object": ("data",),
    "input": ("src",), "image": ("href",), "use": ("href",),
}  # fmt: skip
# Links that only name a document (a reader may follow them) rather than load it.
NAMING_RELS = {"canonical", "alternate", "author", "license", "help", "next", "prev", "search"}
OFF_HOST = re.compile(r"^\s*(https?:)?//", re.IGNORECASE)
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])((?:https?:)?//[^'")\s]+)""", re.IGNORECASE)


class _Loads(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "link" and set(values.get("rel", "").lower().split()) & NAMING_RELS:
            return
        for name in LOADING.get(tag, ()):
            for url in re.split(r",\s*", values.get(name, "")):
                if OFF_HOST.match(url):
                    self.found.append(f"<{tag} {name}={url.split()[0]!r}>")
        self.found += [f"style url {u}" for u in CSS_URL.findall(values.get("style", ""))]

    def handle_data(self, data: str) -> None:
        # Inline <style> and <script> text: only CSS url()/@import can load; scripts are covered in the browser.
        self.found += [f"inline url {u}" for u in CSS_URL.findall(data)]


def test_no_built_file_loads_from_another_host(sample_site: Path) -> None:
    problems = []
    for path in sorted(sample_site.rglob("*")):
        if path.suffix == ".html":
            parser = _Loads()
            parser.feed(path.read_text(encoding="utf-8"))
            problems += [f"{path.relative_to(sample_site)}: {found}" for found in parser.found]
        elif path.suffix == ".css":
            problems += [f"{path.relative_to(sample_site)}: {url}" for url in CSS_URL.findall(path.read_text(encoding="utf-8"))]
    assert problems == []


def test_web_fonts_are_off(sample_site: Path) -> None:
    # Material loads Roboto from Google unless `font: false`; the system font stack is used instead.
    home = (sample_site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" not in home and "fonts.gstatic.com" not in home
