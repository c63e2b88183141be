"""The invalid-content corpus: one mistake per case, and the exact message a contributor sees.

Each folder under tests/invalid/ holds the files that differ from the mini
fixture catalogue (tests/fixtures/mini) and `expected.txt`, the complete
stderr of `playbook check`. After an intended change to a message,
regenerate with:

    PLAYBOOK_UPDATE_CORPUS=1 .venv/bin/python -m pytest tests/test_check_corpus.py

and review the diff of tests/invalid/.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.cli import main

CORPUS = Path(__file__).resolve().parent / "invalid"
CASES = sorted(path for path in CORPUS.iterdir() if path.is_dir())
EXPECTED = "expected.txt"


def overlay(case: Path, root: Path) -> None:
    """Copy a case's files over the catalogue at `root`, byte for byte."""
    for source in sorted(case.rglob("*")):
        target = root / source.relative_to(case)
        if source.is_symlink():  # a case about links: the link itself, pointing where it pointed
            target.parent.mkdir(parents=True, exist_ok=True)
            target.unlink(missing_ok=True)
            os.symlink(os.readlink(source), target)
        elif source.is_file() and source.name != EXPECTED:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_invalid_content_is_reported_exactly(
    case: Path, mini_root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    overlay(case, mini_root)
    status = main(["check", "--root", str(mini_root)])
    captured = capsys.readouterr()
    expected = case / EXPECTED
    if os.environ.get("PLAYBOOK_UPDATE_CORPUS"):
        expected.write_text(captured.err, encoding="utf-8")
    assert status == 1, captured.out
    assert captured.out == ""
    assert captured.err == expected.read_text(encoding="utf-8")
    assert "Traceback" not in captured.err


def test_corpus_covers_at_least_forty_kinds_of_mistake() -> None:
    assert len(CASES) >= 40
    assert all((case / EXPECTED).is_file() for case in CASES)


def test_each_case_reports_one_kind_of_mistake() -> None:
    # A case whose file also broke something else would hide which rule fired.
    for case in CASES:
        lines = (case / EXPECTED).read_text(encoding="utf-8").splitlines()
        assert lines[-1].startswith("playbook: ") and lines[-1].endswith("error(s), 0 warning(s)"), case.name
        # A note (what could not be checked) is not an error of its own.
        errors = [line for line in lines[:-1] if ": note: " not in line]
        assert len(errors) == int(lines[-1].split()[1]), case.name
