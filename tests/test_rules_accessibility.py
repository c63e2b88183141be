"""Accessibility rules of `playbook check`: what they accept, and barriers beyond the one-case-per-rule corpus.

The exact message of each rule is pinned by its case in tests/invalid/
(image-without-alt, vague-link-text, heading-skips-level, heading-level-one,
video-without-transcript), run by test_check_corpus.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import check_errors as _errors
from conftest import edit_file as _edit

from generator.rules_accessibility import body_elements
from generator.validate import check


def test_sample_catalogue_has_no_barriers(sample_root: Path) -> None:
    check(sample_root)


def test_accessible_bodies_pass(mini_root: Path) -> None:
    body = (
        "  ## Before\\n\\n  ### Rooms\\n\\n  #### Seating\\n\\n  ## After\\n\\n"
        "  ![Tables in a circle](../assets/icons/toolbox-outline.svg) See [the seating plan](https://example.org/plan).\\n"
    )
    play = mini_root / "plays" / "host-info-night.yml"
    _edit(play, "body: |\n  Families meet **admissions officers** face to face.\n", f'body: "{body}"\n')
    sheet = mini_root / "toolkit" / "mapping-sheet.yml"
    _edit(sheet, "kind: template", "kind: video")
    _edit(sheet, "  - Who it serves\n", "  - Who it serves\n\n  [Captions (WebVTT)](https://example.org/sheet.vtt)\n")
    check(mini_root)


def test_barrier_in_a_folded_body_is_reported_at_the_field(mini_root: Path) -> None:
    # A `>` block folds lines, so the field is the closest place that can be named.
    play = mini_root / "plays" / "host-info-night.yml"
    _edit(play, "body: |\n  Families", "body: >\n  See [here](https://example.org/x). Families")
    assert _errors(mini_root) == [
        "plays/host-info-night.yml:5:7: body: link text 'here' does not say where the link goes "
        "(say where it goes, e.g. [the admissions checklist](...))"
    ]


@pytest.mark.parametrize("text", ["Here", "click here!", "Link", "read more…", "More"])
def test_vague_link_text_is_caught_whatever_its_case_or_punctuation(mini_root: Path, text: str) -> None:
    play = mini_root / "plays" / "host-info-night.yml"
    _edit(play, "  Families meet", f"  [{text}](https://example.org/x) Families meet")
    assert len(_errors(mini_root)) == 1


def test_an_image_names_the_link_it_sits_in() -> None:
    link = [e for e in body_elements("[![The network's logo](logo.png)](https://example.org)") if e.tag == "a"]
    assert link[0].text == "The network's logo"
