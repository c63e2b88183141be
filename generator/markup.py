"""Contributor Markdown -> HTML that is safe to show every reader.

Python-Markdown passes raw HTML through untouched, so its output is cleaned
with nh3 against an allow-list of what Markdown and Material need.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser

import markdown
import nh3

EXTENSIONS = ["tables", "abbr", "footnotes", "admonition", "sane_lists", "pymdownx.details", "pymdownx.tasklist"]

_HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
ALLOWED_TAGS = _HEADINGS | {
    "p", "br", "hr", "a", "strong", "em", "b", "i", "code", "pre", "kbd", "blockquote", "ul", "ol", "li",
    "table", "thead", "tbody", "tr", "th", "td", "abbr", "sup", "sub", "div", "details", "summary", "img",
    "input", "label", "span", "del", "ins", "mark", "dl", "dt", "dd",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "li": {"id"},
    "sup": {"id"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"style"},
    "td": {"style"},
    "details": {"open"},
    "input": {"type", "checked", "disabled"},
    "ol": {"start"},
}
# Classes that admonitions, details, task lists and footnotes emit; nothing else,
# so a contributor cannot dress content up as the theme's own controls.
ADMONITION_TYPES = {"note", "abstract", "info", "tip", "success", "question", "warning", "failure", "danger", "bug", "example", "quote"}
ALLOWED_CLASSES = {
    "div": {"admonition", "footnote"} | ADMONITION_TYPES,
    "details": ADMONITION_TYPES,
    "p": {"admonition-title"},
    "ul": {"task-list"},
    "li": {"task-list-item"},
    "label": {"task-list-control"},
    "span": {"task-list-indicator"},
    "a": {"footnote-ref", "footnote-backref"},
    "sup": set(),
}
URL_SCHEMES = {"http", "https", "mailto"}
_FOOTNOTE_ID = re.compile(r"^(pb-[a-z0-9-]+-)?fn(ref)?:[\w-]+$")
# Browsers ignore tabs, newlines and control characters inside a URL's scheme ("java\tscript:").
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
# An input the allow-list keeps must be a task-list checkbox; without a type it would be a text box.
_NON_CHECKBOX_INPUT = re.compile(r'<input(?![^>]*\btype="checkbox")[^>]*>')


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    # Task-list checkboxes are the only input a body may carry.
    if tag == "input" and attribute == "type" and value != "checkbox":
        return None
    # Footnote ids only: any other id could shadow the page's own elements.
    if attribute == "id" and not _FOOTNOTE_ID.match(value):
        return None
    # The site makes no request to another host: a remote image is dropped.
    if tag == "img" and attribute == "src" and url_scheme(value):
        return None
    return value


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=EXTENSIONS, output_format="html")


# Room for every body of a catalogue of tens of thousands of plays: check's rules
# and the renderer each walk all bodies in turn, and an LRU smaller than one walk
# would miss every time.
BODY_CACHE_SIZE = 1 << 16


# Bodies a worker process already converted (see parallel_read), taken once into the cache.
_PREPARED: dict[str, str] = {}


def prepare(converted: dict[str, str]) -> None:
    """Hand over bodies converted elsewhere by `to_html`, so this process need not convert them again."""
    _PREPARED.update(converted)


@lru_cache(maxsize=BODY_CACHE_SIZE)
def to_html(text: str) -> str:
    """Contributor Markdown as HTML, not yet sanitized; each body is converted once per process."""
    if (ready := _PREPARED.pop(text, None)) is not None:
        return ready
    converter = _converter()
    converter.reset()
    return str(converter.convert(text))


def sanitize(html: str) -> str:
    """Remove everything not on the allow-list from an HTML fragment."""
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        attribute_filter=_attribute_filter,
        filter_style_properties={"text-align"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return _NON_CHECKBOX_INPUT.sub("", cleaned)


def render_markdown(text: str, id_prefix: str = "") -> str:
    """Render contributor Markdown to sanitized HTML."""
    html = to_html(text)
    if id_prefix:
        html = re.sub(r'id="(fn[^"]*)"', rf'id="{id_prefix}\1"', html)
        html = re.sub(r'href="#(fn[^"]*)"', rf'href="#{id_prefix}\1"', html)
    return sanitize(html)


@dataclass(frozen=True)
class Removal:
    """Something in contributor HTML that the sanitizer takes out, and where to look for it."""

    message: str
    hint: str
    needle: str


def url_scheme(url: str) -> str:
    """The scheme of a URL as a browser reads it ('' for a link within the site)."""
    found = _SCHEME.match(_URL_NOISE.sub("", url).lower())
    return found.group(1) if found else ""


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.removals: list[Removal] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # Headings are the heading rule's business; h1 is only demoted to text.
        if tag not in ALLOWED_TAGS and tag != "h1":
            # `<scr<script>` reaches the parser as one odd name: show the part that reads as a tag.
            name = found.group() if (found := re.match(r"[a-z][a-z0-9-]*", tag)) else tag
            self.removals.append(Removal(f"HTML tag <{name}> is not allowed", "remove it; write Markdown instead", f"<{name}"))
            return
        allowed = ALLOWED_ATTRIBUTES.get(tag, set()) | {"class"}
        for name, value in attrs:
            value = value or ""
            shown = _URL_NOISE.sub(" ", value).strip()[:60]
            if name not in allowed:
                self.removals.append(Removal(f"HTML attribute '{name}' on <{tag}> is not allowed", "remove it", name))
            elif tag == "img" and name == "src" and url_scheme(value) in ("http", "https"):
                message = f"expected an image that is part of the playbook, found one loaded from '{shown}'"
                hint = "readers' browsers must not contact other hosts; describe the image in text instead"
                self.removals.append(Removal(message, hint, value))
            elif name in ("href", "src") and url_scheme(value) not in URL_SCHEMES | {""}:
                message = f"expected an http, https or mailto address, found '{shown}'"
                self.removals.append(Removal(message, "link to a web page or an email address", value))
            elif tag == "input" and name == "type" and value != "checkbox":
                self.removals.append(Removal(f"expected a task-list checkbox, found <input type=\"{shown}\">", "remove it", name))


def removed_markup(text: str) -> list[Removal]:
    """What the sanitizer would take out of this Markdown, for `playbook check` to report."""
    parser = _Elements()
    parser.feed(to_html(text))
    parser.close()
    return parser.removals
