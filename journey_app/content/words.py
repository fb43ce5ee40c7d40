"""Reading a YAML file of words for one language: required keys, and Markdown rendered once.

Used by the key dates and sharing words (`<locale>/key-dates.yml`, `<locale>/share.yml`). The
reader falls back to the English file, or to single English strings, where a translation is
missing; every string is a `Text` that knows its language, so templates can mark English shown
in another language (`lang_span`, `lang_attrs`).
"""

from ..config import DEFAULT_LOCALE
from .models import Text
from .render import Renderer


def read_words(reader, path, required, markdown, content, locale, paths, term_path):
    """The words in `path` as a dict, with each `markdown` key (dotted: "handout.about")
    rendered to HTML. Missing keys (in the English file, which every language follows) and
    broken links are reported as problems."""
    words = reader.yaml(path)
    if locale == DEFAULT_LOCALE:
        for key in required:
            value = lookup(words, key)
            if not isinstance(value, str) or not value.strip():
                reader.problem(path, f"'{key}' is missing")
    renderer = Renderer(lambda link: paths(locale, link), lambda term: term_path(locale, term))
    for key in markdown:
        text = lookup(words, key)
        if isinstance(text, str):
            state = renderer.start_page()
            html = renderer.html(text)
            _store(words, key, Text(html, getattr(text, "lang", locale)))
            for link in state.links:
                check_link(reader, path, link, content, locale)
    return words


def lookup(words, key):
    value = words
    for part in key.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _store(words, key, value):
    *parents, last = key.split(".")
    for part in parents:
        words = words[part]
    words[last] = value


def check_link(reader, path, link, content, locale):
    if link.kind == "stage" and link.target not in content.stage_by_slug:
        reader.problem(path, f"link to unknown stage '{link.target}'")
    elif link.kind == "page":
        pages = content.locales[locale].pages if locale in content.locales else {}
        page = pages.get(link.target)
        if page is None:
            reader.problem(path, f"link to unknown page '{link.target}'")
        elif link.anchor and page.section(link.anchor) is None:
            reader.problem(path, f"broken link: '{link.target}' has no section '{link.anchor}'")
    elif link.kind == "other":
        reader.problem(
            path, f"broken link '{link.target}': use stage:, page: or a full https:// address"
        )
