"""PDF downloads: the easy-read booklet and the whole guide, one of each per language.

WeasyPrint turns the same HTML as the print views into an A4 PDF, with the print styles. It never
reaches the network: the only files it may read are the guide's own, from static/. Fonts come from
the system through fontconfig (Debian's fonts-noto-core covers Latin, Arabic, Urdu, Gujarati and
Gurmukhi; see the print font stack in assets/scss/_print.scss).

Building a PDF takes seconds, so each is built once per process, on the first request, and kept
in memory, keyed by what it is, its language and the content version (a hash of the content
folder, the pictures and the built CSS). A lock stops two requests building the same PDF at once.
"""

import hashlib
import json
import logging
import re
import threading
from pathlib import Path
from urllib.parse import urlsplit

from flask import Flask, Response, current_app, request

# WeasyPrint logs every CSS rule it does not use (screen-only GOV.UK styles) as a warning.
QUIET_LOGGERS = ("weasyprint", "fontTools")
STYLESHEET = re.compile(r'<link rel="stylesheet" href="[^"]*">\s*')


def pdf_response(kind: str, locale: str, build_html, filename: str) -> Response:
    """The PDF `kind` in `locale`, built from `build_html()` the first time it is asked for."""
    body = _cache(current_app).get((kind, locale), build_html)
    response = Response(body, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def html_to_pdf(html: str, static_folder: str | Path, base_url: str) -> bytes:
    from weasyprint import HTML  # imported when first needed: it loads Pango at import

    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.ERROR)
    html = _with_pdf_stylesheet(html, Path(static_folder))
    fetcher = _static_fetcher(Path(static_folder), base_url)
    return HTML(string=html, base_url=base_url, url_fetcher=fetcher).write_pdf()


def _with_pdf_stylesheet(html: str, static_folder: Path) -> str:
    """The page with pdf.css (only what the booklet and the whole guide use, so WeasyPrint has
    far fewer rules to match) in place of the site's stylesheets."""
    manifest = json.loads((static_folder / "build" / "manifest.json").read_text())
    link = f'<link rel="stylesheet" href="/static/build/{manifest["pdf.css"]}">'
    without = STYLESHEET.sub("", html)
    return without.replace("</head>", f"{link}\n</head>", 1)


def content_version(app: Flask) -> str:
    """A hash of everything a PDF is made from besides the code: content, pictures and CSS."""
    digest = hashlib.sha256()
    folders = (Path(app.config["CONTENT_DIR"]), Path(app.static_folder) / "pictures")
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(str(path.relative_to(folder)).encode())
                digest.update(path.read_bytes())
    manifest = Path(app.static_folder) / "build" / "manifest.json"
    if manifest.is_file():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()[:16]


class _PdfCache:
    def __init__(self, version: str):
        self.version = version
        self._pdfs: dict[tuple, bytes] = {}
        self._locks: dict[tuple, threading.Lock] = {}
        self._guard = threading.Lock()

    def get(self, key: tuple, build_html) -> bytes:
        key = (*key, self.version)
        if key in self._pdfs:
            return self._pdfs[key]
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            if key not in self._pdfs:
                html = build_html()
                self._pdfs[key] = html_to_pdf(html, current_app.static_folder, request.url_root)
        return self._pdfs[key]


def _cache(app: Flask) -> _PdfCache:
    cache = app.extensions.get("journey_pdfs")
    if cache is None:
        cache = app.extensions.setdefault("journey_pdfs", _PdfCache(content_version(app)))
    return cache


def _static_fetcher(static_folder: Path, base_url: str):
    """A URL fetcher that serves only the guide's own static files, from disk; anything else (or a
    missing file) stops the build rather than leaving a gap in the PDF."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    base = urlsplit(base_url)
    root = static_folder.resolve()

    class StaticFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            own = (parts.scheme, parts.netloc) == (base.scheme, base.netloc)
            if not own or not parts.path.startswith("/static/"):
                raise ValueError(f"the PDF may only use the guide's own files, not {url}")
            path = (root / parts.path.removeprefix("/static/")).resolve()
            if not path.is_relative_to(root) or not path.is_file():
                raise ValueError(f"no such file: {url}")
            mime = {".css": "text/css", ".svg": "image/svg+xml"}.get(path.suffix, "")
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})

    return StaticFetcher(fail_on_errors=True)
