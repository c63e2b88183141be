"""Shared fixtures: sample and fixture catalogues, a built site, a local server and a browser."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from generator import build as pipeline
from generator.errors import ContentError
from generator.validate import check

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CONTENT = ("playbook.yml", "mkdocs.yml", "plays", "vignettes", "toolkit", "assets")
# The engine that builds the sample site for the whole session: `make test` runs the browser
# tests once with MkDocs and the axe, link and offline tests again with PLAYBOOK_ENGINE=zensical.
ENGINE = os.environ.get("PLAYBOOK_ENGINE", "mkdocs")
CHROMIUM = Path(os.environ.get("PLAYBOOK_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def copy_catalogue(source: Path, target: Path) -> Path:
    """Copy a playbook folder (content, its translations of playbook.yml, assets and mkdocs.yml only) to `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for name in [*CONTENT, *(p.name for p in sorted(source.glob("playbook.*.yml")))]:
        path = source / name
        if path.is_dir():
            shutil.copytree(path, target / name)
        elif path.is_file():
            shutil.copy2(path, target / name)
    if not (target / "mkdocs.yml").exists():
        shutil.copy2(REPO / "mkdocs.yml", target / "mkdocs.yml")
    return target


def check_errors(root: Path) -> list[str]:
    """The formatted problems `check` reports for a catalogue that must fail."""
    with pytest.raises(ContentError) as caught:
        check(root)
    return [p.format(root) for p in caught.value.problems]


def edit_file(path: Path, old: str, new: str) -> None:
    """Replace text in a content file, failing if the text is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def mini_root(tmp_path: Path) -> Path:
    """A writable copy of the two-play fixture catalogue, with the repository's mkdocs.yml."""
    return copy_catalogue(FIXTURES / "mini", tmp_path / "mini")


@pytest.fixture
def sample_root(tmp_path: Path) -> Path:
    """A writable copy of the sample catalogue that ships with the project."""
    return copy_catalogue(REPO, tmp_path / "sample")


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> pipeline.BuildResult:
    """The sample catalogue built once per test session (site, PDFs and exports), by ENGINE."""
    root = copy_catalogue(REPO, tmp_path_factory.mktemp("built") / "sample")
    return pipeline.build(root, engine=ENGINE)


@pytest.fixture(scope="session")
def sample_site(sample_build: pipeline.BuildResult) -> Path:
    """The folder of the built sample site."""
    assert sample_build.site_dir is not None
    return sample_build.site_dir


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(sample_site: Path) -> Iterator[str]:
    """The built sample site served over HTTP on localhost."""
    handler = functools.partial(_QuietHandler, directory=str(sample_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium driven by Playwright; skipped, loudly, when Chromium is missing."""
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM}: install it with `sudo apt-get install -y chromium` (or set PLAYBOOK_CHROMIUM)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class PageLog:
    """What a page did: console errors and every request, with the off-host ones blocked."""

    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)


@pytest.fixture
def page_log() -> PageLog:
    """The log the `page` fixture fills."""
    return PageLog()


def block_other_hosts(context: Any, own_host: str, blocked: list[str], seen: list[str] | None = None) -> None:
    """Let a browser context reach only `own_host`: every other request is aborted and recorded in `blocked`."""

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if seen is not None:
            seen.append(url)
        if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != own_host:
            blocked.append(url)
            request_route.abort()
        else:
            request_route.continue_()

    context.route("**/*", route)


@pytest.fixture
def page(browser: Any, site_url: str, page_log: PageLog) -> Iterator[Any]:
    """A fresh browser page; requests to any host but localhost are blocked and recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    block_other_hosts(context, urlsplit(site_url).netloc, page_log.blocked, seen=page_log.requests)
    new_page = context.new_page()
    new_page.on("console", lambda msg: page_log.console_errors.append(msg.text) if msg.type == "error" else None)
    new_page.on("pageerror", lambda exc: page_log.console_errors.append(str(exc)))
    yield new_page
    context.close()
