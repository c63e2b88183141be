"""The `playbook` command: exit codes, summaries and messages without tracebacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main


def test_check_clean_catalogue_exits_zero(mini_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--root", str(mini_root)]) == 0
    assert "2 plays, 1 vignette, 1 toolkit item: no errors" in capsys.readouterr().out


def test_content_error_exits_one_with_file_and_line(mini_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = mini_root / "plays" / "host-info-night.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("strategy: connect", "strategy: [connect"), encoding="utf-8")
    assert main(["check", "--root", str(mini_root)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("plays/host-info-night.yml:")
    assert "YAML syntax error" in err and "Traceback" not in err


def test_missing_folder_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--root", str(tmp_path / "nowhere")]) == 2
    assert "no such folder" in capsys.readouterr().err


def test_folder_without_playbook_yml_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--root", str(tmp_path)]) == 2
    assert "playbook.yml: not found" in capsys.readouterr().err


def test_build_prints_one_line_summary(mini_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--root", str(mini_root)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1
    assert out[0].startswith("Built ") and "2 plays (1 enacted, 1 aspirational)" in out[0] and out[0].endswith("s")
    assert (mini_root / "site" / "plays" / "map-programs" / "index.html").is_file()
