"""Render the catalogue into the HTML that WeasyPrint lays out, part by part.

Like render.py for the site, this module owns one Jinja environment, for
the print templates only; they get models and the Edition, and contributor
Markdown reaches them already sanitized. Every word they print comes from
the language's message catalogue (see i18n.py), as on the site. A printed document is a front
matter (cover, contents) plus body parts of a bounded size, so that long
catalogues can be laid out in parallel and in bounded memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from markupsafe import Markup

from ..i18n import Messages
from ..interface import group_title
from ..markup import render_markdown
from ..models import Catalogue, Play, ToolkitItem, Vignette
from ..render import template_environment
from .edition import Edition, qr_code

TEMPLATES = Path(__file__).parent.parent / "templates" / "pdf"
STYLESHEET = TEMPLATES / "pdf.css"
PAPERS = {"letter": "letter", "a4": "A4"}
# Blocks per body part: small enough that two parts lay out in parallel in bounded memory.
PLAYS_PER_PART = 40
VIGNETTES_PER_PART = 60
ITEMS_PER_PART = 40
CARDS_PER_PART = 100
# A block of the playbook's body: ("strategy", Strategy), ("play", Play), ("vignettes", None), ("vignette", Vignette).
Block = tuple[str, Any]
Outline = list[tuple[int, str, str]]
_HEADING = re.compile(r"<(/?)h([1-6])\b")
_HREF = re.compile(r'href="([^"#][^"]*)"')
_ABSOLUTE = re.compile(r"^(https?|mailto):", re.IGNORECASE)


class PrintRenderer:
    """Turns a catalogue into the HTML parts of the toolkit, the playbook and the play cards."""

    def __init__(self, catalogue: Catalogue, edition: Edition, messages: Messages, paper: str = "letter") -> None:
        if paper not in PAPERS:
            raise ValueError(f"paper must be one of {', '.join(PAPERS)}, not {paper!r}")
        self.catalogue = catalogue
        self.edition = edition
        self.env = template_environment(TEMPLATES, messages, catalogue.config)
        self.env.filters["markdown"] = self.markdown
        self.env.filters["capital"] = _capital
        self.env.globals.update(
            catalogue=catalogue,
            config=catalogue.config,
            edition=edition,
            paper=PAPERS[paper],
            qr_code=qr_code,
            facet_label=self.facet_label,
            section_title=self.section_title,
            kind_name=lambda kind: messages.pgettext("toolkit kind", kind),
        )

    def markdown(self, text: str, owner: str, page: str, depth: int = 2) -> Markup:
        """Contributor Markdown as sanitized HTML, its headings moved below `depth`, its links absolute."""
        html = render_markdown(text, id_prefix=f"pb-{owner}-")
        # Bodies use ## headings; in print they sit under the item's own heading.
        html = _HEADING.sub(lambda m: f"<{m[1]}h{min(int(m[2]) + depth - 1, 6)}", html)
        return Markup(_HREF.sub(lambda m: self._href(m[1], page), html))

    def _href(self, href: str, page: str) -> str:
        """A body's link as it must work on paper: site-relative ones become web addresses, or plain text."""
        if _ABSOLUTE.match(href):
            return f'href="{href}"'
        if not self.edition.site_url:
            return ""
        # Site pages link as "../plays/x.md"; on paper that is the web address of plays/x/.
        target = urlsplit(urljoin(f"/{page}.md", href)).path.lstrip("/")
        target = re.sub(r"(/?index)?\.md$", "", target)
        return f'href="{self.edition.web_address(target)}"'

    def facet_label(self, facet_id: str, value_id: str) -> str:
        """The label of one facet value."""
        return next(f for f in self.catalogue.config.facets if f.id == facet_id).label_of(value_id)

    def section_title(self, section_id: str) -> str:
        """The title of a toolkit section."""
        return next(s.title for s in self.catalogue.config.toolkit_sections if s.id == section_id)

    def render(self, template: str, **context: Any) -> str:
        """Render one template with the given context."""
        return self.env.get_template(template).render(**context)

    def toolkit_front(self, pages: dict[str, int]) -> str:
        """The toolkit's cover and contents, with the page number of each item."""
        return self.render("toolkit_front.html.j2", items=toolkit_in_order(self.catalogue), pages=pages)

    def toolkit_parts(self) -> list[str]:
        """The toolkit's items, one per page, in parts."""
        return [self.render("toolkit_part.html.j2", items=items) for items in _slices(toolkit_in_order(self.catalogue), ITEMS_PER_PART)]

    def playbook_front(self, pages: dict[str, int]) -> str:
        """The playbook's cover, contents and introduction."""
        return self.render("playbook_front.html.j2", pages=pages)

    def playbook_parts(self) -> list[str]:
        """The strategies with their plays, then the vignettes, in parts."""
        return [self.render("playbook_part.html.j2", blocks=blocks) for blocks in playbook_parts(self.catalogue)]

    def card_parts(self) -> list[str]:
        """One card per play, each starting on a new page, in parts."""
        return [self.render("cards.html.j2", plays=plays) for plays in _slices(plays_in_order(self.catalogue), CARDS_PER_PART)]


