"""Rules across the whole catalogue: references, ids, play status, safe Markdown.

`RULES` is the list `check` runs; other modules (accessibility, warnings)
contribute their rules to it. A rule gets the catalogue of items that passed
their field checks and every parsed document, and yields Problems.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from . import schema
from .errors import ContentError, Problem
from .fields import suggest
from .load import FOLDERS, content_files, load_catalogue
from .markup import removed_markup
from .models import Catalogue
from .regular import is_regular_inside
from .review import WARNINGS
from .rules_accessibility import RULES as ACCESSIBILITY_RULES
from .rules_accessibility import bodies
from .rules_links import body_links_resolve
from .source import Document

Rule = Callable[[Catalogue, dict[str, Document]], Iterable[Problem]]
_SAFE_ID = re.compile(schema.ID_PATTERN)


def _known(catalogue: Catalogue, kind: str) -> list[str]:
    """The ids of every file of a kind, readable or not: a broken file still exists."""
    return [path.stem for path in content_files(catalogue.root / FOLDERS[kind])]


def _reference_problems(document: Document, field: str, kind: str, known: set[str], own: str = "") -> Iterable[Problem]:
    names = {"play": "play", "toolkit": "toolkit item", "vignette": "vignette"}
    for index, ident in enumerate(_listed(document, field)):
        if not _SAFE_ID.match(ident):
            continue  # the field check has said what is wrong with it
        if ident == own:
            yield document.problem((field, index), f"a {names[kind]} cannot refer to itself")
        elif ident not in known:
            hint = suggest(ident, sorted(known), f"{names[kind]} ids")
            yield document.problem((field, index), f"{names[kind]} '{ident}' does not exist", hint)


# Which fields of which kind refer to which kind.
REFERENCES = {kind: [(f.name, f.refers_to) for f in schema.KINDS[kind] if f.refers_to] for kind in schema.CONTENT_KINDS}


def references(catalogue: Catalogue, documents: dict[str, Document]) -> Iterable[Problem]:
    """Every id a file mentions must name an existing item, whether or not the file has other problems."""
    # Sets built once: one per file would make the rule grow with the square of the catalogue.
    known = {kind: set(_known(catalogue, kind)) for kind in schema.CONTENT_KINDS}
    for key in sorted(documents):
        kind, ident = key.split(":", 1)
        for field, target in REFERENCES.get(kind, []):
            yield from _reference_problems(documents[key], field, target, known[target], own=ident if target == kind else "")


def enacted_plays_have_vignettes(catalogue: Catalogue, documents: dict[str, Document]) -> Iterable[Problem]:
    """An enacted play is one a member ecosystem has tried: a vignette must tell how."""
    if not catalogue.config.kinds.vignettes:
        return  # a playbook without vignettes marks plays enacted on its own word
    vignettes = [key for key in documents if key.startswith("vignette:")]
    if len(vignettes) < len(_known(catalogue, "vignette")):
        return  # a vignette that could not be read may be the one that tells the story
    illustrated = {play_id for key in vignettes for play_id in _listed(documents[key], "plays")}
    for play in catalogue.plays.values():
        if play.status == "enacted" and play.id not in illustrated:
            yield documents[f"play:{play.id}"].problem(
                ("status",),
                "an enacted play needs at least one vignette, found none",
                f"add a vignette whose plays list '{play.id}', or mark the play aspirational",
            )


def _listed(document: Document, field: str) -> list[str]:
    data = document.data if isinstance(document.data, dict) else {}
    value = data.get(field)
    return [str(v) for v in value] if isinstance(value, list) else []


def attached_files(catalogue: Catalogue, documents: dict[str, Document]) -> Iterable[Problem]:
    """A toolkit item's attached file must exist inside toolkit/."""
    folder = (catalogue.root / "toolkit").resolve()
    for item in catalogue.toolkit.values():
        if not item.file:
            continue
        if not is_regular_inside(folder / item.file, folder):
            yield documents[f"toolkit:{item.id}"].problem(("file",), f"attached file '{item.file}' not found inside toolkit/")


LOGO_TYPES = (".svg", ".png", ".jpg", ".jpeg", ".webp")


def logo_exists(catalogue: Catalogue, documents: dict[str, Document]) -> Iterable[Problem]:
    """theme.logo names an image file inside the playbook folder."""
    logo = catalogue.config.theme.logo
    if not logo:
        return
    root = catalogue.root.resolve()
    target = (root / logo).resolve()
    path = root / "playbook.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next((n for n, text in enumerate(lines, 1) if text.strip().startswith("logo:")), 1)
    column = lines[line - 1].index("logo:") + 7 if line <= len(lines) and "logo:" in lines[line - 1] else 1
    if root not in target.parents or not target.is_file():
        hint = "give a path such as assets/logo.svg"
        yield Problem(path, line, column, "theme.logo", f"logo file '{logo}' not found inside the playbook folder", hint)
    elif target.suffix.lower() not in LOGO_TYPES:
        yield Problem(path, line, column, "theme.logo", f"expected an image ({', '.join(LOGO_TYPES)}), found '{target.suffix}'")


def markdown_is_safe(catalogue: Catalogue, documents: dict[str, Document]) -> Iterable[Problem]:
    """Report the HTML and addresses the sanitizer would strip, so the author sees them too."""
    for _, body in bodies(documents):
        for removal in removed_markup(body.text):
            yield body.problem(removal.needle, removal.message, removal.hint)


def content_folders_hold_content(catalogue: Catalogue, documents: dict[str, Document]) -> Iterable[Problem]:
    """A file the loader skips (wrong extension, a folder) would otherwise vanish without a word."""
    for kind, folder in FOLDERS.items():
        directory = catalogue.root / folder
        for path in sorted(directory.iterdir()) if directory.is_dir() else []:
            if path.name.startswith(".") or (path.suffix in (".yml", ".yaml") and (path.is_file() or path.is_symlink())):
                continue
            if path.suffix.lower() in (".yml", ".yaml") and path.is_file():
                message = f"expected a lowercase .yml extension, found '{path.suffix}'"
                yield Problem(path, 1, 1, "", message, f"rename it to {path.stem}.yml")
            elif kind != "toolkit":  # toolkit/ also holds the files toolkit items attach
                what = "a folder" if path.is_dir() else f"'{path.name}'"
                message = f"expected only .yml files in {folder}/, found {what}"
                yield Problem(path, 1, 1, "", message, "move it out, or give it the .yml extension")


RULES: list[Rule] = [
    references,
    enacted_plays_have_vignettes,
    attached_files,
    logo_exists,
    markdown_is_safe,
    body_links_resolve,
    content_folders_hold_content,
    *ACCESSIBILITY_RULES,
    *WARNINGS,
]


def check(root: Path, rules: Iterable[Rule] = RULES) -> tuple[Catalogue, list[Problem]]:
    """Load and check a playbook folder; raise ContentError listing every error.

    Returns the catalogue and the warnings when there are no errors. With
    errors, warnings are left out: they are judged on a catalogue that is
    not whole yet (a play behind a broken reference looks unlinked).
    """
    catalogue, documents, problems = load_catalogue(root)
    for rule in rules:
        problems.extend(rule(catalogue, documents))
    problems.sort(key=lambda p: (str(p.path), p.line, p.column, p.message))
    errors = [p for p in problems if p.severity == "error"]
    if errors:  # notes say what could not be checked; they go with the errors
        raise ContentError([p for p in problems if p.severity != "warning"])
    return catalogue, problems
