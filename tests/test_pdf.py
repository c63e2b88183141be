"""The PDFs: toolkit, playbook and play cards read right, link right, are tagged, embed their fonts and are reproducible.

Most tests read the PDFs of the session's sample build (tests/conftest.py);
one small catalogue is printed once more on A4, with a site address and an
overlong play, through the `playbook pdf` command.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader
from pypdf.generic import ArrayObject

from generator.build import BuildResult
from generator.cli import main
from generator.i18n import Messages
from generator.models import Catalogue
from generator.pdf import PLAYBOOK_FILE, pdf_files
from generator.pdf.documents import plays_in_order, toolkit_in_order
from generator.render import group_title, label
from generator.validate import check

SITE_URL = "https://playbook.example.org/mini/"


def messages_of(catalogue: Catalogue) -> Messages:
    """The messages a build prints this catalogue with: its language, its nouns, its own replacements."""
    config = catalogue.config
    return Messages(config.language, config.nouns, config.messages)


def downloads(build: BuildResult) -> Path:
    """The downloads folder of a built site."""
    assert build.site_dir is not None
    return build.site_dir / "downloads"


def page_texts(reader: PdfReader) -> list[str]:
    """Each page's text, whitespace collapsed (kept per reader: extraction is slow)."""
    if not hasattr(reader, "_page_texts"):
        reader._page_texts = [" ".join((page.extract_text() or "").split()) for page in reader.pages]  # type: ignore[attr-defined]
    return reader._page_texts  # type: ignore[attr-defined,no-any-return]


def parent_tree(reader: PdfReader) -> dict[int, Any]:
    nums = reader.trailer["/Root"]["/StructTreeRoot"]["/ParentTree"]["/Nums"]
    return {int(nums[i]): nums[i + 1].get_object() for i in range(0, len(nums), 2)}


def outline_titles(items: list[Any], depth: int = 0) -> list[tuple[int, str]]:
    """The bookmarks as (depth, title), in order."""
    found: list[tuple[int, str]] = []
    for item in items:
        if isinstance(item, list):
            found += outline_titles(item, depth + 1)
        else:
            found.append((depth, str(item.title)))
    return found


@pytest.fixture(scope="module")
def sample_pdfs(sample_build: BuildResult) -> dict[str, PdfReader]:
    """The three documents of the sample build."""
    folder = downloads(sample_build)
    # Strict: a broken cross-reference table or object stream fails here.
    return {name: PdfReader(folder / f"{name}.pdf", strict=True) for name in ("toolkit", "playbook", "cards")}


