"""Local preview: MkDocs serves build/docs while content changes regenerate it."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from .build import BUILD_DIR, generate
from .environment import describe
from .errors import EnvironmentFailure, PlaybookError
from .export import write_exports
from .load import CONFIG_FILE, FOLDERS
from .news import write_feed

# The preview leaves the PDFs out: they take seconds on every edit, and the
# pages simply show no download links without them. `playbook build` makes them.
PREVIEW_OUTPUTS = [write_exports, write_feed]


def content_state(root: Path) -> dict[Path, float]:
    """Modification times of every content file, to notice changes."""
    state = {}
    for path in [root / CONFIG_FILE, *(p for folder in FOLDERS.values() for p in sorted((root / folder).rglob("*")))]:
        if path.is_file():
            state[path] = path.stat().st_mtime
    return state


def _regenerate(root: Path) -> bool:
    """Regenerate once; False when the machine stopped it (try again), True otherwise."""
    from .cli import print_problems

    try:
        result = generate(root, outputs=PREVIEW_OUTPUTS)
        print(result.summary("Regenerated"), file=sys.stderr)
    except (EnvironmentFailure, OSError) as exc:
        print(f"playbook: not regenerated: {describe(exc)}; trying again every second", file=sys.stderr)
        return False
    except PlaybookError as exc:
        print_problems(getattr(exc, "problems", []), root)
        print(f"playbook: not regenerated, the preview keeps the last good version: {exc}", file=sys.stderr)
    except Exception as exc:  # noqa: BLE001 -- the watcher must outlive any one failed regeneration
        print(f"playbook: not regenerated: unexpected {type(exc).__name__}: {exc}; waiting for the next change", file=sys.stderr)
    return True


def _watch(root: Path, stop: threading.Event, interval: float = 1.0, seen: dict[Path, float] | None = None) -> None:
    seen = content_state(root) if seen is None else seen
    retry = False
    while not stop.wait(interval):
        try:
            now = content_state(root)
        except OSError as exc:  # a folder made unreadable: say so, look again next time
            print(f"playbook: cannot look for changes: {describe(exc)}", file=sys.stderr)
            continue
        if now != seen or retry:
            seen = now
            retry = not _regenerate(root)


def serve(root: Path, dev_addr: str) -> None:
    """Generate once, then serve with live reload until interrupted."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    result = generate(root, outputs=PREVIEW_OUTPUTS)
    print(result.summary("Generated"), file=sys.stderr)
    watched = "playbook.yml, plays/, vignettes/ or toolkit/"
    print(f"Serving on http://{dev_addr}/ -- edits to {watched} rebuild it; Ctrl+C stops", file=sys.stderr)
    stop = threading.Event()
    watcher = threading.Thread(target=_watch, args=(root, stop), daemon=True)
    watcher.start()
    try:
        # MkDocs watches docs_dir itself, so each regeneration triggers a reload.
        # build/mkdocs.yml is the default language's configuration, written by generate.
        mkdocs_serve(config_file=str(root / BUILD_DIR / "mkdocs.yml"), dev_addr=dev_addr)
    finally:
        stop.set()
