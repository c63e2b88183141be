"""Write output folders so that a failed build never leaves a half-written one."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .exchange import exchange


def fresh_folder(target: Path) -> Path:
    """A new empty folder beside `target`, to fill and later swap in."""
    target.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))


def swap_in(new: Path, target: Path) -> None:
    """Replace `target` with the finished folder `new` in one step where the system allows it."""
    if target.is_dir() and not target.is_symlink() and exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)  # `new` now holds the old folder
        return
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.rename(target, old / target.name)
    os.rename(new, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def discard(folder: Path) -> None:
    """Remove an unfinished folder."""
    shutil.rmtree(folder, ignore_errors=True)


def write_pages(folder: Path, pages: Iterable[tuple[str, str | bytes]]) -> int:
    """Write (relative path, content) pairs under `folder`; return how many."""
    count = 0
    made: set[Path] = set()
    for relative, content in pages:
        path = folder / relative
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        count += 1
    return count


def copy_tree(source: Path, target: Path) -> None:
    """Copy a folder of static files into `target`."""
    shutil.copytree(source, target, dirs_exist_ok=True)
