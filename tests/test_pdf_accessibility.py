"""The playbook PDF is tagged: language, a title readers see, and a structure tree a screen reader can follow.

On failure the test prints the heading outline of the structure tree (a
structure dump), so the broken part can be found without a PDF tool.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from generator.build import BuildResult

HEADINGS = {f"/H{level}": level for level in range(1, 7)}


def _children(node: Any) -> list[Any]:
    kids = node.get("/K")
    if kids is None:
        return []
    kids = kids.get_object()
    items = kids if isinstance(kids, list) else [kids]
    resolved = [item.get_object() if hasattr(item, "get_object") else item for item in items]
    # Marked-content ids (integers) and content references are leaves, not structure elements.
    return [item for item in resolved if hasattr(item, "get") and "/S" in item]


def structure(reader: PdfReader) -> list[tuple[int, str, Any]]:
    """Every structure element as (depth, role, element), in reading order."""
    out: list[tuple[int, str, Any]] = []

    def walk(node: Any, depth: int) -> None:
        for child in _children(node):
            out.append((depth, str(child["/S"]), child))
            walk(child, depth + 1)

    walk(reader.trailer["/Root"]["/StructTreeRoot"].get_object(), 0)
    return out


@pytest.fixture(scope="module")
def playbook_pdf(sample_build: BuildResult) -> Path:
    """The whole-playbook PDF of the sample build (the one with every kind of content)."""
    assert sample_build.site_dir is not None
    pdfs = sorted(f for f in sample_build.extra_files if f.endswith(".pdf"))
    if not pdfs:
        pytest.skip("this build writes no PDFs")
    chosen = "downloads/playbook.pdf" if "downloads/playbook.pdf" in pdfs else pdfs[0]
    return sample_build.site_dir / chosen


def test_pdf_declares_language_and_title(playbook_pdf: Path, sample_build: BuildResult) -> None:
    reader = PdfReader(playbook_pdf)
    root = reader.trailer["/Root"]
    config = sample_build.catalogue.config
    assert str(root.get("/Lang", "")) == config.language
    assert reader.metadata is not None and config.title in str(reader.metadata.get("/Title", ""))
    # Viewers show the title, not the file name, in their window and tab.
    assert bool(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle"))
    assert bool(root.get("/MarkInfo", {}).get("/Marked"))


def test_pdf_structure_tree_reads_in_order(playbook_pdf: Path) -> None:
    elements = structure(PdfReader(playbook_pdf))
    roles = Counter(role for _, role, _ in elements)
    outline = "\n".join(f"{'  ' * depth}{role} {str(element.get('/T', '') or '')}" for depth, role, element in elements if role in HEADINGS)
    assert roles["/Document"] == 1, roles
    assert roles["/H1"] == 1, f"expected one H1:\n{outline}"
    assert roles["/P"] and roles["/L"] and roles["/LI"] and roles["/Link"], roles
    previous = 0
    for _, role, _ in elements:
        if role in HEADINGS:
            assert HEADINGS[role] <= previous + 1, f"{role} follows H{previous}:\n{outline}"
            previous = HEADINGS[role]
    missing_alt = [role for _, role, element in elements if role == "/Figure" and not str(element.get("/Alt", "")).strip()]
    assert missing_alt == [], "a Figure without /Alt text"
