"""Material's styles for its search box, for a Zensical site: Zensical ships none (its search is another component).

The search box (theme partials/pagefind.html) is Material's markup, so under
MkDocs Material's stylesheet already draws it. Zensical's does not; this takes
the rules that style that markup out of the installed Material stylesheet
(every rule whose selector names an `md-search` class, inside its @media
block, and the `--md-search-*` custom properties) and writes them as one
stylesheet, which main.html links only in a Zensical build.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tinycss2  # type: ignore[import-untyped]

STYLESHEET = "assets/stylesheets/material-search.css"
_MARK = "md-search"


def _material_stylesheet() -> Path:
    import material  # type: ignore[import-untyped]

    folder = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    return next(folder.glob("main.*.min.css"))


def _kept(rule: Any) -> str:
    """The part of one rule that styles the search box, as CSS ("" for none)."""
    if rule.type == "qualified-rule":
        if _MARK in tinycss2.serialize(rule.prelude):
            return str(rule.serialize())
        # Custom properties the search rules use (the result icon), declared on :root with many others.
        declarations = tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
        kept = [d.serialize() for d in declarations if d.type == "declaration" and d.name.startswith("--" + _MARK)]
        return f"{tinycss2.serialize(rule.prelude).strip()}{{{';'.join(kept)}}}" if kept else ""
    if rule.type == "at-rule" and rule.lower_at_keyword == "media" and rule.content is not None:
        inner = "".join(_kept(r) for r in tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))
        return f"@media {tinycss2.serialize(rule.prelude).strip()}{{{inner}}}" if inner else ""
    return ""


def search_stylesheet() -> str:
    """Material's search-box rules, from the installed Material, as one stylesheet."""
    rules = tinycss2.parse_stylesheet(_material_stylesheet().read_text(encoding="utf-8"), skip_comments=True, skip_whitespace=True)
    return "/* Material for MkDocs' search-box styles (MIT), for Zensical builds; see generator/zensical_search_css.py. */\n" + "\n".join(
        css for css in map(_kept, rules) if css
    )


def write_search_stylesheet(site_dir: Path) -> None:
    """Put the stylesheet where main.html links it."""
    target = site_dir / STYLESHEET
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(search_stylesheet() + "\n", encoding="utf-8")
