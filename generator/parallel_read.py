"""Read a large catalogue's files in worker processes: YAML and body Markdown, one file per task.

Reading YAML and converting every body to HTML is most of what `playbook
check` does; both depend on one file alone, so on a machine with more than
one core the files are spread over one worker per core. Results come back
in order and are identical to reading in this process (the workers run the
same functions); the Markdown arrives ready for the rules' cache.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from . import markup, schema
from .errors import Problem
from .lifeline import die_with_parent
from .source import Document, load_document

# Below this many files, starting workers costs more than it saves.
MIN_FILES = 2_000
CHUNK = 64
_MARKDOWN_FIELDS = {field.name for fields in schema.KINDS.values() for field in fields if field.type == "markdown"}

Read = tuple[Document | None, list[Problem], dict[str, str]]


def _read(path: Path) -> Read:
    document, problems = load_document(path)
    html: dict[str, str] = {}
    if document is not None and isinstance(document.data, dict):
        for name in _MARKDOWN_FIELDS:
            text = document.data.get(name)
            if isinstance(text, str):
                html[text] = markup.to_html(text)
        markup.to_html.cache_clear()  # the worker converts each body once; keep its memory flat
    return document, problems, html


def read_all(paths: Sequence[Path]) -> Iterator[tuple[Document | None, list[Problem]]]:
    """load_document for every path, in order, in workers when there are many files and several cores."""
    from .pdf.press import workers  # imported here: the PDF package itself reads playbook.yml through load
    if len(paths) < MIN_FILES or workers() <= 1:
        yield from (load_document(path) for path in paths)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers(), context, initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
        for document, problems, html in pool.map(_read, paths, chunksize=CHUNK):
            markup.prepare(html)
            yield document, problems
