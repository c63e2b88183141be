"""Warnings: worth a reviewer's look, printed by `playbook check`, never a failure."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator import review
from generator.cli import main
from generator.validate import check


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _warnings(root: Path) -> list[str]:
    _, problems = check(root)
    assert all(p.severity == "warning" for p in problems)
    return [p.format(root) for p in problems]


def test_the_fixture_and_the_sample_have_no_warnings(mini_root: Path, sample_root: Path) -> None:
    assert _warnings(mini_root) == []
    assert _warnings(sample_root) == []


def test_a_play_nothing_links_to_is_worth_a_look(mini_root: Path) -> None:
    _edit(mini_root / "plays" / "map-programs.yml", "related: [host-info-night]\n", "")
    assert _warnings(mini_root) == [
        "plays/host-info-night.yml:1:1: warning: related: this play is not linked from any other play, vignette or toolkit item "
        "(list a play that goes well with it under 'related')"
    ]


def test_a_relation_counts_for_both_plays(mini_root: Path) -> None:
    _edit(mini_root / "plays" / "map-programs.yml", "related: [host-info-night]\n", "")
    _edit(mini_root / "plays" / "host-info-night.yml", "tags:", "related: [map-programs]\ntags:")
    assert _warnings(mini_root) == []


def test_a_summary_longer_than_a_card_is_worth_a_look(mini_root: Path) -> None:
    summary = "Invite admissions officers to meet program students and families."
    longer = " ".join([summary] * 4)
    _edit(mini_root / "plays" / "host-info-night.yml", summary, longer)
    assert _warnings(mini_root) == [
        f"plays/host-info-night.yml:4:10: warning: summary: expected at most {review.CARD_SUMMARY_CHARACTERS} characters "
        f"to fit on a card, found {len(longer)} (shorten it; say the rest in the body)"
    ]


def test_an_old_vignette_is_worth_a_look(mini_root: Path) -> None:
    year = dt.date.today().year - review.VIGNETTE_MAX_AGE_YEARS - 1
    _edit(mini_root / "vignettes" / "riverside-maps.yml", "year: 2023", f"year: {year}")
    assert _warnings(mini_root) == [
        f"vignettes/riverside-maps.yml:6:7: warning: year: the story is from {year}, more than "
        f"{review.VIGNETTE_MAX_AGE_YEARS} years ago (check that it still holds, or add a newer story)"
    ]


def test_dates_in_the_future_are_worth_a_look(mini_root: Path) -> None:
    next_year = dt.date.today().year + 1
    _edit(mini_root / "plays" / "host-info-night.yml", "reviewed: 2026-09-02", f"reviewed: {next_year}-01-01")
    _edit(mini_root / "vignettes" / "riverside-maps.yml", "year: 2023", f"year: {next_year}")
    assert len(_warnings(mini_root)) == 2


def test_warnings_do_not_fail_the_check(mini_root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    _edit(mini_root / "plays" / "map-programs.yml", "related: [host-info-night]\n", "")
    assert main(["check", "--root", str(mini_root)]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith("plays/host-info-night.yml:1:1: warning: related:")
    assert captured.out == "2 plays, 1 vignette, 1 toolkit item: no errors, 1 warning(s)\n"


def test_warnings_wait_until_the_errors_are_fixed(mini_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # With map-programs' reference broken, host-info-night would look unlinked: that warning would mislead.
    _edit(mini_root / "plays" / "map-programs.yml", "related: [host-info-night]", "related: [host-info-nite]")
    assert main(["check", "--root", str(mini_root)]) == 1
    assert ": warning:" not in capsys.readouterr().err
