"""The site's Content-Security-Policy holds: scripts only from the site, and no page type reports a violation.

The policy is a <meta> in the theme (generator/theme/main.html); Material's
inline scripts are served as files instead (generator/theme/partials/javascripts/).
Each page type is opened with a listener for `securitypolicyviolation`
installed before any of the page's own scripts run.
"""

from __future__ import annotations

from typing import Any

import pytest
from site_pages import PAGE_TYPES, open_page, page_types

from generator.build import BuildResult

pytestmark = pytest.mark.browser

LISTEN = """
window.__pbViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__pbViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${where}`);
});
"""


def _policy(page: Any) -> str:
    return str(page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content"))


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_page_type_reports_a_policy_violation(page: Any, page_log: Any, site_url: str, sample_build: BuildResult, kind: str) -> None:
    page.add_init_script(LISTEN)
    open_page(page, site_url, kind, page_types(sample_build.catalogue)[kind], sample_build.catalogue)
    page.wait_for_load_state("load")
    violations = page.evaluate("window.__pbViolations")
    assert violations == [], violations
    assert [m for m in page_log.console_errors if "Content Security Policy" in m] == []
    # Material's moved bootstrap ran: its storage helpers exist and the page left the no-js state.
    assert page.evaluate("typeof __md_get") == "function"
    assert "no-js" not in (page.locator("html").get_attribute("class") or "")


def test_the_policy_allows_scripts_from_the_site_only(page: Any, site_url: str) -> None:
    page.goto(site_url)
    directives = dict(part.strip().split(" ", 1) for part in _policy(page).split(";"))
    # Pagefind's search runs WebAssembly, which needs 'wasm-unsafe-eval'; no inline script, no other host.
    assert set(directives["script-src"].split()) == {"'self'", "'wasm-unsafe-eval'"}
    assert directives["object-src"] == "'none'"
    assert directives["default-src"] == "'self'"


def test_an_injected_inline_script_is_refused(page: Any, site_url: str) -> None:
    page.add_init_script(LISTEN)
    page.goto(site_url)
    page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.__pbRan = true'; document.body.append(s); }")
    assert page.evaluate("window.__pbRan === undefined")
    assert any(v.startswith("script-src") for v in page.evaluate("window.__pbViolations"))


def test_instant_navigation_keeps_within_the_policy(page: Any, site_url: str, sample_build: BuildResult) -> None:
    # Material's instant navigation swaps pages in place and re-runs their scripts.
    page.add_init_script(LISTEN)
    page.goto(site_url + page_types(sample_build.catalogue)["strategy"])
    link = page.locator('.md-content a[href*="plays/"]').first
    target = str(link.get_attribute("href")).split("/")[-2]
    link.click()
    page.wait_for_url(f"**/plays/{target}/")
    page.wait_for_load_state("load")
    assert page.evaluate("window.__pbViolations") == []
    assert page.evaluate("typeof __md_get") == "function"
