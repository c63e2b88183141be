"""Every word from a message catalogue, in every language of the site, with the playbook's own nouns.

The workgroup-shaped fixture (tests/fixtures/colectivo) speaks only Spanish and
names its own nouns; the sample speaks English and Spanish.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from conftest import FIXTURES, copy_catalogue
from pypdf import PdfReader

from generator import build as pipeline
from generator import schema
from generator.extract import main as extract_main
from generator.i18n import LOCALE_DIR, Messages
from generator.translate import localize

# Attributes whose values readers meet: screen-reader names, tooltips, the browse script's words.
READ_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder", "data-pb-messages", "content")
# Values contributors type in YAML (status, toolkit kind): the field reference names them as they are.
VOCABULARY = {*schema.STATUSES, *schema.TOOLKIT_KINDS}
_PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%%")


class _Text(HTMLParser):
    """The words of a page a reader meets: text outside scripts and styles, and READ_ATTRIBUTES."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # Code is what contributors type (field names, ids, commands): English by design.
        if tag in ("script", "style", "svg", "code"):
            self._skip += 1
        for name, value in attrs:
            if name == "data-pb-messages" and value:
                self.parts.extend(_strings(json.loads(value)))
            elif name in READ_ATTRIBUTES and value:
                self.parts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "svg", "code") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _strings(value: object) -> list[str]:
    """The texts inside the browse script's word table (its keys are code, not words)."""
    if isinstance(value, dict):
        return [t for v in value.values() for t in _strings(v)]
    return [_PLACEHOLDER.sub(" ", str(value))]


def page_words(html: str) -> str:
    """What a reader of the page sees or hears, joined by spaces."""
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def english_fragments() -> set[str]:
    """Pieces of the generator's English messages that its Spanish catalogue says differently.

    Each message is cut at its placeholders; a piece counts when it holds a
    word of four letters or more and the Spanish translation does not hold it.
    """
    with (LOCALE_DIR / "en.po").open("rb") as handle:
        english = read_po(handle)
    with (LOCALE_DIR / "es.po").open("rb") as handle:
        spanish = read_po(handle, locale="es")
    fragments: set[str] = set()
    for message in english:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        translated = spanish.get(message.id, context=message.context)
        strings = translated.string if translated is not None else ""
        other = " ".join(strings) if isinstance(strings, tuple) else strings
        for text in ids:
            for piece in _PLACEHOLDER.split(text):
                piece = " ".join(piece.split()).strip(" .,:;()")
                if re.search(r"[A-Za-z]{4,}", piece) and piece not in other and piece not in VOCABULARY:
                    fragments.add(piece)
    return fragments


def english_left(text: str, fragments: set[str]) -> list[str]:
    """The English fragments that appear in `text` as whole words (web addresses left out)."""
    text = re.sub(r"\S+://\S+", " ", text)
    return sorted(f for f in fragments if re.search(rf"(?<![\w-]){re.escape(f)}(?![\w-]|\.\w)", text))


