"""`playbook new`: a file with the right id and a comment per field, flagged until filled in."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from generator import scaffold, schema
from generator.cli import main
from generator.errors import ContentError
from generator.load import load_config
from generator.validate import check

TODAY = dt.date(2026, 9, 15)


def _placeholder_fields(root: Path) -> dict[str, set[str]]:
    """File -> fields still holding a placeholder; fails on any other kind of error."""
    with pytest.raises(ContentError) as caught:
        check(root)
    fields: dict[str, set[str]] = {}
    for problem in caught.value.problems:
        assert problem.message.startswith("placeholder not filled in"), problem.format(root)
        fields.setdefault(problem.path.relative_to(root).as_posix(), set()).add(problem.field)
    return fields


def test_new_play_has_the_id_the_strategy_and_a_comment_per_field(mini_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "play", "--root", str(mini_root), "--strategy", "2", "--title", "Host a joint info session"]) == 0
    assert capsys.readouterr().out == "Wrote plays/host-a-joint-info-session.yml: replace every TODO, then run `playbook check`\n"
    text = (mini_root / "plays" / "host-a-joint-info-session.yml").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../schemas/play.schema.json"
    for field in schema.PLAY:
        at = next(i for i, line in enumerate(lines) if line.startswith((f"{field.name}:", f"# {field.name}:")))
        assert any(line.startswith(f"# {field.description}") for line in lines[at - 2 : at]), field.name
    data = yaml.safe_load(text)
    assert data["title"] == "Host a joint info session" and data["strategy"] == "connect"


def test_new_play_is_flagged_only_for_its_placeholders(mini_root: Path) -> None:
    assert main(["new", "play", "--root", str(mini_root), "--strategy", "connect", "--title", "Host a joint info session"]) == 0
    assert _placeholder_fields(mini_root) == {
        "plays/host-a-joint-info-session.yml": {"status", "summary", "body", "steps[0]", "facets.workgroup[0]"}
    }


def test_new_vignette_and_toolkit_item_are_flagged_only_for_their_placeholders(mini_root: Path) -> None:
    assert main(["new", "vignette", "--root", str(mini_root), "--title", "Riverside opens its doors", "--play", "map-programs"]) == 0
    toolkit = ["new", "toolkit", "--root", str(mini_root), "--title", "Info night run sheet", "--section", "start", "--kind", "checklist"]
    assert main(toolkit) == 0
    assert _placeholder_fields(mini_root) == {
        # place, year and outcomes are optional now: the new file offers them commented out.
        "vignettes/riverside-opens-its-doors.yml": {"ecosystem", "story"},
        "toolkit/info-night-run-sheet.yml": {"summary", "body"},
    }


@pytest.mark.parametrize(
    ("what", "values"),
    [
        (
            "play",
            {
                "title": "Host a joint info session",
                "strategy": "connect",
                "status": "aspirational",
                "summary": "Bring programs and admissions together: one evening, one room.",
                "body": "## Why it matters\n\nBoth sides learn what the other looks for.\n",
                "steps": ["Book a room", "Invite admissions"],
                "facets": {"workgroup": ["k-12"]},
                "related": ["map-programs"],
            },
        ),
        (
            "vignette",
            {
                "title": "Riverside opens its doors",
                "ecosystem": "Riverside STEM",
                "place": "Pittsburgh, Pennsylvania",
                "plays": ["map-programs"],
                "year": 2024,
                "story": "It went well.\n",
                "outcomes": [{"figure": "12", "label": "programs came"}],
            },
        ),
        ("toolkit", {"title": "Run sheet", "section": "start", "kind": "checklist", "summary": "What to do when.", "body": "- Arrive\n"}),
    ],
)
def test_a_filled_in_scaffold_passes_the_check(mini_root: Path, what: str, values: dict[str, object]) -> None:
    config, _ = load_config(mini_root)
    text = scaffold.render(what, config, values, TODAY)
    assert [line for line in text.splitlines() if schema.PLACEHOLDER in line and not line.lstrip().startswith("#")] == []
    folder = {"play": "plays", "vignette": "vignettes", "toolkit": "toolkit"}[what]
    (mini_root / folder / "filled-in.yml").write_text(text, encoding="utf-8")
    catalogue, _ = check(mini_root)
    assert "filled-in" in {"play": catalogue.plays, "vignette": catalogue.vignettes, "toolkit": catalogue.toolkit}[what]


def _answers(*answers: str) -> Iterator[str]:
    yield from answers


def test_without_options_it_asks(mini_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = _answers("", "Meet families at the fair", "nine", "1", "enacted")
    asked: list[str] = []

    def ask(question: str) -> str:
        asked.append(question)
        return next(answers)

    args = argparse.Namespace(what="play", title=None, id=None, strategy=None, status=None, section=None, kind=None, plays=[])
    assert scaffold.run_new(mini_root, args, ask=ask, today=TODAY) == 0
    data = yaml.safe_load((mini_root / "plays" / "meet-families-at-the-fair.yml").read_text(encoding="utf-8"))
    assert (data["title"], data["strategy"], data["status"], data["reviewed"]) == ("Meet families at the fair", "find", "enacted", TODAY)
    assert asked[0] == "Title of the new play: " and "1. Find programs (find)" in asked[2]
    assert "'nine' is not one of the choices" in capsys.readouterr().err


def test_an_unknown_strategy_is_a_usage_error_with_a_hint(mini_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "play", "--root", str(mini_root), "--strategy", "conect", "--title", "A play"]) == 2
    assert "--strategy 'conect' is not known (did you mean 'connect'?)" in capsys.readouterr().err
    assert not (mini_root / "plays" / "a-play.yml").exists()


def test_it_never_overwrites_a_file(mini_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (mini_root / "plays" / "map-programs.yml").read_bytes()
    assert main(["new", "play", "--root", str(mini_root), "--title", "Map programs"]) == 2
    assert "plays/map-programs.yml already exists" in capsys.readouterr().err
    assert (mini_root / "plays" / "map-programs.yml").read_bytes() == before


def test_without_a_terminal_the_title_is_required(
    mini_root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["new", "toolkit", "--root", str(mini_root)]) == 2
    assert "--title is required" in capsys.readouterr().err
