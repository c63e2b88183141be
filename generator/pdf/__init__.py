"""PDFs for print: the quick-start toolkit, the whole playbook and one card per play.

The pipeline of one document: render its body as HTML parts
(documents.py), lay the parts out in parallel with WeasyPrint (press.py,
engine.py), lay out the front matter now that page numbers are known, then
join everything into one tagged PDF with bookmarks and footers
(assemble.py, footer.py). `Downloads` is the build output (see
build.OUTPUTS) that writes the PDFs into docs/downloads/; the site's pages
link to them only when they were written.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..i18n import Messages
from ..models import Catalogue
from ..write import discard, fresh_folder, swap_in, write_pages
from .assemble import Assembler
from .documents import PAPERS, Outline, PrintRenderer, cards_outline, playbook_outline, plays_in_order, toolkit_outline
from .edition import edition_of
from .engine import LaidOut, Part
from .footer import Footer
from .press import FRONT_ROUNDS, Press, page_numbers, placeholder_numbers, settled

__all__ = ["CARDS_FILE", "DOWNLOADS", "PAPERS", "PLAYBOOK_FILE", "TOOLKIT_FILE", "Downloads", "card_file", "pdf_files", "write_pdfs"]

DOWNLOADS = "downloads"
TOOLKIT_FILE = "toolkit.pdf"
PLAYBOOK_FILE = "playbook.pdf"
CARDS_FILE = "cards.pdf"


def card_file(play_id: str) -> str:
    """The file name of one play's card, relative to the downloads folder."""
    return f"cards/{play_id}.pdf"


@dataclass(frozen=True)
class Downloads:
    """The build output that writes every PDF of one language into docs/downloads/, on one paper size."""

    paper: str = "letter"

    def __call__(self, catalogue: Catalogue, docs: Path, messages: Messages) -> list[str]:
        """Write the PDFs of the (localized) catalogue in `messages`' language; return their paths relative to `docs`."""
        return [f"{DOWNLOADS}/{name}" for name in write_pdfs(catalogue, docs / DOWNLOADS, messages, self.paper, docs)]


def write_pdfs(catalogue: Catalogue, folder: Path, messages: Messages, paper: str = "letter", docs: Path | None = None) -> list[str]:
    """Write every PDF under `folder`; return their names. `docs` is where local images are looked up."""
    files = list(pdf_files(catalogue, messages, paper, docs or folder))
    write_pages(folder, files)
    return [name for name, _ in files]


def print_folder(catalogue: Catalogue, target: Path, messages: Messages, paper: str = "letter") -> list[str]:
    """Write every PDF into a new folder and swap it in as `target` only when all are written."""
    new = fresh_folder(target)
    try:
        names = write_pdfs(catalogue, new, messages, paper)
    except BaseException:
        discard(new)
        raise
    swap_in(new, target)
    return names


@dataclass
class _Plan:
    """How one document is made: its body parts, its front matter, its bookmarks, its footer."""

    name: str
    parts: list[str]
    outline: Outline
    front: Callable[[dict[str, int]], str] | None = None
    footer: bool = True
    # (play id, title) of each card that is also written as a PDF of its own.
    cards: tuple[tuple[str, str], ...] = ()


def pdf_files(
    catalogue: Catalogue, messages: Messages, paper: str = "letter", docs: Path | None = None, only: Collection[str] | None = None
) -> Iterator[tuple[str, bytes]]:
    """Every PDF as (file name, bytes), in `messages`' language: toolkit, playbook, all cards, then one card per play.

    `only` names the documents to make (TOOLKIT_FILE, PLAYBOOK_FILE, CARDS_FILE, which brings the single cards).
    A playbook whose config switches the toolkit off gets no toolkit PDF.
    """
    wanted = set(only) if only is not None else {TOOLKIT_FILE, PLAYBOOK_FILE, CARDS_FILE}
    edition = edition_of(catalogue)
    renderer = PrintRenderer(catalogue, edition, messages, paper)
    footer = Footer(catalogue.config.title, messages)
    plans: list[_Plan] = []
    if catalogue.config.kinds.toolkit and catalogue.toolkit and TOOLKIT_FILE in wanted:
        plans.append(_Plan(TOOLKIT_FILE, renderer.toolkit_parts(), toolkit_outline(catalogue), renderer.toolkit_front))
    if PLAYBOOK_FILE in wanted:
        plans.append(_Plan(PLAYBOOK_FILE, renderer.playbook_parts(), playbook_outline(catalogue, messages), renderer.playbook_front))
    plays = plays_in_order(catalogue)
    if plays and CARDS_FILE in wanted:
        titles = tuple((play.id, play.title) for play in plays)
        plans.append(_Plan(CARDS_FILE, renderer.card_parts(), cards_outline(catalogue), footer=False, cards=titles))
    cards: list[tuple[str, bytes]] = []
    with Press(docs or catalogue.root) as press:
        assemblers = _lay_out(plans, press, edition.content_hash, cards)
    for plan in plans:
        yield plan.name, assemblers[plan.name].finish(plan.outline, footer if plan.footer else None)
    yield from cards


def _lay_out(plans: list[_Plan], press: Press, content_hash: str, cards: list[tuple[str, bytes]]) -> dict[str, Assembler]:
    """Every document's parts laid out and joined, front matter last; all documents at once, so the cores stay busy.

    Each play's own card goes to `cards`.
    """

    def part(plan: _Plan, html: str, what: str) -> Part:
        return Part(f"{plan.name} ({what})", html, content_hash, plan.cards)

    def front_part(plan: _Plan, numbers: dict[str, int]) -> Part:
        assert plan.front is not None
        return part(plan, plan.front(numbers), "front matter")

    fronts = [plan for plan in plans if plan.front is not None]
    # The front matter's first round uses stand-in page numbers and runs beside the body; they are
    # as wide as numbers up to four pages per bookmarked item (a wrong guess costs one more round).
    first = [front_part(plan, placeholder_numbers([a for _, _, a in plan.outline], 4 * len(plan.outline) + 10)) for plan in fronts]
    body_parts = [part(plan, html, f"part {n + 1} of {len(plan.parts)}") for plan in plans for n, html in enumerate(plan.parts)]
    results = press.lay_out(body_parts + first)
    assemblers = {plan.name: Assembler() for plan in plans}
    body: dict[str, list[LaidOut]] = {plan.name: [] for plan in plans}
    for plan in plans:
        for _ in plan.parts:
            # Joined while the workers lay out the parts after it; only its page count and anchors are kept.
            laid = next(results)
            assemblers[plan.name].add(laid)
            cards += [(card_file(play_id), pdf) for play_id, pdf in laid.cards.items()]
            body[plan.name].append(LaidOut(b"", laid.pages, laid.anchors, laid.borrowed))
    front = {plan.name: next(results) for plan in fronts}
    pending = fronts
    for _ in range(FRONT_ROUNDS):
        if not pending:
            break
        rounds = list(press.lay_out([front_part(plan, page_numbers(front[plan.name], body[plan.name])) for plan in pending]))
        unsettled = [plan for plan, laid in zip(pending, rounds, strict=True) if not settled(front[plan.name], laid)]
        front.update({plan.name: laid for plan, laid in zip(pending, rounds, strict=True)})
        pending = unsettled
    for plan in fronts:
        assemblers[plan.name].add(front[plan.name], first=True)
    return assemblers
