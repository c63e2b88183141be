"""Lighthouse scores of every page type of the built sample site, on the mobile preset.

    .venv/bin/playbook build
    mkdir -p /tmp/lh && (cd /tmp/lh && npm i -E lighthouse@12.2.3)
    CHROME_PATH=/usr/bin/chromium .venv/bin/python -m benchmarks.lighthouse --lighthouse /tmp/lh/node_modules/.bin/lighthouse

Serves site/ on localhost at the path of site_url, runs Lighthouse once per
page type and prints the four category scores (performance, accessibility,
best practices, SEO). It prints figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit

from generator.load import load_catalogue
from tests.browser.site_pages import page_types

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(site: Path, folder: str) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `site` at /`folder`/ on a free port; the server and the site's address."""
    root = Path(tempfile.mkdtemp(prefix="lighthouse-"))
    if folder:
        (root / folder).symlink_to(site.resolve(), target_is_directory=True)
    else:
        root = site
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/" + (f"{folder}/" if folder else "")


def main() -> int:
    """Print a table of scores per page type."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path("."))
    parser.add_argument("--lighthouse", default="lighthouse", help="the lighthouse command (npm i -E lighthouse@12.2.3)")
    options = parser.parse_args()
    catalogue, _, _ = load_catalogue(options.root)
    folder = urlsplit(catalogue.config.site_url).path.strip("/")
    server, base = serve(options.root / "site", folder)
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    print(f"{'page':<18}" + "".join(f"{c:>16}" for c in CATEGORIES))
    try:
        for kind, address in page_types(catalogue).items():
            if kind == "search-results":
                continue
            out = subprocess.run(
                [options.lighthouse, base + address, "--output=json", "--quiet", "--form-factor=mobile",
                 "--chrome-flags=--headless=new --no-sandbox", f"--only-categories={','.join(CATEGORIES)}"],
                capture_output=True, text=True, env=env, check=False,
            )  # fmt: skip
            if out.returncode != 0:
                print(f"{kind:<18} lighthouse failed: {out.stderr.strip().splitlines()[-1:]}")
                continue
            report = json.loads(out.stdout)
            scores = [report["categories"][c]["score"] for c in CATEGORIES]
            print(f"{kind:<18}" + "".join(f"{round(s * 100) if s is not None else '-':>16}" for s in scores))
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
