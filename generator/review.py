"""Warnings: things worth a reviewer's look that do not stop a build.

Each rule has the same shape as the rules in `validate`, but yields
problems of severity "warning"; `playbook check` prints them and exits 0.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .errors import Problem
from .models import Catalogue
from .source import Document

# Cards on strategy and browse pages show the whole summary; past this many
# characters a card grows taller than its neighbours and the grid turns ragged.
CARD_SUMMARY_CHARACTERS = 200
# A story older than this is likely to describe a programme that has changed.
VIGNETTE_MAX_AGE_YEARS = 5


def _warning(document: Document, field: str, message: str, hint: str = "") -> Problem:
    return document.problem((field,), message, hint, severity="warning")


def unlinked_plays(catalogue: Catalogue, documents: dict[str, Document]) -> Iterable[Problem]:
    """A play no other play, vignette or toolkit item points to is only found through its strategy."""
    plays, toolkit = catalogue.plays, catalogue.toolkit
    linked = {i for vignette in catalogue.vignettes.values() for i in vignette.plays}
    linked.update(i for item in toolkit.values() for i in item.plays)
    for play in plays.values():
        # A relation shows on both plays' pages, and a toolkit link on the play's page too.
        related = [i for i in play.related if i in plays and i != play.id]
        linked.update(related)
        if related or any(i in toolkit for i in play.toolkit):
            linked.add(play.id)
    for play in plays.values():
        if play.id not in linked:
            message = "this play is not linked from any other play, vignette or toolkit item"
            yield _warning(documents[f"play:{play.id}"], "related", message, "list a play that goes well with it under 'related'")


def long_summaries(catalogue: Catalogue, documents: dict[str, Document]) -> Iterable[Problem]:
    """Summaries are shown on cards, which have room for a couple of sentences."""
    items = [(f"play:{p.id}", p.summary) for p in catalogue.plays.values()]
    items += [(f"toolkit:{t.id}", t.summary) for t in catalogue.toolkit.values()]
    for key, summary in items:
        if len(summary) > CARD_SUMMARY_CHARACTERS:
            yield _warning(
                documents[key],
                "summary",
                f"expected at most {CARD_SUMMARY_CHARACTERS} characters to fit on a card, found {len(summary)}",
                "shorten it; say the rest in the body",
            )


def old_vignettes(catalogue: Catalogue, documents: dict[str, Document], today: dt.date | None = None) -> Iterable[Problem]:
    """Stories older than a few years may no longer describe how the play works."""
    this_year = (today or dt.date.today()).year
    for vignette in catalogue.vignettes.values():
        if vignette.year is not None and this_year - vignette.year > VIGNETTE_MAX_AGE_YEARS:
            yield _warning(
                documents[f"vignette:{vignette.id}"],
                "year",
                f"the story is from {vignette.year}, more than {VIGNETTE_MAX_AGE_YEARS} years ago",
                "check that it still holds, or add a newer story",
            )


def future_dates(catalogue: Catalogue, documents: dict[str, Document], today: dt.date | None = None) -> Iterable[Problem]:
    """A review date or story year in the future is usually a typing slip."""
    today = today or dt.date.today()
    for play in catalogue.plays.values():
        if play.reviewed > today:
            message = f"the review date {play.reviewed.isoformat()} is in the future"
            yield _warning(documents[f"play:{play.id}"], "reviewed", message, "use the date of the review")
    for vignette in catalogue.vignettes.values():
        if vignette.year is not None and vignette.year > today.year:
            message = f"the year {vignette.year} is in the future"
            yield _warning(documents[f"vignette:{vignette.id}"], "year", message, "use the year the work took place")


def added_dates(catalogue: Catalogue, documents: dict[str, Document], today: dt.date | None = None) -> Iterable[Problem]:
    """An item cannot be added after its review, nor in the future: the "What's new" page and feed would mislead."""
    today = today or dt.date.today()
    dated = [(f"play:{p.id}", p.added) for p in catalogue.plays.values()]
    dated += [(f"vignette:{v.id}", v.added) for v in catalogue.vignettes.values()]
    dated += [(f"toolkit:{t.id}", t.added) for t in catalogue.toolkit.values()]
    for key, added in dated:
        if added is None:
            continue
        if added > today:
            yield _warning(documents[key], "added", f"the date added {added.isoformat()} is in the future", "use the day it was added")
        elif key.startswith("play:") and added > (reviewed := catalogue.plays[key[5:]].reviewed):
            message = f"the date added {added.isoformat()} is after the review date {reviewed.isoformat()}"
            yield _warning(documents[key], "added", message, "a play is reviewed when or after it is added; check both dates")


WARNINGS = [unlinked_plays, long_summaries, old_vignettes, future_dates, added_dates]
