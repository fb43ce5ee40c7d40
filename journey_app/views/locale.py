"""The language of a request, taken from the first part of its address."""

from flask import abort, current_app, g


def use_locale(endpoint, values):
    """Take the language from the address; an unknown or disabled one is a 404."""
    lang = (values or {}).pop("lang", None)
    g.lang_requested = lang
    if lang not in current_app.extensions["journey_content"].locales:
        abort(404)
    g.lang = lang


def add_locale(endpoint, values):
    if "lang" not in values and g.get("lang"):
        values["lang"] = g.lang


def locale_content():
    return current_app.extensions["journey_content"].locales[g.lang]
