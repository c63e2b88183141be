"""The words the generator writes, per language: gettext catalogues shipped in
`generator/locale/<lang>.po`, read through Babel, overridden by the playbook.

Every page heading, badge, legend, PDF label and browse-page string comes from
here; templates hold message ids only. A playbook names its own nouns
("workgroup"/"workgroups" instead of "strategy"/"strategies") and may replace
any message in `playbook.yml` (or `playbook.<lang>.yml`) under `messages:`.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LOCALE_DIR = Path(__file__).parent / "locale"
DEFAULT_LANGUAGE = "en"
# BCP 47 as playbooks use it: a language, then optional script, region or variant subtags.
BCP47 = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?(-[a-z0-9]{5,8})*$")
# The nouns a playbook can rename; each has a singular and a plural in the catalogue.
NOUNS = ("strategy", "play", "vignette", "soundbite", "toolkit item")


def N_(message: str) -> str:
    """Mark a message for extraction without translating it yet."""
    return message


# The singular and plural message of each noun; context "noun" keeps them apart from of the same word.
# other uses of the same word (generator.extract adds them to the catalogue).
NOUN_MESSAGES: dict[str, tuple[str, str]] = {
    "strategy": ("strategy", "strategies"),
    "play": ("play", "plays"),
    "vignette": ("vignette", "vignettes"),
    "soundbite": ("soundbite", "soundbites"),
    "toolkit item": ("toolkit item", "toolkit items"),
}


def language_problem(code: str) -> str:
    """Why `code` is not a usable language code, or ''."""
    if not isinstance(code, str) or not BCP47.match(code):
        return f"expected a BCP 47 language code such as en, es or es-MX, found '{code}'"
    try:
        Locale.parse(code, sep="-")
    except (UnknownLocaleError, ValueError):
        return f"'{code}' is not a language Babel knows"
    return ""


def shipped_languages() -> list[str]:
    """The languages with a message catalogue in the package."""
    return sorted(p.stem for p in LOCALE_DIR.glob("*.po"))


def catalogue_language(code: str) -> str:
    """The shipped catalogue that serves `code`: itself, its base language, or English."""
    shipped = shipped_languages()
    for candidate in (code, code.split("-")[0]):
        if candidate in shipped:
            return candidate
    return DEFAULT_LANGUAGE


@cache
def read_catalogue(language: str) -> Catalog:
    """The shipped .po catalogue of one language."""
    with (LOCALE_DIR / f"{language}.po").open("rb") as handle:
        return read_po(handle, locale=language)


@cache
def message_ids() -> frozenset[str]:
    """The English text of every message, the key a playbook's `messages:` replaces."""
    return frozenset(str(m.id[0] if isinstance(m.id, tuple) else m.id) for m in read_catalogue(DEFAULT_LANGUAGE) if m.id)


def _translations(language: str, overrides: tuple[tuple[str, str | tuple[str, ...]], ...]) -> Translations:
    source = read_catalogue(catalogue_language(language))
    catalog = Catalog(locale=source.locale, domain="messages")
    for message in source:
        if message.id:
            catalog.add(message.id, message.string, context=message.context)
    for message_id, text in overrides:
        existing = catalog.get(message_id)
        if existing is None:
            continue  # `playbook check` reports replacements of unknown messages
        if isinstance(existing.id, tuple) and isinstance(text, str):
            text = (text,) * len(existing.string or ())
        # Catalog.add keeps the string of a message it already holds: replace it in place.
        existing.string = text
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer)


@dataclass
class Messages:
    """Everything the generator says in one language, with the playbook's own nouns and overrides."""

    language: str
    nouns: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    overrides: Mapping[str, str | Mapping[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        pairs: list[tuple[str, str | tuple[str, ...]]] = []
        for key, text in self.overrides.items():
            if isinstance(text, Mapping):
                pairs.append((key, tuple(text[c] for c in self._plural_order() if c in text)))
            else:
                pairs.append((key, text))
        self.translations = _translations(self.language, tuple(pairs))
        self.locale = Locale.parse(self.language, sep="-")

    def _plural_order(self) -> list[str]:
        return ["zero", "one", "two", "few", "many", "other"]

    def gettext(self, message: str, **values: Any) -> str:
        """One message, formatted with `values`."""
        text = self.translations.gettext(message)
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, count: int, **values: Any) -> str:
        """The plural form of a message that fits `count`; `num` is the count."""
        text = self.translations.ngettext(singular, plural, count)
        return text % {"num": count, **values}

    def pgettext(self, context: str, message: str, **values: Any) -> str:
        """A message in a context."""
        text = str(self.translations.pgettext(context, message))
        return text % values if values else text

    def plural_category(self, count: int) -> str:
        """CLDR plural category of `count` in this language: one, few, many, other."""
        return str(self.locale.plural_form(count))

    def noun(self, kind: str, count: int = 1, capital: bool = False) -> str:
        """The playbook's word for `kind` ("play", "strategy"...), singular or plural as `count` needs."""
        own = self.nouns.get(kind)
        if own:
            category = self.plural_category(count)
            word = own.get(category) or (own.get("one") if count == 1 else own.get("other")) or own.get("other", "")
        else:
            singular, plural = NOUN_MESSAGES[kind]
            word = self.translations.npgettext("noun", singular, plural, count)
        return word[:1].upper() + word[1:] if capital else word

    def plural_table(self, singular: str, plural: str) -> dict[str, str]:
        """The message in each CLDR plural category, for scripts that choose with Intl.PluralRules."""
        table: dict[str, str] = {}
        for number in (*range(0, 200), 1000000):
            category = self.plural_category(number)
            if category not in table:
                table[category] = self.translations.ngettext(singular, plural, number)
        return table

    def noun_table(self, kind: str) -> dict[str, str]:
        """The noun in each CLDR plural category."""
        table: dict[str, str] = {}
        for number in (*range(0, 200), 1000000):
            table.setdefault(self.plural_category(number), self.noun(kind, number))
        return table

    def language_name(self, code: str | None = None) -> str:
        """A language's name in that language, e.g. "Español", for the switcher."""
        name = Locale.parse(code or self.language, sep="-").get_display_name() or (code or self.language)
        return name[:1].upper() + name[1:]
