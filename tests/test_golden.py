"""The generated Markdown of the mini fixture matches the reviewed golden copy."""

from __future__ import annotations

from golden import GOLDEN, rendered_pages


def test_generated_pages_match_golden_files() -> None:
    pages = rendered_pages()
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8") for p in sorted(GOLDEN.rglob("*.md"))}
    assert sorted(pages) == sorted(expected), "pages added or removed: run `make golden` and review the diff"
    for path, text in pages.items():
        assert text == expected[path], f"{path} differs from tests/golden/mini/{path}: run `make golden` and review the diff"
