"""Languages on the page: the switcher, English shown in place of a missing translation marked as
English, numbers kept left to right, the draft notice, and the language `/` chooses.

Template helpers (registered by `setup_languages`):

- `{{ value | lang_span }}`: plain text from a language's content, wrapped in
  `<span lang="en" dir="ltr">` when it is English shown in another language
  (`| lang_span(html=True)` for rendered Markdown such as a summary);
- `<div{{ value | lang_attrs }}>`: the same marking as attributes, for a block of content;
- `fallback_note(values...)`: a short note in the reader's language when any of the values is
  shown in English; put it before the marked block or list;
- `mapping | pick(keys)`: the values for some keys, for `fallback_note`;
- `{{ value | bdi }}`: a number or date isolated from the text around it, so it keeps its order
  in right-to-left languages;
- `language_links()`: the switcher's links, each to the same page in another language;
- `draft_notice(page)`: the draft translation notice, in the reader's language and in English.
"""

from dataclasses import fields, is_dataclass

from flask import current_app, g, redirect, request, url_for
from flask_babel import force_locale, gettext
from markupsafe import Markup, escape

from .config import DEFAULT_LOCALE, LANGUAGES, LANGUAGES_BY_CODE


def setup_languages(app):
    app.add_template_filter(lang_attrs)
    app.add_template_filter(lang_span)
    app.add_template_filter(bdi)
    app.add_template_filter(pick)
    app.add_template_global(fallback_note)
    app.add_template_global(language_links)
    app.add_template_global(draft_notice)


def reader_language() -> str:
    return g.get("lang", DEFAULT_LOCALE)


def _languages_in(value):
    """Every language the text in `value` is written in (a Text, a page, a list of them...)."""
    if isinstance(value, str):
        lang = getattr(value, "lang", None)
        return {lang} if lang else set()
    if getattr(value, "lang", None):
        return {value.lang}
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list | tuple | set):
        return set().union(*map(_languages_in, value)) if value else set()
    if is_dataclass(value):
        return set().union(*(_languages_in(getattr(value, f.name)) for f in fields(value)))
    return set()


def _other_language(value) -> str | None:
    """The language of `value` when it is not the reader's, as for English fallback text."""
    lang = getattr(value, "lang", None)
    return lang if lang and lang != reader_language() else None


def lang_attrs(value) -> str:
    lang = _other_language(value)
    if lang is None or not str(value):  # an empty text (alt="") is in no language
        return ""
    return Markup(' lang="{}" dir="{}"').format(lang, LANGUAGES_BY_CODE[lang].direction)


def lang_span(value, html=False):
    text = Markup(value) if html else escape(value)
    attrs = lang_attrs(value)
    return Markup("<span{}>{}</span>").format(attrs, text) if attrs else text


def pick(mapping, keys):
    """The values of `mapping` for `keys`, in that order: `words.glossary | pick(page.terms)`."""
    return [mapping[key] for key in keys if key in mapping]


def bdi(value):
    return Markup("<bdi>{}</bdi>").format(value)


def fallback_note(*values):
    if not any(lang != reader_language() for lang in _languages_in(list(values))):
        return ""
    note = gettext("This part is not translated yet, so it is shown in English.")
    return Markup('<p class="app-fallback-note">{}</p>').format(note)


def language_links():
    """Each enabled language: its own name and the same page in it."""
    enabled = current_app.extensions["journey_content"].locales
    endpoint, values = _same_page()
    return [
        {
            "language": language,
            "href": url_for(endpoint, **values, lang=language.code),
            "current": language.code == reader_language(),
        }
        for language in LANGUAGES
        if language.code in enabled
    ]


def _same_page():
    """The endpoint and values that show this page again, in any language. A page reached by
    sending a form links to where that form starts."""
    rule = request.url_rule
    if rule is None or "lang" not in rule.arguments:
        return "guide.start", {}
    values = dict(request.view_args or {})
    values.pop("lang", None)
    if request.method == "GET":
        # keep the query (answers in the address), but never url_for's own options (_external...)
        query = {
            key: value
            for key, value in request.args.to_dict(flat=False).items()
            if not key.startswith("_") and key != "lang" and key not in values
        }
        return rule.endpoint, {**query, **values}
    if "GET" in (rule.methods or ()):
        return rule.endpoint, values
    for other in current_app.url_map.iter_rules():  # a GET address of the same form
        if other.rule == rule.rule and "GET" in other.methods:
            return other.endpoint, values
    blueprint = rule.endpoint.rpartition(".")[0]
    for other in current_app.url_map.iter_rules():  # else the area's first page
        if (
            other.endpoint.startswith(f"{blueprint}.")
            and "GET" in other.methods
            and set(other.arguments) == {"lang"}
        ):
            return other.endpoint, {}
    return "guide.start", {}


def _draft_sentences():
    return (
        gettext("This translation is a draft. A qualified translator has not checked it yet."),
        gettext("You can ask for an interpreter. It is free."),
    )


def draft_notice(page=None):
    """The notice for a draft translation, or None. A page is a draft when its language's
    interface words are, or when its own translated file is."""
    lang = reader_language()
    locale = current_app.extensions["journey_content"].locales.get(lang)
    if lang == DEFAULT_LOCALE or locale is None:
        return None
    page_is_draft = getattr(page, "lang", None) == lang and getattr(page, "review", None) == "draft"
    if locale.interface_review != "draft" and not page_is_draft:
        return None
    sentences = _draft_sentences()
    with force_locale(DEFAULT_LOCALE):
        english = _draft_sentences()
    return {"sentences": sentences, "english": english}


def redirect_to_reader_language():
    """`/`: the start page in the browser's preferred language of those enabled, else English.
    The answer depends on Accept-Language, and says so."""
    enabled = list(current_app.extensions["journey_content"].locales)
    lang = request.accept_languages.best_match(enabled, default=DEFAULT_LOCALE)
    response = redirect(url_for("guide.start", lang=lang))
    response.vary.add("Accept-Language")
    return response
