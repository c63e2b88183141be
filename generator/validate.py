"""Rules across the whole catalogue: references, ids and play status."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from .errors import ContentError, Problem
from .fields import suggest
from .load import load_catalogue
from .models import Catalogue
from .rules_accessibility import RULES as ACCESSIBILITY_RULES
from .source import Document

Rule = Callable[[Catalogue, dict[str, Document]], Iterable[Problem]]


def _known(documents: dict[str, Document], kind: str) -> list[str]:
    return sorted(key.split(":", 1)[1] for key in documents if key.startswith(kind + ":"))


def _reference_problems(document: Document, field: str, ids: list[str], kind: str, known: list[str], own: str = "") -> Iterable[Problem]:
    names = {"play": "play", "toolkit": "toolkit item", "vignette": "vignette"}
    known_set = set(known)
    for index, ident in enumerate(ids):
        if ident == own:
            yield document.problem((field, index), f"a {names[kind]} cannot refer to itself")
        elif ident not in known_set:
            yield document.problem((field, index), f"{names[kind]} '{ident}' does not exist", suggest(ident, known))


def references(catalogue: Catalogue, documents: dict[str, Document]) -> Iterable[Problem]:
    """Every id a file mentions must name an existing item."""
    plays, toolkit = _known(documents, "play"), _known(documents, "toolkit")
    for play in catalogue.plays.values():
        document = documents[f"play:{play.id}"]
        yield from _reference_problems(document, "related", play.related, "play", plays, own=play.id)
        yield from _reference_problems(document, "toolkit", play.toolkit, "toolkit", toolkit)
    for vignette in catalogue.vignettes.values():
        yield from _reference_problems(documents[f"vignette:{vignette.id}"], "plays", vignette.plays, "play", plays)
    for item in catalogue.toolkit.values():
        yield from _reference_problems(documents[f"toolkit:{item.id}"], "plays", item.plays, "play", plays)


def enacted_plays_have_vignettes(catalogue: Catalogue, documents: dict[str, Document]) -> Iterable[Problem]:
    """An enacted play is one a member ecosystem has tried: a vignette must tell how."""
    illustrated = {play_id for key, doc in documents.items() if key.startswith("vignette:") for play_id in _listed(doc, "plays")}
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
        target = (folder / item.file).resolve()
        if folder not in target.parents or not target.is_file():
            yield documents[f"toolkit:{item.id}"].problem(("file",), f"attached file '{item.file}' not found inside toolkit/")


RULES: list[Rule] = [references, enacted_plays_have_vignettes, attached_files, *ACCESSIBILITY_RULES]


def check(root: Path, rules: Iterable[Rule] = RULES) -> tuple[Catalogue, list[Problem]]:
    """Load and check a playbook folder; raise ContentError listing every error.

    Returns the catalogue and the warnings when there are no errors.
    """
    catalogue, documents, problems = load_catalogue(root)
    for rule in rules:
        problems.extend(rule(catalogue, documents))
    problems.sort(key=lambda p: (str(p.path), p.line, p.column))
    if any(p.severity == "error" for p in problems):
        raise ContentError(problems)
    return catalogue, problems
