"""A failed check or build leaves an existing site/ exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import build as pipeline
from generator.cli import main
from generator.errors import BuildError


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def published(mini_root: Path) -> dict[str, bytes]:
    """A site/ from an earlier build (any files will do), and what it holds."""
    site = mini_root / "site"
    (site / "plays" / "map-programs").mkdir(parents=True)
    (site / "index.html").write_text("<h1>The site readers have now</h1>\n", encoding="utf-8")
    (site / "plays" / "map-programs" / "index.html").write_text("<h1>Map</h1>\n", encoding="utf-8")
    (site / "search").mkdir()
    (site / "search" / "search_index.json").write_bytes(b'{"docs": []}')
    return _snapshot(site)


def _leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if ".new-" in p.name or ".old-" in p.name)


def test_a_content_error_leaves_the_site_alone(mini_root: Path, published: dict[str, bytes], capsys: pytest.CaptureFixture[str]) -> None:
    path = mini_root / "plays" / "host-info-night.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: aspirational", "status: maybe"), encoding="utf-8")
    assert main(["build", "--root", str(mini_root)]) == 1
    assert "nothing was written" in capsys.readouterr().err
    assert _snapshot(mini_root / "site") == published
    assert _leftovers(mini_root) == []


def test_a_failing_mkdocs_build_leaves_the_site_alone(mini_root: Path, published: dict[str, bytes]) -> None:
    # MkDocs refuses a Markdown extension that does not exist, after every page was rendered.
    (mini_root / "mkdocs.yml").write_text("markdown_extensions:\n  - no_such_extension\n", encoding="utf-8")
    with pytest.raises(BuildError):
        pipeline.build(mini_root, outputs=[])
    assert _snapshot(mini_root / "site") == published
    assert _leftovers(mini_root) == [] and _leftovers(mini_root / "build") == []


def test_a_build_that_dies_half_written_leaves_the_site_alone(
    mini_root: Path, published: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    def half_written(config: object, docs: Path, site: Path, theme: Path) -> None:
        (site / "index.html").write_text("half a page", encoding="utf-8")
        raise BuildError("MkDocs stopped half-way")

    monkeypatch.setattr(pipeline, "build_site", half_written)
    with pytest.raises(BuildError):
        pipeline.build(mini_root, outputs=[])
    assert _snapshot(mini_root / "site") == published
    assert _leftovers(mini_root) == []


def test_an_unreadable_file_leaves_the_site_alone(mini_root: Path, published: dict[str, bytes]) -> None:
    (mini_root / "vignettes" / "riverside-maps.yml").write_bytes(b"\xff\xfe not yaml")
    assert main(["build", "--root", str(mini_root)]) == 1
    assert _snapshot(mini_root / "site") == published
