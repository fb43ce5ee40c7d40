"""Blueprints: the journey (start, map, stages), help (rights, contacts, words, about), errors."""

from . import errors, guide, help


def register_views(app):
    app.register_blueprint(guide.bp)
    app.register_blueprint(help.bp)
    errors.register(app)
