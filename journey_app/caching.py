"""HTTP caching and compression: a page costs about what a hello-world page costs.

- Pages: each page is rendered once per process and kept, so later requests skip the templates.
  Every page carries a strong ETag (a hash of its body) and `Cache-Control: public, max-age=300`,
  and a request with a matching `If-None-Match` gets an empty 304.
- A response that says `Cache-Control: no-store` (a question, a result, key dates) is never
  kept, hashed or marked public: whatever a family entered stays out of every cache.
- Static files under static/build carry a hash of their content in their name (see
  assets/build.mjs), so browsers may keep them for a year without asking again.
- Responses are compressed (zstd, brotli or gzip, whichever the browser prefers) by Flask-Compress.
- In front of Flask, `ServeKeptCopies` answers a GET for a kept page from the exact bytes and
  headers Flask sent the last time for the same address, scheme and Accept-Encoding, without
  running Flask at all: that is what makes a page cost about what a hello-world page costs.

Only an address without a query string is kept. A view whose page depends on anything else (a
request header, say) must say so with `Cache-Control: no-store` or `private`, or a `Vary` header:
then it is not kept.
"""

import time

from flask import Flask, Response, request
from flask_compress import Compress

from .request_log import logger as request_logger

PAGE_CACHE_CONTROL = "public, max-age=300"
IMMUTABLE_CACHE_CONTROL = "public, max-age=31536000, immutable"
OTHER_STATIC_CACHE_CONTROL = "public, max-age=86400"
# Pages are a fixed set (routes x stages x languages), a few hundred at most. The cap only
# guards memory against a route that answers 200 to any address.
MAX_KEPT_PAGES = 5000
SERVED_KEPT = "journey_app.served_kept_page"  # marks, in the WSGI environ, a page served as kept
ROUTE = "journey_app.route"  # the route the request log named, left in the WSGI environ
# Copies of whole responses in front of Flask: one per address, scheme and Accept-Encoding
# header (browsers send a handful of different ones). The caps guard memory against made-up
# Accept-Encoding headers: the first few forms asked for on each page are kept, and any other
# form is answered by Flask as before (its page is kept there once, whatever the header).
MAX_COPIES = 20000
MAX_COPIES_PER_PAGE = 6
MAX_ACCEPT_ENCODING = 200


def setup_caching(app: Flask) -> None:
    # In development templates reload on every change, so pages are not kept there.
    app.config.setdefault("KEEP_RENDERED_PAGES", not app.config["TEMPLATES_AUTO_RELOAD"])
    kept_pages: dict[str, tuple[bytes, list[tuple[str, str]]]] = {}
    app.extensions["journey_kept_pages"] = kept_pages
    app.wsgi_app = ServeKeptCopies(app.wsgi_app)

    # Flask runs after_request handlers in the reverse order of registration, so these run last:
    # compression, which sees the final page and names the encoding in its ETag (`"hash:br"`),
    # then the 304 for a browser that holds that compressed copy. Compression keeps the
    # compressed copies of kept pages only.
    @app.after_request
    def answer_if_none_match_after_compression(response: Response) -> Response:
        if "Content-Encoding" in response.headers and response.get_etag()[0]:
            return _answer_if_none_match(response)
        return response

    app.config.setdefault("COMPRESS_CACHE_BACKEND", lambda: _KeptCompressed(kept_pages))
    app.config.setdefault(
        "COMPRESS_CACHE_KEY",
        lambda request: request.path if _is_kept(request, kept_pages) else "",
    )
    # only when the browser sends If-None-Match, above: it is costly on every request
    app.config.setdefault("COMPRESS_EVALUATE_CONDITIONAL_REQUEST", False)
    app.extensions["compress"] = Compress(app)

    @app.before_request
    def serve_kept_page():
        if _is_kept(request, kept_pages):
            body, headers = kept_pages[request.path]
            request.environ[SERVED_KEPT] = True
            return Response(body, status=200, headers=headers)
        return None

    @app.after_request
    def add_cache_headers(response: Response) -> Response:
        if request.environ.get(SERVED_KEPT):  # its headers are already complete
            return _answer_if_none_match(response)
        if request.endpoint == "static":
            return _static_headers(response)
        if not _cacheable(response):
            return response
        if not response.get_etag()[0]:
            response.add_etag()
        response.headers.setdefault("Cache-Control", PAGE_CACHE_CONTROL)
        if (
            app.config["KEEP_RENDERED_PAGES"]
            and not request.query_string
            and request.path not in kept_pages
            and len(kept_pages) < MAX_KEPT_PAGES
            and _same_for_everyone(response)
        ):
            kept_pages[request.path] = (
                response.get_data(),
                [(k, v) for k, v in response.headers if k != "Content-Length"],
            )
        return _answer_if_none_match(response)


