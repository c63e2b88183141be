"""Join the PDFs of a document's parts into one tagged PDF, with bookmarks and footers.

Each part is a complete PDF/UA file from WeasyPrint. Joining keeps what
makes them accessible: the structure trees become one tree under one
Document element (pages and link annotations renumbered in the parent
tree), the named destinations of every part serve links across parts, and
the outline is built here from the catalogue.
"""

from __future__ import annotations

import io
import struct
import zlib
from typing import cast

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    Fit,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
    StreamObject,
    TextStringObject,
)

from .documents import Outline
from .engine import LaidOut
from .footer import Footer

OBJECTS_PER_STREAM = 200
_COPIED_FROM_FIRST = ("/Lang", "/ViewerPreferences", "/MarkInfo", "/Metadata")


class Assembler:
    """Joins parts as they come (the body, while later parts are still being laid out), then the front matter."""

    def __init__(self) -> None:
        self.writer = PdfWriter()
        self.writer.pdf_header = "%PDF-1.7"
        self.tree = _StructureTree(self.writer)
        self.destinations: dict[str, PdfObject] = {}

    def add(self, part: LaidOut, first: bool = False) -> None:
        """Append a part's pages, or put them before all others (`first`, for front matter laid out last)."""
        writer = self.writer
        reader = PdfReader(io.BytesIO(part.pdf))
        if first or len(writer.pages) == 0:
            _copy_document_info(reader, writer)
        if first:
            pages = [writer.insert_page(page, index) for index, page in enumerate(reader.pages)]
        else:
            pages = [writer.add_page(page) for page in reader.pages]
        self.tree.add(reader, pages, first)
        for name, destination in _destinations(reader):
            # A borrowed anchor only stands in for the real one, which another part holds.
            if name not in part.borrowed:
                self.destinations[name] = destination.clone(writer)
        # Everything needed is cloned: let the part's parsed objects go (pypdf keeps each reader alive).
        writer._id_translated.pop(id(reader), None)

    def finish(self, outline: Outline, footer: Footer | None = None) -> bytes:
        """The joined PDF, with bookmarks; `footer` numbers every page but the cover."""
        self.tree.finish()
        _write_destinations(self.writer, self.destinations)
        _write_outline(self.writer, outline, self.destinations)
        if footer is not None:
            footer.draw(self.writer, skip=1)
        return _write_compact(self.writer)


class _StructureTree:
    """The joined structure tree: every part's elements under one Document element."""

    def __init__(self, writer: PdfWriter) -> None:
        self.writer = writer
        self.root = DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot")})
        self.root_ref = writer._add_object(self.root)  # pypdf has no public name for adding an object
        self.document = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/StructElem"),
                NameObject("/S"): NameObject("/Document"),
                NameObject("/P"): self.root_ref,
                NameObject("/K"): ArrayObject(),
            }
        )
        self.document_ref = writer._add_object(self.document)
        self.root[NameObject("/K")] = ArrayObject([self.document_ref])
        self.nums = ArrayObject()
        self.next_key = 0

    def add(self, reader: PdfReader, pages: list[PageObject], first: bool = False) -> None:
        """Move one part's elements under the Document element, at its end or (`first`) its start.

        `pages` are the part's pages, already added to the writer.
        """
        source = cast(DictionaryObject, reader.root_object["/StructTreeRoot"])
        elements = cast(ArrayObject, cast(ArrayObject, source["/K"])[0].get_object()["/K"])
        offset = self.next_key
        for page, original in zip(pages, reader.pages, strict=True):
            page[NameObject("/StructParents")] = NumberObject(cast(int, original["/StructParents"]) + offset)
            for annotation in page.get("/Annots", []):
                annotation = annotation.get_object()
                if "/StructParent" in annotation:
                    annotation[NameObject("/StructParent")] = NumberObject(annotation["/StructParent"] + offset)
        kids = cast(ArrayObject, self.document["/K"])
        for position, element in enumerate(elements):
            # Without its parent link, cloning stops at the element instead of copying the part's whole tree.
            element.get_object().pop("/P", None)
            clone = element.clone(self.writer)
            clone.get_object()[NameObject("/P")] = self.document_ref
            if first:
                kids.insert(position, clone)
            else:
                kids.append(clone)
        nums = cast(ArrayObject, cast(DictionaryObject, source["/ParentTree"])["/Nums"])
        for position in range(0, len(nums), 2):
            key = int(nums[position])
            self.nums += [NumberObject(key + offset), nums[position + 1].clone(self.writer)]
            self.next_key = max(self.next_key, key + offset + 1)

    def finish(self) -> None:
        """Write the parent tree and hang the tree on the catalogue."""
        self.root[NameObject("/ParentTree")] = self.writer._add_object(DictionaryObject({NameObject("/Nums"): self.nums}))
        self.root[NameObject("/ParentTreeNextKey")] = NumberObject(self.next_key)
        self.writer.root_object[NameObject("/StructTreeRoot")] = self.root_ref


