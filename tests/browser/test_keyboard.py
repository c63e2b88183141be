"""Keyboard use: a skip link first, a visible focus ring on every stop, no trap, and the whole
journey from the home page through search to a play and a filtered browse page with keys alone."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from site_pages import open_page, page_types, search_word

from generator.build import BuildResult

pytestmark = pytest.mark.browser

# What a reader sees of the focused element: visible, on screen, not covered, and ringed.
# A visually hidden radio (the colour-scheme toggle) shows its focus on the label beside it.
FOCUS_JS = """async (check) => {
  // Let fades and slides finish (a skip link fading in, the search box opening); text colour changes need no wait.
  // First let focus handlers run (Material's wait 1 ms) and the transitions they start begin.
  if (check) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const moving = document.getAnimations().filter((a) => a.transitionProperty !== "color");
    await Promise.race([Promise.all(moving.map((a) => a.finished.catch(() => null))), new Promise((r) => setTimeout(r, 1000))]);
  }
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const describe = (e) => {
    const classes = typeof e.className === "string" && e.className ? "." + e.className.trim().split(/\\s+/).join(".") : "";
    const text = (e.getAttribute("aria-label") || e.textContent || "").trim().slice(0, 40);
    return `${e.tagName.toLowerCase()}${classes} "${text}"` + (e.getAttribute("href") ? ` -> ${e.getAttribute("href")}` : "");
  };
  if (!check) return { stop: describe(el), problems: [] };
  let shown = el;
  const box = el.getBoundingClientRect();
  if (box.width < 2 || box.height < 2 || getComputedStyle(el).opacity === "0") {
    const beside = [...(el.labels || []), el.nextElementSibling].filter((label) => label && label.tagName === "LABEL");
    shown = beside.find((label) => label.getBoundingClientRect().width > 0) || el;
  }
  const r = shown.getBoundingClientRect();
  const s = getComputedStyle(shown);
  const problems = [];
  if (r.width < 1 || r.height < 1 || s.visibility === "hidden" || Number(s.opacity) < 0.1) problems.push("invisible");
  else if (r.bottom < 0 || r.top > innerHeight || r.right < 0 || r.left > innerWidth) problems.push("off screen");
  else {
    const line = shown.getClientRects()[0] || r; // a link wrapped over two lines: test its first line
    const hit = document.elementFromPoint(line.left + line.width / 2, Math.min(line.top + line.height / 2, innerHeight - 1));
    if (hit && !shown.contains(hit) && !hit.contains(shown) && !el.contains(hit)) problems.push(`covered by ${describe(hit)}`);
  }
  const ringed = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2;
  if (!ringed) problems.push(`no focus ring (outline: ${s.outlineStyle} ${s.outlineWidth})`);
  else {
    // The ring against what it is drawn on (outside the element, or inside it with a negative offset): 3:1 (WCAG 1.4.11).
    const rgb = (css) => (css.match(/[\\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => [r, g, b].map((c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; })
      .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
    let under = parseFloat(s.outlineOffset) < 0 ? shown : shown.parentElement;
    while (under && (rgb(getComputedStyle(under).backgroundColor)[3] ?? 1) < 0.5) under = under.parentElement;
    const ground = rgb(under ? getComputedStyle(under).backgroundColor : "rgb(255, 255, 255)");
    const [high, low] = [lum(rgb(s.outlineColor)), lum(ground)].sort((a, b) => b - a);
    const ratio = (high + 0.05) / (low + 0.05);
    const behind = getComputedStyle(under || document.body).backgroundColor;
    if (ratio < 3) problems.push(`focus ring ${s.outlineColor} is ${ratio.toFixed(2)}:1 on ${behind}`);
  }
  return { stop: describe(el), problems };
}"""
MAX_STOPS = 300  # far more than any page has; reaching it means focus is stuck in a loop


def tab(page: Any, back: bool = False, check: bool = True) -> dict[str, Any] | None:
    """Press Tab (or Shift+Tab) and describe where focus went, checked unless `check` is false; None when it left the page."""
    page.keyboard.press("Shift+Tab" if back else "Tab")
    result: dict[str, Any] | None = page.evaluate(FOCUS_JS, check)
    return result


def tab_to(page: Any, selector: str, limit: int = 120) -> None:
    """Tab forward until the focused element matches `selector`."""
    for _ in range(limit):
        tab(page, check=False)
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} was not reached in {limit} presses of Tab on {page.url}")


VIEWPORTS = {"light": ("light", 1280), "dark": ("dark", 1280), "narrow": ("light", 400)}


@pytest.fixture(scope="module")
def pages(browser: Any) -> Iterator[dict[str, Any]]:
    """A page per way of reading: light and dark on a desktop, and narrow (a phone, or a desktop zoomed to 320%)."""
    contexts = {
        name: browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900})
        for name, (scheme, width) in VIEWPORTS.items()
    }
    yield {name: context.new_page() for name, context in contexts.items()}
    for context in contexts.values():
        context.close()


# Each kind of control once: header, navigation and content links (home), a long body with
# soundbites and toolkit links (play), the script-built filters (browse), the 404 page; the
# dark scheme once, for its toggle; a narrow window once, for the navigation drawer.
WALKS = [("light", "home"), ("dark", "home"), ("light", "play"), ("narrow", "play"), ("light", "browse-filtered"), ("light", "404")]


@pytest.mark.parametrize(("view", "kind"), WALKS, ids=[f"{v}-{k}" for v, k in WALKS])
def test_every_focus_stop_is_visible_and_focus_is_never_trapped(
    pages: dict[str, Any], view: str, kind: str, site_url: str, sample_build: BuildResult
) -> None:
    scheme_page = pages[view]
    address = page_types(sample_build.catalogue)[kind]
    open_page(scheme_page, site_url, kind, address, sample_build.catalogue)
    stops: list[str] = []
    problems: list[str] = []
    for _ in range(MAX_STOPS):
        focused = tab(scheme_page)
        if focused is None or (stops and focused["stop"] == stops[0]):
            break
        stops.append(focused["stop"])
        problems += [f"{focused['stop']}: {problem}" for problem in focused["problems"]]
    else:
        pytest.fail(f"/{address}: focus never left the page after {MAX_STOPS} presses of Tab: a keyboard trap")
    assert stops and stops[0].startswith("a.md-skip"), f"/{address}: the first Tab stop is {stops[:1]}, not the skip link"
    assert problems == [], f"/{address}:\n" + "\n".join(problems)
    if kind == "browse-filtered":
        # Script-built controls are where a one-way trap hides: Shift+Tab must walk the same stops back.
        back: list[str] = []
        while (focused := tab(scheme_page, back=True, check=False)) is not None and len(back) < len(stops):
            back.append(focused["stop"])
        assert back == stops[::-1], f"/{address}: Shift+Tab does not retrace the Tab order"


def test_skip_link_moves_focus_past_the_navigation(page: Any, site_url: str, sample_build: BuildResult) -> None:
    play = page_types(sample_build.catalogue)["play"]
    for address in ("", play, "404.html"):
        page.goto(site_url + address)
        focused = tab(page)
        assert focused is not None and focused["stop"].startswith("a.md-skip"), address
        assert focused["problems"] == [], f"/{address}: skip link {focused['problems']}"
        page.keyboard.press("Enter")
        h1 = page.locator("h1").first.get_attribute("id")
        assert page.url.endswith(f"#{h1}"), f"/{address}: the skip link does not lead to the page's h1"
        tab(page)
        assert page.evaluate("!!document.activeElement.closest('.md-content')"), f"/{address}: Tab after the skip link left the content"


def test_search_a_play_then_filter_the_browse_page_with_keys_only(page: Any, site_url: str, sample_build: BuildResult) -> None:
    catalogue = sample_build.catalogue
    page.goto(site_url)
    # Skip link, then on to the search box.
    assert (tab(page) or {}).get("stop", "").startswith("a.md-skip")
    tab_to(page, ".md-search__input", limit=6)
    page.keyboard.type(search_word(catalogue))
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    # The count of results is a status message, read out while focus stays in the box.
    count = page.locator(".md-search-result__meta[role=status]")
    assert any(ch.isdigit() for ch in count.inner_text()), count.inner_text()
    # Arrow keys move through the results; stop on the first one that is a play, and open it.
    for _ in range(20):
        page.keyboard.press("ArrowDown")
        if "/plays/" in (page.evaluate("document.activeElement.getAttribute('href')") or ""):
            break
    else:
        raise AssertionError("no play among the search results")
    page.keyboard.press("Enter")
    page.wait_for_url("**/plays/**")
    assert page.locator("h1").count() == 1
    assert page.evaluate("!document.getElementById('__search').checked"), "search stayed open over the play"
    # From the play, the navigation link to the browse page.
    tab_to(page, "a.md-nav__link[href$='browse/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/browse/")
    browse = page.locator("[data-pb-browse]")
    page.locator("[data-pb-browse][data-pb-ready]").wait_for(state="attached")
    cards = page.locator("[data-play]:visible")
    everything = cards.count()
    # The first filter option, ticked with the space bar.
    tab_to(page, "[data-pb-browse] input[type=checkbox]")
    page.keyboard.press("Space")
    page.wait_for_function("() => document.querySelector('[data-pb-browse]').dataset.pbFiltered === 'true'")
    assert 0 < cards.count() < everything, "the ticked option did not narrow the list"
    assert "?" in page.url, "the filtered view has no address to share"
    ticked = cards.count()
    # Back to the words filter, and type into it.
    for _ in range(10):
        tab(page, back=True)
        if page.evaluate("document.activeElement.matches('[data-pb-browse] input[type=search]')"):
            break
    else:
        raise AssertionError("Shift+Tab from the options did not reach the words filter")
    first_title = cards.first.locator("a").first.inner_text()
    page.keyboard.type(max(first_title.split(), key=len))
    page.wait_for_function("(n) => document.querySelectorAll('[data-play]:not([hidden])').length <= n", arg=ticked)
    assert 0 < cards.count() <= ticked
    assert browse.get_attribute("data-pb-filtered") == "true"


def test_navigation_drawer_opens_and_closes_with_keys(pages: dict[str, Any], site_url: str, sample_build: BuildResult) -> None:
    page = pages["narrow"]
    page.goto(site_url + page_types(sample_build.catalogue)["play"])
    tab_to(page, "button.pb-menu-button", limit=3)
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "false"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.closest('.md-sidebar--primary') !== null")
    assert page.evaluate("document.getElementById('__drawer').checked")
    for _ in range(3):
        focused = tab(page)
        assert focused is not None and focused["problems"] == [], focused
        assert page.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null")
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.getElementById('__drawer').checked")
    assert page.evaluate("document.activeElement.matches('button.pb-menu-button')"), "focus did not return to the menu button"
    # Space opens it too.
    page.keyboard.press(" ")
    page.wait_for_function("() => document.activeElement.closest('.md-sidebar--primary') !== null")
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.getElementById('__drawer').checked")
    assert page.evaluate("document.activeElement.matches('button.pb-menu-button')"), "focus did not return to the menu button"
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "false"
