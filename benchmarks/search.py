"""Search benchmark: Material's search (before) and the Pagefind search (now), side by side, in Chromium.

Run from the repository root:

    .venv/bin/python -m benchmarks.search                    # 1,000 and 10,000 plays
    .venv/bin/python -m benchmarks.search --sizes 1000 --runs 3
    nohup .venv/bin/python -m benchmarks.search > benchmarks/out/search.log 2>&1 &

For each size, `benchmarks/synthetic.py` writes the catalogue and it is built
twice from the same generated pages (each build in its own child process):

- **pagefind**: the real build (`generator.build.build`, which ends with
  `generator.search.index_site`), with the repository's mkdocs.yml;
- **material**: MkDocs again over the same `build/docs` and theme, with
  Material's search plugin and its search features switched back on, as the
  site was built before.

Each site is served from 127.0.0.1 by `benchmarks/search_server.py` (a fixed
pool of threads, gzip as a web server would send it, bytes counted per
response) and opened in Debian's Chromium through Playwright, a fresh browser
context (empty cache) for every run:

1. **page view**: the home page loads and the network goes quiet, search
   never opened: the search bytes that every page view costs.
2. **first query**: the home page loads; at its load event the reader opens
   search and the query arrives (one input event, as a paste). Time from
   opening search to the first result on screen, and every search byte sent
   from the start of the page load to that moment.
3. **second query**: in the same page, the box is cleared and a second query
   arrives. Time to its first result, and the search bytes sent for it.

"Search bytes" are responses under `search/` and `workers/search` (Material)
or `pagefind/` and `search.js` (Pagefind); the page's own HTML, CSS and
scripts are printed apart. One warm-up run per design fills the server's gzip
cache; the figures are the median of `--runs` timed runs.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import yaml

from benchmarks.search_server import CountingServer

OUT = Path(__file__).resolve().parent / "out"
REPO = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
DESIGNS = ("material", "pagefind")
SEARCH_PATHS = {"material": re.compile(r"/search/|/workers/search"), "pagefind": re.compile(r"/pagefind/|/javascripts/search\.js")}
TIMEOUT_MS = 180_000

# In the page: note when the result list first shows a result that was not there before.
WATCH_JS = """() => {
  const list = document.querySelector(".md-search-result__list");
  const first = () => { const item = list.querySelector(".md-search-result__item"); return item ? item.outerHTML : null; };
  window.__pb = { before: first(), opened: 0, shown: 0 };
  new MutationObserver(() => {
    const now = first();
    if (!window.__pb.shown && window.__pb.opened && now !== null && now !== window.__pb.before) window.__pb.shown = performance.now();
  }).observe(list, { childList: true, subtree: true });
}"""
# Open search (focus the box, as a click or Tab does) and, for a later query, clear it first.
OPEN_JS = """() => {
  const input = document.querySelector(".md-search__input");
  window.__pb.opened = performance.now();
  input.focus();
  input.select();
}"""


def child_generate(root: Path, plays: int) -> dict[str, Any]:
    """Write the synthetic catalogue."""
    from benchmarks.synthetic import write_catalogue

    shutil.rmtree(root, ignore_errors=True)
    started = time.perf_counter()
    counts = write_catalogue(root, plays)
    return {"seconds": time.perf_counter() - started, "plays": counts.plays}


def child_pagefind(root: Path) -> dict[str, Any]:
    """The real build: MkDocs without a search plugin, then the Pagefind index."""
    from benchmarks.scale import site_outputs
    from generator import build, search

    timed: dict[str, float] = {}
    index_site = search.index_site

    def timed_index(site_dir: Path) -> Any:
        started = time.perf_counter()
        try:
            return index_site(site_dir)
        finally:
            timed["index"] = time.perf_counter() - started

    build.index_site = timed_index  # type: ignore[assignment]
    started = time.perf_counter()
    result = build.build(root, outputs=site_outputs()[0])
    bundle = root / "site" / "pagefind"
    return {
        "seconds": time.perf_counter() - started,
        "index_seconds": timed.get("index", 0.0),
        "pages": result.pages,
        "index_bytes": sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file()),
        "index_files": sum(1 for p in bundle.rglob("*") if p.is_file()),
    }


def material_config(root: Path) -> Path:
    """A mkdocs.yml for the old design: the repository's, with Material's search plugin and features back on."""
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [{"search": {"fields": {"tags": {"boost": 1}}}}]
    config["theme"]["features"] += ["search.highlight", "search.suggest"]
    config["theme"]["custom_dir"] = str(root / "build" / "theme")
    folder = root / "material"
    folder.mkdir(exist_ok=True)
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return folder


def child_material(root: Path) -> dict[str, Any]:
    """MkDocs over the same generated pages with Material's search plugin: the site as it was built before."""
    from generator.site import build_site

    title = yaml.safe_load((root / "playbook.yml").read_text(encoding="utf-8"))["title"]
    site = root / "site-material"
    shutil.rmtree(site, ignore_errors=True)
    started = time.perf_counter()
    build_site(material_config(root), root / "build" / "docs", site, title)
    index = site / "search" / "search_index.json"
    return {"seconds": time.perf_counter() - started, "index_bytes": index.stat().st_size, "index_files": 1}


