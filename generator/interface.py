"""The words of the site's scripts and theme overrides, from the message catalogue.

Templates of the generator get their words through Jinja's i18n extension; the
browse script and MkDocs' theme templates cannot, so they get these tables:
browse.js reads its table from the page, the theme reads `config.extra.messages`.
"""

from __future__ import annotations

from .i18n import Messages
from .models import Config


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
        # The footer: who publishes the playbook, its funder, licence and contact (playbook.yml).
        "footer_about": messages.gettext("About this playbook"),
        "footer_organisation": (
            messages.gettext("Published by %(organisation)s", organisation=config.organisation) if config.organisation else ""
        ),
        "footer_funder": config.funder,
        "footer_licence": messages.gettext("Content licensed under %(licence)s", licence=config.licence) if config.licence else "",
        "footer_contact": messages.gettext("Contact") if config.contact else "",
        "footer_contact_url": config.contact,
    }
