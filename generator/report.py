"""`playbook check` output: plain lines for people, JSON for tools, annotations for GitHub.

GitHub Actions turns `::error file=...,line=...::message` lines in a job's
log into annotations on the changed lines of a pull request, so inside
Actions (GITHUB_ACTIONS=true) annotations are the default.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

from .errors import ContentError, Problem
from .models import Catalogue
from .translate import coverage
from .validate import check

FORMATS = ("text", "json", "github")


def default_format(environ: Mapping[str, str] = os.environ) -> str:
    """`github` when running inside GitHub Actions, `text` elsewhere."""
    return "github" if environ.get("GITHUB_ACTIONS") == "true" else "text"


def run_check(root: Path, output_format: str | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Check a playbook folder and report in the chosen format; return the exit status (0 or 1)."""
    out, err = out or sys.stdout, err or sys.stderr
    catalogue: Catalogue | None
    try:
        catalogue, problems = check(root)
    except ContentError as exc:
        catalogue, problems = None, exc.problems
    output_format = output_format or default_format()
    errors = sum(p.severity == "error" for p in problems)
    if output_format == "json":
        print(json.dumps(as_json(problems, catalogue, root), indent=2, ensure_ascii=False), file=out)
    elif output_format == "github":
        for problem in problems:
            print(annotation(problem, _workspace(root)), file=out)
        print(summary(problems, catalogue), file=out)
    else:
        for problem in problems:
            print(problem.format(root), file=err)
        print(summary(problems, catalogue), file=err if errors else out)
    return 1 if errors else 0


def summary(problems: Sequence[Problem], catalogue: Catalogue | None) -> str:
    """The last line of a check: counts of items, errors and warnings."""
    errors = sum(p.severity == "error" for p in problems)
    warnings = sum(p.severity == "warning" for p in problems)
    if errors or catalogue is None:
        return f"playbook: {errors} error(s), {warnings} warning(s)"
    c = catalogue
    line = f"{_count(len(c.plays), 'play')}, {_count(len(c.vignettes), 'vignette')}, {_count(len(c.toolkit), 'toolkit item')}"
    line += f": no errors, {warnings} warning(s)"
    for language, (done, total) in coverage(c).items():
        line += f"\ntranslation {language}: {done} of {total} items translated ({round(100 * done / total) if total else 100}%)"
        line += ", the rest shown in the default language with a notice" if done < total else ""
    return line


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def as_json(problems: Sequence[Problem], catalogue: Catalogue | None, root: Path) -> dict[str, Any]:
    """The result of a check as plain data, stable from run to run."""
    errors = sum(p.severity == "error" for p in problems)
    counts = None
    if catalogue is not None:
        counts = {"plays": len(catalogue.plays), "vignettes": len(catalogue.vignettes), "toolkit": len(catalogue.toolkit)}
    return {
        "ok": errors == 0,
        "errors": errors,
        "warnings": sum(p.severity == "warning" for p in problems),
        "counts": counts,
        "problems": [
            {
                "file": _relative(p.path, root),
                "line": p.line,
                "column": p.column,
                "field": p.field,
                "severity": p.severity,
                "message": p.message,
                "hint": p.hint,
                "text": p.format(root),
            }
            for p in problems
        ],
    }


def annotation(problem: Problem, base: Path) -> str:
    """One GitHub workflow command, e.g. `::error file=plays/x.yml,line=3,col=9,title=status::...`."""
    level = {"warning": "warning", "note": "notice"}.get(problem.severity, "error")
    properties = {
        "file": _relative(problem.path, base),
        "line": str(problem.line),
        "col": str(problem.column),
        "title": problem.field or "playbook check",
    }
    text = problem.message + (f" ({problem.hint})" if problem.hint else "")
    listed = ",".join(f"{key}={_escape(value, property_value=True)}" for key, value in properties.items())
    return f"::{level} {listed}::{_escape(text)}"


def _escape(value: str, property_value: bool = False) -> str:
    # GitHub's rules for workflow command data and property values.
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def _workspace(root: Path) -> Path:
    """The folder annotation paths are relative to: the checked-out repository."""
    workspace = os.environ.get("GITHUB_WORKSPACE")
    return Path(workspace).resolve() if workspace else Path.cwd().resolve()


def _relative(path: Path, base: Path) -> str:
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
