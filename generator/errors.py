"""The exceptions the pipeline raises, and the content problem record."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a look) in a content file."""

    path: Path
    line: int
    column: int
    field: str
    message: str
    hint: str = ""
    severity: str = "error"

    def format(self, root: Path | None = None) -> str:
        """Render as `path:line:col: field: message (hint)`."""
        shown = self.path
        if root is not None:
            try:
                shown = self.path.relative_to(root)
            except ValueError:
                pass
        where = f"{shown}:{self.line}:{self.column}"
        field = f" {self.field}:" if self.field else ""
        text = f"{where}:{field} {self.message}"
        if self.severity in ("warning", "note"):
            text = f"{where}: {self.severity}:{field} {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class PlaybookError(Exception):
    """Base class of every error the generator reports to a person."""


class ContentError(PlaybookError):
    """The catalogue has problems; carries every one of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the catalogue")


class ConfigError(PlaybookError):
    """The playbook folder or its configuration cannot be used."""


class BuildError(PlaybookError):
    """MkDocs or the PDF renderer failed on validated content."""


class EnvironmentFailure(PlaybookError):
    """The machine, not the content, stopped the command: permissions, a full disk, a taken port."""
