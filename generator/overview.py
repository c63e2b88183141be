"""The evidence and gap map: strategies as rows, the values of one facet as columns.

Each cell counts the enacted and aspirational plays of that strategy carrying
that value, and the vignettes and ecosystems behind them. A cell without an
enacted play is a gap. The map page, the playbook PDF and catalogue.json all
read these counts, so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import Catalogue, Facet, FacetValue, Play, Strategy


@dataclass(frozen=True)
class MapCell:
    """The plays of one strategy that carry one facet value, and what stands behind them."""

    strategy: Strategy
    value: FacetValue
    enacted: tuple[Play, ...]
    aspirational: tuple[Play, ...]
    vignettes: int
    ecosystems: int

    @property
    def gap(self) -> bool:
        """No enacted play here yet: nothing tried and tested."""
        return not self.enacted

    @property
    def plays(self) -> tuple[Play, ...]:
        """Every play the cell counts, enacted first."""
        return self.enacted + self.aspirational


@dataclass(frozen=True)
class EvidenceMap:
    """One facet's map: a row of cells per strategy, a column per facet value."""

    facet: Facet
    rows: tuple[tuple[Strategy, tuple[MapCell, ...]], ...]

    @property
    def cells(self) -> list[MapCell]:
        """Every cell, row by row."""
        return [cell for _, cells in self.rows for cell in cells]

    @property
    def gaps(self) -> int:
        """How many cells hold no enacted play."""
        return sum(cell.gap for cell in self.cells)


def map_facets(catalogue: Catalogue) -> list[Facet]:
    """The facets the map can show, the configured default first."""
    facets = list(catalogue.config.facets)
    chosen = catalogue.config.map_facet
    return sorted(facets, key=lambda f: f.id != chosen) if chosen else facets


def evidence_map(catalogue: Catalogue, facet: Facet | str | None = None) -> EvidenceMap:
    """The map of one facet (by default the configured one, else the first)."""
    if facet is None:
        facet = map_facets(catalogue)[0]
    elif isinstance(facet, str):
        facet = next(f for f in catalogue.config.facets if f.id == facet)
    rows = []
    for strategy in catalogue.config.strategies:
        plays = catalogue.plays_of(strategy.id)
        cells = tuple(
            _cell(catalogue, strategy, value, [p for p in plays if value.id in p.facets.get(facet.id, [])]) for value in facet.values
        )
        rows.append((strategy, cells))
    return EvidenceMap(facet, tuple(rows))


def _cell(catalogue: Catalogue, strategy: Strategy, value: FacetValue, plays: list[Play]) -> MapCell:
    # A vignette illustrating two plays of the cell is one story; ecosystems are told apart by name.
    vignettes = {v.id: v for play in plays for v in catalogue.vignettes_of(play.id)}
    ecosystems = {" ".join(v.ecosystem.casefold().split()) for v in vignettes.values()}
    return MapCell(
        strategy,
        value,
        tuple(p for p in plays if p.status == "enacted"),
        tuple(p for p in plays if p.status != "enacted"),
        len(vignettes),
        len(ecosystems),
    )


def map_data(catalogue: Catalogue) -> dict[str, object]:
    """The maps of every facet as JSON-ready data, for catalogue.json (DATA.md)."""
    facets = map_facets(catalogue)
    return {
        "facet": facets[0].id if facets else None,
        "cells": [
            {
                "facet": m.facet.id,
                "strategy": cell.strategy.id,
                "value": cell.value.id,
                "enacted": len(cell.enacted),
                "aspirational": len(cell.aspirational),
                "vignettes": cell.vignettes,
                "ecosystems": cell.ecosystems,
                "gap": cell.gap,
            }
            for m in (evidence_map(catalogue, f) for f in facets)
            for cell in m.cells
        ],
    }