def test_build_writes_every_pdf_and_links_it(sample_build: BuildResult) -> None:
    catalogue, site = sample_build.catalogue, sample_build.site_dir
    assert site is not None
    written = set(sample_build.extra_files)
    assert {"downloads/toolkit.pdf", "downloads/playbook.pdf", "downloads/cards.pdf"} <= written
    for play in catalogue.plays.values():
        assert f"downloads/cards/{play.id}.pdf" in written
        page = (site / "plays" / play.id / "index.html").read_text(encoding="utf-8")
        assert re.search(rf'href="\.\./\.\./downloads/cards/{play.id}\.pdf"[^>]*>.*Print this play', page)
        assert (site / "downloads" / "cards" / f"{play.id}.pdf").is_file()
    toolkit_page = (site / "toolkit" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="\.\./downloads/toolkit\.pdf"[^>]*>.*Download the .*\(PDF\)', toolkit_page)
    strategies_page = (site / "strategies" / "index.html").read_text(encoding="utf-8")
    assert 'href="../downloads/playbook.pdf"' in strategies_page and 'href="../downloads/cards.pdf"' in strategies_page


def test_toolkit_cover_contents_and_one_item_per_page(sample_build: BuildResult, sample_pdfs: dict[str, PdfReader]) -> None:
    catalogue = sample_build.catalogue
    texts = page_texts(sample_pdfs["toolkit"])
    cover = texts[0]
    latest = max(p.reviewed for p in catalogue.plays.values()).isoformat()
    toolkit = label(catalogue.config, messages_of(catalogue), "toolkit")
    # The playbook's title stands above the toolkit's, in capitals.
    assert catalogue.config.title.upper() in cover and toolkit in cover and latest in cover
    assert re.search(r"Version \d+\.\d+\.\d+\+[0-9a-f]{8}", cover)
    items = toolkit_in_order(catalogue)
    # The contents give each item's page, and the item starts on that page, with its section and kind.
    for item in items:
        entry = re.search(rf"{re.escape(item.title)}[ .]*?(\d+)", texts[1])
        assert entry, f"{item.title} missing from the contents"
        page = texts[int(entry[1]) - 1]
        section = next(s.title for s in catalogue.config.toolkit_sections if s.id == item.section)
        assert page.startswith(f"{section} · {item.kind}".upper()), page[:60]
        assert item.title in page and " ".join(item.summary.split()) in page
    starts = [int(re.search(rf"{re.escape(item.title)}[ .]*?(\d+)", texts[1])[1]) for item in items]  # type: ignore[index]
    assert starts == sorted(starts) and len(set(starts)) == len(items)


def test_footer_numbers_every_page_but_the_cover(sample_build: BuildResult, sample_pdfs: dict[str, PdfReader]) -> None:
    for name in ("toolkit", "playbook"):
        texts = page_texts(sample_pdfs[name])
        total = len(texts)
        assert "Page 1 of" not in texts[0]
        for number, text in enumerate(texts[1:], start=2):
            assert f"Page {number} of {total}" in text and sample_build.catalogue.config.title in text, (name, number)


def test_playbook_holds_every_strategy_and_play_in_order(sample_build: BuildResult, sample_pdfs: dict[str, PdfReader]) -> None:
    catalogue = sample_build.catalogue
    config, messages = catalogue.config, messages_of(catalogue)
    reader = sample_pdfs["playbook"]
    texts = page_texts(reader)
    plays = plays_in_order(catalogue)
    headings = [group_title(messages, config, s) for s in config.strategies]
    # After the cover, the contents, the introduction and the evidence and gap map (which names every strategy too):
    # from the page the first strategy's section opens.
    first = next(i for i, t in enumerate(texts) if i >= 3 and " ".join(t.split()).startswith(headings[0]))
    body = " ".join(texts[first:])
    positions = [body.find(heading) for heading in headings]
    assert -1 not in positions and positions == sorted(positions)
    play_positions = [body.find(play.title) for play in plays]
    assert -1 not in play_positions and play_positions == sorted(play_positions)
    assert label(config, messages, "enacted") in body and label(config, messages, "aspirational") in body
    for play in plays:
        assert all(" ".join(step.split()) in body for step in play.steps)
        assert all(" ".join(bite.quote.split())[:60] in body for bite in play.soundbites)
    assert all(vignette.title in body for vignette in catalogue.vignettes.values())
    # The contents' page numbers are where each play starts.
    for play in plays:
        entry = re.search(rf"{re.escape(play.title)}[ .]*?(\d+)", texts[1] + " " + texts[2])
        assert entry, play.title
        assert texts[int(entry[1]) - 1].find(play.title) != -1, play.title
    # Bookmarks: strategies at the top, their plays under them, in order.
    bookmarks = outline_titles(reader.outline)
    assert [title for depth, title in bookmarks if depth == 0 and title in headings] == headings
    assert [title for depth, title in bookmarks if depth == 1][: len(plays)] == [play.title for play in plays]


def test_cards_one_play_per_page_with_steps_and_a_vignette(sample_build: BuildResult, sample_pdfs: dict[str, PdfReader]) -> None:
    catalogue = sample_build.catalogue
    plays = plays_in_order(catalogue)
    texts = page_texts(sample_pdfs["cards"])
    assert len(texts) == len(plays), "every sample play fits on one card"
    for play, text in zip(plays, texts, strict=True):
        assert play.title in text and " ".join(play.summary.split()) in text
        assert all(" ".join(step.split()) in text for step in play.steps)
        vignettes = catalogue.vignettes_of(play.id)
        if vignettes:
            assert vignettes[0].title in text and vignettes[0].outcomes[0].label in text
        single = PdfReader(downloads(sample_build) / "cards" / f"{play.id}.pdf")
        assert len(single.pages) == 1 and play.title in page_texts(single)[0]
        # A card on its own is titled by its play, not by the whole set.
        assert single.metadata is not None and single.metadata.title == play.title


@pytest.mark.parametrize("name", ["toolkit", "playbook", "cards"])
def test_pdf_is_tagged_titled_and_embeds_its_fonts(name: str, sample_build: BuildResult, sample_pdfs: dict[str, PdfReader]) -> None:
    reader = sample_pdfs[name]
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] is True or str(root["/MarkInfo"]["/Marked"]) == "True"
    assert "/StructTreeRoot" in root and str(root["/Lang"]) == sample_build.catalogue.config.language
    assert sample_build.catalogue.config.title in str(reader.metadata.title if reader.metadata else "")
    assert b"pdfuaid:part" in root["/Metadata"].get_data()  # declares PDF/UA-1
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (
                font["/DescendantFonts"][0].get_object()["/FontDescriptor"] if "/DescendantFonts" in font else font["/FontDescriptor"]
            )
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
            fonts.add(str(font["/BaseFont"]))
    assert fonts


