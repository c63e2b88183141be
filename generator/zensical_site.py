"""Build a language's site with Zensical instead of MkDocs, from the same configuration.

Zensical (the successor of Material for MkDocs) reads mkdocs.yml and the
generated Markdown; it wants its docs and site folders inside the folder of
its configuration file, so the build runs in build/ and the finished site is
moved to where MkDocs would have written it. What differs from MkDocs is
listed in README.md ("Two engines").
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from .errors import BuildError
from .site_config import merge

# Zensical's own "modern" look fails axe colour contrast on the home and browse pages; the classic one passes.
ZENSICAL_SETTINGS: dict[str, Any] = {"theme": {"variant": "classic"}}


def zensical_command() -> list[str]:
    """How to run Zensical: the executable beside this Python, or on the PATH."""
    beside = Path(sys.executable).with_name("zensical")
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("zensical")
    if found:
        return [found]
    raise BuildError("Zensical is not installed: pip install 'stem-playbook[zensical]' (or zensical==0.0.73)")


def build_site_zensical(config_data: dict[str, Any], docs_dir: Path, site_dir: Path, theme_dir: Path) -> None:
    """Build one language's site from `docs_dir` into `site_dir` with Zensical, in strict mode."""
    project = docs_dir.parent
    work = Path(tempfile.mkdtemp(prefix=".zensical-", dir=project))
    try:
        relative = {
            "docs_dir": os.path.relpath(docs_dir, project),
            "site_dir": os.path.relpath(work / "site", project),
            "theme": {"custom_dir": os.path.relpath(theme_dir, project)},
        }
        data = merge(merge(config_data, ZENSICAL_SETTINGS), relative)
        # Zensical reads docs_dir and site_dir relative to its configuration file, which must sit above both.
        config = project / f"{work.name}.yml"
        config.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        done = subprocess.run(
            [*zensical_command(), "build", "--strict", "--clean", "--config-file", str(config)],
            cwd=project,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0 or not (work / "site" / "index.html").is_file():
            details = "\n".join(f"  {line}" for line in (done.stdout + done.stderr).splitlines()[-20:])
            raise BuildError(f"Zensical could not build the site (exit {done.returncode})\n{details}".rstrip())
        site_dir.mkdir(parents=True, exist_ok=True)
        for entry in (work / "site").iterdir():
            shutil.move(str(entry), site_dir / entry.name)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        (project / f"{work.name}.yml").unlink(missing_ok=True)
