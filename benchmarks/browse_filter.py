"""How fast the browse page filters 1,000 plays in Chromium: milliseconds per change.

    .venv/bin/python -m benchmarks.browse_filter

Builds the browse page alone for 1,000 plays (the sample's plays copied round),
serves it on localhost, and times each filter change from the click until the
page is laid out again. Prints the median and the slowest change.
"""

from __future__ import annotations

import functools
import http.server
import statistics
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "tests"), str(REPO / "tests" / "browser")]

from browse_page import build_browse_site  # noqa: E402
from conftest import CHROMIUM, CHROMIUM_ARGS, _QuietHandler  # noqa: E402

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


def main(plays: int = 1000, rounds: int = 5) -> None:
    """Build, serve, time and print."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        catalogue, _ = check(REPO)
        site = build_browse_site(Path(folder), catalogue, plays)
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
