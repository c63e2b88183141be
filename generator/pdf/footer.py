"""The running footer, "title ... Page X of Y" (in the document's language), drawn once the whole document is assembled.

Parts are laid out separately, so none of them knows its page numbers or
the total; the footer is drawn afterwards as a marked artifact (screen
readers skip it), in an embedded subset of the same font the CSS uses.
"""

from __future__ import annotations

import io
import subprocess
from functools import lru_cache
from pathlib import Path
from typing import cast

from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, IndirectObject, NameObject, NumberObject

from ..errors import BuildError
from ..i18n import Messages

FAMILY = "DejaVu Sans"
SIZE = 8.5
GREY = "0.333 0.333 0.333 rg"  # #555, as the cards' footers in pdf.css
SIDE = 18 * 72 / 25.4  # the page's side margin, 18mm, in points
BASELINE = 11 * 72 / 25.4  # from the bottom edge, in the middle of the 22mm bottom margin
RESOURCE = "/PbFooter"


class Footer:
    """Draws the playbook's title on the left and the page number on the right of every page."""

    def __init__(self, title: str, messages: Messages) -> None:
        self.title = title
        self.messages = messages
        # Found now, while the process is small: fc-match runs as a child process.
        self.font_file = _font_file()

    def draw(self, writer: PdfWriter, skip: int = 0) -> None:
        """Add the footer to every page of `writer` after the first `skip` (the cover)."""
        total = len(writer.pages)
        texts = [self.messages.gettext("Page %(page)s of %(pages)s", page=number, pages=total) for number in range(skip + 1, total + 1)]
        font = _Font(self.font_file, self.title + "".join(texts) + "…")
        font_ref = font.add_to(writer)
        # The page's own content may leave a transformation in place: save the state before it.
        save = writer._add_object(_stream(b"q\n"))
        for page, right in zip(writer.pages[skip:], texts, strict=True):
            width = float(page.mediabox.width)
            left = font.fit(self.title, width - 2 * SIDE - font.width(right) - 24)
            content = (
                "Q\n/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n"
                f"BT {RESOURCE} {SIZE} Tf {GREY} {SIDE:.2f} {BASELINE:.2f} Td <{font.encode(left)}> Tj ET\n"
                f"BT {RESOURCE} {SIZE} Tf {GREY} {width - SIDE - font.width(right):.2f} {BASELINE:.2f} Td <{font.encode(right)}> Tj ET\n"
                "EMC\n"
            )
            contents = page.raw_get("/Contents")
            resolved = contents.get_object()
            old = list(resolved) if isinstance(resolved, ArrayObject) else [contents]
            page[NameObject("/Contents")] = ArrayObject([save, *old, writer._add_object(_stream(content.encode()))])
            resources = cast(DictionaryObject, page["/Resources"])
            fonts = cast(DictionaryObject, resources.setdefault(NameObject("/Font"), DictionaryObject()).get_object())
            fonts[NameObject(RESOURCE)] = font_ref


