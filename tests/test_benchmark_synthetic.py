"""The scale benchmark's synthetic catalogue is a valid playbook: it checks clean and builds."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from generator import build as pipeline
from generator.validate import check

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks import scale  # noqa: E402
from benchmarks.synthetic import Counts, write_catalogue  # noqa: E402

PLAYS = 30


@pytest.fixture(scope="module")
def synthetic_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic catalogue of 30 plays."""
    root = tmp_path_factory.mktemp("synthetic") / "playbook"
    write_catalogue(root, PLAYS)
    return root


def test_synthetic_catalogue_checks_clean_in_proportion(synthetic_root: Path) -> None:
    catalogue, warnings = check(synthetic_root)
    assert warnings == []
    counts = Counts.for_plays(PLAYS)
    assert (len(catalogue.plays), len(catalogue.vignettes), len(catalogue.toolkit)) == (counts.plays, counts.vignettes, counts.toolkit)
    enacted = [p for p in catalogue.plays.values() if p.status == "enacted"]
    assert len(enacted) == (PLAYS + 1) // 2
    assert all(catalogue.vignettes_of(p.id) for p in enacted)
    assert {p.strategy for p in catalogue.plays.values()} == {s.id for s in catalogue.config.strategies}
    assert any(p.soundbites for p in catalogue.plays.values()) and any(p.related for p in catalogue.plays.values())
    words = {w for p in catalogue.plays.values() for w in p.body.split()}
    assert all(100 <= len(p.body.split()) <= 220 for p in catalogue.plays.values())
    assert len(words) > 1000, "bodies should use a varied vocabulary, as real text does"


def test_synthetic_catalogue_is_deterministic(synthetic_root: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    write_catalogue(again, PLAYS)
    first = sorted(p.relative_to(synthetic_root) for p in synthetic_root.rglob("*.yml"))
    assert first == sorted(p.relative_to(again) for p in again.rglob("*.yml"))
    assert all((synthetic_root / p).read_bytes() == (again / p).read_bytes() for p in first)


@pytest.mark.slow
def test_synthetic_catalogue_builds_and_floor_builds(synthetic_root: Path) -> None:
    outputs, names, excluded = scale.site_outputs()
    assert not any("pdf" in name.lower() for name in names)
    result = pipeline.build(synthetic_root, outputs=outputs)
    site = synthetic_root / "site"
    assert result.warnings == []
    assert len(list((site / "plays").glob("*/index.html"))) == PLAYS
    assert (site / "pagefind" / "pagefind-entry.json").stat().st_size > 0
    floor = scale.child_floor(synthetic_root)
    assert floor["pages"] == result.pages
    assert not (synthetic_root / "floor-site").exists()