def _copy_document_info(reader: PdfReader, writer: PdfWriter) -> None:
    """Title, language, dates and the XMP metadata (which declares PDF/UA) come from the first part."""
    if reader.metadata:
        writer.add_metadata({key: value for key, value in reader.metadata.items()})
    for key in _COPIED_FROM_FIRST:
        if key in reader.root_object:
            writer.root_object[NameObject(key)] = reader.root_object.raw_get(key).clone(writer)
    writer.root_object[NameObject("/PageMode")] = NameObject("/UseOutlines")


def _destinations(reader: PdfReader) -> list[tuple[str, PdfObject]]:
    """The part's named destinations (WeasyPrint writes them as one flat name tree)."""
    names = reader.root_object.get("/Names", DictionaryObject()).get("/Dests", DictionaryObject()).get("/Names", [])
    return [(str(names[i]), names[i + 1]) for i in range(0, len(names), 2)]


def _write_destinations(writer: PdfWriter, destinations: dict[str, PdfObject]) -> None:
    flat = ArrayObject()
    for name in sorted(destinations):
        flat += [TextStringObject(name), destinations[name]]
    tree = writer._add_object(DictionaryObject({NameObject("/Names"): flat}))
    writer.root_object[NameObject("/Names")] = DictionaryObject({NameObject("/Dests"): tree})


def _write_outline(writer: PdfWriter, outline: Outline, destinations: dict[str, PdfObject]) -> None:
    """Bookmarks, two levels deep, each pointing where its anchor's named destination points."""
    parent: IndirectObject | None = None
    for level, title, anchor in outline:
        destination = destinations.get(anchor)
        if destination is None:
            continue
        target = destination.get_object()
        page, left, top = target[0], float(target[2]), float(target[3])  # type: ignore[index]
        item = writer.add_outline_item(title=title, page_number=page, parent=parent if level > 1 else None, fit=Fit.xyz(left, top, 0))
        if level == 1:
            parent = item


def _write_compact(writer: PdfWriter) -> bytes:
    """The PDF with its small objects packed into compressed object streams, as WeasyPrint writes them.

    pypdf writes every object on its own, uncompressed: a structure tree of
    tens of thousands of elements would triple the file.
    """
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    # Cross-reference entries: (1, offset, 0) for an object in the file, (2, stream, index) for one in an object stream.
    entries: dict[int, tuple[int, int, int]] = {0: (0, 0, 65535)}
    packed: list[tuple[int, bytes]] = []
    for number, obj in enumerate(writer._objects, start=1):
        if obj is None:
            entries[number] = (0, 0, 1)
        elif isinstance(obj, StreamObject):
            entries[number] = (1, out.tell(), 0)
            out.write(f"{number} 0 obj\n".encode())
            obj.write_to_stream(out)
            out.write(b"\nendobj\n")
        else:
            buffer = io.BytesIO()
            obj.write_to_stream(buffer)
            packed.append((number, buffer.getvalue()))
    number = len(writer._objects)
    for start in range(0, len(packed), OBJECTS_PER_STREAM):
        number += 1
        group = packed[start : start + OBJECTS_PER_STREAM]
        offsets, position = [], 0
        for index, (member, body) in enumerate(group):
            entries[member] = (2, number, index)
            offsets.append(f"{member} {position}")
            position += len(body) + 1
        head = " ".join(offsets).encode() + b"\n"
        data = zlib.compress(head + b"\n".join(body for _, body in group))
        entries[number] = (1, out.tell(), 0)
        header = f"/Type /ObjStm /N {len(group)} /First {len(head)} /Filter /FlateDecode /Length {len(data)}"
        out.write(f"{number} 0 obj\n<< {header} >>\nstream\n".encode() + data + b"\nendstream\nendobj\n")
    number += 1
    xref = out.tell()
    entries[number] = (1, xref, 0)
    rows = zlib.compress(b"".join(struct.pack(">BIH", *entries[n]) for n in range(number + 1)))
    root = writer.root_object.indirect_reference
    info = writer._info.indirect_reference if writer._info is not None else None
    trailer = f"/Root {root.idnum} 0 R" + (f" /Info {info.idnum} 0 R" if info else "")  # type: ignore[union-attr]
    header = f"/Type /XRef /Size {number + 1} /W [1 4 2] {trailer} /Filter /FlateDecode /Length {len(rows)}"
    out.write(f"{number} 0 obj\n<< {header} >>\nstream\n".encode() + rows + b"\nendstream\nendobj\n")
    out.write(f"startxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()
