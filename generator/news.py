"""What is new: additions and reviews, newest first, for the "What's new" page, the home page and atom.xml.

An item's `added` date is an addition; a play's `reviewed` date is a review
(unless it is the day the play was added). The feed's ids are derived from the
item and the event, never from the build, so a feed reader sees the same entry
as the same entry from one build to the next (RFC 4287, section 4.2.6).
"""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from .i18n import Messages
from .models import Catalogue

FEED_FILE = "atom.xml"
# The feed holds the latest events only: readers fetch it often, and old entries are on the page.
FEED_ENTRIES = 50
# The "What's new" page lists this many; the home page a few.
PAGE_ENTRIES = 100
HOME_ENTRIES = 5
ATOM = "http://www.w3.org/2005/Atom"
# Namespace of the feed's entry ids (uuid5): fixed, so the same event always gets the same id.
ID_NAMESPACE = uuid.UUID("6c1f0e57-8b0e-4f51-9b8e-3a0c2a1d5e13")
_ORDER = {"added": 0, "reviewed": 1}


@dataclass(frozen=True)
class NewsItem:
    """One event: an item added to the playbook, or a play reviewed."""

    date: dt.date
    event: str  # "added" or "reviewed"
    kind: str  # "play", "vignette" or "toolkit"
    id: str
    title: str
    summary: str

    @property
    def noun(self) -> str:
        """The noun the playbook calls this kind of item."""
        return "toolkit item" if self.kind == "toolkit" else self.kind

    def entry_id(self, language: str) -> str:
        """A stable id: the same item, event (and, for a review, its date) and language give the same id."""
        name = f"{language}/{self.kind}/{self.id}/{self.event}" + (f"/{self.date.isoformat()}" if self.event == "reviewed" else "")
        return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, name)}"


def news(catalogue: Catalogue, limit: int | None = None) -> list[NewsItem]:
    """Additions and reviews, newest first; ties by event, kind and title, so the order is stable."""
    items: list[NewsItem] = []
    for play in catalogue.plays.values():
        if play.added:
            items.append(NewsItem(play.added, "added", "play", play.id, play.title, play.summary))
        if play.reviewed != play.added:
            items.append(NewsItem(play.reviewed, "reviewed", "play", play.id, play.title, play.summary))
    if catalogue.config.kinds.vignettes:
        for vignette in catalogue.vignettes.values():
            if vignette.added:
                summary = ", ".join(part for part in (vignette.ecosystem, vignette.place) if part)
                items.append(NewsItem(vignette.added, "added", "vignette", vignette.id, vignette.title, summary))
    if catalogue.config.kinds.toolkit:
        for item in catalogue.toolkit.values():
            if item.added:
                items.append(NewsItem(item.added, "added", "toolkit", item.id, item.title, item.summary))
    items.sort(key=lambda n: (-n.date.toordinal(), _ORDER[n.event], n.kind, n.title.lower(), n.id))
    return items[:limit] if limit is not None else items


def write_feed(catalogue: Catalogue, docs: Path, messages: Messages) -> list[str]:
    """Write atom.xml into one language's docs folder; return its relative path."""
    from .export import page_address, uses_directory_urls  # export imports render, which imports this module

    config = catalogue.config
    directory_urls = uses_directory_urls(catalogue.root)
    base = config.url_of(config.language)
    events = news(catalogue, FEED_ENTRIES)
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": config.language})
    if base:
        feed.set("{http://www.w3.org/XML/1998/namespace}base", base)
    _text(feed, "title", messages.gettext("What's new in %(title)s", title=config.title))
    _text(feed, "subtitle", config.tagline)
    # The feed's own id follows the site, or the playbook's title when it has no address yet.
    _text(feed, "id", f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, (base or config.title) + '/' + config.language + '/feed')}")
    newest = max((e.date for e in events), default=max((p.reviewed for p in catalogue.plays.values()), default=dt.date(2000, 1, 1)))
    _text(feed, "updated", _timestamp(newest))
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", config.title)
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "type": "application/atom+xml", "href": FEED_FILE})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": "./"})
    for event in events:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        if event.event == "added":
            title = messages.gettext("New: %(title)s", title=event.title)
        else:
            title = messages.gettext("Reviewed: %(title)s", title=event.title)
        _text(entry, "title", title)
        _text(entry, "id", event.entry_id(config.language))
        _text(entry, "updated", _timestamp(event.date))
        address = page_address(event.kind, event.id, directory_urls)
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": address})
        ET.SubElement(entry, f"{{{ATOM}}}category", {"term": event.event})
        _text(entry, "summary", f"{messages.noun(event.noun, capital=True)}. {event.summary}".strip())
    ET.indent(feed)
    text = ET.tostring(feed, encoding="unicode", xml_declaration=False)
    (docs / FEED_FILE).write_text('<?xml version="1.0" encoding="utf-8"?>\n' + text + "\n", encoding="utf-8")
    return [FEED_FILE]


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    element.text = text
    return element


def _timestamp(day: dt.date) -> str:
    """An RFC 3339 date-time for a day: midnight UTC, as the content gives no hour."""
    return f"{day.isoformat()}T00:00:00Z"