@pytest.mark.parametrize("name", ["toolkit", "playbook", "cards"])
def test_structure_tree_matches_every_page_and_link(name: str, sample_pdfs: dict[str, PdfReader]) -> None:
    """The joined parts keep one consistent tree: each marked content and each link maps to an element of its page."""
    reader = sample_pdfs[name]
    tree = parent_tree(reader)
    destinations = set(reader.named_destinations)
    for index, page in enumerate(reader.pages):
        elements = tree[int(page["/StructParents"])]
        for mcid in re.findall(rb"/MCID (\d+)", page.get_contents().get_data()):
            element = elements[int(mcid)].get_object()
            assert element.raw_get("/Pg").idnum == page.indirect_reference.idnum, f"page {index + 1}, MCID {mcid}"
        for annotation in page.get("/Annots", []):
            link = annotation.get_object()
            element = tree[int(link["/StructParent"])]
            kids = element["/K"] if isinstance(element["/K"], ArrayObject) else [element["/K"]]
            references = [k.get_object() for k in kids if not isinstance(k, int) and k.get_object().get("/Type") == "/OBJR"]
            assert references and references[0].raw_get("/Obj").idnum == annotation.idnum
            if "/Dest" in link:
                assert str(link["/Dest"]) in destinations, f"link to a missing anchor {link['/Dest']}"


def test_links_are_clickable_and_their_address_printed(sample_build: BuildResult, sample_pdfs: dict[str, PdfReader]) -> None:
    reader = sample_pdfs["toolkit"]
    uris = {str(a.get_object()["/A"]["/URI"]) for page in reader.pages for a in page.get("/Annots", []) if "/A" in a.get_object()}
    text = " ".join(page_texts(reader))
    for item in sample_build.catalogue.toolkit.values():
        if item.url:
            # The printed address may wrap: compare without the line breaks.
            assert item.url in uris and f"<{item.url}>" in text.replace(" ", "")
    internal = [a.get_object() for a in sample_pdfs["playbook"].pages[1].get("/Annots", [])]
    assert internal and all("/Dest" in link for link in internal), "contents entries link to their pages"


def test_same_catalogue_same_bytes(sample_build: BuildResult) -> None:
    # The playbook takes every step: parts laid out apart, front matter in rounds, joined, footed.
    catalogue = sample_build.catalogue
    again = dict(pdf_files(catalogue, messages_of(catalogue), docs=catalogue.root / "build" / "docs", only=[PLAYBOOK_FILE]))
    folder = downloads(sample_build)
    assert again[PLAYBOOK_FILE] == (folder / PLAYBOOK_FILE).read_bytes()
    info = PdfReader(folder / "playbook.pdf").metadata
    latest = max(p.reviewed for p in sample_build.catalogue.plays.values()).strftime("%Y%m%d")
    assert info is not None and str(info["/CreationDate"]).startswith(f"D:{latest}") and str(info["/ModDate"]).startswith(f"D:{latest}")


