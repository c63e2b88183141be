"""Checklists a reader can tick and find ticked again; the way from a ticked filter to the plays, by keyboard."""

from __future__ import annotations

from typing import Any

import pytest
from browse_page import open_browse, option
from site_pages import page_types

from generator.build import BuildResult

pytestmark = pytest.mark.browser

BOXES = ".md-typeset .task-list-item input[type=checkbox]"


def test_checklist_boxes_are_labelled_tickable_and_remembered_after_a_reload(
    page: Any, site_url: str, sample_build: BuildResult, page_log: Any
) -> None:
    page.goto(site_url + page_types(sample_build.catalogue)["checklist"])
    boxes = page.locator(BOXES)
    count = boxes.count()
    assert count >= 3
    for index in range(count):
        box = boxes.nth(index)
        assert box.is_enabled(), f"checkbox {index} is disabled"
        # Each box is named by its item's text: a screen reader says what is being ticked.
        name = box.evaluate("(b) => (document.getElementById(b.getAttribute('aria-labelledby')) || {}).textContent || ''").strip()
        assert len(name) > 5, f"checkbox {index} has no label"
    # Ticking by the item's words, as a reader taps them on a phone; the box is found by that name too.
    second = boxes.nth(1)
    words = second.evaluate("(b) => document.getElementById(b.getAttribute('aria-labelledby')).textContent.trim()")
    assert page.get_by_role("checkbox", name=words).count() == 1
    page.get_by_text(words, exact=True).click()
    boxes.nth(count - 1).check()
    page.reload()
    ticked = [boxes.nth(i).is_checked() for i in range(count)]
    assert ticked == [i in (1, count - 1) for i in range(count)], ticked
    boxes.nth(1).uncheck()
    page.reload()
    assert [i for i in range(count) if boxes.nth(i).is_checked()] == [count - 1]
    assert page_log.console_errors == []


def test_from_a_ticked_filter_five_tab_stops_and_enter_reach_the_first_play(page: Any, site_url: str, sample_build: BuildResult) -> None:
    catalogue = sample_build.catalogue
    open_browse(page, site_url + "browse/")
    first = option(page, "status", "enacted")
    first.focus()
    page.keyboard.press("Space")
    assert first.is_checked()
    # One Tab stop per filter, then the "show N plays" button.
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.pb-filters__show')"):
            break
    else:
        raise AssertionError("the 'show plays' button was not reached in 5 presses of Tab from a ticked filter")
    enacted = sum(p.status == "enacted" for p in catalogue.plays.values())
    assert page.evaluate("document.activeElement.textContent").startswith(f"Show {enacted} plays")
    page.keyboard.press("Enter")
    focused = page.evaluate("document.activeElement.closest('[data-play]')?.dataset.play")
    shown = page.evaluate("[...document.querySelectorAll('[data-play]:not([hidden])')].map((c) => c.dataset.play)")
    assert focused == shown[0], f"Enter on the button focused {focused}, not the first play shown ({shown[0]})"
    assert catalogue.plays[focused].status == "enacted"
    # Arrow keys move within a filter; Tab leaves it: the other options are not Tab stops.
    first.focus()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.value") == "aspirational"
    assert page.evaluate("[...document.querySelectorAll('input[name=status]')].map((b) => b.tabIndex)") == [-1, 0]


def test_a_filter_chip_removes_its_filter(page: Any, site_url: str, sample_build: BuildResult) -> None:
    catalogue = sample_build.catalogue
    facet = catalogue.config.facets[0]
    value = facet.values[0]
    open_browse(page, site_url + f"browse/?status=enacted&{facet.id}={value.id}")
    chips = page.locator(".pb-chips button")
    assert chips.count() == 2
    assert chips.nth(1).get_attribute("aria-label") == f"Remove the filter {value.label}"
    # Chips sit above the results.
    top = page.evaluate("document.querySelector('.pb-chips').getBoundingClientRect().top")
    assert top < page.evaluate("document.querySelector('[data-play]:not([hidden])').getBoundingClientRect().top")
    chips.nth(1).click()
    assert not option(page, facet.id, value.id).is_checked()
    assert "status=enacted" in page.url and facet.id not in page.url
    assert chips.count() == 1
