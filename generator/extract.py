"""Keep the message catalogues in step with the code: `python -m generator.extract`.

Collects every message the generator writes -- from the templates (Jinja's
i18n calls), the Python modules (gettext, ngettext, pgettext, N_) and the
content model's field descriptions -- into generator/locale/messages.pot, fills
en.po with the English text and merges new messages into the other languages'
.po files, keeping their translations. `--check` fails when a catalogue is
out of date or a translation is missing.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po, write_po

from . import schema
from .i18n import LOCALE_DIR, NOUN_MESSAGES

PACKAGE = Path(__file__).parent
METHODS = [("templates/**.j2", "jinja2.ext:babel_extract"), ("**.py", "python")]
OPTIONS = {"templates/**.j2": {"extensions": "jinja2.ext.i18n", "trim_blocks": "true", "lstrip_blocks": "true"}}
# plural_table(singular, plural) gives browse.js a message in every plural form.
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None, "plural_table": (1, 2)}
Message = tuple[str | tuple[str, str], str | None]


def code_messages() -> Iterator[Message]:
    """(message id or (singular, plural), context) of every message call in templates and modules."""
    for _, _, message, _, context in extract_from_dir(PACKAGE, METHODS, OPTIONS, keywords=KEYWORDS):
        if isinstance(message, tuple):
            parts = [m for m in message if m]
            yield (parts[0], parts[1]) if len(parts) > 1 else parts[0], context
        else:
            yield message, context


def model_messages() -> Iterator[Message]:
    """The field reference's words: every field's description and kind of value, and the toolkit kinds."""
    for fields in schema.KINDS.values():
        stack = list(fields)
        while stack:
            field = stack.pop(0)
            yield field.description, None
            yield field.kind_of_value(), None
            stack.extend(field.fields)
    for kind in schema.TOOLKIT_KINDS:
        yield kind, "toolkit kind"
    for singular, plural in NOUN_MESSAGES.values():
        yield (singular, plural), "noun"


def template_catalogue() -> Catalog:
    """Every message, as a catalogue without translations."""
    catalog = Catalog(domain="messages", project="stem-playbook", fuzzy=False)
    for message, context in [*code_messages(), *model_messages()]:
        if message:
            catalog.add(message, None, context=context)
    return catalog


def updated(language: str, template: Catalog) -> Catalog:
    """One language's catalogue with the template's messages: English filled in, others kept."""
    path = LOCALE_DIR / f"{language}.po"
    old = Catalog(locale=language)
    if path.is_file():
        with path.open("rb") as handle:
            old = read_po(handle, locale=language)
    catalog = Catalog(locale=language, domain="messages", project="stem-playbook", fuzzy=False)
    for message in template:
        if not message.id:
            continue
        known = old.get(message.id, context=message.context)
        if language == "en":
            string: str | tuple[str, ...] | list[str] = message.id
        elif known is not None and known.string:
            string = known.string
        else:
            string = ("", "") if isinstance(message.id, tuple) else ""
        catalog.add(message.id, string, context=message.context)
    return catalog


def missing(catalog: Catalog) -> list[str]:
    """The messages without a translation."""
    result = []
    for message in catalog:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.id and not all(strings):
            result.append(str(message.id[0] if isinstance(message.id, tuple) else message.id))
    return result


def _serialise(catalog: Catalog, path: Path) -> bytes:
    import io

    buffer = io.BytesIO()
    write_po(buffer, catalog, omit_header=False, sort_output=True, width=0, no_location=True)
    # The header's creation date would change on every run.
    lines = [line for line in buffer.getvalue().split(b"\n") if not line.startswith((b'"POT-Creation-Date', b'"PO-Revision-Date'))]
    return b"\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Write (or with --check, verify) messages.pot and every .po file."""
    parser = argparse.ArgumentParser(prog="python -m generator.extract", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when a catalogue is out of date or incomplete")
    parser.add_argument("--languages", nargs="*", default=None, help="languages to update (default: every .po file, and en)")
    args = parser.parse_args(argv)
    template = template_catalogue()
    languages = args.languages or sorted({p.stem for p in LOCALE_DIR.glob("*.po")} | {"en"})
    stale = []
    files = {LOCALE_DIR / "messages.pot": _serialise(template, LOCALE_DIR / "messages.pot")}
    for language in languages:
        catalog = updated(language, template)
        files[LOCALE_DIR / f"{language}.po"] = _serialise(catalog, LOCALE_DIR / f"{language}.po")
        if gaps := missing(catalog):
            stale.append(f"{language}.po: {len(gaps)} message(s) not translated, e.g. {gaps[0]!r}")
    for path, data in files.items():
        if not path.is_file() or path.read_bytes() != data:
            if args.check:
                stale.append(f"{path.name} is out of date: run python -m generator.extract")
            else:
                path.write_bytes(data)
    for line in stale:
        print(line, file=sys.stderr)
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
