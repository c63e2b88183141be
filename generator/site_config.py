"""The MkDocs configuration, written by the generator from playbook.yml.

One configuration per language: the default language's site at the root, each
other language's in a folder named by its code. A collective's own mkdocs.yml
is optional and holds theme overrides only; it is merged over these.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from markupsafe import escape

from .errors import ConfigError
from .i18n import N_, Messages
from .interface import theme_messages
from .models import Config

OVERRIDES_FILE = "mkdocs.yml"
# What playbook.yml sets: a collective's mkdocs.yml may not set it a second time.
OWNED = ("site_name", "site_url", "docs_dir", "site_dir", "nav", "theme.language", "theme.palette", "theme.custom_dir", "extra.alternate")


def theme_language(code: str) -> str:
    """The Material language that serves a BCP 47 code: itself, its base language, or English."""
    try:
        import material  # type: ignore[import-untyped]

        folder = Path(material.__file__).parent / "templates" / "partials" / "languages"
    except ImportError:  # pragma: no cover - Material is a dependency
        return code
    for candidate in (code, code.split("-")[0]):
        if (folder / f"{candidate}.html").is_file():
            return candidate
    return "en"


def site_folder(config: Config, language: str) -> str:
    """Where a language's site goes inside the site folder: '' for the default, else its code."""
    return "" if language == config.default_language else language


def mkdocs_config(config: Config, language: str, messages: Messages, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """The whole MkDocs configuration of one language's site."""
    kinds = config.kinds
    pages = [
        {messages.gettext("Home"): "index.md"},
        "browse.md",
        *(["map.md"] if config.facets else []),
        "strategies/index.md",
        *(["vignettes/index.md"] if kinds.vignettes else []),
        *(["soundbites.md"] if kinds.soundbites else []),
        *(["toolkit/index.md"] if kinds.toolkit else []),
        "news.md",
        "plan.md",
        "tags.md",
        "reference.md",
        "about.md",
    ]
    palette = [
        {
            "media": f"(prefers-color-scheme: {scheme})",
            "scheme": name,
            "primary": config.theme.primary,
            "accent": config.theme.accent,
            "toggle": {"icon": icon, "name": messages.gettext(label)},
        }
        for scheme, name, icon, label in (
            ("light", "default", "material/weather-night", N_("Switch to dark mode")),
            ("dark", "slate", "material/weather-sunny", N_("Switch to light mode")),
        )
    ]
    here = site_folder(config, language)
    alternate = [
        {"name": messages.language_name(code), "lang": code, "link": _relative(here, site_folder(config, code))}
        for code in config.languages
    ]
    generated: dict[str, Any] = {
        "site_name": config.title,
        # Pages without a summary of their own describe themselves with the tagline;
        # the theme prints it unescaped into an attribute, so it is escaped here.
        "site_description": str(escape(config.tagline)),
        **({"site_url": config.url_of(language)} if config.site_url else {}),
        "strict": True,
        "use_directory_urls": True,
        "theme": {
            "name": "material",
            "language": theme_language(language),
            # No web fonts: the site must not load anything from another host.
            "font": False,
            "features": [
                "navigation.instant",
                "navigation.tracking",
                "navigation.top",
                "navigation.prune",
                "toc.follow",
            ],
            "palette": palette,
            **({"logo": config.theme.logo} if config.theme.logo else {}),
        },
        # No MkDocs plugin: search is Pagefind, indexed by the generator after the site is built
        # (generator/search.py) and shown by the theme's partials/pagefind.html. An empty list,
        # not no key: MkDocs would add its search plugin by default.
        "plugins": [],
        "extra": {
            # The footer names the playbook, not the tools it is made with.
            "generator": False,
            "messages": theme_messages(messages, config),
            **({"alternate": alternate} if len(config.languages) > 1 else {}),
        },
        "extra_css": [
            "assets/stylesheets/playbook.css",
            "assets/stylesheets/print.css",
            "assets/stylesheets/accessibility.css",
            "assets/stylesheets/browse.css",
            "assets/stylesheets/overview.css",
        ],
        "extra_javascript": [
            "assets/javascripts/browse.js",
            "assets/javascripts/map.js",
            "assets/javascripts/plan.js",
            "assets/javascripts/checklist.js",
        ],
        "markdown_extensions": [
            "abbr",
            "admonition",
            "attr_list",
            "footnotes",
            "md_in_html",
            "tables",
            {"toc": {"permalink": False}},
            "pymdownx.details",
            "pymdownx.tasklist",
        ],
        "nav": pages,
        "validation": {
            "nav": {"omitted_files": "info", "not_found": "warn", "absolute_links": "warn"},
            "links": {"not_found": "warn", "anchors": "warn", "absolute_links": "warn", "unrecognized_links": "warn"},
        },
    }
    return merge(generated, overrides or {})


def _relative(here: str, there: str) -> str:
    """The address of site folder `there` from site folder `here` ('' is the root)."""
    up = "../" if here else ""
    return f"{up}{there}/" if there else (up or "./")


def read_overrides(root: Path) -> dict[str, Any]:
    """The collective's own mkdocs.yml (theme overrides only), or {}."""
    path = root / OVERRIDES_FILE
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read as YAML: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of MkDocs settings, found {type(data).__name__}")
    for key in OWNED:
        head, _, tail = key.partition(".")
        value = data.get(head)
        if (not tail and head in data) or (tail and isinstance(value, dict) and tail in value):
            raise ConfigError(f"{path}: '{key}' is set by the generator from playbook.yml; set it there, not here")
    return data


def merge(base: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    """`overrides` over `base`: mappings merge key by key, anything else replaces."""
    result = dict(base)
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merge(result[key], value)
        else:
            result[key] = value
    return result


def write_mkdocs_config(path: Path, data: dict[str, Any], docs_dir: str, site_dir: str, custom_dir: str) -> Path:
    """Write one language's configuration, with its folders, relative to the file."""
    data = merge(data, {"docs_dir": docs_dir, "site_dir": site_dir, "theme": {"custom_dir": custom_dir}})
    header = "# Written by `playbook generate` from playbook.yml; edit playbook.yml (or mkdocs.yml for theme overrides), not this file.\n"
    path.write_text(header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
