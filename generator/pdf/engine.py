"""HTML -> PDF with WeasyPrint, one part at a time: local files only, tagged, reproducible."""

from __future__ import annotations

import copy
import hashlib
import logging
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ..errors import BuildError
from .documents import STYLESHEET, TEMPLATES

PDF_OPTIONS: dict[str, Any] = {
    # PDF/UA-1: tagged, with title and language in the catalogue, for screen readers.
    "pdf_variant": "pdf/ua-1",
    "optimize_images": True,
}
_LINK_TARGET = re.compile(r'href="#([^"]+)"')
_ID = re.compile(r'\sid="([^"]+)"')

logger = logging.getLogger("generator.pdf")


@dataclass(frozen=True)
class Part:
    """An HTML document laid out on its own; `cards`, (play id, title) pairs, asks for one PDF per card in it as well."""

    name: str
    html: str
    content_hash: str
    cards: tuple[tuple[str, str], ...] = ()


@dataclass
class LaidOut:
    """A part as PDF, with where its anchors landed (page index within the part)."""

    pdf: bytes
    pages: int
    anchors: dict[str, int]
    borrowed: frozenset[str] = frozenset()
    cards: dict[str, bytes] = field(default_factory=dict)


def file_identifier(content_hash: str, name: str) -> bytes:
    """A stable PDF file identifier for one document of one edition."""
    return hashlib.sha256(f"{content_hash}:{name}".encode()).hexdigest()[:32].encode()


def lay_out(part: Part, docs: Path) -> LaidOut:
    """Lay out and write one part (run in a worker process for long documents)."""
    html, borrowed = borrow_anchors(part.html)
    document = typeset(html, part.name, docs / "plays", [docs, TEMPLATES])
    anchors: dict[str, int] = {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            anchors.setdefault(anchor, index)
    laid = LaidOut(write(document, part.name, file_identifier(part.content_hash, part.name)), len(document.pages), anchors, borrowed)
    if part.cards:
        titles = dict(part.cards)
        for play_id, pages in pages_of(document, "card-").items():
            name = f"cards/{play_id}.pdf"
            card = document.copy([document.pages[i] for i in pages])
            # Each card is a document of its own: its title is the play's, not the whole set's.
            card.metadata = copy.copy(document.metadata)
            card.metadata.title = titles.get(play_id, document.metadata.title)
            laid.cards[play_id] = write(card, name, file_identifier(part.content_hash, name))
    return laid


def borrow_anchors(html: str) -> tuple[str, frozenset[str]]:
    """Add an empty target for each link to an anchor that lives in another part, so WeasyPrint keeps the link."""
    missing = sorted(set(_LINK_TARGET.findall(html)) - set(_ID.findall(html)))
    if not missing:
        return html, frozenset()
    spans = "".join(f'<span id="{anchor}"></span>' for anchor in missing)
    return html.replace("</body>", f'<div class="pb-borrowed" aria-hidden="true">{spans}</div>\n</body>', 1), frozenset(missing)


def local_fetcher(allowed: Sequence[Path]) -> Any:
    """A WeasyPrint URL fetcher that serves data: URIs and files under `allowed`, and refuses the rest."""
    from weasyprint.urls import URLFetcher

    roots = tuple(path.resolve() for path in allowed)

    class LocalFetcher(URLFetcher):  # type: ignore[misc]
        """Refuses every remote resource, so a PDF build never touches the network."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            parts = urlsplit(url)
            scheme = parts.scheme.lower()
            if scheme == "data" or (scheme == "file" and _inside(Path(unquote(parts.path)), roots)):
                return super().fetch(url, headers)
            self.refused.append(url)
            raise ValueError(f"not fetched: PDFs use local files only ({url[:120]})")

    fetcher = LocalFetcher(timeout=1, allowed_protocols={"data", "file"}, allow_redirects=False)
    fetcher.refused = []
    return fetcher


def _inside(path: Path, roots: tuple[Path, ...]) -> bool:
    resolved = path.resolve()
    return any(resolved.is_relative_to(root) for root in roots)


@contextmanager
def _weasyprint_log(name: str) -> Iterator[None]:
    """Report WeasyPrint's warnings once each, under the document's name, instead of as they come."""
    weasy = logging.getLogger("weasyprint")
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage())

    handler = Collect(logging.WARNING)
    weasy.addHandler(handler)
    propagate = weasy.propagate
    weasy.propagate = False
    try:
        yield
    finally:
        weasy.removeHandler(handler)
        weasy.propagate = propagate
        for message in dict.fromkeys(messages):
            logger.warning("%s: %s", name, message)


def typeset(html: str, name: str, base: Path, allowed: Sequence[Path]) -> Any:
    """Lay out an HTML document into pages (a weasyprint Document), fetching only files under `allowed`."""
    from weasyprint import CSS, HTML

    fetcher = local_fetcher(allowed)
    try:
        with _weasyprint_log(name):
            css = CSS(filename=str(STYLESHEET), url_fetcher=fetcher)
            return HTML(string=html, base_url=str(base) + "/", url_fetcher=fetcher).render(stylesheets=[css], **PDF_OPTIONS)
    except Exception as exc:  # WeasyPrint raises many kinds; the build names the document.
        raise BuildError(f"{name}: the PDF could not be laid out: {exc}") from exc


def write(document: Any, name: str, identifier: bytes) -> bytes:
    """The PDF bytes of a laid-out document, with a fixed file identifier."""
    try:
        with _weasyprint_log(name):
            pdf: bytes = document.write_pdf(pdf_identifier=identifier, **PDF_OPTIONS)
    except Exception as exc:
        raise BuildError(f"{name}: the PDF could not be written: {exc}") from exc
    return pdf


def pages_of(document: Any, prefix: str) -> dict[str, list[int]]:
    """For each element id starting with `prefix`, the indexes of the pages it appears on."""
    found: dict[str, list[int]] = {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            if anchor.startswith(prefix):
                found.setdefault(anchor[len(prefix) :], []).append(index)
    return found
