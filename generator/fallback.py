"""When playbook.yml has errors, the content files are still checked, against what could be read of it.

One mistake in the configuration used to hide every mistake in plays/,
vignettes/ and toolkit/ until the next run. Now the strategies, toolkit
sections and facets whose part of playbook.yml is free of errors still
serve as vocabularies; a field that depends on a part that is not is left
unchecked, and a note says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import Problem
from .models import Config, Facet, FacetValue, Labels, Strategy, ToolkitSection
from .source import load_document

# Which content fields each part of playbook.yml supplies the choices of.
DEPENDENT_FIELDS = {"strategies": ("strategy",), "toolkit_sections": ("section",), "facets": ("facets",)}


@dataclass
class Fallback:
    """A minimal configuration, and the parts of playbook.yml it could not take from the file."""

    config: Config
    missing: tuple[str, ...]

    def unchecked(self, problem: Problem) -> bool:
        """Whether a content file's problem only arose because a vocabulary is missing."""
        return any(
            problem.field == name or problem.field.startswith(f"{name}.") or problem.field.startswith(f"{name}[")
            for part in self.missing
            for name in DEPENDENT_FIELDS[part]
        )

    def note(self, path: Path) -> Problem | None:
        """A line saying which fields were not checked, or None when everything was."""
        if not self.missing:
            return None
        fields = ", ".join(name for part in self.missing for name in DEPENDENT_FIELDS[part])
        message = f"plays, vignettes and toolkit items were checked except for {fields}, whose choices come from the parts with errors"
        return Problem(path, 1, 1, "", message, "fix this file and check again", severity="note")


def _items(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = data.get(key)
    return [item for item in value if isinstance(item, dict) and isinstance(item.get("id"), str)] if isinstance(value, list) else []


def fallback_config(path: Path, problems: Sequence[Problem]) -> Fallback:
    """The configuration to check content files against when `path` (playbook.yml) has `problems`."""
    document, _ = load_document(path)
    data = document.data if document is not None and isinstance(document.data, dict) else {}
    broken = {part for part in DEPENDENT_FIELDS for p in problems if p.field == part or p.field.startswith((f"{part}.", f"{part}["))}
    if document is None or not isinstance(document.data, dict):
        broken = set(DEPENDENT_FIELDS)
    strategies = () if "strategies" in broken else _items(data, "strategies")
    sections = () if "toolkit_sections" in broken else _items(data, "toolkit_sections")
    facets = () if "facets" in broken else _items(data, "facets")
    # Translation files are told from content files by the site's languages: keep them when they read.
    given = data.get("languages")
    listed: list[object] = given if isinstance(given, list) else [data.get("language", "en")]
    languages = tuple(code for code in listed if isinstance(code, str)) or ("en",)
    config = Config(
        title="",
        tagline="",
        aim="",
        language=languages[0],
        languages=languages,
        labels=Labels(),
        strategies=tuple(Strategy(s["id"], index + 1, s["id"], "") for index, s in enumerate(strategies)),
        facets=tuple(Facet(f["id"], f["id"], "", tuple(FacetValue(v["id"], v["id"]) for v in _items(f, "values"))) for f in facets),
        toolkit_sections=tuple(ToolkitSection(s["id"], s["id"]) for s in sections),
    )
    return Fallback(config, tuple(part for part in DEPENDENT_FIELDS if part in broken))
