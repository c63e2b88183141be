"""The validated catalogue: what templates and exporters are given."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Strategy:
    """A strategy (or workgroup) that plays are grouped under."""

    id: str
    number: int | None
    title: str
    summary: str


@dataclass(frozen=True)
class FacetValue:
    """One allowed value of a facet."""

    id: str
    label: str


@dataclass(frozen=True)
class Facet:
    """A dimension plays are tagged along, such as workgroup or audience."""

    id: str
    label: str
    description: str
    values: tuple[FacetValue, ...]

    def label_of(self, value_id: str) -> str:
        """The reader-facing label of one of this facet's values."""
        return next(v.label for v in self.values if v.id == value_id)


@dataclass(frozen=True)
class ToolkitSection:
    """A section of the quick-start toolkit."""

    id: str
    title: str


@dataclass(frozen=True)
class Labels:
    """The words this playbook uses for each kind of content."""

    enacted: str = ""
    aspirational: str = ""
    vignette: str = ""
    soundbites: str = ""
    toolkit: str = ""


@dataclass(frozen=True)
class Kinds:
    """Which kinds of content beyond plays the playbook publishes."""

    vignettes: bool = True
    soundbites: bool = True
    toolkit: bool = True


@dataclass(frozen=True)
class Theme:
    """The site's colours and logo."""

    primary: str = "indigo"
    accent: str = "indigo"
    logo: str = ""


@dataclass(frozen=True)
class Config:
    """The playbook's own configuration (playbook.yml)."""

    title: str
    tagline: str
    aim: str
    language: str
    labels: Labels
    strategies: tuple[Strategy, ...]
    facets: tuple[Facet, ...]
    toolkit_sections: tuple[ToolkitSection, ...]
    repository: str = ""
    edit_branch: str = "main"
    notice: str = ""
    site_url: str = ""
    # Who publishes the playbook, who funds it, its content licence and where to write to.
    organisation: str = ""
    funder: str = ""
    licence: str = ""
    contact: str = ""
    # Every language of the site, the default first; `language` is the one this copy speaks.
    languages: tuple[str, ...] = ("en",)
    nouns: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    messages: Mapping[str, Any] = field(default_factory=dict)
    kinds: Kinds = Kinds()
    theme: Theme = Theme()
    # The facet whose values are the columns of the evidence and gap map ('' for the first facet).
    map_facet: str = ""

    @property
    def numbered(self) -> bool:
        """Whether the strategies carry numbers (all do, or none)."""
        return all(s.number is not None for s in self.strategies)

    @property
    def default_language(self) -> str:
        """The language content files are written in."""
        return self.languages[0]

    def url_of(self, language: str) -> str:
        """The published address of one language's site ('' without site_url)."""
        if not self.site_url:
            return ""
        base = self.site_url.rstrip("/") + "/"
        return base if language == self.default_language else f"{base}{language}/"


@dataclass(frozen=True)
class Soundbite:
    """A short quote from a participant, attached to a play."""

    quote: str
    speaker: str
    organisation: str = ""
    cohort: str = ""


@dataclass
class Play:
    """A concrete thing an ecosystem can do."""

    id: str
    source: Path
    title: str
    strategy: str
    status: str
    summary: str
    body: str
    steps: list[str]
    facets: dict[str, list[str]]
    reviewed: dt.date
    soundbites: list[Soundbite] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    toolkit: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    added: dt.date | None = None


@dataclass(frozen=True)
class Outcome:
    """A result of a vignette, with its figure."""

    label: str
    figure: str = ""


@dataclass
class Vignette:
    """How a named ecosystem carried a play out."""

    id: str
    source: Path
    title: str
    ecosystem: str
    story: str
    place: str = ""
    plays: list[str] = field(default_factory=list)
    year: int | None = None
    outcomes: list[Outcome] = field(default_factory=list)
    cohort: str = ""
    illustrative: bool = False
    added: dt.date | None = None


@dataclass
class ToolkitItem:
    """A resource of the quick-start toolkit."""

    id: str
    source: Path
    title: str
    section: str
    kind: str
    summary: str
    body: str
    url: str = ""
    file: str = ""
    plays: list[str] = field(default_factory=list)
    added: dt.date | None = None


