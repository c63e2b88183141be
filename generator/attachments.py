"""Toolkit attachments (`file: run-sheet.pdf`) are published beside their item's page.

A file at toolkit/run-sheet.pdf in the playbook folder is written to
toolkit/run-sheet.pdf in the site, so a body's `[the run sheet](run-sheet.pdf)`
works the same in the repository and on the site.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

from .models import Catalogue, ToolkitItem

FOLDER = "toolkit"


def attachment_path(item: ToolkitItem) -> str:
    """Where an item's attached file is published, relative to the docs folder ('' without one)."""
    return f"{FOLDER}/{Path(item.file).as_posix()}" if item.file else ""


def attachment_paths(catalogue: Catalogue) -> set[str]:
    """Every attachment the build publishes."""
    return {attachment_path(item) for item in catalogue.toolkit.values() if item.file}


def publish_attachments(catalogue: Catalogue, docs: Path, messages: object = None) -> Iterable[str]:
    """Copy every toolkit item's attached file into the docs folder (checked to exist by `attached_files`)."""
    written = []
    for relative in sorted(attachment_paths(catalogue)):
        target = docs / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(catalogue.root / relative, target, follow_symlinks=False)
        written.append(relative)
    return written
