"""libyaml's fast path reads every file exactly as the pure-Python reader does: same values, lines and problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.synthetic import write_catalogue
from generator import source

REPO = Path(__file__).resolve().parent.parent
FILES = sorted(
    {*REPO.glob("*.yml"), *(REPO / "plays").glob("*.yml"), *(REPO / "vignettes").glob("*.yml"), *(REPO / "toolkit").glob("*.yml")}
    | {p for p in (REPO / "tests").rglob("*.yml") if p.is_file() and not p.is_symlink()}
)


def _read(path: Path) -> tuple[object, ...]:
    document, problems = source.load_document(path)
    if document is None:
        return None, problems
    return document.data, document.positions, document.unreadable, problems, [type(v) for v in _leaves(document.data)]


def _leaves(value: object) -> list[object]:
    if isinstance(value, dict):
        return [leaf for item in value.values() for leaf in _leaves(item)]
    if isinstance(value, list):
        return [leaf for item in value for leaf in _leaves(item)]
    return [value]


def _slow(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str) -> None:
        raise source._Unusual

    monkeypatch.setattr(source, "_fast_compose", refuse)


def test_the_fast_path_reads_every_repository_file_like_the_python_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    assert len(FILES) > 100
    fast = {path: _read(path) for path in FILES}
    _slow(monkeypatch)
    assert {path: _read(path) for path in FILES} == fast


def test_the_fast_path_reads_a_synthetic_catalogue_like_the_python_reader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_catalogue(tmp_path, 60)
    files = sorted(tmp_path.rglob("*.yml"))
    fast = {path: _read(path) for path in files}
    _slow(monkeypatch)
    assert {path: _read(path) for path in files} == fast


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "a: 1\n---\nb: 2\n",
        "a: [" * 30 + "]" * 30 + "\n",
        "a: !!str 3\nb: !!int '4'\nc: ! 5\n",
        "key: {x: 1, y: [2, 3]}\n<<: {z: 1}\n",
        "a: b: c\n",
        "- 0.50\n- 010\n- 3:1\n- yes\n- ~\n- 1.0e+3\n- 0x1F\n- .inf\n- '2'\n",
    ],
)
def test_unusual_and_broken_yaml_reads_the_same_either_way(text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "case.yml"
    path.write_text(text, encoding="utf-8")
    fast = _read(path)
    _slow(monkeypatch)
    assert _read(path) == fast


def test_reading_in_worker_processes_gives_the_same_catalogue_and_problems(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import load, parallel_read
    from generator.validate import check

    alone = check(REPO)
    monkeypatch.setattr(parallel_read, "MIN_FILES", 0)
    monkeypatch.setattr(parallel_read, "CHUNK", 4)
    spread = list(parallel_read.read_all([p for p in FILES if "invalid" in p.parts]))
    assert spread == [source.load_document(p) for p in FILES if "invalid" in p.parts]
    monkeypatch.setattr("generator.pdf.press.workers", lambda: 2)
    assert check(REPO) == alone
    assert load.read_all is parallel_read.read_all
