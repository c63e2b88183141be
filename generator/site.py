"""Run MkDocs (Material) over the generated Markdown."""

from __future__ import annotations

import logging
from pathlib import Path

from .errors import BuildError, ConfigError, EnvironmentFailure

MKDOCS_FILE = "mkdocs.yml"


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def mkdocs_config_file(root: Path) -> Path:
    """The playbook folder's mkdocs.yml, which must exist."""
    path = root / MKDOCS_FILE
    if not path.is_file():
        raise ConfigError(f"{path}: not found; a playbook folder needs a mkdocs.yml (copy the one from the generator's repository)")
    return path


def build_site(root: Path, docs_dir: Path, site_dir: Path, site_name: str, site_url: str = "") -> None:
    """Build the site from `docs_dir` into `site_dir` in strict mode; any warning fails.

    The playbook's site_url, when set, also goes to MkDocs: Material's instant
    navigation only follows links listed in the sitemap, which needs it.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    logger = logging.getLogger("mkdocs")
    handler = _Collect()
    logger.addHandler(handler)
    level, propagate = logger.level, logger.propagate
    # Warnings are collected and reported once, in the BuildError, not printed as they come.
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        config = load_config(
            config_file=str(mkdocs_config_file(root)),
            docs_dir=str(docs_dir),
            site_dir=str(site_dir),
            site_name=site_name,
            strict=True,
            **({"site_url": site_url} if site_url else {}),
        )
        build(config)
    except OSError as exc:
        raise EnvironmentFailure(f"MkDocs could not write the site: {exc}") from exc
    except MkDocsException as exc:
        details = "\n".join(f"  {m}" for m in handler.messages)
        raise BuildError(f"MkDocs could not build the site: {exc}\n{details}".rstrip()) from exc
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate
