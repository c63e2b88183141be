"""Run Zensical instead of MkDocs over the generated Markdown (`playbook build --engine zensical`).

Zensical reads MkDocs' configuration format, Material's theme overrides
(custom_dir) and the same Markdown extensions, so the generated docs, the
theme folder and mkdocs.yml serve both engines. Zensical takes no
command-line overrides: the playbook's mkdocs.yml is copied to a scratch file
beside it with this build's folders and the playbook's title and address
filled in, and `zensical build --strict` runs on that copy in a child process;
the copy, and Zensical's cache (`.cache`) unless it was there before, are then
removed.

The differences from the MkDocs build are listed in README.md ("Build engines").
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
from .site import mkdocs_config_file
from .zensical_search_css import write_search_stylesheet

# Zensical's "classic" look is Material's; its default ("modern") restyles the header and the palette.
VARIANT = "classic"
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def zensical_config(root: Path, docs_dir: Path, site_dir: Path, site_name: str, site_url: str = "") -> dict[str, Any]:
    """The playbook's mkdocs.yml as Zensical gets it: this build's folders, the playbook's title and address."""
    config: dict[str, Any] = yaml.safe_load(mkdocs_config_file(root).read_text(encoding="utf-8"))
    # Relative to the playbook folder, where the copy is written: Zensical 0.0.73 stops on absolute folders.
    config.update(docs_dir=os.path.relpath(docs_dir, root), site_dir=os.path.relpath(site_dir, root), site_name=site_name)
    if site_url:
        config["site_url"] = site_url
    config.setdefault("theme", {}).setdefault("variant", VARIANT)
    return config


def _command() -> list[str]:
    """Zensical's command line, from the same environment as the generator."""
    beside = Path(sys.executable).with_name("zensical")
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("zensical")
    if found is None:
        raise BuildError("Zensical is not installed: pip install 'zensical==0.0.73' (or build with --engine mkdocs)")
    return [found]


def build_site_zensical(root: Path, docs_dir: Path, site_dir: Path, site_name: str, site_url: str = "") -> None:
    """Build the site from `docs_dir` into `site_dir` with Zensical in strict mode; a warning fails."""
    command = _command()
    # Zensical wants the site inside its project folder (the configuration's) and keeps its cache there.
    handle, name = tempfile.mkstemp(prefix=".zensical-", suffix=".yml", dir=root)
    config, cache = Path(name), root / ".cache"
    had_cache = cache.exists()
    try:
        with open(handle, "w", encoding="utf-8") as file:
            yaml.safe_dump(zensical_config(root, docs_dir, site_dir, site_name, site_url), file, sort_keys=False)
        done = subprocess.run([*command, "build", "--strict", "--config-file", str(config)], cwd=root, capture_output=True, text=True)
    finally:
        config.unlink(missing_ok=True)
        if not had_cache:
            shutil.rmtree(cache, ignore_errors=True)
    # Zensical colours its diagnostics and ends a failed build with its own traceback: keep the diagnostics, as text.
    said = _ANSI.sub("", done.stdout + done.stderr).split("Traceback (most recent call last)")[0].strip()
    if done.returncode != 0 or not (site_dir / "index.html").is_file():
        raise BuildError(f"Zensical could not build the site (exit {done.returncode}):\n{said}")
    # Zensical writes its own search index whatever the plugins say; the site's search is Pagefind's (search.py).
    (site_dir / "search.json").unlink(missing_ok=True)
    write_search_stylesheet(site_dir)
