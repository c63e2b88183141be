"""Catalogue rules: what a valid catalogue gives, and what each broken rule reports."""

from __future__ import annotations

from pathlib import Path

from conftest import check_errors as _errors
from conftest import edit_file as _edit

from generator.validate import check


def test_mini_catalogue_loads_into_models(mini_root: Path) -> None:
    catalogue, warnings = check(mini_root)
    assert sorted(catalogue.plays) == ["host-info-night", "map-programs"]
    play = catalogue.plays["map-programs"]
    assert play.status == "enacted" and play.strategy == "find"
    assert play.soundbites[0].speaker == "Ecosystem lead"
    assert play.reviewed.isoformat() == "2026-09-01"
    assert [v.id for v in catalogue.vignettes_of("map-programs")] == ["riverside-maps"]


def test_relations_are_navigable_from_both_sides(mini_root: Path) -> None:
    catalogue, _ = check(mini_root)
    # map-programs declares the relation; host-info-night must show it too.
    assert [p.id for p in catalogue.related_to("host-info-night")] == ["map-programs"]
    assert [p.id for p in catalogue.related_to("map-programs")] == ["host-info-night"]
    assert [t.id for t in catalogue.toolkit_of("map-programs")] == ["mapping-sheet"]
    assert [p.id for p in catalogue.plays_using("mapping-sheet")] == ["map-programs"]


def test_enacted_play_without_vignette_is_an_error(mini_root: Path) -> None:
    (mini_root / "vignettes" / "riverside-maps.yml").unlink()
    assert _errors(mini_root) == [
        "plays/map-programs.yml:3:9: status: an enacted play needs at least one vignette, found none "
        "(add a vignette whose plays list 'map-programs', or mark the play aspirational)"
    ]


def test_aspirational_play_may_have_no_vignette(mini_root: Path) -> None:
    catalogue, _ = check(mini_root)
    assert catalogue.plays["host-info-night"].status == "aspirational"
    assert catalogue.vignettes_of("host-info-night") == []


def test_dangling_reference_names_file_line_and_suggests(mini_root: Path) -> None:
    _edit(mini_root / "plays" / "map-programs.yml", "related: [host-info-night]", "related: [host-info-nite]")
    assert _errors(mini_root) == [
        "plays/map-programs.yml:18:11: related[0]: play 'host-info-nite' does not exist (did you mean 'host-info-night'?)"
    ]


def test_bad_status_suggests_the_right_word(mini_root: Path) -> None:
    _edit(mini_root / "plays" / "host-info-night.yml", "status: aspirational", "status: aspirationel")
    assert _errors(mini_root) == [
        "plays/host-info-night.yml:3:9: status: expected one of enacted, aspirational; found 'aspirationel' (did you mean 'aspirational'?)"
    ]


def test_every_error_is_reported_in_one_run(mini_root: Path) -> None:
    _edit(mini_root / "plays" / "host-info-night.yml", "strategy: connect", "strategy: conect\ncolour: blue")
    _edit(mini_root / "toolkit" / "mapping-sheet.yml", "plays: [map-programs]", "plays: [map-program]")
    errors = _errors(mini_root)
    assert len(errors) == 3
    assert any("found 'conect'" in e and "did you mean 'connect'" in e for e in errors)
    assert any("unknown field 'colour'" in e for e in errors)
    assert any(e.startswith("toolkit/mapping-sheet.yml:") and "play 'map-program' does not exist" in e for e in errors)
