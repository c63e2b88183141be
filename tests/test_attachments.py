"""A toolkit item's attached file is published beside its page, and body links to it work."""

from __future__ import annotations

import re
from pathlib import Path

from generator import build as pipeline
from generator.export import write_exports


def test_an_attached_file_is_published_and_a_body_may_link_it(mini_root: Path) -> None:
    (mini_root / "toolkit" / "run-sheet.pdf").write_bytes(b"%PDF-1.7 run sheet\n")
    item = mini_root / "toolkit" / "mapping-sheet.yml"
    text = item.read_text(encoding="utf-8").replace("body: |\n", "body: |\n  Print [the run sheet](run-sheet.pdf) first.\n\n", 1)
    item.write_text(text + "file: run-sheet.pdf\n", encoding="utf-8")
    result = pipeline.build(mini_root, outputs=[write_exports, pipeline.publish_attachments])
    assert "toolkit/run-sheet.pdf" in result.extra_files
    assert (mini_root / "site" / "toolkit" / "run-sheet.pdf").read_bytes() == b"%PDF-1.7 run sheet\n"
    page = (mini_root / "site" / "toolkit" / "mapping-sheet" / "index.html").read_text(encoding="utf-8")
    assert 'href="../run-sheet.pdf"' in page
    # The item's page offers the file itself, not only where a body happens to link it.
    assert re.search(r'<a class="pb-print" href="\.\./run-sheet\.pdf">.*Download the attached file: run-sheet\.pdf', page)


def test_a_body_link_to_another_page_works_on_the_site(mini_root: Path) -> None:
    play = mini_root / "plays" / "host-info-night.yml"
    link = "  Use [the mapping sheet](../toolkit/mapping-sheet.md#top).\n\n"
    text = play.read_text(encoding="utf-8").replace("body: |\n", "body: |\n" + link, 1)
    play.write_text(text, encoding="utf-8")
    pipeline.build(mini_root, outputs=[write_exports])
    page = (mini_root / "site" / "plays" / "host-info-night" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../toolkit/mapping-sheet/#top"' in page
    assert (mini_root / "site" / "toolkit" / "mapping-sheet" / "index.html").is_file()