@lru_cache(maxsize=1)
def _font_file() -> Path:
    try:
        found = subprocess.run(["fc-match", "--format=%{file}", f"{FAMILY}:style=Book"], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        raise BuildError(f"cannot find the font {FAMILY} for the PDF footers (install fonts-dejavu-core): {exc}") from exc
    return Path(found.stdout.strip())


class _Font:
    """A TrueType font subset to the characters of the footers, embedded as a Type 0 (Identity-H) font."""

    def __init__(self, path: Path, text: str) -> None:
        from fontTools import subset
        from fontTools.ttLib import TTFont

        # No timestamp recalculation: the same catalogue must give the same bytes.
        font = TTFont(str(path), recalcTimestamp=False)
        self.scale = 1000 / font["head"].unitsPerEm
        cmap = font.getBestCmap()
        self.gids = {char: font.getGlyphID(cmap[ord(char)]) for char in set(text) if ord(char) in cmap}
        self.widths = {gid: font["hmtx"][font.getGlyphName(gid)][0] * self.scale for gid in self.gids.values()}
        head, hhea = font["head"], font["hhea"]
        self.descriptor = {
            "/Flags": 32,
            "/FontBBox": [round(v * self.scale) for v in (head.xMin, head.yMin, head.xMax, head.yMax)],
            "/ItalicAngle": 0,
            "/Ascent": round(hhea.ascent * self.scale),
            "/Descent": round(hhea.descent * self.scale),
            "/CapHeight": round(getattr(font["OS/2"], "sCapHeight", hhea.ascent) * self.scale),
            "/StemV": 80,
        }
        self.name = "PBFOOT+" + font["name"].getDebugName(6)
        options = subset.Options(retain_gids=True, notdef_outline=True, hinting=False, layout_features=[])
        options.drop_tables += ["FFTM"]  # FontForge's timestamps: nothing a PDF needs
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=[ord(char) for char in self.gids])
        subsetter.subset(font)
        data = io.BytesIO()
        font.save(data)
        self.program = data.getvalue()

    def width(self, text: str) -> float:
        """Width of `text` in points at the footer's size."""
        return float(sum(self.widths.get(self.gids.get(char, 0), 0) for char in text)) * SIZE / 1000

    def fit(self, text: str, room: float) -> str:
        """`text`, shortened with an ellipsis if it is wider than `room` points."""
        while text and self.width(text) > room:
            text = text[:-2].rstrip() + "…"
        return text

    def encode(self, text: str) -> str:
        """`text` as hex glyph ids (CIDs equal glyph ids under Identity-H)."""
        return "".join(f"{self.gids.get(char, 0):04X}" for char in text)

    def add_to(self, writer: PdfWriter) -> IndirectObject:
        """Embed the font program and its dictionaries; return the Type 0 font."""
        program = _stream(self.program, {"/Length1": NumberObject(len(self.program))})
        descriptor = _pdf({"/Type": "/FontDescriptor", "/FontName": "/" + self.name, **self.descriptor})
        descriptor[NameObject("/FontFile2")] = writer._add_object(program)
        widths = ArrayObject()
        for gid in sorted(self.widths):
            widths += [NumberObject(gid), ArrayObject([NumberObject(round(self.widths[gid]))])]
        cid_font = _pdf({"/Type": "/Font", "/Subtype": "/CIDFontType2", "/BaseFont": "/" + self.name, "/CIDToGIDMap": "/Identity"})
        cid_font[NameObject("/CIDSystemInfo")] = _pdf({"/Registry": "(Adobe)", "/Ordering": "(Identity)", "/Supplement": 0})
        cid_font[NameObject("/FontDescriptor")] = writer._add_object(descriptor)
        cid_font[NameObject("/W")] = widths
        font = _pdf({"/Type": "/Font", "/Subtype": "/Type0", "/BaseFont": "/" + self.name, "/Encoding": "/Identity-H"})
        font[NameObject("/DescendantFonts")] = ArrayObject([writer._add_object(cid_font)])
        font[NameObject("/ToUnicode")] = writer._add_object(_stream(self._to_unicode()))
        return writer._add_object(font)

    def _to_unicode(self) -> bytes:
        """The CMap that lets text extraction and search read the footer."""
        pairs = sorted((gid, char) for char, gid in self.gids.items())
        blocks = []
        for start in range(0, len(pairs), 100):
            chunk = pairs[start : start + 100]
            lines = "\n".join(f"<{gid:04X}> <{char.encode('utf-16-be').hex().upper()}>" for gid, char in chunk)
            blocks.append(f"{len(chunk)} beginbfchar\n{lines}\nendbfchar")
        return (
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" + "\n".join(blocks) + "\n"
            "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
        ).encode()


def _stream(data: bytes, extra: dict[str, object] | None = None) -> DecodedStreamObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    for key, value in (extra or {}).items():
        stream[NameObject(key)] = value
    return stream.flate_encode()  # type: ignore[return-value]


def _pdf(values: dict[str, object]) -> DictionaryObject:
    """A PDF dictionary from plain values: "/Name" strings are names, "(text)" strings are strings, lists are arrays."""
    from pypdf.generic import TextStringObject

    def convert(value: object) -> object:
        if isinstance(value, str):
            return NameObject(value) if value.startswith("/") else TextStringObject(value.strip("()"))
        if isinstance(value, list):
            return ArrayObject([convert(v) for v in value])
        return NumberObject(value) if isinstance(value, int) else value

    return DictionaryObject({NameObject(key): convert(value) for key, value in values.items()})
