"""Render the validated catalogue into Markdown pages through Jinja templates.

This module owns the one Jinja environment. Templates receive models only,
never raw YAML; contributor Markdown reaches them already sanitized.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from babel.dates import format_date
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from . import schema
from .body_links import page_of, rewrite
from .export import uses_directory_urls
from .i18n import Messages
from .interface import browse_messages, group_title, label, plan_messages
from .markup import render_markdown
from .models import Catalogue, Config, Play, Vignette
from .news import news
from .overview import evidence_map, map_facets

TEMPLATES = Path(__file__).parent / "templates"
# A task-list item as pymdownx.tasklist writes it: a disabled, unlabelled checkbox, then the text.
_TASK = re.compile(r'<li class="task-list-item"><input type="checkbox" disabled(?:="")?( checked(?:="")?)?>(.*?)(?=<ul|<ol|</li>)', re.S)
# Characters Python-Markdown (with tables) treats as syntax; escaped in plain text.
_MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def markdown_text(value: Any) -> Markup:
    """Plain text made safe to place in Markdown: no HTML, no Markdown syntax."""
    text = " ".join(str(value).split())
    # Backslash-escape Markdown first, then HTML: the other order would
    # escape the '#' of entities such as &#39; and show them literally.
    return escape(_MARKDOWN_SYNTAX.sub(r"\\\1", text))


def markdown_with_code(value: Any) -> Markup:
    """Plain text made safe for Markdown like `markdown_text`, except `code spans`, kept as code."""
    parts = re.split(r"(`[^`]+`)", str(value))

    def plain(part: str) -> str:
        # Keep the spaces around a code span, which markdown_text would trim.
        lead, tail = (" " if part[:1].isspace() else ""), (" " if part[-1:].isspace() else "")
        return lead + markdown_text(part) + tail if part.strip() else part

    return Markup("".join(escape(p) if p.startswith("`") and p.endswith("`") and len(p) > 1 else plain(p) for p in parts))


def excerpt(text: str, length: int = 160) -> str:
    """The first paragraph of contributor Markdown as plain text, cut at a word near `length`, for meta descriptions."""
    html = render_markdown(text)
    paragraph = next((p for p in re.findall(r"<p>(.*?)</p>", html, re.S)), html)
    plain = " ".join(Markup(paragraph).striptags().split())
    if len(plain) <= length:
        return plain
    return plain[:length].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def tickable(html: str) -> str:
    """Task-list checkboxes a reader can tick: enabled, each named by its item's text (checklist.js remembers them).

    The text stays outside any <label>: Pagefind leaves label text out of the
    search index, and a checklist's words must be found. aria-labelledby names the box.
    """
    digest = hashlib.sha1(html.encode("utf-8")).hexdigest()[:8]
    numbers = itertools.count(1)

    def item(match: re.Match[str]) -> str:
        ident = f"pb-task-{digest}-{next(numbers)}"
        return (
            f'<li class="task-list-item pb-check"><input type="checkbox"{match[1] or ""} aria-labelledby="{ident}">'
            f' <span id="{ident}">{match[2].strip()}</span>'
        )

    return _TASK.sub(item, html)


def icon(name: str) -> Markup:
    """A decorative icon (a CSS mask of one of assets/icons/*.svg); text always goes beside it."""
    return Markup(f'<span class="pb-icon pb-icon--{name}" aria-hidden="true"></span>')


def _json(value: Any) -> Markup:
    return Markup(json.dumps(value, ensure_ascii=False))


def template_environment(folder: Path, messages: Messages | None = None, config: Config | None = None, **options: Any) -> Environment:
    """The project's Jinja settings for one template folder: autoescape on, no silent undefined values.

    With `messages`, templates speak that language: `_()`, `ngettext()` and
    `pgettext()` (Jinja's i18n extension, new style: values are escaped),
    `noun("play", n)` / `Noun(...)` for the playbook's own nouns and
    `label("enacted")` for its labels.
    """
    env = Environment(
        loader=FileSystemLoader(folder),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
        **options,
    )
    if messages is not None:
        words = messages.translations
        env.install_gettext_callables(  # type: ignore[attr-defined]
            words.gettext, words.ngettext, newstyle=True, pgettext=words.pgettext, npgettext=words.npgettext
        )
        env.globals.update(noun=messages.noun, Noun=lambda kind, count=1: messages.noun(kind, count, capital=True))
        if config is not None:
            env.globals["label"] = lambda name: label(config, messages, name)
            env.globals["group_title"] = lambda strategy: group_title(messages, config, strategy)
            env.globals["evidence_map"] = evidence_map
    return env


class Renderer:
    """Turns a catalogue into {relative path: Markdown text}."""

    def __init__(self, catalogue: Catalogue, messages: Messages, downloads: Iterable[str] = ()) -> None:
        self.catalogue = catalogue
        self.messages = messages
        self.page, self.directory_urls = "", uses_directory_urls(catalogue.root)
        self.env = template_environment(TEMPLATES, messages, catalogue.config, keep_trailing_newline=True)
        self.env.filters["md"] = markdown_text
        self.env.filters["markdown"] = self.markdown
        self.env.filters["json"] = _json
        self.env.filters["t"] = messages.gettext
        self.env.filters["md_code"] = markdown_with_code
        self.env.filters["excerpt"] = excerpt
        # JSON for an HTML attribute: a plain string, so autoescape turns its quotes into entities.
        self.env.filters["json_text"] = lambda value: json.dumps(value, ensure_ascii=False)
        self.env.globals.update(
            icon=icon,
            catalogue=catalogue,
            config=catalogue.config,
            kinds=catalogue.config.kinds,
            untranslated=catalogue.untranslated,
            facet_label=self.facet_label,
            kind_name=lambda kind: messages.pgettext("toolkit kind", kind),
            edit_url=self.edit_url,
            schema=schema,
            tag_anchor=tag_anchor,
            # Files the build's extra outputs wrote into docs/, e.g. "downloads/toolkit.pdf".
            downloads=frozenset(downloads),
            browse_messages=browse_messages(messages),
            # Issue #13: the evidence map, what's new and the plan.
            href=self.href,
            news=lambda limit=None: news(catalogue, limit),
            long_date=lambda day: format_date(day, format="long", locale=messages.locale),
            plan_messages=plan_messages(messages, label(catalogue.config, messages, "toolkit")),
            feedback_url=self.feedback_url,
        )

    def markdown(self, text: str, owner: str = "", key: str = "", field: str = "") -> Markup:
        """Contributor Markdown as a sanitized raw-HTML block, its relative links rewritten for the page.

        A body shown in the default language because it is not translated is
        marked with that language, so a screen reader pronounces it right.
        """
        html = tickable(rewrite(render_markdown(text, id_prefix=f"pb-{owner}-" if owner else ""), self.page, self.directory_urls))
        config = self.catalogue.config
        fallback = field in self.catalogue.untranslated.get(key, ())
        lang = f' lang="{config.default_language}"' if fallback and config.language != config.default_language else ""
        return Markup(f'<div class="pb-prose"{lang} markdown="0">\n{html}\n</div>')

    def facet_label(self, facet_id: str, value_id: str) -> str:
        """The label of one facet value."""
        return next(f for f in self.catalogue.config.facets if f.id == facet_id).label_of(value_id)

    def edit_url(self, source: Path) -> str:
        """Address of a content file in the repository's web editor, or ''."""
        config = self.catalogue.config
        if not config.repository:
            return ""
        relative = source.relative_to(self.catalogue.root).as_posix()
        return f"{config.repository.rstrip('/')}/edit/{config.edit_branch}/{relative}"

    def href(self, target: str, query: dict[str, str] | None = None, up: int = 0) -> str:
        """The address of page `target` ("browse.md") from a top-level page (`up` folders deeper), for raw HTML MkDocs does not rewrite."""
        from .export import uses_directory_urls  # export imports this module

        stem = target.removesuffix(".md")
        address = "../" * (up + 1) + f"{stem}/" if uses_directory_urls(self.catalogue.root) else "../" * up + f"{stem}.html"
        return address + ("?" + urlencode(query) if query else "")

    def feedback_url(self, kind: str, item: Play | Vignette, suggest: bool = False) -> str:
        """A new issue in the playbook's repository about one play or vignette, or '' when playbook.yml names no repository."""
        config, m = self.catalogue.config, self.messages
        if not config.repository:
            return ""
        folder = "plays" if kind == "play" else "vignettes"
        # The published page when the site has an address, else the file in the repository.
        if config.site_url:
            where = f"{config.url_of(config.language)}{folder}/{item.id}/"
        else:
            where = item.source.relative_to(self.catalogue.root).as_posix()
        values = {"kind": m.noun(kind), "title": item.title, "address": where}
        if suggest:
            subject = m.gettext("Suggested change: %(title)s", title=item.title)
            body = m.gettext("A change I suggest to the %(kind)s \"%(title)s\" (%(address)s):", **values)
        else:
            subject = m.gettext("How it went: %(title)s", title=item.title)
            body = m.gettext("How the %(kind)s \"%(title)s\" (%(address)s) went for us:", **values)
        return f"{config.repository.rstrip('/')}/issues/new?" + urlencode({"title": subject, "body": body + "\n\n"}, quote_via=quote)

    def render(self, template: str, **context: Any) -> str:
        """Render one template with the given context."""
        self.page = page_of(template, context)  # bodies' relative links are rewritten for this page
        return self.env.get_template(template).render(**context)

    def pages(self) -> Iterator[tuple[str, str]]:
        """Every generated page as (path inside docs/, Markdown)."""
        catalogue = self.catalogue
        yield "index.md", self.render("home.md.j2")
        yield "browse.md", self.render("browse.md.j2")
        if catalogue.config.facets:
            yield "map.md", self.render("map.md.j2", maps=[evidence_map(catalogue, f) for f in map_facets(catalogue)])
        yield "news.md", self.render("news.md.j2")
        yield "plan.md", self.render("plan.md.j2")
        yield "strategies/index.md", self.render("strategies.md.j2")
        for strategy in catalogue.config.strategies:
            yield f"strategies/{strategy.id}.md", self.render("strategy.md.j2", strategy=strategy)
        for play in catalogue.plays.values():
            yield f"plays/{play.id}.md", self.render("play.md.j2", play=play, strategy=catalogue.strategy(play.strategy))
        kinds = catalogue.config.kinds
        if kinds.vignettes:
            yield "vignettes/index.md", self.render("vignettes.md.j2")
            for vignette in catalogue.vignettes.values():
                yield f"vignettes/{vignette.id}.md", self.render("vignette.md.j2", vignette=vignette)
        if kinds.soundbites:
            yield "soundbites.md", self.render("soundbites.md.j2")
        if kinds.toolkit:
            yield "toolkit/index.md", self.render("toolkit.md.j2")
            for item in catalogue.toolkit.values():
                yield f"toolkit/{item.id}.md", self.render("toolkit_item.md.j2", item=item)
        yield "tags.md", self.render("tags.md.j2", tags=tag_index(catalogue))
        yield "about.md", self.render("about.md.j2")
        yield "reference.md", self.render("reference.md.j2", field_kinds=schema.KINDS)


def tag_index(catalogue: Catalogue) -> dict[str, list[Play]]:
    """Tag -> plays carrying it, both sorted."""
    index: dict[str, list[Play]] = {}
    for play in sorted(catalogue.plays.values(), key=lambda p: p.title.lower()):
        for tag in play.tags:
            index.setdefault(tag, []).append(play)
    return dict(sorted(index.items()))


def tag_anchor(tag: str) -> str:
    """The anchor of a tag on the tags page."""
    return "tag-" + re.sub(r"[^a-z0-9]+", "-", tag.lower()).strip("-")
