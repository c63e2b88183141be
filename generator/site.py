"""Run MkDocs (Material) over the generated Markdown."""

from __future__ import annotations

import io
import logging
from pathlib import Path
from typing import Any

import yaml

from .errors import BuildError, EnvironmentFailure
from .site_config import merge

MKDOCS_FILE = "mkdocs.yml"


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_site(config_data: dict[str, Any], docs_dir: Path, site_dir: Path, theme_dir: Path) -> None:
    """Build one language's site from `docs_dir` into `site_dir` in strict mode; any warning fails."""
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
        text = yaml.safe_dump(merge(config_data, {"theme": {"custom_dir": str(theme_dir)}}), allow_unicode=True)
        config = load_config(config_file=io.StringIO(text), docs_dir=str(docs_dir), site_dir=str(site_dir), strict=True)
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
