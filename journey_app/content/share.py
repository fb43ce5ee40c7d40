"""The words of the sharing page and of the printed handout, per language (`<locale>/share.yml`).

The message to send and the handout are in the family's language, so every language has them.
"""

from .models import Text
from .words import read_words

LINK_PLACEHOLDER = "{link}"
WORDS_REQUIRED = (
    "title",
    "summary",
    "intro",
    "privacy",
    "preview_title",
    "preview",
    "message",
    "handout.title",
    "handout.about",
    "handout.scan",
    "handout.private",
)
WORDS_MARKDOWN = ("intro", "privacy", "preview")


def load_share_words(reader, root, content, paths, term_path):
    share = {}
    for locale in content.locales:
        path = root / locale / "share.yml"
        words = read_words(
            reader, path, WORDS_REQUIRED, WORDS_MARKDOWN, content, locale, paths, term_path
        )
        message = words.get("message")
        if isinstance(message, str) and message.count(LINK_PLACEHOLDER) != 1:
            reader.problem(
                path, f"'message' should hold {LINK_PLACEHOLDER} once, where the link goes"
            )
        share[locale] = words
    return share


def share_message(words, link):
    """The short message to send, in the words' language, with the link in its place."""
    message = words["message"]
    return Text(message.replace(LINK_PLACEHOLDER, link), getattr(message, "lang", None))
