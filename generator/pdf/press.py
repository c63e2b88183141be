"""Lay out many parts at once: one worker process per core, each holding one part in memory."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import TracebackType

from ..lifeline import die_with_parent
from .engine import LaidOut, Part, lay_out

# Front matter lists page numbers, and they depend on its own length: a round or two settles it.
FRONT_ROUNDS = 4


def workers() -> int:
    """How many parts to lay out at once: the cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class Press:
    """Lays out parts in order, in worker processes when there is more than one part and more than one core."""

    def __init__(self, docs: Path) -> None:
        self.docs = docs
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Press:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers, returning their memory before the documents are assembled."""
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None

    def lay_out(self, parts: Sequence[Part]) -> Iterator[LaidOut]:
        """Every part laid out, in the order given, each as soon as it and those before it are done."""
        # Once the workers are up they take every part: they have WeasyPrint loaded, and this
        # process, holding the documents being joined, stays free of it.
        if workers() <= 1 or (self.pool is None and len(parts) <= 1):
            return (lay_out(part, self.docs) for part in parts)
        if self.pool is None:
            # Spawned, not forked: the build may run beside threads (the preview server's watcher).
            context = multiprocessing.get_context("spawn")
            self.pool = ProcessPoolExecutor(workers(), context, initializer=die_with_parent, initargs=(os.getpid(),))
        return self.pool.map(lay_out, parts, [self.docs] * len(parts))


def page_numbers(front: LaidOut, body: Sequence[LaidOut]) -> dict[str, int]:
    """The page number of every anchor, were the document `front` followed by `body`."""
    numbers = {anchor: index + 1 for anchor, index in front.anchors.items() if anchor not in front.borrowed}
    start = front.pages
    for laid in body:
        for anchor, index in laid.anchors.items():
            if anchor not in laid.borrowed:
                numbers.setdefault(anchor, start + index + 1)
        start += laid.pages
    return numbers


def placeholder_numbers(anchors: Sequence[str], most_pages: int) -> dict[str, int]:
    """Stand-in page numbers as wide as the real ones will be, to lay the front matter out before the body."""
    return dict.fromkeys(anchors, 10 ** (len(str(most_pages)) - 1))


def settled(before: LaidOut, after: LaidOut) -> bool:
    """Whether two rounds of front matter laid out the same, so the numbers of the later one are right."""
    return before.pages == after.pages and before.anchors == after.anchors
