"""End to end: the sample playbook builds, its key pages say the right things, failures keep the old site."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from markupsafe import escape as html_escape

from generator import build as pipeline
from generator.build import BuildResult
from generator.errors import BuildError, ContentError
from generator.render import Renderer
from generator.search import read_fragments


def _digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _text(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def test_sample_catalogue_meets_the_issue_minimums(sample_build: pipeline.BuildResult) -> None:
    catalogue = sample_build.catalogue
    statuses = [p.status for p in catalogue.plays.values()]
    assert len(catalogue.plays) >= 25 and statuses.count("enacted") >= 8 and statuses.count("aspirational") >= 8
    assert {p.strategy for p in catalogue.plays.values()} == {s.id for s in catalogue.config.strategies}
    assert len(catalogue.config.strategies) == 9
    assert len(catalogue.vignettes) >= 8
    assert sum(len(p.soundbites) for p in catalogue.plays.values()) >= 12
    assert len(catalogue.toolkit) >= 8 and len({t.section for t in catalogue.toolkit.values()}) >= 3
    workgroups = next(f for f in catalogue.config.facets if f.id == "workgroup")
    assert [v.label for v in workgroups.values] == ["Home and Community", "K-12 Education", "Post-Secondary Education", "Work Environment"]


def test_every_page_of_the_catalogue_is_built(sample_build: pipeline.BuildResult, sample_site: Path) -> None:
    catalogue = sample_build.catalogue
    for play in catalogue.plays.values():
        html = _text(sample_site, f"plays/{play.id}")
        assert play.title.split()[0] in html
    for vignette_id in catalogue.vignettes:
        assert (sample_site / "vignettes" / vignette_id / "index.html").is_file()
    for item_id in catalogue.toolkit:
        assert (sample_site / "toolkit" / item_id / "index.html").is_file()
    for strategy in catalogue.config.strategies:
        assert (sample_site / "strategies" / strategy.id / "index.html").is_file()
    for page in ("browse", "vignettes", "soundbites", "toolkit", "tags", "reference", "strategies"):
        assert (sample_site / page / "index.html").is_file(), page


def test_home_page_has_aim_legend_counts_and_strategies(sample_build: pipeline.BuildResult, sample_site: Path) -> None:
    html = (sample_site / "index.html").read_text(encoding="utf-8")
    catalogue = sample_build.catalogue
    for label in ("Enacted play", "Aspirational play", "Vignette", "PUSH Play"):
        assert label in html
    assert f"{len(catalogue.plays)} plays · {len(catalogue.vignettes)} vignettes" in html
    # Three ways in: the browse page, the first strategy, the toolkit PDF.
    paths = html[html.index('class="pb-paths"') : html.index('class="pb-hero__stats"')]
    first = catalogue.config.strategies[0].id
    assert paths.count('class="md-button') == 3
    assert 'href="browse/"' in paths and f'href="strategies/{first}/"' in paths and 'href="downloads/toolkit.pdf"' in paths
    # A tile per strategy, with its counts of each status.
    for strategy in catalogue.config.strategies:
        plays = catalogue.plays_of(strategy.id)
        enacted = sum(p.status == "enacted" for p in plays)
        tile = html[html.index(f'href="strategies/{strategy.id}/"', html.index("pb-tiles")) :]
        tile = tile[: tile.index("</li>")]
        assert f"{enacted} enacted" in tile and f"{len(plays) - enacted} aspirational" in tile, strategy.id
    # The sidebars are hidden: the title is shown once, as the page's heading.
    assert html.count("<h1") == 1
    assert 'class="md-sidebar md-sidebar--primary" data-md-component="sidebar" data-md-type="navigation" hidden' in html


def test_play_page_shows_status_steps_vignettes_and_edit_link(sample_build: pipeline.BuildResult, sample_site: Path) -> None:
    catalogue = sample_build.catalogue
    play = next(p for p in catalogue.plays.values() if p.status == "enacted" and p.soundbites)
    html = _text(sample_site, f"plays/{play.id}")
    assert "pb-badge--enacted" in html and "Enacted play" in html
    for vignette in catalogue.vignettes_of(play.id):
        assert f'href="../../vignettes/{vignette.id}/"' in html
    assert f"/edit/main/plays/{play.id}.yml" in html
    assert ">Steps</h2>" in html


def test_search_index_holds_play_bodies_with_status_and_strategy(sample_build: BuildResult) -> None:
    assert sample_build.site_dir is not None
    records = {r["url"]: r for r in read_fragments(sample_build.site_dir / "pagefind")}
    record = records["/plays/meet-families-at-community-celebrations/"]
    assert "quinceañera" in record["content"]
    play = sample_build.catalogue.plays["meet-families-at-community-celebrations"]
    strategy = sample_build.catalogue.strategy(play.strategy)
    assert record["filters"]["status"] == [play.status] and record["meta"]["status"] == play.status
    [named] = record["filters"]["strategy"]
    assert strategy.title in named and record["meta"]["strategy"] == named
    assert record["meta"]["title"] == play.title
    # Only the article is indexed: not the skip link every page's header carries; and every page but the 404 page.
    assert "Skip to content" in (sample_build.site_dir / "plays" / play.id / "index.html").read_text(encoding="utf-8")
    assert not any("Skip to content" in r["content"] for r in records.values())
    # The default language's pages; the Spanish site (es/) has its own bundle.
    site = sample_build.site_dir
    html_pages = {p for p in site.rglob("index.html") if "pagefind" not in p.parts and p.relative_to(site).parts[0] != "es"}
    assert len(records) == len(html_pages)
    assert not any(url.startswith("/404") for url in records)


def test_built_site_requests_nothing_from_other_hosts(sample_site: Path) -> None:
    for path in sample_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html, path
        assert '<script src="http' not in html and '<link rel="stylesheet" href="http' not in html, path


def test_content_error_leaves_previous_site_untouched(mini_root: Path) -> None:
    pipeline.build(mini_root)
    before = _digest(mini_root / "site"), _digest(mini_root / "build" / "docs")
    play = mini_root / "plays" / "host-info-night.yml"
    play.write_text(play.read_text(encoding="utf-8").replace("status: aspirational", "status: maybe"), encoding="utf-8")
    with pytest.raises(ContentError):
        pipeline.build(mini_root)
    assert (_digest(mini_root / "site"), _digest(mini_root / "build" / "docs")) == before
    assert sorted(p.name for p in mini_root.iterdir() if p.name.startswith(".")) == []


def test_broken_link_fails_the_build_and_keeps_the_site(mini_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pipeline.build(mini_root)
    before = _digest(mini_root / "site")
    pages = Renderer.pages

    def with_broken_link(self: Renderer):  # type: ignore[no-untyped-def]
        yield from pages(self)
        yield "broken.md", "# Broken\n\n[nowhere](plays/no-such-play.md)\n"

    monkeypatch.setattr(Renderer, "pages", with_broken_link)
    with pytest.raises(BuildError, match="no-such-play.md"):
        pipeline.build(mini_root)
    assert _digest(mini_root / "site") == before


def test_page_title_shows_markup_characters_as_written(mini_root: Path) -> None:
    play = mini_root / "plays" / "host-info-night.yml"
    text = play.read_text(encoding="utf-8").replace("title: Host an admissions information night", "title: \"A &amp; B <c> it's\"")
    play.write_text(text, encoding="utf-8")
    pipeline.build(mini_root, outputs=[])
    html = (mini_root / "site" / "plays" / "host-info-night" / "index.html").read_text(encoding="utf-8")
    # Escaped exactly once: a reader sees `A &amp; B <c> it's` in the tab and the heading.
    assert "<title>A &amp;amp; B &lt;c&gt; it&#39;s - Mini Playbook</title>" in html
    assert ">A &amp;amp; B &lt;c&gt; it&#39;s</h1>" in html


def test_play_page_answers_is_this_for_us_first(sample_build: pipeline.BuildResult, sample_site: Path) -> None:
    catalogue = sample_build.catalogue
    for play in catalogue.plays.values():
        html = (sample_site / "plays" / play.id / "index.html").read_text(encoding="utf-8")
        strategy = catalogue.strategy(play.strategy)
        # The title, its breadcrumbs, then the at-a-glance panel, before the body.
        crumbs = html.index('class="pb-crumbs"')
        glance = html.index('class="pb-glance"')
        assert html.index("<h1") < crumbs < glance < html.index(">Steps</h2>"), play.id
        panel = html[glance : html.index("</section>", glance)]
        assert f"pb-badge--{play.status}" in panel and f'href="../../strategies/{strategy.id}/"' in panel
        for facet, values in play.facets.items():
            for value in values:
                assert f"browse/?{facet}={value}" in panel, (play.id, facet, value)
        assert play.reviewed.isoformat() in panel and f"downloads/cards/{play.id}.pdf" in panel
        # One list of other plays: each play at most once on the page's lists.
        listed = re.findall(r'<li><a href="\.\./([a-z0-9-]+)/">', html)
        assert len(listed) == len(set(listed)), f"{play.id} lists a play twice: {listed}"
        assert ">Related plays<" not in html and "Other plays in this strategy" not in html
        # The meta description is the play's summary.
        assert f'<meta name="description" content="{html_escape(play.summary)}">' in html, play.id
        invitation = f"issues/new?template=propose-a-play.yml&amp;title=First%20try%3A%20{play.id}"
        assert (invitation in html) == (play.status == "aspirational"), play.id
    # Previous and next follow the strategy's order.
    plays = catalogue.plays_of(catalogue.config.strategies[0].id)
    html = (sample_site / "plays" / plays[0].id / "index.html").read_text(encoding="utf-8")
    assert f'href="../{plays[1].id}/" rel="next"' in html or f'rel="next" href="../{plays[1].id}/"' in html
