"""Easy read: short lines with a picture beside each, for every stage, rights and who can help;
a booklet of the whole journey to print, and the same booklet as a PDF per language."""

from flask import Blueprint, abort, current_app, g, render_template, url_for

from ..pdf import pdf_response
from .locale import add_locale, locale_content, use_locale
from .share import qr_svg

bp = Blueprint("easy_read", __name__, url_prefix="/<lang>/easy-read")
bp.url_value_preprocessor(use_locale)
bp.url_defaults(add_locale)


@bp.get("")
def index():
    easy = _easy()
    return render_template("easy_read/index.html", page=easy.index, easy=easy)


@bp.get("/stages/<slug>")
def stage(slug):
    stage = current_app.extensions["journey_content"].stage_by_slug.get(slug)
    if stage is None:
        abort(404)
    easy = _easy()
    return render_template("easy_read/stage.html", page=easy.stages[slug], stage=stage, easy=easy)


@bp.get("/rights")
def rights():
    easy = _easy()
    return render_template("easy_read/rights.html", page=easy.rights, easy=easy)


@bp.get("/contacts")
def contacts():
    easy = _easy()
    return render_template("easy_read/contacts.html", page=easy.contacts, easy=easy)


@bp.get("/booklet")
def booklet():
    return _booklet_html()


@bp.get("/booklet.pdf")
def booklet_pdf():
    return pdf_response("easy-read-booklet", g.lang, _booklet_html, f"easy-read-guide-{g.lang}.pdf")


def _booklet_html():
    """The whole journey in easy read, with a cover carrying a QR code and the short address."""
    easy = _easy()
    guide_url = current_app.extensions["journey_content"].settings["guide_url"].rstrip("/")
    online = guide_url + url_for("easy_read.index")
    return render_template(
        "easy_read/booklet.html",
        page=easy.index,
        easy=easy,
        qr=qr_svg(online),
        short_address=online.removeprefix("https://"),
    )


def _easy():
    return locale_content().easy_read
