"""Golden Markdown for the mini fixture catalogue.

Regenerate after an intended template change with:  make golden
(which runs `python tests/golden.py --write`), then review the diff.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from generator.build import messages_for  # noqa: E402
from generator.render import Renderer  # noqa: E402
from generator.validate import check  # noqa: E402

FIXTURE = HERE / "fixtures" / "mini"
GOLDEN = HERE / "golden" / "mini"


def rendered_pages() -> dict[str, str]:
    """The mini catalogue's generated pages, by path."""
    catalogue, _ = check(FIXTURE)
    return dict(Renderer(catalogue, messages_for(catalogue)).pages())


def write() -> None:
    """Replace the golden files with what the generator renders now."""
    for old in sorted(GOLDEN.rglob("*.md"), reverse=True):
        old.unlink()
    for relative, text in rendered_pages().items():
        path = GOLDEN / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    print(f"wrote {GOLDEN}")


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python tests/golden.py --write")
    write()
