"""The preview's regeneration: a content change is noticed and rebuilt; a mistake keeps the last good pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import serve


def test_a_changed_play_is_noticed_and_regenerated(mini_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    serve.generate(mini_root, outputs=serve.PREVIEW_OUTPUTS)
    before = serve.content_state(mini_root)
    play = mini_root / "plays" / "host-info-night.yml"
    play.write_text(play.read_text(encoding="utf-8").replace("information night", "evening"), encoding="utf-8")
    assert serve.content_state(mini_root) != before
    serve._regenerate(mini_root)
    page = (mini_root / "build" / "docs" / "plays" / "host-info-night.md").read_text(encoding="utf-8")
    assert "# Host an admissions evening" in page
    assert "Regenerated 18 pages" in capsys.readouterr().err


def test_a_mistake_during_preview_keeps_the_last_good_pages(mini_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    serve.generate(mini_root, outputs=serve.PREVIEW_OUTPUTS)
    page = mini_root / "build" / "docs" / "plays" / "host-info-night.md"
    good = page.read_text(encoding="utf-8")
    play = mini_root / "plays" / "host-info-night.yml"
    play.write_text(play.read_text(encoding="utf-8").replace("status: aspirational", "status: maybe"), encoding="utf-8")
    serve._regenerate(mini_root)
    assert page.read_text(encoding="utf-8") == good
    err = capsys.readouterr().err
    assert "plays/host-info-night.yml:3:9: status:" in err and "keeps the last good version" in err
