"""axe-core finds nothing on any page type, in the light and the dark scheme, at phone and desktop width, and no page leaves the host.

axe-playwright-python bundles axe-core, so nothing is downloaded. Each page
type is opened once per scheme; a failure names the rule, the element and
the page.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import ENGINE, block_other_hosts
from site_pages import PAGE_TYPES, open_page, page_types

from generator.build import BuildResult

pytestmark = pytest.mark.browser

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}
# prefers-color-scheme -> the Material scheme mkdocs.yml's palette pairs with it.
SCHEMES = {"light": "default", "dark": "slate"}
# A phone held upright (Material's drawer navigation) and a desktop window (sidebars shown).
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@pytest.fixture(scope="module")
def off_host() -> list[str]:
    """Every request any page of this module made to another host (they are blocked)."""
    return []


@pytest.fixture(scope="module", params=[(s, v) for v in VIEWPORTS for s in SCHEMES], ids=lambda p: f"{p[0]}-{p[1]}")
def scheme_page(request: pytest.FixtureRequest, browser: Any, site_url: str, off_host: list[str]) -> Iterator[tuple[str, Any]]:
    """One browser page per colour scheme and viewport, reused by every page type; other hosts are blocked."""
    scheme, viewport = request.param
    context = browser.new_context(color_scheme=scheme, viewport=VIEWPORTS[viewport])
    block_other_hosts(context, urlsplit(site_url).netloc, off_host)
    yield f"{scheme} scheme, {viewport}", context.new_page()
    context.close()


def _report(violations: list[dict[str, Any]], where: str) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{where}: {violation['id']} ({violation['impact']}): {violation['help']} -- {violation['helpUrl']}")
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {' '.join(map(str, node['target']))}: {summary}")
            lines.append(f"        {node['html'][:200]}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def axe() -> Axe:
    """One axe instance (the bundled axe-core script, read once)."""
    return Axe()


# Headings of the page (search results carry their own), and every landmark that needs a name to be told apart.
STRUCTURE_JS = """() => {
  const text = (id) => document.getElementById(id)?.textContent.trim() || "";
  const name = (e) => (e.getAttribute("aria-label") || "").trim()
    || (e.getAttribute("aria-labelledby") || "").split(/\\s+/).map(text).join(" ").trim();
  const describe = (e) => e.tagName.toLowerCase() + (e.getAttribute("role") ? `[role=${e.getAttribute("role")}]` : "")
    + (typeof e.className === "string" && e.className ? "." + e.className.trim().split(/\\s+/).join(".") : "");
  const headings = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].filter((h) => !h.closest(".md-search"));
  const landmarks = [...document.querySelectorAll(
    "nav, aside, [role=navigation], [role=complementary], [role=search], [role=region], [role=dialog], form[role]")]
    .filter((e) => !["none", "presentation"].includes(e.getAttribute("role")));
  return {
    headings: headings.map((h) => [Number(h.tagName[1]), h.textContent.trim().slice(0, 60)]),
    unnamed: [...landmarks].filter((e) => !name(e)).map(describe),
  };
}"""


def _structure_problems(page: Any) -> list[str]:
    """One h1, no skipped heading level, every landmark named."""
    found = page.evaluate(STRUCTURE_JS)
    problems = [f"landmark {what} has no accessible name" for what in found["unnamed"]]
    levels = [level for level, _ in found["headings"]]
    if levels.count(1) != 1:
        problems.append(f"{levels.count(1)} h1 headings, expected exactly one")
    previous = 0
    for level, text in found["headings"]:
        if level > previous + 1:
            problems.append(f"heading h{level} '{text}' follows h{previous}")
        previous = level
    return problems


# Badge colours and text, in the scheme on screen: an icon, a word, and 4.5:1 or better.
BADGES_JS = """() => [...document.querySelectorAll(".pb-badge")].filter((b) => b.offsetWidth).map((b) => {
  const s = getComputedStyle(b);
  return { text: b.textContent.trim(), icon: !!b.querySelector(".pb-icon"), color: s.color, background: s.backgroundColor };
})"""


def _contrast(first: str, second: str) -> float:
    def luminance(css: str) -> float:
        channels = [int(float(v)) / 255 for v in css[css.index("(") + 1 : css.index(")")].split(",")[:3]]
        r, g, b = ((c / 12.92) if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_is_accessible(
    scheme_page: tuple[str, Any], kind: str, language: str, site_url: str, sample_build: BuildResult, axe: Axe
) -> None:
    scheme, page = scheme_page
    if ENGINE == "zensical" and kind == "search-results" and "phone" in scheme:
        # A known gap, in README ("Two engines"): under Zensical the phone's search button does not
        # open the search box (Zensical's styles open it another way), so there are no results to check.
        pytest.skip("Zensical: search does not open at phone width yet")
    # The Spanish edition has the same pages under es/.
    address = ("" if language == "en" else f"{language}/") + page_types(sample_build.catalogue)[kind]
    open_page(page, site_url, kind, address, sample_build.catalogue)
    assert page.evaluate("document.documentElement.lang") == language
    where = f"/{address} ({kind}, {scheme})"
    shown = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert shown == SCHEMES[scheme.split()[0]], f"{where} shows scheme {shown!r}"
    results = axe.run(page, options=AXE_OPTIONS).response
    assert results["violations"] == [], "\n" + _report(results["violations"], where)
    problems = _structure_problems(page)
    assert problems == [], f"{where}:\n" + "\n".join(problems)
    for badge in page.evaluate(BADGES_JS):
        assert badge["icon"] and badge["text"], f"{where}: a status badge needs an icon and a word: {badge}"
        ratio = _contrast(badge["color"], badge["background"])
        assert ratio >= 4.5, f"{where}: badge '{badge['text']}' is {ratio:.2f}:1 ({badge['color']} on {badge['background']})"


def test_no_page_requested_another_host(off_host: list[str], scheme_page: tuple[str, Any]) -> None:
    # Runs after the page types above (module order), so it sees every request they made.
    assert off_host == []