@dataclass
class Catalogue:
    """Everything in one playbook folder, checked and cross-referenced."""

    root: Path
    config: Config
    plays: dict[str, Play]
    vignettes: dict[str, Vignette]
    toolkit: dict[str, ToolkitItem]
    # Items ("play:id") shown wholly or partly in the default language, with the fields no translation covers.
    untranslated: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # language -> "play:id" (or "config") -> the translated fields, as read from the sibling files.
    translations: Mapping[str, Mapping[str, Mapping[str, Any]]] = field(default_factory=dict)

    def strategy(self, strategy_id: str) -> Strategy:
        """The strategy with this id."""
        return next(s for s in self.config.strategies if s.id == strategy_id)

    def plays_of(self, strategy_id: str) -> list[Play]:
        """The plays of a strategy: enacted first, then by title."""
        return self._by_strategy.get(strategy_id, [])

    def neighbours(self, play_id: str) -> tuple[Play | None, Play | None]:
        """The plays before and after this one in its strategy's order, or None at either end."""
        play = self.plays[play_id]
        order = self._by_strategy[play.strategy]
        at = self._strategy_position[play_id]
        return (order[at - 1] if at > 0 else None, order[at + 1] if at + 1 < len(order) else None)

    def plays_named(self, ids: list[str]) -> list[Play]:
        """The plays with these ids, in that order."""
        return [self.plays[i] for i in ids]

    def vignettes_of(self, play_id: str) -> list[Vignette]:
        """The vignettes that illustrate a play."""
        return self._vignettes_by_play.get(play_id, [])

    def toolkit_of(self, play_id: str) -> list[ToolkitItem]:
        """Toolkit items linked to a play, from either side."""
        ids = dict.fromkeys(self.plays[play_id].toolkit + self._toolkit_by_play.get(play_id, []))
        # With the toolkit switched off its items are not loaded: a play's links to them fall away.
        return [self.toolkit[i] for i in ids if i in self.toolkit]

    def related_to(self, play_id: str) -> list[Play]:
        """Related plays, whichever side declared the relation."""
        ids = dict.fromkeys(self.plays[play_id].related + self._related_back.get(play_id, []))
        return [self.plays[i] for i in ids if i != play_id]

    def plays_using(self, item_id: str) -> list[Play]:
        """Plays a toolkit item supports, from either side."""
        ids = dict.fromkeys(self.toolkit[item_id].plays + self._plays_by_toolkit.get(item_id, []))
        return [self.plays[i] for i in ids]

    # Reverse indexes, built once: looking relations up by scanning every
    # play from every play grows with the square of the catalogue.
    @cached_property
    def _by_strategy(self) -> dict[str, list[Play]]:
        index: dict[str, list[Play]] = {}
        for play in sorted(self.plays.values(), key=lambda p: (p.status != "enacted", p.title.lower(), p.id)):
            index.setdefault(play.strategy, []).append(play)
        return index

    @cached_property
    def _strategy_position(self) -> dict[str, int]:
        return {play.id: at for plays in self._by_strategy.values() for at, play in enumerate(plays)}

    @cached_property
    def _vignettes_by_play(self) -> dict[str, list[Vignette]]:
        index: dict[str, list[Vignette]] = {}
        for vignette in self.vignettes.values():
            for play_id in vignette.plays:
                index.setdefault(play_id, []).append(vignette)
        return index

    @cached_property
    def _toolkit_by_play(self) -> dict[str, list[str]]:
        return _invert({t.id: t.plays for t in self.toolkit.values()})

    @cached_property
    def _plays_by_toolkit(self) -> dict[str, list[str]]:
        return _invert({p.id: p.toolkit for p in self.plays.values()})

    @cached_property
    def _related_back(self) -> dict[str, list[str]]:
        return _invert({p.id: p.related for p in self.plays.values()})


def _invert(links: dict[str, list[str]]) -> dict[str, list[str]]:
    """{a: [x, y]} -> {x: [a], y: [a]}, keeping the order of `links`."""
    index: dict[str, list[str]] = {}
    for source, targets in links.items():
        for target in targets:
            index.setdefault(target, []).append(source)
    return index