class ServeKeptCopies:
    """WSGI middleware: the response to a GET for a kept page, replayed without running Flask.

    Flask serves a kept page (the same for every reader, see `_same_for_everyone`) and marks it
    in the environ; this keeps the status, headers and body it sent, under the address, the
    scheme (HTTPS pages carry HSTS) and the Accept-Encoding header (which decides the
    compression). The next such request gets those bytes straight away, and one request log
    line, as Flask would have written it. A request with a query string or an If-None-Match
    header, a HEAD, and anything not kept go to Flask as before.
    """

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app
        self.copies: dict[tuple[str, str, str], tuple[str, list, bytes, str]] = {}
        self.copies_per_page: dict[tuple[str, str], int] = {}

    def __call__(self, environ, start_response):
        key = self._key(environ)
        if key is None:
            return self.wsgi_app(environ, start_response)
        copy = self.copies.get(key)
        if copy is not None:
            started = time.perf_counter()
            status, headers, body, route = copy
            start_response(status, list(headers))
            request_logger.info(
                "method=GET route=%s status=%s ms=%.1f",
                route,
                status[:3],
                (time.perf_counter() - started) * 1000,
            )
            return [body]
        sent = {}

        def remember_start(status, headers, exc_info=None):
            sent.update(status=status, headers=list(headers))
            return start_response(status, headers, exc_info)

        result = self.wsgi_app(environ, remember_start)
        if not environ.get(SERVED_KEPT) or not sent.get("status", "").startswith("200"):
            return result
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        page = key[:2]
        kept_here = self.copies_per_page.get(page, 0)
        fits = len(self.copies) < MAX_COPIES and kept_here < MAX_COPIES_PER_PAGE
        if fits and key not in self.copies:  # two readers at once may both have missed it
            self.copies[key] = (sent["status"], sent["headers"], body, environ.get(ROUTE, "-"))
            self.copies_per_page[page] = kept_here + 1
        return [body]

    @staticmethod
    def _key(environ):
        accept_encoding = environ.get("HTTP_ACCEPT_ENCODING", "")
        if (
            environ.get("REQUEST_METHOD") != "GET"
            or environ.get("QUERY_STRING")
            or "HTTP_IF_NONE_MATCH" in environ
            or len(accept_encoding) > MAX_ACCEPT_ENCODING
        ):
            return None
        return (
            environ.get("wsgi.url_scheme", "http"),
            environ.get("PATH_INFO", ""),
            accept_encoding,
        )


def _is_kept(request, kept_pages) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.query_string
        and request.path in kept_pages
    )


class _KeptCompressed:
    """Flask-Compress's cache: the compressed copies of kept pages, and nothing else."""

    def __init__(self, kept_pages):
        self.kept_pages = kept_pages
        self.copies: dict[str, bytes] = {}

    def get(self, key: str) -> bytes | None:
        return self.copies.get(key)

    def set(self, key: str, value: bytes) -> None:
        # The key is "<algorithm>;<path>", with an empty path for a page that is not kept.
        if key.partition(";")[2] in self.kept_pages:
            self.copies[key] = value


def _answer_if_none_match(response: Response) -> Response:
    """An empty 304 when the browser already holds this page (pages carry no Last-Modified)."""
    if "HTTP_IF_NONE_MATCH" in request.environ:
        return response.make_conditional(request)
    return response


def _cacheable(response: Response) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and not response.direct_passthrough
        and not response.is_streamed
        and "no-store" not in response.headers.get("Cache-Control", "")
        and "Set-Cookie" not in response.headers
    )


def _same_for_everyone(response: Response) -> bool:
    """A page can be kept and replayed only if it depends on its address alone."""
    cache_control = response.headers.get("Cache-Control", "")
    return (
        "private" not in cache_control
        and "no-cache" not in cache_control
        and "Vary" not in response.headers
        and "nonce-" not in response.headers.get("Content-Security-Policy", "")
    )


def _static_headers(response: Response) -> Response:
    filename = (request.view_args or {}).get("filename", "")
    if response.status_code in (200, 206, 304):
        hashed = filename.startswith("build/") and filename != "build/manifest.json"
        response.headers["Cache-Control"] = (
            IMMUTABLE_CACHE_CONTROL if hashed else OTHER_STATIC_CACHE_CONTROL
        )
    return response
