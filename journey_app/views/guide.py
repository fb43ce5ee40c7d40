"""The journey: the start page, the journey map and one page per stage."""

from flask import Blueprint, abort, current_app, render_template

from .locale import add_locale, locale_content, use_locale

bp = Blueprint("guide", __name__, url_prefix="/<lang>")
bp.url_value_preprocessor(use_locale)
bp.url_defaults(add_locale)


@bp.get("/")
def start():
    return render_template("guide/start.html", page=locale_content().pages["start"])


@bp.get("/journey")
def journey():
    return render_template(
        "guide/journey.html", page=locale_content().pages["journey"], current=None
    )


@bp.get("/journey/<slug>")
def journey_at(slug):
    """The journey map with one stage marked "you are here"."""
    stage = _stage_or_404(slug)
    return render_template(
        "guide/journey.html", page=locale_content().pages["journey"], current=stage
    )


@bp.get("/stages/<slug>")
def stage(slug):
    stage = _stage_or_404(slug)
    return render_template("guide/stage.html", stage=stage, page=locale_content().stages[slug])


def _stage_or_404(slug):
    stage = current_app.extensions["journey_content"].stage_by_slug.get(slug)
    if stage is None:
        abort(404)
    return stage
