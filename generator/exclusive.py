"""One build of a folder at a time, and no leftovers from a build that was killed.

The lock is an flock on build/.lock: the kernel releases it when its holder
exits, however it exits, so a killed build never leaves a stale lock. Whoever
holds it may remove the `.NAME.new-*` and `.NAME.old-*` folders beside the
outputs: no other build of this folder is running to own them.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = ".lock"


@contextmanager
def exclusive(build_dir: Path, *outputs: Path) -> Iterator[None]:
    """Hold the folder's build lock (waiting for another build to finish), after clearing leftovers."""
    build_dir.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(build_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"playbook: another build of {build_dir.parent} is running; waiting for it to finish", file=sys.stderr)
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        for output in outputs:
            clear_leftovers(output)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def clear_leftovers(target: Path) -> list[str]:
    """Remove the unfinished and replaced copies of `target` a killed build left beside it; return their names."""
    removed: list[str] = []
    if not target.parent.is_dir():
        return removed
    for path in sorted(target.parent.iterdir()):
        if path.name.startswith((f".{target.name}.new-", f".{target.name}.old-")) and path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path.name)
    return removed
