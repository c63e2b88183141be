"""The built site opens in a real browser without errors or off-host requests."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def test_home_page_loads_offline(page: Any, site_url: str, page_log: Any) -> None:
    page.goto(site_url)
    assert page.locator("h1").first.inner_text().strip() == "STEM PUSH Equity Playbook"
    assert page_log.blocked == []
    assert page_log.console_errors == []