CHILDREN = {"generate": child_generate, "pagefind": child_pagefind, "material": child_material}


def run_child(step: str, root: Path, plays: int = 0) -> dict[str, Any]:
    """Run one step in a fresh Python process and return what it reported."""
    command = [sys.executable, "-m", "benchmarks.search", "--child", step, "--root", str(root), "--plays", str(plays)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO, check=False)
    if done.returncode != 0:
        sys.exit(f"step {step} for {root} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def queries(root: Path, plays: int) -> tuple[str, str]:
    """Two made-up words from the bodies of two plays (each is in a few hundred bodies at 10,000 plays)."""
    from benchmarks.synthetic import WORDS

    chosen = []
    for number in (plays // 2, plays // 3):
        body = yaml.safe_load((root / "plays" / f"play-{number:05d}.yml").read_text(encoding="utf-8"))["body"]
        words = sorted({w.lower() for w in re.findall(r"[a-z]{7,}", body)} - set(WORDS) - set(chosen))
        chosen.append(max(words, key=lambda w: (len(w), w)))
    return chosen[0], chosen[1]


def _split(sent: list[tuple[float, str, int]], design: str) -> tuple[int, int]:
    """(search bytes, other bytes) of some responses."""
    search = sum(n for _, path, n in sent if SEARCH_PATHS[design].search(path))
    return search, sum(n for _, _, n in sent) - search


def _ask(page: Any, query: str) -> float:
    """Open search (or return to it), put the query in, wait for the first new result: milliseconds."""
    page.evaluate(WATCH_JS)
    page.evaluate(OPEN_JS)
    page.keyboard.insert_text(query)
    page.keyboard.press("End")  # Material's search listens for keyup
    page.wait_for_function("() => window.__pb.shown > 0", timeout=TIMEOUT_MS, polling=20)
    return float(page.evaluate("() => window.__pb.shown - window.__pb.opened"))


def measure_design(browser: Any, site: Path, design: str, words: tuple[str, str], runs: int) -> dict[str, Any]:
    """Page-view bytes once, then a warm-up and `runs` timed runs of the two queries."""
    server = CountingServer(site).start()
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        mark = server.mark()
        page.goto(server.url, wait_until="load")
        page.wait_for_load_state("networkidle", timeout=TIMEOUT_MS)
        time.sleep(1.0)
        page_view = _split(server.sent_since(mark), design)
        context.close()
        timed: list[dict[str, Any]] = []
        for run in range(runs + 1):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            start = server.mark()
            page.goto(server.url, wait_until="load")
            first_ms = _ask(page, words[0])
            first_bytes = _split(server.sent_since(start), design)
            second_mark = server.mark()
            second_ms = _ask(page, words[1])
            second_bytes = _split(server.sent_since(second_mark), design)
            context.close()
            if run:  # run 0 warms the server's gzip cache
                timed.append({"first_ms": first_ms, "first_bytes": first_bytes, "second_ms": second_ms, "second_bytes": second_bytes})
    finally:
        server.stop()

    def median(key: str, part: int | None = None) -> float:
        return statistics.median(r[key] if part is None else r[key][part] for r in timed)

    return {
        "page_view_search_bytes": page_view[0],
        "page_view_other_bytes": page_view[1],
        "first_ms": median("first_ms"),
        "first_search_bytes": median("first_bytes", 0),
        "first_other_bytes": median("first_bytes", 1),
        "second_ms": median("second_ms"),
        "second_search_bytes": median("second_bytes", 0),
        "runs": timed,
    }


def measure_size(size: int, out: Path, runs: int, reuse: bool) -> dict[str, Any]:
    """Generate and build one size both ways (or reuse the builds), then measure both sites."""
    from playwright.sync_api import sync_playwright

    root = out / f"search-{size}"
    print(f"\n== {size:,} plays ({root})", flush=True)
    builds: dict[str, Any] = {}
    ready = root / "builds.json"
    if reuse and ready.exists():
        builds = json.loads(ready.read_text(encoding="utf-8"))
        print("   reusing the sites built earlier", flush=True)
    else:
        ready.unlink(missing_ok=True)
        generated = run_child("generate", root, size)
        print(f"   wrote {generated['plays']:,} plays in {generated['seconds']:.0f}s", flush=True)
        for design in ("pagefind", "material"):
            builds[design] = run_child(design, root)
            print(f"   built the {design} site in {builds[design]['seconds']:.0f}s", flush=True)
        ready.write_text(json.dumps(builds), encoding="utf-8")
    words = queries(root, size)
    sites = {"material": root / "site-material", "pagefind": root / "site"}
    measured = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"])
        for design in DESIGNS:
            measured[design] = measure_design(browser, sites[design], design, words, runs)
            print(f"   measured {design}", flush=True)
        browser.close()
    return {"size": size, "queries": words, "builds": builds, "measured": measured}


def _kb(n: float) -> str:
    return f"{n / 1e3:,.0f} KB" if n < 1e6 else f"{n / 1e6:,.2f} MB"


def report(results: list[dict[str, Any]], runs: int) -> None:
    """Print both designs side by side, per size."""
    print(f"\nSearch: Material's search plugin (before) and Pagefind (now); Chromium, 127.0.0.1, gzip, median of {runs} runs")
    for result in results:
        m, p = result["measured"]["material"], result["measured"]["pagefind"]
        b = result["builds"]
        print(f"\n{result['size']:,} plays   queries: {result['queries'][0]!r}, then {result['queries'][1]!r}")
        print(f"  {'':44} {'material':>12} {'pagefind':>12}")
        rows = [
            ("index on disk", _kb(b["material"]["index_bytes"]), _kb(b["pagefind"]["index_bytes"])),
            ("search bytes of a page view, search unopened", _kb(m["page_view_search_bytes"]), _kb(p["page_view_search_bytes"])),
            ("first query: search bytes before 1st result", _kb(m["first_search_bytes"]), _kb(p["first_search_bytes"])),
            ("first query: open search -> 1st result", f"{m['first_ms'] / 1e3:.2f} s", f"{p['first_ms'] / 1e3:.2f} s"),
            ("second query: search bytes", _kb(m["second_search_bytes"]), _kb(p["second_search_bytes"])),
            ("second query: query -> 1st result", f"{m['second_ms'] / 1e3:.2f} s", f"{p['second_ms'] / 1e3:.2f} s"),
            ("the page itself (HTML, CSS, JS)", _kb(m["page_view_other_bytes"]), _kb(p["page_view_other_bytes"])),
        ]
        for label, before, now in rows:
            print(f"  {label:44} {before:>12} {now:>12}")
        print(f"  Pagefind indexing: {b['pagefind']['index_seconds']:.0f}s of the {b['pagefind']['seconds']:.0f}s build")
        ok_bytes = p["first_search_bytes"] <= 500_000
        ok_time = p["first_ms"] <= 1500
        print(f"  target (<= 500 KB, <= 1.5 s to the first result): {'met' if ok_bytes and ok_time else 'NOT met'}")


def main() -> int:
    """Parse options, build and measure each size, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--reuse", action="store_true", help="measure the sites an earlier run built")
    parser.add_argument("--child", choices=sorted(CHILDREN), help=argparse.SUPPRESS)
    parser.add_argument("--root", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--plays", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        step = CHILDREN[args.child]
        found = step(args.root, args.plays) if args.child == "generate" else step(args.root)  # type: ignore[operator]
        print(json.dumps(found))
        return 0
    results = [measure_size(size, args.out, args.runs, args.reuse) for size in args.sizes]
    (args.out / "search-last-run.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    report(results, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
