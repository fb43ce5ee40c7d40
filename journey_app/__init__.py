"""A family guide to children's social care: the Flask application factory."""

import os

from flask import Flask, g, url_for
from flask_babel import Babel

from .caching import setup_caching
from .config import CONFIGS, DEFAULT_LOCALE, LANGUAGES_BY_CODE, PROJECT_ROOT
from .content import ContentError, load_content
from .languages import redirect_to_reader_language, setup_languages
from .request_log import setup_request_log
from .security import setup_security_headers
from .templating import setup_templates
from .views import register_views

babel = Babel()


def create_app(test_config=None):
    """Build the app. With no arguments it serves the default (Leicestershire) content."""
    config_name = os.environ.get("JOURNEY_CONFIG", "development")
    app = Flask(__name__, static_folder=str(PROJECT_ROOT / "static"))
    app.config.from_object(CONFIGS[config_name])
    if test_config:
        app.config.update(test_config)

    babel.init_app(app, locale_selector=current_locale)
    setup_caching(app)
    setup_security_headers(app)
    setup_request_log(app)
    setup_templates(app)
    setup_languages(app)
    register_views(app)
    load_guide_content(app)

    @app.get("/")
    def root():
        return redirect_to_reader_language()

    from .commands import register_commands

    register_commands(app)
    return app


def current_locale():
    return g.get("lang", DEFAULT_LOCALE)


def load_guide_content(app):
    """Read and render the content once; refuse to start if it is broken."""

    def paths(locale, link):
        if link.kind == "stage":
            return url_for("guide.stage", lang=locale, slug=link.target, _anchor=link.anchor)
        endpoint = PAGE_ENDPOINTS.get(link.target, "guide.start")
        return url_for(endpoint, lang=locale, _anchor=link.anchor)

    def term_path(locale, term_id):
        return url_for("help.words", lang=locale, _anchor=term_id)

    with app.test_request_context():
        content, problems = load_content(
            app.config["CONTENT_DIR"], paths, term_path, set(LANGUAGES_BY_CODE)
        )
    app.extensions["journey_content"] = content
    app.extensions["journey_content_problems"] = problems
    if problems and app.config["VALIDATE_CONTENT"]:
        raise ContentError(problems)


PAGE_ENDPOINTS = {
    "start": "guide.start",
    "journey": "guide.journey",
    "rights": "help.rights",
    "contacts": "help.contacts",
    "words": "help.words",
    "about": "help.about",
    "staying-safe": "help.staying_safe",
}
