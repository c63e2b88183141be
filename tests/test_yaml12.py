"""Values are read with YAML 1.2 rules, as editors and the JSON Schemas read them; text keeps the characters typed.

Under PyYAML's YAML 1.1, `figure: 3:1` was published as 181, `010` as 8,
`0.50` as 0.5, `summary: 0777` as "511" and `title: 1.0e+3` as "1000.0".
"""

from __future__ import annotations

from pathlib import Path

from generator.validate import check


def test_numbers_and_ratios_in_text_fields_are_published_as_typed(mini_root: Path) -> None:
    vignette = mini_root / "vignettes" / "riverside-maps.yml"
    text = vignette.read_text(encoding="utf-8").replace('  - figure: "43"\n    label: programs found\n', "".join(
        f"  - figure: {figure}\n    label: programs found\n" for figure in ("3:1", "010", "0.50", "1_000", "0x1F", "+5")
    ))  # fmt: skip
    vignette.write_text(text.replace("ecosystem: Riverside STEM Ecosystem", "ecosystem: 1.0e+3"), encoding="utf-8")
    play = mini_root / "plays" / "host-info-night.yml"
    edited = play.read_text(encoding="utf-8").replace("tags: [admissions, events]", "tags: [admissions, 1.10, on]")
    edited = edited.replace("summary: Invite admissions officers to meet program students and families.", "summary: 0777")
    play.write_text(edited, encoding="utf-8")
    catalogue, _ = check(mini_root)
    story = catalogue.vignettes["riverside-maps"]
    assert [o.figure for o in story.outcomes] == ["3:1", "010", "0.50", "1_000", "0x1F", "+5"]
    assert story.ecosystem == "1.0e+3"
    assert catalogue.plays["host-info-night"].summary == "0777"
    assert catalogue.plays["host-info-night"].tags == ["admissions", "1.10", "on"]


def test_a_whole_number_field_takes_yaml_1_2_numbers(mini_root: Path) -> None:
    vignette = mini_root / "vignettes" / "riverside-maps.yml"
    vignette.write_text(vignette.read_text(encoding="utf-8").replace("year: 2023", "year: +2023"), encoding="utf-8")
    catalogue, _ = check(mini_root)
    year = catalogue.vignettes["riverside-maps"].year
    assert year == 2023 and str(year) == "2023"
