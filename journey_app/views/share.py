"""Sharing the guide, for workers: a link, a QR code, a message to send and a printed handout that
open the guide at one page in the family's language.

The form asks only for a page and a language, so it can safely use GET: nothing personal is ever
in the address, and nothing is stored. Every handout is its own page (one per page and language),
so a static copy of the guide includes them all.
"""

import segno
from flask import Blueprint, abort, current_app, g, render_template, request, url_for
from flask_babel import gettext
from markupsafe import Markup

from ..config import LANGUAGES_BY_CODE
from ..content.models import Text
from ..content.share import share_message
from .locale import add_locale, use_locale

bp = Blueprint("share", __name__, url_prefix="/<lang>/share")
bp.url_value_preprocessor(use_locale)
bp.url_defaults(add_locale)

START = "start"  # the form's value for the start page of the guide


@bp.get("")
def choose():
    values = {"page": request.args.get("page", ""), "language": request.args.get("language", "")}
    if not request.args:
        return _page(values, {}, None, 200)
    errors = {}
    if values["page"] not in _page_choices():
        errors["page"] = gettext("Choose the page the link should open")
    if values["language"] not in _content().locales:
        errors["language"] = gettext("Choose the family’s language")
    if errors:
        return _page(values, errors, None, 400)
    return _page(values, {}, _shared(values["page"], values["language"]), 200)


@bp.get("/handout", defaults={"slug": None})
@bp.get("/handout/<slug>")
def handout(slug):
    """A one-page handout in this page's language, to print and give to the family."""
    if slug is not None and slug not in _content().stage_by_slug:
        abort(404)
    page = slug or START
    return render_template(
        "share/handout.html",
        texts=_content().share[g.lang],
        shared=_shared(page, g.lang),
    )


def guide_link(page, language):
    """The full address of a page of the guide, as a family will open it."""
    if page == START:
        path = url_for("guide.start", lang=language)
    else:
        path = url_for("guide.stage", lang=language, slug=page)
    return _content().settings["guide_url"].rstrip("/") + path, path


def qr_svg(link):
    """The link as a QR code: inline SVG, with a text alternative for screen readers."""
    code = segno.make(link, error="m")
    svg = code.svg_inline(
        title=gettext("QR code that opens the guide"),
        svgclass="app-qr",
        lineclass=None,
        omitsize=True,
    )
    return Markup(svg.replace("<svg ", '<svg role="img" focusable="false" ', 1))


def _shared(page, language):
    """Everything the worker needs for one page in one language."""
    link, path = guide_link(page, language)
    locale_content = _content().locales[language]
    if page == START:
        about = locale_content.pages["start"]
    else:
        about = locale_content.stages[page]
    message = share_message(_content().share[language], link)
    return {
        "page": page,
        "language": LANGUAGES_BY_CODE[language],
        "link": link,
        "path": path,
        "qr": qr_svg(link),
        "message": message,
        "message_language": LANGUAGES_BY_CODE[getattr(message, "lang", None) or language],
        # the page's words, marked with the language they are in (English until translated)
        "title": Text(str(about.title), getattr(about, "lang", language)),
        "summary": Text(str(about.summary), getattr(about, "lang", language)),
        "handout": url_for("share.handout", lang=language, slug=None if page == START else page),
    }


def _page(values, errors, shared, status):
    page = render_template(
        "share/choose.html",
        texts=_content().share[g.lang],
        values=values,
        errors=errors,
        shared=shared,
        page_choices=_page_choices(),
        languages=[LANGUAGES_BY_CODE[code] for code in _content().locales],
    )
    return page, status


def _page_choices():
    """The pages a link can open: the start page, then every stage, with their titles."""
    words = _content().locales[g.lang]
    choices = {START: words.pages["start"].title}
    for stage in _content().stages:
        choices[stage.slug] = gettext(
            "Step %(number)s: %(title)s", number=stage.step, title=words.stages[stage.slug].title
        )
    return choices


def _content():
    return current_app.extensions["journey_content"]
