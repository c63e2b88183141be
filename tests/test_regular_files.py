"""Content files are regular files inside the root: links, devices and linked folders are refused by name.

The corpus (tests/invalid/symlink-*) holds the plain links; the cases here
need a folder link, a named pipe or a device, which a corpus overlay cannot carry.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from generator.cli import main

SECRET = "secret-words-that-must-never-be-quoted"


def _check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(["check", "--root", str(root)])
    return status, capsys.readouterr().err


def test_a_valid_play_outside_the_root_is_not_read(mini_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "outside.yml"
    text = (mini_root / "plays" / "map-programs.yml").read_text(encoding="utf-8")
    outside.write_text(text.replace("title: ", f"title: {SECRET} ", 1), encoding="utf-8")
    (mini_root / "plays" / "outside.yml").symlink_to(outside)
    site = mini_root / "site"
    site.mkdir()
    (site / "index.html").write_text("old", encoding="utf-8")
    assert main(["build", "--no-pdf", "--root", str(mini_root)]) == 1
    err = capsys.readouterr().err
    assert "plays/outside.yml:1:1: expected a regular file, found a symbolic link" in err
    assert SECRET not in err and str(tmp_path / "outside") not in err
    assert [p.name for p in site.iterdir()] == ["index.html"]


def test_a_linked_content_folder_is_refused(mini_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    elsewhere = tmp_path / f"{SECRET}-vignettes"
    shutil.move(mini_root / "vignettes", elsewhere)
    (mini_root / "vignettes").symlink_to(elsewhere, target_is_directory=True)
    status, err = _check(mini_root, capsys)
    assert status == 1
    assert (
        "vignettes/riverside-maps.yml:1:1: expected a file in a real folder, found one reached through the symbolic link 'vignettes'"
        in err
    )
    assert SECRET not in err


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(mini_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo(mini_root / "plays" / "pipe.yml")
    status, err = _check(mini_root, capsys)
    assert status == 1
    assert "plays/pipe.yml:1:1: expected a regular file, found a named pipe" in err


def test_a_device_is_refused(mini_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    device = mini_root / "toolkit" / "null.yml"
    try:
        os.mknod(device, stat.S_IFCHR | 0o600, os.makedev(1, 3))
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    status, err = _check(mini_root, capsys)
    assert status == 1
    assert "toolkit/null.yml:1:1: expected a regular file, found a device" in err


def test_an_attachment_behind_a_link_is_not_found(mini_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "sheet.pdf").write_bytes(b"%PDF-1.7\n")
    (mini_root / "toolkit" / "sheet.pdf").symlink_to(tmp_path / "sheet.pdf")
    item = mini_root / "toolkit" / "mapping-sheet.yml"
    item.write_text(item.read_text(encoding="utf-8") + "file: sheet.pdf\n", encoding="utf-8")
    status, err = _check(mini_root, capsys)
    assert status == 1
    assert "toolkit/mapping-sheet.yml" in err and "attached file 'sheet.pdf' not found inside toolkit/" in err
