"""Blueprints: the journey (start, map, stages), help (rights, contacts, words, about), "Where am
I?" questions, key dates, sharing for workers, easy read, the whole guide to print, errors."""

from . import dates, easy_read, errors, guide, help, questions, share
from . import print as print_guide  # the module is named after its area, /<lang>/print


def register_views(app):
    app.register_blueprint(guide.bp)
    app.register_blueprint(help.bp)
    app.register_blueprint(questions.bp)
    app.register_blueprint(dates.bp)
    app.register_blueprint(share.bp)
    app.register_blueprint(easy_read.bp)
    app.register_blueprint(print_guide.bp)
    errors.register(app)
