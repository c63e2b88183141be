"""Content files are regular files inside the playbook folder, never links to elsewhere.

A symbolic link under plays/ would publish (or quote in an error message,
which may land in public CI annotations) whatever file it points at. Files
are opened without following a final link (O_NOFOLLOW) and checked on the
open descriptor, so nothing is read before the check has passed.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_KINDS = (
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
)
HINT = "put the file itself here; content files may not point elsewhere"


class NotRegular(Exception):
    """The path is not a regular file in a real folder; the message quotes nothing of a link's target."""


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def linked_folder(path: Path) -> str:
    """'' when every folder above `path` is real, else the name of the first one that is a symbolic link."""
    parent = Path(os.path.abspath(path.parent))
    if os.path.realpath(parent) == str(parent):
        return ""
    for folder in reversed([parent, *parent.parents]):
        if folder.is_symlink():
            return folder.name
    return parent.name


def read_regular(path: Path, limit: int) -> bytes:
    """Up to `limit` + 1 bytes of a regular file; NotRegular for links, devices and linked folders."""
    if folder := linked_folder(path):
        raise NotRegular(f"expected a file in a real folder, found one reached through the symbolic link '{folder}'")
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        raise NotRegular("the file does not exist") from None
    if not stat.S_ISREG(mode):
        raise NotRegular(f"expected a regular file, found {_kind(mode)}")
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):  # swapped between lstat and open
            raise NotRegular(f"expected a regular file, found {_kind(os.fstat(descriptor).st_mode)}")
        chunks = []
        size = 0
        while size <= limit and (chunk := os.read(descriptor, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def is_regular_inside(path: Path, folder: Path) -> bool:
    """True for a regular file below `folder` reached without any symbolic link."""
    try:
        relative = Path(os.path.abspath(path)).relative_to(os.path.abspath(folder))
    except ValueError:
        return False
    current = Path(os.path.abspath(folder))
    for part in relative.parts:
        current = current / part
        if part in ("..", "") or current.is_symlink():
            return False
    return current.is_file()
