"""Friendly error pages in the reader's language (English when the language is unknown)."""

from flask import g, render_template, request
from flask.globals import request_ctx
from flask_babel import refresh
from werkzeug.exceptions import HTTPException

from ..config import DEFAULT_LOCALE


def register(app):
    @app.errorhandler(HTTPException)
    def http_error(error):
        if request_ctx.url_adapter is None:
            # The Host header was refused (say "." or "x..y"), so Flask could not read the
            # address: bind the routes to a neutral name. The page's links are paths only, so
            # that name never appears in it.
            request_ctx.url_adapter = app.url_map.bind(
                "localhost", script_name=request.script_root or None, url_scheme=request.scheme
            )
        content = app.extensions["journey_content"]
        requested = g.get("lang_requested") or request.path.split("/")[1]
        g.lang = requested if requested in content.locales else DEFAULT_LOCALE
        refresh()
        # a 405 must say which methods the page takes
        methods = getattr(error, "valid_methods", None)
        headers = {"Allow": ", ".join(sorted(methods))} if methods else {}
        return render_template("errors/error.html", code=error.code), error.code, headers
