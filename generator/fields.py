"""Check one document's fields against their declarations in `schema`."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping, Sequence
from typing import Any

from .errors import Problem
from .i18n import NOUNS, language_problem, message_ids
from .schema import CONTENT_KINDS, ID_PATTERN, KINDS, PLACEHOLDER, Field
from .source import Document, FieldPath, dotted

URL_SCHEMES = ("http://", "https://", "mailto:")
_ID = re.compile(ID_PATTERN)
_PLACEHOLDER = re.compile(rf"\b{PLACEHOLDER}\b")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Characters that cannot stand unescaped in an address (and would end a Markdown link).
_URL_FORBIDDEN = re.compile(r"[\s<>\"'`\\{}|^]")
_PLACEHOLDERS = re.compile(r"%\((\w+)\)")
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
# https://user@host/ and https://example.org@evil.example/: link text would name the wrong host.
_USER_INFO = re.compile(r"^https?://[^/?#]*@", re.IGNORECASE)
_FILE_ID_FIELDS = tuple(KINDS[kind] for kind in CONTENT_KINDS)

Vocabularies = Mapping[str, Sequence[str]]


def suggest(word: str, known: Sequence[str], what: str = "") -> str:
    """A 'did you mean' hint, or the list of known values."""
    close = difflib.get_close_matches(str(word), [str(k) for k in known], n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    # A kind's fields are worth listing in full (a play has 13); long lists of values are not.
    if known and len(known) <= (16 if what == "fields" else 12):
        return f"known {what or 'values'}: {', '.join(known)}"
    return ""


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "a yes/no value"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dt.date):
        return f"a date ({value.isoformat()})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    return f"'{_short(str(value))}'"


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def _hint(spec: Field) -> str:
    return spec.description.rstrip(".")


class FieldChecker:
    """Checks values against field declarations, collecting every problem."""

    def __init__(self, document: Document, vocabularies: Vocabularies, facets: Mapping[str, Sequence[str]]) -> None:
        self.document = document
        self.vocabularies = vocabularies
        self.facets = facets
        self.problems: list[Problem] = []
        # Worth a look but no reason to stop: a text longer than real playbooks use.
        self.warnings: list[Problem] = []

    def fail(self, at: FieldPath, message: str, hint: str = "") -> None:
        """Record one problem at a field path."""
        self.problems.append(self.document.problem(at, message, hint))

    def mapping(self, value: Any, fields: Sequence[Field], at: FieldPath = ()) -> dict[str, Any]:
        """Check a mapping with the given fields; unknown keys are errors."""
        if not isinstance(value, dict):
            if at in self.document.unreadable:
                return {}
            what = "the file is empty" if value is None and not at else f"found {_type_name(value)}"
            hint = "write one 'field: value' per line, starting with: " + ", ".join(f.name for f in fields if f.required)
            self.fail(at, f"expected a mapping of fields, {what}", hint)
            return {}
        known = {f.name: f for f in fields}
        result: dict[str, Any] = {}
        meant: set[str] = set()  # fields a misspelt key stands for: "did you mean" says it all
        for key in value:
            if key == "id" and not at and fields in _FILE_ID_FIELDS:
                self._file_id(value[key])
            elif key not in known:
                close = difflib.get_close_matches(str(key), [f for f in known if f not in value], n=1, cutoff=0.6)
                meant.update(close)
                self.fail(at + (key,), f"unknown field '{key}'", suggest(key, list(known), "fields"))
        for spec in fields:
            if spec.name not in value:
                if spec.required and spec.name not in meant:
                    self.fail(at + (spec.name,), "required field is missing", _hint(spec))
            elif at + (spec.name,) in self.document.unreadable:
                continue
            elif value[spec.name] is None:
                if spec.required:
                    self.fail(at + (spec.name,), f"expected {spec.kind_of_value()}, found nothing", _hint(spec))
            else:
                result[spec.name] = self.value(value[spec.name], spec, at + (spec.name,))
        return result

    def _file_id(self, value: Any) -> None:
        # A file's id is its name; an `id:` line can only disagree with it.
        stem = self.document.path.stem
        hint = "delete the line; to change the id, rename the file"
        if value == stem:
            self.fail(("id",), f"unknown field 'id': the id is already given by the file name '{self.document.path.name}'", hint)
        else:
            self.fail(("id",), f"expected no 'id' field (the id is the file name, '{stem}'), found '{value}'", hint)

    def value(self, value: Any, spec: Field, at: FieldPath) -> Any:
        """Check one value of a declared field and return it cleaned."""
        if at in self.document.unreadable or self._placeholder(value, spec, at):
            return None
        check = getattr(self, f"_{spec.type}")
        return check(value, spec, at)

    def _placeholder(self, value: Any, spec: Field, at: FieldPath, hint: str = "") -> bool:
        """Report a scaffold placeholder (TODO) that was not filled in, on the line that holds it."""
        if not isinstance(value, str) or not _PLACEHOLDER.search(value):
            return False
        hint = f"replace it: {hint or _hint(spec)}"
        found = self.document.find(at, PLACEHOLDER) if "\n" in value else None
        if found is None:
            self.fail(at, f"placeholder not filled in, found '{_short(value)}'", hint)
        else:
            line, column, text = found
            message = f"placeholder not filled in, found '{_short(text)}'"
            self.problems.append(Problem(self.document.path, line, column, dotted(at), message, hint))
        return True

    def _string(self, value: Any, spec: Field, at: FieldPath) -> str | None:
        if at in self.document.unreadable or self._placeholder(value, spec, at):
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            quote = isinstance(value, (bool, dt.date)) or value is None
            self.fail(at, f"expected text, found {_type_name(value)}", "put the text in quotes" if quote else "")
            return None
        text = str(value).strip()
        if not text and spec.required:
            self.fail(at, "expected text, found an empty value", _hint(spec))
        if spec.plain and (found := re.search(r'[<>"]', text)):
            self.fail(at, f"expected plain text, found '{found.group()}'", "the theme shows this text as it is; leave out <, > and \"")
        if spec.pattern and text and not re.match(spec.pattern, text):
            self.fail(at, f"expected {spec.pattern_name}, found '{_short(text)}'")
            return None
        if spec.max_length and len(text) > spec.max_length:
            message = f"expected at most {spec.max_length} characters, found {len(text)}"
            self.warnings.append(self.document.problem(at, message, "shorten it", severity="warning"))
        return text

    def _markdown(self, value: Any, spec: Field, at: FieldPath) -> str | None:
        return self._string(value, spec, at)

    def _integer(self, value: Any, spec: Field, at: FieldPath) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(at, f"expected a whole number, found {_type_name(value)}")
            return None
        low, high = spec.minimum, spec.maximum
        if low is not None and value < low or high is not None and value > high:
            limits = [f"at least {low}" if low is not None else "", f"at most {high}" if high is not None else ""]
            bounds = f"from {low} to {high}" if low is not None and high is not None else "".join(limits)
            self.fail(at, f"expected a number {bounds}, found {value}")
            return None
        return int(value)  # a plain int: `+2023` is shown as 2023

    def _boolean(self, value: Any, spec: Field, at: FieldPath) -> bool | None:
        if not isinstance(value, bool):
            # YAML 1.1 read these as booleans; YAML 1.2, editors and this checker read them as words.
            old = isinstance(value, str) and value.lower() in ("yes", "no", "on", "off", "y", "n")
            hint = "YAML 1.2 reads yes, no, on and off as words" if old else ""
            self.fail(at, f"expected true or false, found {_type_name(value)}", hint)
            return None
        return value

    def _date(self, value: Any, spec: Field, at: FieldPath) -> dt.date | None:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str) and _DATE.match(value.strip()):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError as exc:
                self.fail(at, f"expected a date as YYYY-MM-DD, found '{value.strip()}' ({exc})")
                return None
        self.fail(at, f"expected a date as YYYY-MM-DD, found {_type_name(value)}", "e.g. 2026-09-15")
        return None

    def _url(self, value: Any, spec: Field, at: FieldPath) -> str | None:
        text = self._string(value, spec, at)
        if not text:
            return text
        if not text.lower().startswith(URL_SCHEMES) or text.lower() in URL_SCHEMES or text.lower().rstrip("/") in ("http:/", "https:/"):
            self.fail(at, f"expected an http(s) or mailto address, found '{_short(text)}'", "e.g. https://example.org/page")
            return None
        if (bad := _URL_FORBIDDEN.search(text)) or text.count("(") != text.count(")"):
            what = f"'{bad.group()}'" if bad and not bad.group().isspace() else ("a space" if bad else "an unmatched parenthesis")
            message = f"expected an address without spaces, quotes or brackets, found {what} in '{_short(text)}'"
            self.fail(at, message, "encode it, e.g. a space as %20")
            return None
        if _USER_INFO.match(text):
            self.fail(at, "expected an address without a user name (the part before '@'), found one", "link to the host itself")
            return None
        return text

    def _id(self, value: Any, spec: Field, at: FieldPath) -> str | None:
        text = self._string(value, spec, at)
        if text and not _ID.match(text):
            self.fail(at, f"expected an id of lowercase letters, digits and hyphens, found '{text}'")
            return None
        return text

    def _choice(self, value: Any, spec: Field, at: FieldPath) -> str | None:
        text = self._string(value, spec, at)
        assert spec.choices is not None
        known = spec.choices if isinstance(spec.choices, tuple) else tuple(self.vocabularies.get(spec.choices, ()))
        if text and text not in known:
            what = spec.choices if isinstance(spec.choices, str) else spec.name
            message = f"expected one of {', '.join(known)}; found '{text}'" if len(known) <= 6 else f"unknown {what} '{text}'"
            self.fail(at, message, suggest(text, known, f"{what} ids"))
            return None
        return text

    def _list(self, value: Any, spec: Field, at: FieldPath) -> list[Any] | None:
        if not isinstance(value, list):
            self.fail(at, f"expected a list (lines starting with '- '), found {_type_name(value)}")
            return None
        if len(value) < spec.min_items:
            self.fail(at, f"expected at least {spec.min_items} item(s), found {len(value)}")
        return value

    def _strings(self, value: Any, spec: Field, at: FieldPath) -> list[str]:
        items = self._list(value, spec, at) or []
        item = Field(spec.name, "string", spec.description, required=True)
        return [text for i, v in enumerate(items) if (text := self._string(v, item, at + (i,)))]

    def _ids(self, value: Any, spec: Field, at: FieldPath) -> list[str]:
        items = self._list(value, spec, at) or []
        return self._distinct(items, Field(spec.name, "id", spec.description, required=True), at)

    def _distinct(self, items: list[Any], item: Field, at: FieldPath) -> list[str]:
        """Each item checked as `item`; one listed twice is reported where it repeats."""
        result: list[str] = []
        for index, entry in enumerate(items):
            text = self.value(entry, item, at + (index,))
            if text and text in result:
                self.fail(at + (index,), f"'{text}' is listed twice", "keep only one")
            elif text:
                result.append(text)
        return result

    def _object(self, value: Any, spec: Field, at: FieldPath) -> dict[str, Any]:
        return self.mapping(value, spec.fields, at)

    def _objects(self, value: Any, spec: Field, at: FieldPath) -> list[dict[str, Any]]:
        items = self._list(value, spec, at) or []
        return [self.mapping(v, spec.fields, at + (i,)) for i, v in enumerate(items)]

    def _language(self, value: Any, spec: Field, at: FieldPath) -> str | None:
        text = self._string(value, spec, at)
        if text and (problem := language_problem(text)):
            self.fail(at, problem, "e.g. en, es, es-MX or pt-BR")
            return None
        return text

    def _languages(self, value: Any, spec: Field, at: FieldPath) -> list[str]:
        items = self._list(value, Field(spec.name, "languages", spec.description, min_items=1), at) or []
        return self._distinct(items, Field(spec.name, "language", spec.description, required=True), at)

    def _nouns(self, value: Any, spec: Field, at: FieldPath) -> dict[str, dict[str, str]]:
        if not isinstance(value, dict):
            hint = "e.g. play: {one: practice, other: practices}"
            self.fail(at, f"expected a mapping of noun to its forms, found {_type_name(value)}", hint)
            return {}
        result: dict[str, dict[str, str]] = {}
        for noun, forms in value.items():
            if noun not in NOUNS:
                self.fail(at + (noun,), f"unknown noun '{noun}'", suggest(noun, list(NOUNS), "nouns"))
                continue
            if not isinstance(forms, dict):
                self.fail(at + (noun,), f"expected its forms, found {_type_name(forms)}", "e.g. {one: workgroup, other: workgroups}")
                continue
            result[noun] = {}
            for category, word in forms.items():
                if category not in PLURAL_CATEGORIES:
                    self.fail(at + (noun, category), f"unknown plural form '{category}'", f"known forms: {', '.join(PLURAL_CATEGORIES)}")
                elif text := self._string(word, Field(str(category), "string", "", required=True, plain=True), at + (noun, category)):
                    result[noun][category] = text
            if "one" not in forms or "other" not in forms:
                self.fail(at + (noun,), "expected at least the forms 'one' and 'other'", "e.g. {one: workgroup, other: workgroups}")
        return result

    def _messages(self, value: Any, spec: Field, at: FieldPath) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(at, f"expected a mapping of message to replacement, found {_type_name(value)}")
            return {}
        result: dict[str, Any] = {}
        for key, text in value.items():
            if isinstance(text, dict):
                forms = {str(c): self._message(str(key), t, at + (key, c)) for c, t in text.items()}
                result[str(key)] = {c: t for c, t in forms.items() if t}
            elif (checked := self._message(str(key), text, at + (key,))) is not None:
                result[str(key)] = checked
        return result

    def _message(self, key: str, value: Any, at: FieldPath) -> str | None:
        """One replacement message: known, plain text, with the original's placeholders only."""
        text = self._string(value, Field("message", "string", "", required=True), at)
        if text is None:
            return None
        known = message_ids()
        if key not in known:
            hint = suggest(key, sorted(known), "messages") or "copy the English text from generator/locale/en.po"
            self.fail(at, f"unknown message '{_short(key)}'", hint)
            return None
        if found := re.search(r"[<>\[\]`]", text):
            self.fail(at, f"expected plain text, found '{found.group()}'", "messages are shown as they are; leave out <, >, [, ] and `")
            return None
        extra = set(_PLACEHOLDERS.findall(text)) - set(_PLACEHOLDERS.findall(key)) - {"num"}
        if extra:
            self.fail(at, f"unknown placeholder '%({sorted(extra)[0]})s'", "use only the placeholders of the original message")
            return None
        return text

    def _facets(self, value: Any, spec: Field, at: FieldPath) -> dict[str, list[str]]:
        if not isinstance(value, dict):
            self.fail(at, f"expected a mapping of facet to values, found {_type_name(value)}")
            return {}
        result: dict[str, list[str]] = {}
        for key, values in value.items():
            if key not in self.facets:
                self.fail(at + (key,), f"unknown facet '{key}'", suggest(key, list(self.facets), "facets"))
                continue
            listed = values if isinstance(values, list) else [values]
            chosen: list[str] = []
            for i, item in enumerate(listed):
                where = at + (key, i) if isinstance(values, list) else at + (key,)
                choices = f"one or more of: {', '.join(self.facets[key])}"
                if where in self.document.unreadable or self._placeholder(item, spec, where, choices):
                    continue
                if item in chosen:
                    self.fail(where, f"'{item}' is listed twice", "keep only one")
                elif item not in self.facets[key]:
                    self.fail(where, f"unknown {key} {_type_name(item)}", suggest(str(item), self.facets[key], f"{key} values"))
                else:
                    chosen.append(item)
            if not listed:
                self.fail(at + (key,), "expected at least one value")
            result[key] = chosen
        for key in self.facets:
            if key not in value:
                self.fail(at + (key,), "required facet is missing", f"give at least one of: {', '.join(self.facets[key])}")
        return result
