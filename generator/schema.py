"""The content model as data: every field of every content kind, declared once.

The validator, the JSON Schemas for editors and the site's field reference
are all generated from these declarations, so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# A git branch name that is also safe inside a Markdown link: no spaces, brackets or "..".
BRANCH_PATTERN = r"^(?!.*\.\.)(?!.*\.lock$)[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*$"
# A BCP 47 language tag such as en, es-419 or zh-Hant.
LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
STATUSES = ("enacted", "aspirational")
TOOLKIT_KINDS = ("video", "document", "template", "checklist", "guide", "link")
# Past this many characters a title draws a warning: real playbooks use up to 160.
TITLE_LENGTH = 160
# Scaffolded files carry this word where a person must write something;
# `playbook check` reports every value that still holds it.
PLACEHOLDER = "TODO"

# What each type is called in messages and in the field reference.
TYPE_NAMES = {
    "string": "text",
    "markdown": "Markdown text",
    "integer": "a whole number",
    "boolean": "true or false",
    "date": "a date (YYYY-MM-DD)",
    "url": "a web address (https://... or mailto:...)",
    "id": "an id (lowercase letters, digits and hyphens)",
    "ids": "a list of ids",
    "strings": "a list of texts",
    "choice": "one of a fixed set of words",
    "facets": "a mapping of facet to values",
    "object": "a mapping of fields",
    "objects": "a list of mappings",
    "language": "a BCP 47 language code (en, es, es-MX)",
    "languages": "a list of BCP 47 language codes",
    "nouns": "a mapping of noun to its forms (one, other)",
    "messages": "a mapping of message to its replacement",
}


@dataclass(frozen=True)
class Field:
    """One field of a content kind.

    `type` is one of: string, markdown, integer, boolean, date, url, id,
    ids (a list of ids), strings (a list of strings), choice (one of
    `choices`), facets (facet id -> list of value ids), object (a mapping
    with `fields`) and objects (a list of such mappings). `choices` is either
    a fixed tuple or the name of a vocabulary that comes from the playbook's
    configuration (e.g. "strategy").
    """

    name: str
    type: str
    description: str
    required: bool = False
    choices: tuple[str, ...] | str | None = None
    refers_to: str | None = None
    max_length: int | None = None
    min_items: int = 0
    fields: tuple[Field, ...] = ()
    example: Any = None
    minimum: int | None = None
    maximum: int | None = None
    # What `playbook new` writes for the field, when more helpful than a bare placeholder.
    starter: str | None = None
    # Text the theme prints without escaping (the site's name): no <, > or ".
    plain: bool = False
    # A form the text must have (a branch name, a language code), and its name for messages.
    pattern: str | None = None
    pattern_name: str = ""

    def kind_of_value(self) -> str:
        """What the field holds, in words: "text", "a list of play ids"."""
        if self.refers_to:
            noun = "toolkit item" if self.refers_to == "toolkit" else self.refers_to
            return f"a list of {noun} ids" if self.type == "ids" else f"a {noun} id"
        if self.type == "choice" and isinstance(self.choices, str):
            return f"a {self.choices} id"
        if self.type == "choice" and self.choices:
            return "one of " + ", ".join(self.choices)
        return TYPE_NAMES[self.type]


SOUNDBITE = (
    Field("quote", "string", "The words, as said; no quotation marks needed.", required=True, max_length=400),
    Field("speaker", "string", "Who said it, by role (\"Ecosystem lead\"), never a name without consent.", required=True, max_length=80),
    Field("organisation", "string", "The speaker's organisation or ecosystem, if they agreed to be named.", max_length=120),
    Field("cohort", "string", "The cohort the speaker's ecosystem belongs to, e.g. \"Cohort 1\".", max_length=40),
)

PLAY = (
    Field(
        "title",
        "string",
        "The play as an action: what an ecosystem does.",
        required=True,
        max_length=TITLE_LENGTH,
        example="Host a joint information session",
    ),
    Field("strategy", "choice", "The strategy the play belongs to (an id from playbook.yml).", required=True, choices="strategy"),
    Field("status", "choice", "enacted: tried by member ecosystems; aspirational: a new, untested idea.", required=True, choices=STATUSES),
    Field("summary", "string", "One or two sentences, shown on cards and in search results.", required=True, max_length=400),
    Field(
        "body",
        "markdown",
        "Why the play matters and how to start, in Markdown (## headings).",
        required=True,
        starter=f"## Why it matters\n\n{PLACEHOLDER}\n\n## How to start\n\n{PLACEHOLDER}\n",
    ),
    Field("steps", "strings", "The steps, in order, each a short instruction.", required=True, min_items=1),
    Field("facets", "facets", "Values for each facet defined in playbook.yml.", required=True),
    Field("soundbites", "objects", "Short quotes from participants about this play.", fields=SOUNDBITE),
    Field("related", "ids", "Other plays that go well with this one.", refers_to="play"),
    Field("toolkit", "ids", "Toolkit items that help carry the play out.", refers_to="toolkit"),
    Field("tags", "strings", "Free keywords for the tags index."),
    Field("reviewed", "date", "When the play was last reviewed (YYYY-MM-DD).", required=True),
    Field("added", "date", "When the play was added to the playbook (YYYY-MM-DD), for the \"What's new\" page and feed."),
)

OUTCOME = (
    Field("figure", "string", "The figure itself, e.g. \"43\" or \"2x\".", max_length=20),
    Field("label", "string", "What the figure counts.", required=True, max_length=200),
)

VIGNETTE = (
    Field("title", "string", "A headline for the story.", required=True, max_length=TITLE_LENGTH),
    Field("ecosystem", "string", "The ecosystem or organisation that carried the play out.", required=True, max_length=160),
    Field("place", "string", "Where, e.g. \"Pittsburgh, Pennsylvania\".", max_length=160),
    Field("cohort", "string", "The cohort of the ecosystem, e.g. \"Cohort 2\".", max_length=40),
    Field("plays", "ids", "The plays this story illustrates; leave it out for a story about a whole ecosystem.", refers_to="play"),
    Field("year", "integer", "The year the work took place.", minimum=1900, maximum=2100),
    Field("illustrative", "boolean", "true when the story is an invented example rather than a report."),
    Field(
        "story",
        "markdown",
        "The story, in Markdown.",
        required=True,
        starter=f"## What they did\n\n{PLACEHOLDER}\n\n## What came of it\n\n{PLACEHOLDER}\n",
    ),
    Field("outcomes", "objects", "What came of it, each with a figure where there is one.", fields=OUTCOME),
    Field("added", "date", "When the story was added to the playbook (YYYY-MM-DD)."),
)

TOOLKIT = (
    Field("title", "string", "The resource's name.", required=True, max_length=TITLE_LENGTH),
    Field("section", "choice", "The toolkit section (an id from playbook.yml).", required=True, choices="section"),
    Field("kind", "choice", "What sort of resource it is.", required=True, choices=TOOLKIT_KINDS),
    Field("summary", "string", "One or two sentences about the resource.", required=True, max_length=400),
    Field("body", "markdown", "The printable text of the resource, in Markdown.", required=True),
    Field("url", "url", "Where the resource lives online (http, https or mailto)."),
    Field("file", "string", "A file attached to the item, relative to toolkit/."),
    Field("plays", "ids", "Plays this resource supports.", refers_to="play"),
    Field("added", "date", "When the resource was added to the toolkit (YYYY-MM-DD)."),
)

STRATEGY = (
    Field("id", "id", "Short id used by plays, e.g. connect-admissions.", required=True),
    Field("number", "integer", "The strategy's number in the playbook; leave it out on every strategy for unnumbered groups.", minimum=1),
    Field("title", "string", "The strategy's name.", required=True, max_length=160),
    Field("summary", "string", "A one-paragraph summary.", required=True),
)

FACET_VALUE = (
    Field("id", "id", "Short id used in plays.", required=True),
    Field("label", "string", "The value as readers see it.", required=True),
)

FACET = (
    Field("id", "id", "Short id used as the key under a play's facets.", required=True),
    Field("label", "string", "The facet's name as readers see it.", required=True),
    Field("description", "string", "What the facet means."),
    Field("values", "objects", "The allowed values.", required=True, min_items=1, fields=FACET_VALUE),
)

SECTION = (
    Field("id", "id", "Short id used by toolkit items.", required=True),
    Field("title", "string", "The section's heading.", required=True),
)

LABELS = (
    Field("enacted", "string", "Name of an enacted play (default from the message catalogue: \"Enacted play\")."),
    Field("aspirational", "string", "Name of an aspirational play."),
    Field("vignette", "string", "Name of a vignette."),
    Field("soundbites", "string", "Name of the soundbites section, e.g. \"PUSH Play\"."),
    Field("toolkit", "string", "Name of the toolkit."),
)

# Each kind of content beyond plays can be switched off: no page, link, count or PDF section is left.
KINDS_SWITCHES = (
    Field("vignettes", "boolean", "false to publish no vignettes."),
    Field("soundbites", "boolean", "false to publish no soundbites."),
    Field("toolkit", "boolean", "false to publish no toolkit."),
)

PALETTE = (
    Field("primary", "string", "The theme's primary colour name, e.g. indigo or teal."),
    Field("accent", "string", "The theme's accent colour name."),
)

MAP = (
    Field("facet", "id", "The facet whose values are the columns of the evidence and gap map; the first facet when left out."),
)

THEME = (
    Field("palette", "object", "Colours of the site.", fields=PALETTE),
    Field("logo", "string", "An image file in the playbook folder shown in the header, e.g. assets/logo.svg."),
)

PLAYBOOK = (
    Field("title", "string", "The playbook's name.", required=True, plain=True),
    Field("tagline", "string", "One line under the title.", required=True),
    Field("aim", "string", "What the playbook is for, in a paragraph.", required=True),
    Field("languages", "languages", "The site's languages as BCP 47 codes, the default first, e.g. [en, es]."),
    Field("language", "language", "The one language of a single-language playbook (or use languages)."),
    Field("nouns", "nouns", "The playbook's own words, singular and plural, e.g. `strategy: {one: workgroup, other: workgroups}`."),
    Field("messages", "messages", "Replacements for any message of the generator, by its English text."),
    Field("kinds", "object", "Which kinds of content beyond plays the playbook publishes.", fields=KINDS_SWITCHES),
    Field("theme", "object", "Colours and logo.", fields=THEME),
    Field("map", "object", "The evidence and gap map: which facet it shows first.", fields=MAP),
    Field("repository", "url", "Repository address, for \"edit this play\" links."),
    Field("site_url", "url", "The published site's address, printed (and as a QR code) in the PDFs."),
    Field(
        "edit_branch",
        "string",
        "Branch that edit links point at.",
        pattern=BRANCH_PATTERN,
        pattern_name="a branch name of letters, digits, '.', '_', '-' and '/'",
    ),
    Field("notice", "string", "A note shown on the home page, e.g. that content is illustrative."),
    Field(
        "organisation",
        "string",
        "Who publishes the playbook, shown in the footer, on the About page and on the PDF covers.",
        max_length=160,
    ),
    Field("funder", "string", "An acknowledgement of who funds the work, e.g. \"Supported by the ... Foundation\".", max_length=400),
    Field("licence", "string", "The licence of the content, e.g. \"CC BY 4.0\".", max_length=120),
    Field("contact", "url", "An email address (mailto:...) or web page for questions and reports of a first try."),
    Field("labels", "object", "The words the playbook uses for each kind.", fields=LABELS),
    Field("strategies", "objects", "The strategies plays are grouped under.", required=True, min_items=1, fields=STRATEGY),
    Field("facets", "objects", "The facets plays are tagged with.", fields=FACET),
    Field("toolkit_sections", "objects", "The sections of the toolkit.", fields=SECTION),
)

KINDS: dict[str, tuple[Field, ...]] = {"play": PLAY, "vignette": VIGNETTE, "toolkit": TOOLKIT, "playbook": PLAYBOOK}
# The kinds stored one item per file, whose id is the file name.
CONTENT_KINDS = ("play", "vignette", "toolkit")
