"""`playbook check` output: exit codes, JSON for tools, GitHub annotations for pull requests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import source
from generator.cli import main
from generator.errors import Problem
from generator.report import annotation

BROKEN_STATUS = ("status: aspirational", "status: aspirationel")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(autouse=True)
def outside_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def test_clean_catalogue_exits_zero_and_says_so(mini_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--root", str(mini_root)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "2 plays, 1 vignette, 1 toolkit item: no errors, 0 warning(s)\n"
    assert captured.err == ""


def test_usage_errors_exit_two(mini_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["check", "--root", str(mini_root), "--format", "xml"])
    assert exited.value.code == 2
    (mini_root / "playbook.yml").unlink()
    assert main(["check", "--root", str(mini_root)]) == 2
    assert "playbook.yml: not found" in capsys.readouterr().err


def test_every_problem_is_reported_in_one_run(mini_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _edit(mini_root / "plays" / "host-info-night.yml", *BROKEN_STATUS)
    _edit(mini_root / "plays" / "map-programs.yml", "reviewed: 2026-09-01", "reviewed: 2026-13-01\ncolour: blue")
    (mini_root / "vignettes" / "broken.yml").write_text("title: [unclosed\n", encoding="utf-8")
    assert main(["check", "--root", str(mini_root)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[-1] == "playbook: 4 error(s), 0 warning(s)"
    assert [line.split(":")[0] for line in lines[:-1]] == [
        "plays/host-info-night.yml",
        "plays/map-programs.yml",
        "plays/map-programs.yml",
        "vignettes/broken.yml",
    ]


def test_json_format_is_for_tools(mini_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _edit(mini_root / "plays" / "host-info-night.yml", *BROKEN_STATUS)
    assert main(["check", "--root", str(mini_root), "--format", "json"]) == 1
    captured = capsys.readouterr()
    assert captured.err == ""
    report = json.loads(captured.out)
    assert report["ok"] is False and report["errors"] == 1 and report["warnings"] == 0
    (problem,) = report["problems"]
    assert problem["file"] == "plays/host-info-night.yml"
    assert (problem["line"], problem["column"], problem["field"], problem["severity"]) == (3, 9, "status", "error")
    assert problem["hint"] == "did you mean 'aspirational'?"
    assert problem["text"].startswith("plays/host-info-night.yml:3:9: status: expected one of enacted, aspirational")


def test_json_format_of_a_clean_catalogue_counts_items(mini_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--root", str(mini_root), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report == {"ok": True, "errors": 0, "warnings": 0, "counts": {"plays": 2, "vignettes": 1, "toolkit": 1}, "problems": []}


def test_github_actions_get_annotations_on_the_changed_lines(
    mini_root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _edit(mini_root / "plays" / "host-info-night.yml", *BROKEN_STATUS)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(mini_root))
    assert main(["check", "--root", str(mini_root)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "::error file=plays/host-info-night.yml,line=3,col=9,title=status::"
        "expected one of enacted, aspirational; found 'aspirationel' (did you mean 'aspirational'?)",
        "playbook: 1 error(s), 0 warning(s)",
    ]


def test_annotations_escape_what_github_would_misread(tmp_path: Path) -> None:
    problem = Problem(tmp_path / "plays" / "a,b.yml", 2, 5, "steps[0]", "100% done\nnext: line", severity="warning")
    assert annotation(problem, tmp_path) == "::warning file=plays/a%2Cb.yml,line=2,col=5,title=steps[0]::100%25 done%0Anext: line"


def test_oversized_file_is_refused_before_parsing(mini_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = mini_root / "plays" / "host-info-night.yml"
    path.write_text(path.read_text(encoding="utf-8") + "#" * source.MAX_FILE_BYTES, encoding="utf-8")
    assert main(["check", "--root", str(mini_root)]) == 1
    first = capsys.readouterr().err.splitlines()[0]
    assert first.startswith("plays/host-info-night.yml:1:1: file is ")
    assert first.endswith(f"bytes; the limit is {source.MAX_FILE_BYTES:,} (split it or shorten it)")


def test_bom_and_windows_line_ends_are_fine(mini_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for path in sorted((mini_root / "plays").glob("*.yml")):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert main(["check", "--root", str(mini_root)]) == 0
    _edit(mini_root / "plays" / "host-info-night.yml", *BROKEN_STATUS)
    assert main(["check", "--root", str(mini_root)]) == 1
    assert capsys.readouterr().err.startswith("plays/host-info-night.yml:3:9: status:")


def test_quoted_dates_are_dates(mini_root: Path) -> None:
    _edit(mini_root / "plays" / "host-info-night.yml", "reviewed: 2026-09-02", 'reviewed: "2026-09-02"')
    assert main(["check", "--root", str(mini_root)]) == 0
