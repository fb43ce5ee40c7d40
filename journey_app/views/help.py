"""Help pages: rights, who to contact, words explained, about and staying safe online."""

from flask import Blueprint, render_template

from .locale import add_locale, locale_content, use_locale

bp = Blueprint("help", __name__, url_prefix="/<lang>")
bp.url_value_preprocessor(use_locale)
bp.url_defaults(add_locale)


@bp.get("/rights")
def rights():
    return render_template("help/rights.html", page=locale_content().pages["rights"])


@bp.get("/contacts")
def contacts():
    return render_template("help/contacts.html", page=locale_content().pages["contacts"])


@bp.get("/words")
def words():
    return render_template("help/words.html", page=locale_content().pages["words"])


@bp.get("/about")
def about():
    return render_template("help/about.html", page=locale_content().pages["about"])


@bp.get("/staying-safe")
def staying_safe():
    return render_template("help/staying-safe.html", page=locale_content().pages["staying-safe"])
