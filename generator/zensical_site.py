"""Build a language's site with Zensical instead of MkDocs, from the same configuration.

Zensical (the successor of Material for MkDocs) reads mkdocs.yml, Material's
theme overrides (custom_dir) and the generated Markdown. It takes no
command-line overrides and wants its docs and site folders inside the folder
of its configuration file, so the build writes a scratch configuration into
build/, runs `zensical build --strict` there in a child process, and moves the
finished site to where MkDocs would have written it. What differs from MkDocs
is listed in README.md ("Two engines").
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from .errors import BuildError
from .site_config import merge
from .zensical_search_css import write_search_stylesheet

# Zensical's default "modern" look restyles the site and fails axe colour contrast on the home and
# browse pages; "classic" is Material's look.
ZENSICAL_SETTINGS: dict[str, Any] = {"theme": {"variant": "classic"}}
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def zensical_command() -> list[str]:
    """How to run Zensical: the executable beside this Python, or on the PATH."""
    beside = Path(sys.executable).with_name("zensical")
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("zensical")
    if found:
        return [found]
    raise BuildError("Zensical is not installed: pip install 'stem-playbook[zensical]' (or build with --engine mkdocs)")


def build_site_zensical(config_data: dict[str, Any], docs_dir: Path, site_dir: Path, theme_dir: Path) -> None:
    """Build one language's site from `docs_dir` into `site_dir` with Zensical, in strict mode."""
    project = docs_dir.parent
    work = Path(tempfile.mkdtemp(prefix=".zensical-", dir=project))
    config = project / f"{work.name}.yml"
    cache, had_cache = project / ".cache", (project / ".cache").exists()
    try:
        # Relative folders: Zensical 0.0.73 stops on absolute ones.
        relative = {
            "docs_dir": os.path.relpath(docs_dir, project),
            "site_dir": os.path.relpath(work / "site", project),
            "theme": {"custom_dir": os.path.relpath(theme_dir, project)},
        }
        data = merge(merge(config_data, ZENSICAL_SETTINGS), relative)
        config.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        done = subprocess.run(
            [*zensical_command(), "build", "--strict", "--config-file", str(config)],
            cwd=project,
            capture_output=True,
            text=True,
            check=False,
        )
        # Zensical colours its diagnostics and ends a failed build with its own traceback: keep the diagnostics, as text.
        said = _ANSI.sub("", done.stdout + done.stderr).split("Traceback (most recent call last)")[0].strip()
        if done.returncode != 0 or not (work / "site" / "index.html").is_file():
            details = "\n".join(f"  {line}" for line in said.splitlines()[-20:])
            raise BuildError(f"Zensical could not build the site (exit {done.returncode}):\n{details}".rstrip())
        # Zensical writes its own search index whatever the plugins say; the site's search is Pagefind's (search.py).
        (work / "site" / "search.json").unlink(missing_ok=True)
        write_search_stylesheet(work / "site")
        site_dir.mkdir(parents=True, exist_ok=True)
        for entry in (work / "site").iterdir():
            shutil.move(str(entry), site_dir / entry.name)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        config.unlink(missing_ok=True)
        if not had_cache:
            shutil.rmtree(cache, ignore_errors=True)
