"""The interface words (buttons, labels, short messages) in each language: gettext catalogues in
translations/. `make translations` extracts them into translations/messages.pot, updates each
language's messages.po and compiles them; this module reads the catalogues to report on them."""

import re
from dataclasses import dataclass
from pathlib import Path

from babel.messages.pofile import read_po

from .config import PROJECT_ROOT

TRANSLATIONS = PROJECT_ROOT / "translations"
TEMPLATE = TRANSLATIONS / "messages.pot"
PLACEHOLDER = re.compile(r"%\((\w+)\)[-#0 +]*\d*(?:\.\d+)?[sdif]")


@dataclass
class CatalogueStatus:
    locale: str
    total: int  # messages in messages.pot
    translated: int  # of those, translated and not marked fuzzy

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def read_catalogue(path: Path, locale: str | None = None):
    with path.open("rb") as file:
        return read_po(file, locale=locale)


def message_ids(catalogue) -> set:
    """Each message as (msgid, plural msgid or None, context), without the header."""
    ids = set()
    for message in catalogue:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            ids.add((message.id[0], message.id[1], message.context))
        else:
            ids.add((message.id, None, message.context))
    return ids


def is_translated(message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return not message.fuzzy and all(strings)


def catalogue_path(locale: str, root: Path = TRANSLATIONS) -> Path:
    return root / locale / "LC_MESSAGES" / "messages.po"


def catalogue_status(root: Path = TRANSLATIONS) -> dict[str, CatalogueStatus]:
    """How many of the interface messages each language's catalogue translates."""
    if not (root / "messages.pot").is_file():
        return {}
    wanted = message_ids(read_catalogue(root / "messages.pot"))
    status = {}
    for path in sorted(root.glob("*/LC_MESSAGES/messages.po")):
        locale = path.parent.parent.name
        catalogue = read_catalogue(path, locale)
        done = sum(
            1
            for message in catalogue
            if message.id and is_translated(message) and _key(message) in wanted
        )
        status[locale] = CatalogueStatus(locale, len(wanted), done)
    return status


def _key(message):
    if isinstance(message.id, tuple):
        return (message.id[0], message.id[1], message.context)
    return (message.id, None, message.context)


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text or ""))


def placeholder_mismatches(catalogue) -> list[str]:
    """Translations whose named placeholders differ from their English. A plural form may leave
    out the number (%(num)d), as Arabic does for one and two; every other name must be there."""
    found = []
    for message in catalogue:
        if not message.id or not is_translated(message):
            continue
        if isinstance(message.id, tuple):
            english = placeholders(message.id[0]) | placeholders(message.id[1])
            for form in message.string:
                have = placeholders(form)
                if not have <= english or not (english - {"num"}) <= have:
                    found.append(f"{message.id[1]!r} -> {form!r}")
        elif placeholders(message.string) != placeholders(message.id):
            found.append(f"{message.id!r} -> {message.string!r}")
    return found
