"""The second engine: Zensical builds the same generated Markdown with the same configuration."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, copy_catalogue

from generator import build as pipeline
from generator.cli import main
from generator.errors import BuildError

pytestmark = pytest.mark.slow


def test_zensical_builds_every_page_of_both_languages(tmp_path: Path) -> None:
    root = copy_catalogue(REPO, tmp_path / "sample")
    mkdocs = pipeline.build(root, tmp_path / "mkdocs-site", outputs=[])
    zensical = pipeline.build(root, tmp_path / "zensical-site", outputs=[], engine="zensical")
    pages = {p.relative_to(tmp_path / "mkdocs-site") for p in (tmp_path / "mkdocs-site").rglob("index.html")}
    assert pages == {p.relative_to(tmp_path / "zensical-site") for p in (tmp_path / "zensical-site").rglob("index.html")}
    assert mkdocs.pages == zensical.pages
    spanish = (tmp_path / "zensical-site" / "es" / "plays" / "host-joint-info-session" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="es"' in spanish and "Aún sin traducir" not in spanish
    # The theme overrides (language switcher, 404 page) reach Zensical's pages too.
    assert re.search(r'href="[^"]*/es/plays/host-joint-info-session/" hreflang="es"', spanish.replace("../../../es/", "/es/"))
    missing = (tmp_path / "zensical-site" / "es" / "404.html").read_text(encoding="utf-8")
    assert "Página no encontrada" in missing
    assert not list((root / "build").glob(".zensical-*")), "the temporary Zensical project is left behind"


def test_a_failing_zensical_build_leaves_the_site_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_catalogue(FIXTURES / "mini", tmp_path / "mini")
    pipeline.build(root, outputs=[], engine="zensical")
    before = {p: p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    monkeypatch.setattr("generator.zensical_site.zensical_command", lambda: ["false"])
    with pytest.raises(BuildError, match="Zensical could not build the site"):
        pipeline.build(root, outputs=[], engine="zensical")
    assert {p: p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()} == before


def test_the_command_line_offers_the_engine(tmp_path: Path) -> None:
    root = copy_catalogue(FIXTURES / "mini", tmp_path / "mini")
    assert main(["build", "--root", str(root), "--no-pdf", "--engine", "zensical"]) == 0
    assert (root / "site" / "index.html").is_file()
