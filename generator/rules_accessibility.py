"""Accessibility rules for contributor Markdown: alt text, link text, captions, heading levels.

The theme cannot repair what a contributor writes, so `playbook check`
refuses the barriers a body can carry. Each body is converted with the same
Markdown extensions the site uses and its headings, links and images are
read back from the HTML, before sanitizing (which would hide a level-1
heading by dropping the tag).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from . import schema
from .errors import Problem
from .markup import BODY_CACHE_SIZE, to_html
from .models import Catalogue
from .source import Document

# Link text that says nothing about where the link goes (WCAG 2.4.4), compared
# after lower-casing and dropping punctuation.
VAGUE_LINK_TEXT = frozenset({"click here", "click", "here", "link", "this link", "this", "more", "read more", "click this link"})
# Words that show a link leads to a video's captions or transcript.
CAPTION_WORDS = ("transcript", "caption", "subtitle")
_LITERAL_BLOCK = re.compile(r"\|[-+0-9]*\s*(#.*)?$")


@dataclass
class Element:
    """A heading, link or image found in a body, with its text and attributes."""

    tag: str
    attrs: dict[str, str]
    text: str = ""


class _Outline(HTMLParser):
    """Collects headings, links and images from rendered Markdown."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._open: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        if tag == "img":
            self.elements.append(element)
            for parent in self._open:  # an image inside a link names the link by its alt text
                parent.text += element.attrs.get("alt", "")
        elif tag == "a" or re.fullmatch(r"h[1-6]", tag):
            self.elements.append(element)
            self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1].tag == tag:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for element in self._open:
            element.text += data


@lru_cache(maxsize=BODY_CACHE_SIZE)
def body_elements(text: str) -> tuple[Element, ...]:
    """The headings, links and images of one Markdown body, in document order (each rule reads them)."""
    parser = _Outline()
    parser.feed(to_html(text))
    parser.close()
    for element in parser.elements:
        element.text = " ".join(element.text.split())
    return tuple(parser.elements)


@dataclass
class Body:
    """One Markdown field of one content file."""

    document: Document
    field: str
    text: str

    def problem(self, needle: str, message: str, hint: str = "", opener: str = "") -> Problem:
        """A problem on the body line holding `needle`, at the `opener` before it (or the line's start).

        Falls back to the field itself when the line cannot be placed.
        """
        line, column = self.document.where((self.field,))
        lines = _source_lines(self.document.path)
        # Only a `|` block maps its lines one to one onto the body's lines.
        if needle and 0 < line <= len(lines) and _LITERAL_BLOCK.match(lines[line - 1][column - 1 :]):
            for index, text in enumerate(self.text.split("\n")):
                number = line + 1 + index
                if needle in text and number <= len(lines) and needle in lines[number - 1]:
                    source = lines[number - 1]
                    start = source.rfind(opener, 0, source.index(needle)) if opener else -1
                    start = start if start >= 0 else len(source) - len(source.lstrip())
                    return Problem(self.document.path, number, start + 1, self.field, message, hint)
        return self.document.problem((self.field,), message, hint)


@lru_cache(maxsize=256)
def _source_lines(path: Path) -> tuple[str, ...]:
    return tuple(path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").split("\n"))


def bodies(documents: dict[str, Document]) -> Iterator[tuple[str, Body]]:
    """Every Markdown field of every content file, with the file's kind."""
    for key in sorted(documents):
        kind = key.split(":", 1)[0]
        document = documents[key]
        data = document.data if isinstance(document.data, dict) else {}
        for field in schema.KINDS.get(kind, ()):
            if field.type == "markdown" and isinstance(data.get(field.name), str):
                yield kind, Body(document, field.name, data[field.name])


def images_have_alt_text(catalogue: Catalogue, documents: dict[str, Document]) -> Iterable[Problem]:
    """Every image says what it shows (WCAG 1.1.1)."""
    for _, body in bodies(documents):
        for element in body_elements(body.text):
            if element.tag == "img" and not element.attrs.get("alt", "").strip():
                src = element.attrs.get("src", "")
                hint = "describe what it shows: ![a map of the region's programs](map.png)"
                # A Markdown image is found by "(src", an HTML one by its src alone.
                needle, opener = (f"({src}", "![") if f"({src}" in body.text else (src, "<img")
                yield body.problem(needle, f"image '{src}' has no alt text", hint, opener)


def link_text_says_where(catalogue: Catalogue, documents: dict[str, Document]) -> Iterable[Problem]:
    """Link text names its destination; 'click here' means nothing read out of context (WCAG 2.4.4)."""
    for _, body in bodies(documents):
        for element in body_elements(body.text):
            if element.tag != "a" or "href" not in element.attrs:
                continue
            words = " ".join(re.sub(r"[^\w\s]", " ", element.text.lower()).split())
            if not words or words in VAGUE_LINK_TEXT:
                href = element.attrs["href"]
                message = f"link to '{href}' has no text"
                if element.text:
                    message = f"link text '{element.text}' does not say where the link goes"
                yield body.problem(f"]({href}", message, "say where it goes, e.g. [the admissions checklist](...)", "[")


def videos_have_captions(catalogue: Catalogue, documents: dict[str, Document]) -> Iterable[Problem]:
    """A video toolkit item links to its captions or transcript (WCAG 1.2.2, 1.2.3)."""
    for kind, body in bodies(documents):
        if kind != "toolkit" or body.field != "body" or body.document.data.get("kind") != "video":
            continue
        links = [e for e in body_elements(body.text) if e.tag == "a"]
        if not any(word in (e.text + " " + e.attrs.get("href", "")).lower() for e in links for word in CAPTION_WORDS):
            yield body.problem(
                "",
                "a video needs a link to its captions or transcript, found none",
                "add a line such as [Read the transcript of the video](https://...)",
            )


def headings_do_not_skip(catalogue: Catalogue, documents: dict[str, Document]) -> Iterable[Problem]:
    """Body headings start at ## (the page title is the one h1) and go down one level at a time."""
    for _, body in bodies(documents):
        previous = 1
        for element in body_elements(body.text):
            if not re.fullmatch(r"h[1-6]", element.tag):
                continue
            level = int(element.tag[1])
            if level == 1:
                message = f"heading '{element.text}' is level 1; the page title is the only level-1 heading"
                yield body.problem(element.text, message, f"write ## {element.text}")
            elif level > previous + 1:
                message = f"heading '{element.text}' is level {level} after level {previous}; headings may not skip levels"
                yield body.problem(element.text, message, f"write {'#' * (previous + 1)} {element.text}")
            previous = max(level, 2)


RULES = [images_have_alt_text, link_text_says_where, videos_have_captions, headings_do_not_skip]