def test_rendered_pages_are_not_blank(sample_build: BuildResult, tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm not found: install poppler-utils")
    from PIL import Image

    folder = downloads(sample_build)
    for name in ("toolkit.pdf", "playbook.pdf", "cards.pdf"):
        # Poppler reports any syntax it cannot read on stderr.
        checked = subprocess.run(["pdfinfo", str(folder / name)], capture_output=True, text=True, check=True)
        assert checked.stderr == "", checked.stderr
    for name, page in (("toolkit.pdf", 1), ("toolkit.pdf", 3), ("playbook.pdf", 4), ("cards.pdf", 1)):
        prefix = tmp_path / f"{name}-{page}"
        subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", str(page), "-l", str(page), str(folder / name), str(prefix)], check=True)
        image = Image.open(next(tmp_path.glob(f"{prefix.name}*.png"))).convert("L")
        inked = sum(image.histogram()[:160])
        assert inked > image.width * image.height * 0.005, f"{name} page {page} looks blank"


@pytest.fixture(scope="module")
def printed_mini(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The mini catalogue with a site address and an overlong play, printed on A4 by `playbook pdf`."""
    from conftest import FIXTURES, copy_catalogue

    root = copy_catalogue(FIXTURES / "mini", tmp_path_factory.mktemp("pdf") / "mini")
    config = root / "playbook.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"site_url: {SITE_URL}\n", encoding="utf-8")
    play = root / "plays" / "host-info-night.yml"
    data = yaml.safe_load(play.read_text(encoding="utf-8"))
    data["steps"] = [f"Step number {n}: " + "write down who comes, what they ask and what you promised to send " * 3 for n in range(1, 31)]
    data["body"] += "\n\nSee [the mapping play](../plays/map-programs.md) and [the web](https://example.org/guide).\n"
    play.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    out = root / "printed"
    assert main(["pdf", "--root", str(root), "--paper", "a4", "--out-dir", str(out)]) == 0
    return root, out


def test_pdf_command_prints_on_a4(printed_mini: tuple[Path, Path]) -> None:
    _, out = printed_mini
    for name in ("toolkit.pdf", "playbook.pdf", "cards.pdf", "cards/map-programs.pdf"):
        box = PdfReader(out / name).pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (595, 842), name


def test_long_card_flows_onto_a_second_page_without_losing_text(printed_mini: tuple[Path, Path]) -> None:
    _, out = printed_mini
    card = PdfReader(out / "cards" / "host-info-night.pdf")
    texts = page_texts(card)
    assert len(texts) >= 2
    joined = " ".join(texts)
    assert all(f"Step number {n}:" in joined for n in range(1, 31))
    assert "Continued: Host an admissions information night" in texts[1]
    assert "Continued:" not in texts[0]


def test_site_url_prints_addresses_and_qr_codes(printed_mini: tuple[Path, Path]) -> None:
    _, out = printed_mini
    reader = PdfReader(out / "toolkit.pdf")
    item_page = next(page for page in reader.pages if "This toolkit item on the web" in (page.extract_text() or ""))
    assert f"{SITE_URL}toolkit/mapping-sheet/" in " ".join(item_page.extract_text().split())
    figures = [e for e in parent_tree(reader)[int(item_page["/StructParents"])] if e.get_object().get("/S") == "/Figure"]
    assert any(str(e.get_object()["/Alt"]) == f"QR code of {SITE_URL}toolkit/mapping-sheet/" for e in figures), "a QR code, described"
    playbook = " ".join(page_texts(PdfReader(out / "playbook.pdf")))
    # A body's link to another site page becomes that page's web address on paper.
    links = {
        str(a.get_object()["/A"]["/URI"])
        for page in PdfReader(out / "playbook.pdf").pages
        for a in page.get("/Annots", [])
        if "/A" in a.get_object()
    }
    assert f"{SITE_URL}plays/map-programs/" in links and "https://example.org/guide" in links
    assert "<https://example.org/guide>" in playbook.replace(" ", "")


def test_each_language_prints_its_own_words(sample_build: BuildResult) -> None:
    """The Spanish copy of the sample site gets PDFs in Spanish: language tag, contents, footers."""
    assert sample_build.site_dir is not None
    folder = sample_build.site_dir / "es" / "downloads"
    reader = PdfReader(folder / "playbook.pdf")
    assert str(reader.trailer["/Root"]["/Lang"]) == "es"
    spanish, english = Messages("es"), Messages("en")
    texts = page_texts(reader)
    assert spanish.gettext("Page %(page)s of %(pages)s", page=2, pages=len(texts)) in texts[1]
    for message in ("Contents", "About this playbook"):
        assert spanish.gettext(message) != english.gettext(message), f"{message!r} is not translated"
        assert spanish.gettext(message) in texts[1] + texts[2] and english.gettext(message) not in texts[1] + texts[2]
    assert outline_titles(reader.outline)[0] == (0, spanish.gettext("About this playbook"))


def _print(root: Path, edit: dict[str, str]) -> tuple[dict[str, bytes], Catalogue]:
    """Print a copy of the mini catalogue with its playbook.yml edited (old text -> new text)."""
    from conftest import edit_file

    for old, new in edit.items():
        edit_file(root / "playbook.yml", old, new)
    catalogue, _ = check(root)
    return dict(pdf_files(catalogue, messages_of(catalogue))), catalogue


def test_switched_off_kinds_and_unnumbered_groups_leave_no_trace(mini_root: Path) -> None:
    vignettes = mini_root / "vignettes"
    # No place, year or cohort; an outcome without a figure.
    (vignettes / "riverside-maps.yml").write_text(
        "title: Riverside maps its programs\necosystem: Riverside STEM Ecosystem\nplays: [map-programs]\nillustrative: true\n"
        "story: |\n  Riverside called every program it could find.\noutcomes:\n  - label: programs found\n",
        encoding="utf-8",
    )
    # The story of a whole ecosystem, naming no play.
    (vignettes / "how-riverside-began.yml").write_text(
        "title: How Riverside began\necosystem: Riverside STEM Ecosystem\nplace: Pittsburgh\nstory: |\n  It began with a map.\n",
        encoding="utf-8",
    )
    pdfs, catalogue = _print(
        mini_root, {"    number: 1\n": "", "    number: 2\n": "", "strategies:": "kinds: {soundbites: false, toolkit: false}\nstrategies:"}
    )
    assert "toolkit.pdf" not in pdfs and "playbook.pdf" in pdfs and "cards.pdf" in pdfs
    reader = PdfReader(io.BytesIO(pdfs["playbook.pdf"]))
    text = " ".join(page_texts(reader))
    bookmarks = [title for depth, title in outline_titles(reader.outline) if depth == 0]
    assert bookmarks == ["About this playbook", "Find programs", "Connect with admissions", "Vignettes"]
    assert "Strategy" not in text and "None" not in text and ", ," not in text
    assert catalogue.config.labels.soundbites not in text and "From the" not in text and "Starter kit" not in text
    assert "Riverside STEM Ecosystem. An illustrative story, not a report." in text
    assert "Riverside STEM Ecosystem, Pittsburgh It began with a map." in text
    assert text.count("Illustrates:") == 1 and "programs found" in text
    cards = " ".join(page_texts(PdfReader(io.BytesIO(pdfs["cards.pdf"]))))
    assert "in Find programs" in cards and "Strategy" not in cards and "PLAY CARD" in cards
    assert "How Riverside STEM Ecosystem did it Riverside maps its programs (an illustrative story). programs found" in cards


def test_vignettes_switched_off_leave_no_section(mini_root: Path) -> None:
    pdfs, _ = _print(mini_root, {"strategies:": "kinds: {vignettes: false}\nstrategies:"})
    reader = PdfReader(io.BytesIO(pdfs["playbook.pdf"]))
    text = " ".join(page_texts(reader))
    assert all(title != "Vignettes" for _, title in outline_titles(reader.outline))
    assert "Vignette" not in text and "How ecosystems did it" not in text and "Riverside maps its programs" not in text
    assert "Tried and tested by ecosystems." in text and "Strategy 1: Find programs" in text
    cards = " ".join(page_texts(PdfReader(io.BytesIO(pdfs["cards.pdf"]))))
    assert "Riverside" not in cards and "did it" not in cards


def test_build_without_pdfs_has_no_download_links(mini_root: Path) -> None:
    assert main(["build", "--root", str(mini_root), "--no-pdf"]) == 0
    site = mini_root / "site"
    assert not (site / "downloads").exists()
    assert "Print this play" not in (site / "plays" / "map-programs" / "index.html").read_text(encoding="utf-8")


def test_contributor_markup_is_sanitized_and_nothing_is_fetched(caplog: pytest.LogCaptureFixture, tmp_path: Path) -> None:
    from generator.pdf.engine import local_fetcher, typeset

    fetcher = local_fetcher([tmp_path])
    inside = tmp_path / "image.svg"
    inside.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"/>', encoding="utf-8")
    assert fetcher.fetch(inside.as_uri()).read()
    for url in ("https://example.org/x.png", "http://127.0.0.1:9/x.png", "file:///etc/hostname", "ftp://example.org/x"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert len(fetcher.refused) == 4
    html = '<html lang="en"><head><title>t</title></head><body><p>x</p><img src="https://example.org/x.png" alt="remote"></body></html>'
    document = typeset(html, "test.pdf", tmp_path, [tmp_path])
    assert len(document.pages) == 1
    assert any("https://example.org/x.png" in record.getMessage() for record in caplog.records)


def test_contributor_html_never_reaches_the_renderer(sample_build: BuildResult) -> None:
    from generator.pdf.documents import PrintRenderer
    from generator.pdf.edition import edition_of

    renderer = PrintRenderer(sample_build.catalogue, edition_of(sample_build.catalogue), messages_of(sample_build.catalogue))
    html = renderer.markdown(
        "## Heading\n\n<script>alert(1)</script><style>@import url(https://x.test/a.css)</style>"
        '<iframe src="https://x.test"></iframe><link rel="stylesheet" href="https://x.test/b.css">'
        '[bad](javascript:alert(1)) <img src="x" onerror="alert(1)">',
        "demo",
        "plays/demo",
        3,
    )
    for forbidden in ("<script", "<style", "<iframe", "<link", "javascript:", "onerror", "@import"):
        assert forbidden not in html
    assert "<h4>Heading</h4>" in html, "body headings sit below the play's own"


@pytest.mark.browser
def test_printing_a_page_keeps_content_badge_and_link_addresses(page: Any, site_url: str, sample_build: BuildResult) -> None:
    play = next(iter(sample_build.catalogue.plays.values()))
    page.goto(f"{site_url}plays/{play.id}/")
    page.emulate_media(media="print")
    shown = page.evaluate(
        """() => Object.fromEntries(['.md-header', '.md-search', '.md-sidebar--primary', '.md-footer', '.pb-print', '.pb-edit']
            .map(s => [s, document.querySelector(s) ? getComputedStyle(document.querySelector(s)).display : 'missing']))"""
    )
    assert all(display in ("none", "missing") for display in shown.values()), shown
    assert shown[".pb-print"] == "none", "the page has a print link, hidden on paper"
    assert page.locator("article h1").first.is_visible() and page.locator(".pb-badge").first.is_visible()
    item = next(i for i in sample_build.catalogue.toolkit.values() if i.url)
    page.goto(f"{site_url}toolkit/{item.id}/")
    page.emulate_media(media="print")
    after = page.evaluate("(url) => getComputedStyle(document.querySelector(`article a[href='${url}']`), '::after').content", item.url)
    assert item.url in after
