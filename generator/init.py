"""`playbook init DIR`: a ready-to-edit playbook folder that `check` and `build` accept at once."""

from __future__ import annotations

from pathlib import Path

from . import __version__
from .errors import ConfigError
from .jsonschema import write as write_schemas

STARTER = Path(__file__).parent / "starter"
# Files shipped without their leading dot (package data skips hidden files), and their real names.
DOTTED = {"gitignore": ".gitignore", "pre-commit-config.yaml": ".pre-commit-config.yaml", "github": ".github"}


def init_playbook(target: Path) -> list[str]:
    """Write the starter playbook into `target` (new or empty); return the files written, relative to it."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ConfigError(f"{target}: already exists and is not empty; choose a new folder")
    target.mkdir(parents=True, exist_ok=True)
    written: list[str] = []
    for source in sorted(STARTER.rglob("*")):
        if source.is_dir() or "__pycache__" in source.parts:
            continue
        relative = source.relative_to(STARTER)
        parts = [DOTTED.get(relative.parts[0], relative.parts[0]), *relative.parts[1:]]
        path = target.joinpath(*parts)
        path.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_text(encoding="utf-8")
        if parts[0] == ".github":
            # The workflow installs the generator version that wrote the folder.
            text = text.replace("{version}", __version__)
        path.write_text(text, encoding="utf-8")
        written.append(path.relative_to(target).as_posix())
    # The editor schemas follow this playbook's own strategies and facets.
    written += write_schemas(target)
    return sorted(written)
