"""How fast the browse page filters 1,000 plays in Chromium: milliseconds per change.

    .venv/bin/python -m benchmarks.browse_filter

Builds the browse page alone for 1,000 plays (the sample's plays copied round),
serves it on localhost, and times each filter change from the click until the
page is laid out again. Prints the median and the slowest change.
"""

from __future__ import annotations

import functools
import http.server
import logging
import shutil
import statistics
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "tests"), str(REPO / "tests" / "browser")]

from conftest import CHROMIUM, CHROMIUM_ARGS, _QuietHandler  # noqa: E402
from test_browse import thousand_plays  # noqa: E402

from generator import build as pipeline  # noqa: E402
from generator.export import write_exports  # noqa: E402
from generator.render import Renderer  # noqa: E402
from generator.validate import check  # noqa: E402

TIMED_CHANGES_JS = """async (names) => {
  const times = [];
  const timed = (change) => {
    const start = performance.now();
    change();
    document.body.getBoundingClientRect();
    times.push(performance.now() - start);
  };
  for (const name of names) timed(() => document.querySelector(`[data-pb-browse] input[name="${name}"]`).click());
  const words = document.querySelector("[data-pb-browse] input[type=search]");
  timed(() => { words.value = "the"; words.dispatchEvent(new Event("input", { bubbles: true })); });
  timed(() => document.querySelector(".pb-filters__clear").click());
  return times;
}"""


def build_browse_site(root: Path, plays: int) -> Path:
    """The browse page of a `plays`-play catalogue, built by MkDocs with the site's theme."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    catalogue, _ = check(REPO)
    catalogue = thousand_plays(catalogue, plays)
    docs = root / "docs"
    docs.mkdir()
    (docs / "browse.md").write_text(Renderer(catalogue).render("browse.md.j2"), encoding="utf-8")
    write_exports(catalogue, docs)
    shutil.copytree(pipeline.PACKAGE / "assets", docs / "assets")
    shutil.copytree(pipeline.PACKAGE / "theme", root / "build" / "theme")
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # play pages are not built: their links dangle
    build(load_config(config_file=str(root / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(root / "site"), nav=["browse.md"]))
    return root / "site"


def main(plays: int = 1000, rounds: int = 5) -> None:
    """Build, serve, time and print."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        site = build_browse_site(Path(folder), plays)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/browse/"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(url)
            page.wait_for_selector("[data-pb-browse] fieldset input")
            names = page.eval_on_selector_all("[data-pb-browse] fieldset", "sets => sets.map((s) => s.querySelector('input').name)")
            page.evaluate(TIMED_CHANGES_JS, names)  # warm-up
            times: list[float] = []
            for _ in range(rounds):
                times += page.evaluate(TIMED_CHANGES_JS, names)
            browser.close()
        server.shutdown()
    print(f"browse page, {plays} plays: {len(times)} filter changes, median {statistics.median(times):.1f} ms, slowest {max(times):.1f} ms")


if __name__ == "__main__":
    main()