@pytest.fixture(scope="module")
def colectivo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Spanish-only, workgroup-based fixture, built with its PDFs."""
    root = copy_catalogue(FIXTURES / "colectivo", tmp_path_factory.mktemp("colectivo") / "playbook")
    pipeline.build(root)
    return root


def test_the_catalogues_are_complete_and_up_to_date() -> None:
    # Every message of the templates and modules is in messages.pot and every .po file, every
    # catalogue message is still used (the files are written from the code), and Spanish has them all.
    assert extract_main(["--check"]) == 0


def test_a_spanish_only_collective_sees_no_english_word_of_the_generator(colectivo: Path) -> None:
    fragments = english_fragments()
    assert len(fragments) > 150  # the comparison means something only against the whole catalogue
    site = colectivo / "site"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    found = {}
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert '<html lang="es"' in html, page
        if left := english_left(page_words(html), fragments):
            found[str(page.relative_to(site))] = left
    for pdf in sorted((site / "downloads").rglob("*.pdf")):
        text = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(pdf).pages).split())
        if left := english_left(text, fragments):
            found[str(pdf.relative_to(site))] = left
    assert found == {}


def test_the_browse_script_gets_spanish_words_and_plural_forms(colectivo: Path) -> None:
    html = (colectivo / "site" / "browse" / "index.html").read_text(encoding="utf-8")
    raw = re.search(r'data-pb-messages="([^"]*)"', html)
    assert raw is not None
    import html as html_module

    words = json.loads(html_module.unescape(raw.group(1)))
    assert words["plays"]["one"] == "práctica" and words["plays"]["other"] == "prácticas"  # the collective's own noun
    assert words["strategy"] == "Grupo de trabajo"
    assert not english_left(" ".join(_strings(words)), english_fragments())


def test_the_collective_s_palette_and_logo_reach_the_site(colectivo: Path) -> None:
    site = colectivo / "site"
    html = (site / "index.html").read_text(encoding="utf-8")
    assert 'data-md-color-primary="teal"' in html
    assert re.search(r'<img src="assets/logo.svg"', html)
    assert (site / "assets" / "logo.svg").read_bytes() == (colectivo / "assets" / "logo.svg").read_bytes()
    generated = (colectivo / "build" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "language: es" in generated and "site_name: Manual" in generated


def test_own_nouns_replace_the_generator_s_everywhere(colectivo: Path) -> None:
    site = colectivo / "site"
    home = page_words((site / "index.html").read_text(encoding="utf-8"))
    assert "Grupos de trabajo" in home and "prácticas" in home
    assert "estrategia" not in home.lower()  # the catalogue's own word for the group never shows
    # Unnumbered workgroups get no invented number.
    strategy_pages = sorted((site / "strategies").glob("*/index.html"))
    assert strategy_pages
    for page in strategy_pages:
        assert not re.search(r"Grupo de trabajo \d", page_words(page.read_text(encoding="utf-8"))), page


def test_a_switched_off_kind_leaves_no_page_link_count_or_pdf_section(colectivo: Path) -> None:
    site = colectivo / "site"
    assert not (site / "soundbites").exists()
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "soundbites/" not in html and "pb-soundbite" not in html, page
        # The collective calls soundbites "voces": no heading, count or label names them.
        assert not re.search(r"\d+ voces|<h[1-6][^>]*>Voces", html), page
    text = " ".join(p.extract_text() or "" for p in PdfReader(site / "downloads" / "playbook.pdf").pages)
    assert not re.search(r"\bVoces\b|\d+ voces", text)


def test_vignettes_and_toolkit_switched_off(tmp_path: Path) -> None:
    root = copy_catalogue(FIXTURES / "mini", tmp_path / "mini")
    config = root / "playbook.yml"
    config.write_text(config.read_text(encoding="utf-8") + "kinds:\n  vignettes: false\n  toolkit: false\n", encoding="utf-8")
    result = pipeline.build(root)
    site = root / "site"
    assert not (site / "vignettes").exists() and not (site / "toolkit").exists()
    assert not (site / "downloads" / "toolkit.pdf").exists()
    assert any(w.severity == "warning" and "switched off" in w.message for w in result.warnings)
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "vignettes/" not in html and "toolkit/" not in html, page
        if page.parent.name == "reference":
            # The field reference still documents playbook.yml's kinds and labels, but no vignette or toolkit files.
            assert 'id="vignette"' not in html and 'id="toolkit"' not in html and 'id="section-ids"' not in html
            continue
        words = page_words(html)
        assert not re.search(r"\bvignettes?\b|\btoolkit items?\b|Starter kit", words), page
    assert "vignette" not in result.summary().split(": ", 1)[1]


def test_the_language_switcher_leads_to_the_same_page(sample_site: Path) -> None:
    switch = re.compile(r'<a href="([^"]+)" hreflang="(\w+)" lang="\w+" target="_self" class="md-select__link"')
    checked = 0
    for page in sorted(sample_site.rglob("index.html")):
        relative = page.relative_to(sample_site)
        in_spanish = relative.parts[0] == "es"
        same = Path(*relative.parts[1:]) if in_spanish else relative
        links = dict((lang, href) for href, lang in switch.findall(page.read_text(encoding="utf-8")))
        assert set(links) == {"en", "es"}, page
        for language, href in links.items():
            target = (page.parent / href / "index.html").resolve() if not href.endswith(".html") else (page.parent / href).resolve()
            expected = (sample_site / ("es" if language == "es" else "") / same).resolve()
            assert target == expected, (page, language, href)
            assert target.is_file()
        checked += 1
    assert checked > 80


def test_untranslated_pages_say_so_and_translated_ones_do_not(sample_site: Path, sample_build: pipeline.BuildResult) -> None:
    notice = Messages("es").gettext("Not yet translated")
    assert notice != "Not yet translated"
    translated = (sample_site / "es" / "plays" / "host-joint-info-session" / "index.html").read_text(encoding="utf-8")
    untranslated = (sample_site / "es" / "plays" / "map-regional-programs" / "index.html").read_text(encoding="utf-8")
    assert notice not in translated and notice in untranslated
    # The English body on the Spanish page says it is English, for screen readers.
    assert 'class="pb-prose" lang="en"' in untranslated and 'lang="en"' not in translated.split('class="pb-prose"')[1][:20]
    spanish_title = localize(sample_build.catalogue, "es").plays["host-joint-info-session"].title
    assert spanish_title != sample_build.catalogue.plays["host-joint-info-session"].title
    assert '<html lang="es"' in translated and spanish_title in page_words(translated)
    english = (sample_site / "plays" / "map-regional-programs" / "index.html").read_text(encoding="utf-8")
    assert notice not in english and '<html lang="en"' in english


def test_each_language_has_its_own_data_and_pdfs(sample_site: Path) -> None:
    for folder, language in ((sample_site, "en"), (sample_site / "es", "es")):
        data = json.loads((folder / "catalogue.json").read_text(encoding="utf-8"))
        assert data["language"] == language
        assert (folder / "downloads" / "playbook.pdf").is_file()
    spanish = json.loads((sample_site / "es" / "catalogue.json").read_text(encoding="utf-8"))
    titles = {p["id"]: p["title"] for p in spanish["plays"]}
    english = {p["id"]: p["title"] for p in json.loads((sample_site / "catalogue.json").read_text(encoding="utf-8"))["plays"]}
    assert titles["host-joint-info-session"] != english["host-joint-info-session"]
    assert titles["map-regional-programs"] == english["map-regional-programs"]  # falls back


def test_spanish_plurals_and_nouns() -> None:
    spanish = Messages("es")
    assert spanish.noun("play", 1) != spanish.noun("play", 2)
    assert spanish.ngettext("%(num)d enacted", "%(num)d enacted", 1) != spanish.ngettext("%(num)d enacted", "%(num)d enacted", 2)
    own = Messages("en", nouns={"play": {"one": "practice", "other": "practices"}}, overrides={"Steps": "Actions"})
    assert (own.noun("play", 1), own.noun("play", 3), own.noun("play", 1, capital=True)) == ("practice", "practices", "Practice")
    assert own.gettext("Steps") == "Actions"