def toolkit_in_order(catalogue: Catalogue) -> list[ToolkitItem]:
    """Toolkit items by section (as playbook.yml orders them), then by title, as on the site."""
    order = {section.id: index for index, section in enumerate(catalogue.config.toolkit_sections)}
    return sorted(catalogue.toolkit.values(), key=lambda item: (order[item.section], item.title.lower(), item.id))


def plays_in_order(catalogue: Catalogue) -> list[Play]:
    """Plays by strategy (as playbook.yml orders them), each strategy's plays as on the site."""
    return [play for strategy in catalogue.config.strategies for play in catalogue.plays_of(strategy.id)]


def vignettes_in_order(catalogue: Catalogue) -> list[Vignette]:
    """Vignettes by title, as the site lists them."""
    return sorted(catalogue.vignettes.values(), key=lambda vignette: (vignette.title.lower(), vignette.id))


def playbook_parts(catalogue: Catalogue) -> list[list[Block]]:
    """The playbook's body as parts of at most PLAYS_PER_PART plays (or VIGNETTES_PER_PART vignettes)."""
    parts: list[list[Block]] = []
    current: list[Block] = []
    count = 0
    blocks: list[Block] = []
    for strategy in catalogue.config.strategies:
        blocks.append(("strategy", strategy))
        blocks += [("play", play) for play in catalogue.plays_of(strategy.id)]
    for kind, item in blocks:
        # Cut before a strategy or a play, never between a strategy's heading and its first play.
        if count >= PLAYS_PER_PART and not (kind == "play" and current[-1][0] == "strategy"):
            parts.append(current)
            current, count = [], 0
        current.append((kind, item))
        count += kind == "play"
    parts.append(current)
    vignettes: list[Block] = [("vignette", v) for v in vignettes_in_order(catalogue)] if catalogue.config.kinds.vignettes else []
    for index, blocks in enumerate(_slices(vignettes, VIGNETTES_PER_PART)):
        parts.append(([("vignettes", None)] if index == 0 else []) + blocks)
    return parts


def playbook_outline(catalogue: Catalogue, messages: Messages) -> Outline:
    """The playbook's bookmarks: (level, title, anchor) for the introduction, strategies, plays and vignettes."""
    config = catalogue.config
    outline: Outline = [(1, messages.gettext("About this playbook"), "about")]
    for strategy in config.strategies:
        outline.append((1, group_title(messages, config, strategy), f"strategy-{strategy.id}"))
        outline += [(2, play.title, f"play-{play.id}") for play in catalogue.plays_of(strategy.id)]
    if config.kinds.vignettes and catalogue.vignettes:
        outline.append((1, messages.noun("vignette", 2, capital=True), "vignettes"))
        outline += [(2, v.title, f"vignette-{v.id}") for v in vignettes_in_order(catalogue)]
    return outline


def toolkit_outline(catalogue: Catalogue) -> Outline:
    """The toolkit's bookmarks: one per item."""
    return [(1, item.title, f"item-{item.id}") for item in toolkit_in_order(catalogue)]


def cards_outline(catalogue: Catalogue) -> Outline:
    """The cards' bookmarks: one per play."""
    return [(1, play.title, f"card-{play.id}") for play in plays_in_order(catalogue)]


def _capital(text: str) -> str:
    """`text` with its first letter raised and the rest as it is ("play card" -> "Play card", "STEM" stays)."""
    return text[:1].upper() + text[1:]


def _slices(items: Sequence[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])
