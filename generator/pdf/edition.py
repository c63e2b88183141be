"""What identifies one printing of the playbook: its date, version and web addresses.

Everything here comes from the content, never the clock, so the same
catalogue always prints the same cover and the same PDF bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from functools import lru_cache

import segno

from .. import __version__
from ..load import CONFIG_FILE
from ..models import Catalogue


@dataclass(frozen=True)
class Edition:
    """The date, version and site address printed on every PDF of one catalogue, in one language."""

    title: str
    language: str
    date: dt.date | None
    content_hash: str
    site_url: str

    @property
    def version(self) -> str:
        """The generator's version plus a short hash of the content, e.g. 0.1.0+3f2a9c1d."""
        return f"{__version__}+{self.content_hash[:8]}"

    @property
    def w3c_date(self) -> str:
        """The date for the PDF's creation and modification fields, or ''."""
        return self.date.isoformat() if self.date else ""

    def web_address(self, page: str) -> str:
        """Where a generated page (e.g. "plays/x") lives on the site; relative when no site_url is set."""
        # mkdocs.yml uses directory URLs: plays/x.md is served as plays/x/.
        path = f"{page}/"
        return f"{self.site_url.rstrip('/')}/{path}" if self.site_url else path


def edition_of(catalogue: Catalogue) -> Edition:
    """The edition of a (localized) catalogue: its language, latest review date and a hash of every content file."""
    config = catalogue.config
    dates = [play.reviewed for play in catalogue.plays.values()]
    return Edition(
        title=config.title,
        language=config.language,
        date=max(dates) if dates else None,
        content_hash=content_hash(catalogue),
        # Each language's PDFs point at that language's pages.
        site_url=config.url_of(config.language),
    )


def content_hash(catalogue: Catalogue) -> str:
    """SHA-256 over the playbook.yml and every content file (with its translation, in another language), by path, in sorted order."""
    root = catalogue.root
    language = catalogue.config.language
    sources = [root / CONFIG_FILE] + [
        item.source for items in (catalogue.plays, catalogue.vignettes, catalogue.toolkit) for item in items.values()
    ]
    digest = hashlib.sha256()
    if language != catalogue.config.default_language:
        # Another language prints other words from the same files, and its translations sit beside
        # their originals as <id>.<language>.yml.
        digest.update(language.encode() + b"\0")
        translated = (path.with_name(f"{path.stem}.{language}{path.suffix}") for path in list(sources))
        sources += [path for path in translated if path.is_file()]
    for path in sorted(sources):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


@lru_cache(maxsize=4096)
def qr_code(address: str) -> str:
    """A QR code of an absolute web address, as an SVG data URI (drawn locally by segno)."""
    return str(segno.make(address, error="m").svg_data_uri(border=0, scale=4, dark="#000"))
