"""One log line per request - method, route, status and time taken - and nothing a family typed.

The line names the route as written in the code (`/<lang>/stages/<slug>`), never the address that
was asked for: no query string, no form field, no date, no address of the reader. The development
server's own request log (werkzeug), which prints the whole address and the reader's IP address, is
switched off. README.md ("Logs") says how to keep a production server's access log just as quiet.
"""

import logging
import time
import traceback

from flask import current_app, g, request, request_started
from flask.logging import wsgi_errors_stream
from werkzeug.exceptions import HTTPException, MethodNotAllowed

logger = logging.getLogger("journey_app.requests")
# werkzeug's request handler starts each of its lines with the client address, then " - - [".
_WERKZEUG_REQUEST_LINE = " - - ["


class DropWerkzeugRequestLines(logging.Filter):
    """Drop werkzeug's lines about a request (its address, query string and the reader's IP),
    keeping its start-up lines and errors raised by the app."""

    def filter(self, record):
        return _WERKZEUG_REQUEST_LINE not in str(record.msg)


def setup_request_log(app):
    logger.setLevel(logging.INFO)
    if not logger.handlers and not logging.getLogger().handlers:
        # nothing is set up to show log lines (flask run, gunicorn): write them where the server
        # writes its errors (wsgi.errors, else stderr), as Flask's own handler does
        handler = logging.StreamHandler(wsgi_errors_stream)
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(message)s"))
        logger.addHandler(handler)
        logger.propagate = False
    werkzeug_logger = logging.getLogger("werkzeug")
    if not any(isinstance(f, DropWerkzeugRequestLines) for f in werkzeug_logger.filters):
        werkzeug_logger.addFilter(DropWerkzeugRequestLines())

    def note_start(sender, **extra):
        g.request_started_at = time.perf_counter()

    # a signal, not before_request: it runs even when the address is refused before any view
    request_started.connect(note_start, app)
    app.extensions["request_log_timer"] = note_start  # the signal holds it weakly

    @app.after_request
    def log_request(response):
        started = g.get("request_started_at")
        took = (time.perf_counter() - started) * 1000 if started is not None else 0.0
        route = route_name()
        # for caching.ServeKeptCopies, which writes this line itself when it replays the page
        request.environ["journey_app.route"] = route
        logger.info(
            "method=%s route=%s status=%s ms=%.1f",
            _safe_method(request.method),
            route,
            response.status_code,
            took,
        )
        return response

    def log_exception(exc_info):
        # Flask's own message names the path and the error's message, and either may carry
        # what a reader typed (a bad date, say): log the route, the kind of error and where
        kind, _, trace = exc_info
        app.logger.error(
            "Exception on route=%s: %s (its message is left out)\n%s",
            route_name(),
            kind.__qualname__,
            "".join(traceback.format_tb(trace)).rstrip(),
        )

    app.log_exception = log_exception


def route_name():
    """The matched route as written in the code, or "-" when no route matched."""
    rule = request.url_rule
    if rule is None and isinstance(request.routing_exception, MethodNotAllowed):
        # the address is a route, just not for this method: name that route
        allowed = sorted(request.routing_exception.valid_methods or ())
        try:
            adapter = current_app.url_map.bind_to_environ(request.environ)
            rule, _ = adapter.match(method=allowed[0], return_rule=True)
        except (HTTPException, IndexError):
            rule = None
    return rule.rule if rule is not None else "-"


KNOWN_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT"}


def _safe_method(method):
    # a made-up method is free text sent by the client: do not copy it into the log
    return method if method in KNOWN_METHODS else "OTHER"
