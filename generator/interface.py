"""The words of the site's scripts and theme overrides, from the message catalogue.

Templates of the generator get their words through Jinja's i18n extension; the
browse script and MkDocs' theme templates cannot, so they get these tables:
browse.js reads its table from the page, the theme reads `config.extra.messages`.
"""

from __future__ import annotations

from .i18n import Messages
from .models import Config, Strategy


def browse_messages(messages: Messages) -> dict[str, object]:
    """What browse.js says, with plural forms by CLDR category for Intl.PluralRules."""
    plays = messages.noun("play", 2)
    return {
        "status": messages.gettext("Status"),
        "strategy": messages.noun("strategy", capital=True),
        "words": messages.gettext("Words in title or summary"),
        "clear": messages.gettext("Clear filters"),
        "form": messages.gettext("Filter %(plays)s", plays=plays),
        "empty": messages.gettext(
            "No %(play)s matches all of these filters. Untick an option or clear the filters.", play=messages.noun("play")
        ),
        "hint": messages.gettext(
            "Beside each option: how many of the %(plays)s that match your other filters have it."
            " Arrow keys move between the options of a filter.",
            plays=plays,
        ),
        "skip": messages.gettext("Skip to the %(plays)s", plays=plays),
        "chips": messages.gettext("Filters in use"),
        "remove": messages.gettext("Remove the filter %(label)s"),
        "show": messages.plural_table("Show %(num)d %(plays)s", "Show %(num)d %(plays)s"),
        "toggle": messages.gettext("Filter by %(list)s"),
        "plays": messages.noun_table("play"),
        "match": messages.plural_table("%(num)d of %(all)s %(plays)s matches", "%(num)d of %(all)s %(plays)s match"),
        "all": messages.plural_table("All %(num)d %(plays)s", "All %(num)d %(plays)s"),
    }


def theme_messages(messages: Messages, config: Config) -> dict[str, str]:
    """What the theme overrides (404 page, skip link target) say, as config.extra.messages."""
    return {
        "not_found_title": messages.gettext("Page not found"),
        "not_found_text": messages.gettext("There is no page at this address. It may have moved when the playbook was last updated."),
        "not_found_home": messages.gettext("Go to the playbook's home page"),
        "not_found_browse": messages.gettext("Browse and filter every %(play)s", play=messages.noun("play")),
        "not_found_search": messages.gettext("You can also search the playbook with the search box at the top of the page."),
        "language": messages.gettext("Language"),
        "home": messages.gettext("Home"),
        # The search box (partials/pagefind.html, assets/javascripts/search.js); "#" stands for the count.
        "search_label": messages.gettext("Search"),
        "search_placeholder": messages.gettext("Search the playbook"),
        "search_reset": messages.gettext("Clear"),
        "search_start": messages.gettext("Type to start searching"),
        "search_loading": messages.gettext("Loading search"),
        "search_unavailable": messages.gettext("Search could not be loaded"),
        "search_results_none": messages.gettext("No matching pages"),
        "search_results_one": messages.ngettext("# matching page", "# matching pages", 1),
        "search_results_other": messages.ngettext("# matching page", "# matching pages", 2),
        "search_more": messages.gettext("More results"),
        "search_status_enacted": label(config, messages, "enacted"),
        "search_status_aspirational": label(config, messages, "aspirational"),
        "search_keyboard_hint": messages.gettext("Arrow keys move through the results, Enter opens one, Escape closes search."),
        # The footer: who publishes the playbook, its funder, licence and contact (playbook.yml).
        "footer_about": messages.gettext("About this playbook"),
        "footer_organisation": (
            messages.gettext("Published by %(organisation)s", organisation=config.organisation) if config.organisation else ""
        ),
        "footer_funder": config.funder,
        "footer_licence": messages.gettext("Content licensed under %(licence)s", licence=config.licence) if config.licence else "",
        "footer_contact": messages.gettext("Contact") if config.contact else "",
        "footer_contact_url": config.contact,
        "feed": messages.gettext("What's new in %(title)s", title=config.title),
    }


def label(config: Config, messages: Messages, name: str) -> str:
    """The playbook's word for a status or kind: its own label in this language, or the catalogue's."""
    own = getattr(config.labels, name, "")
    if own:
        return str(own)
    defaults = {
        "enacted": lambda: messages.gettext("Enacted %(play)s", play=messages.noun("play")),
        "aspirational": lambda: messages.gettext("Aspirational %(play)s", play=messages.noun("play")),
        "vignette": lambda: messages.noun("vignette"),
        "soundbites": lambda: messages.noun("soundbite", 2),
        "toolkit": lambda: messages.gettext("Quick-start toolkit"),
    }
    text = defaults[name]()
    return text[:1].upper() + text[1:]


def group_title(messages: Messages, config: Config, strategy: Strategy) -> str:
    """A strategy's heading: "Strategy 3: Connect programs..." when numbered, else its title."""
    if strategy.number is None:
        return strategy.title
    return messages.gettext(
        "%(strategy)s %(number)s: %(title)s", strategy=messages.noun("strategy", capital=True), number=strategy.number, title=strategy.title
    )


def plan_messages(messages: Messages, toolkit: str) -> dict[str, object]:
    """What plan.js says, on the plan page and beside each play's "Add to my plan" button; `toolkit` is the toolkit's name."""
    return {
        "add": messages.gettext("Add to my plan"),
        "added": messages.gettext("Added to your plan."),
        "taken": messages.gettext("Taken out of your plan."),
        "up": messages.gettext("Move up"),
        "down": messages.gettext("Move down"),
        "remove": messages.gettext("Remove"),
        "up_label": messages.gettext("Move %(title)s up"),
        "down_label": messages.gettext("Move %(title)s down"),
        "remove_label": messages.gettext("Remove %(title)s from the plan"),
        "moved": messages.gettext("%(title)s is now number %(position)s of %(count)s."),
        "removed": messages.gettext("%(title)s was removed from the plan."),
        "empty": messages.gettext(
            "Your plan is empty. Open a %(play)s and choose \"Add to my plan\", then come back here.", play=messages.noun("play")
        ),
        "steps": messages.gettext("Steps"),
        "toolkit": messages.gettext("From the %(toolkit)s", toolkit=toolkit[:1].lower() + toolkit[1:]),
        "for": messages.gettext("Who it is for"),
        "share": messages.gettext("The address of this plan, to open it on another device or send it to someone:"),
        "print": messages.gettext("Print the plan"),
        "date": messages.gettext("Plan of %(date)s"),
        "missing": messages.gettext(
            "Some %(plays)s in this address are no longer in the playbook and were left out.", plays=messages.noun("play", 2)
        ),
    }
