"""The static export: every route in every language as plain files whose links all resolve."""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from werkzeug.routing import RequestRedirect

from journey_app.export import (
    MARKER,
    ExportError,
    _prepare,
    _static_forms,
    dynamic_routes,
    export_site,
)
from journey_app.sitemap import every_page_url, is_download

_POST_FORM = re.compile(r"<form\b[^>]*method=\"post\"", re.IGNORECASE)
_POST_ACTION = re.compile(r"<form\b[^>]*method=\"post\"[^>]*action=\"([^\"]*)\"", re.IGNORECASE)
LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "form": "action"}


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        value = attrs.get(LINK_ATTRIBUTES.get(tag, ""))
        if value is not None:
            self.links.append(value)


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _served_url(out: Path, path: Path) -> str:
    """The address a static host shows for a file: a folder's index.html is the folder."""
    relative = path.relative_to(out).as_posix()
    if relative.endswith("index.html"):
        return "/" + relative.removesuffix("index.html")
    return "/" + relative


def _file_at(out: Path, url_path: str) -> Path | None:
    """The file a static host would send for a path, as nginx `try_files $uri $uri/index.html`."""
    candidate = out / url_path.lstrip("/")
    if url_path.endswith("/"):
        candidate = candidate / "index.html"
    elif not candidate.is_file():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def test_every_page_of_the_app_is_a_file_with_the_same_html(app, pages, exported_site):
    out, report = exported_site
    for url, response in pages.items():
        file = _file_at(out, url)
        assert file is not None, f"{url} is missing from the export"
        if url not in report.dynamic_forms:
            assert file.read_bytes() == response.data, url
    for url in every_page_url(app):
        if is_download(url):
            file = out / url.lstrip("/")
            assert file.read_bytes().startswith(b"%PDF"), url


def test_the_export_holds_every_route_in_every_language(app, exported_site):
    out, report = exported_site
    locales = list(app.extensions["journey_content"].locales)
    assert report.locales == locales
    adapter = app.url_map.bind("localhost")
    found = set()
    for file in out.rglob("*"):
        if file.is_file() and file.name not in ("404.html", MARKER) and file != out / "index.html":
            url = _served_url(out, file)
            try:
                endpoint, values = adapter.match(url.rstrip("/"))
            except RequestRedirect:  # a route that ends in a slash, like /en/
                endpoint, values = adapter.match(url)
            found.add((endpoint, values.get("lang")))
    expected = set()
    for rule in app.url_map.iter_rules():
        if "GET" in rule.methods and rule.endpoint != "root":
            if "lang" in rule.arguments:
                expected |= {(rule.endpoint, lang) for lang in locales}
            else:
                expected.add((rule.endpoint, None))
    assert expected - found == set()


def test_every_internal_link_in_the_export_resolves_to_a_file_in_it(exported_site):
    out, _ = exported_site
    pages = {path: _parse(path) for path in out.rglob("*.html")}
    assert len(pages) > 10
    broken = []
    for path, parsed in pages.items():
        page_url = _served_url(out, path)
        for link in parsed.links:
            target = urlsplit(urljoin(page_url, link))
            if target.scheme or target.netloc:
                assert "localhost" not in target.netloc, f"{page_url} links to {link}"
                continue
            file = _file_at(out, target.path)
            if file is None:
                broken.append(f"{page_url} -> {link}")
            elif target.fragment and file.suffix == ".html":
                if target.fragment not in pages[file].ids:
                    broken.append(f"{page_url} -> {link} (no such section)")
    assert broken == []


def test_the_export_has_a_home_page_not_found_pages_and_the_assets(app, exported_site):
    out, _ = exported_site
    start = (out / "en" / "index.html").read_text(encoding="utf-8")
    assert (out / "index.html").read_text(encoding="utf-8") == start
    for locale in app.extensions["journey_content"].locales:
        not_found = (out / locale / "404.html").read_text(encoding="utf-8")
        assert f'lang="{locale}"' in not_found
    assert "Page not found" in (out / "404.html").read_text(encoding="utf-8")
    css = list((out / "static" / "build").glob("main.*.css"))
    assert css and f"/static/build/{css[0].name}" in start
    assert not (out / "static" / "build" / "manifest.json").exists()


def test_forms_that_need_the_server_become_a_note_on_a_static_host(app, pages, exported_site):
    out, report = exported_site
    with_forms = [url for url, r in pages.items() if _POST_FORM.search(r.get_data(as_text=True))]
    assert sorted(report.dynamic_forms) == sorted(with_forms)
    for url in report.dynamic_forms:
        html = _file_at(out, url).read_text(encoding="utf-8")
        lang = url.split("/")[1]
        assert not _POST_FORM.search(html), url
        assert f'href="/{lang}/journey"' in html and 'href="tel:' in html, url
        assert html.count("<h1") == 1, url
    english = [url for url in report.dynamic_forms if url.startswith("/en/")]
    for url in english:
        html = _file_at(out, url).read_text(encoding="utf-8")
        assert "This copy of the guide cannot use your answers." in html


def test_forms_that_post_are_sent_to_the_server_when_there_is_one(app):
    html = (
        '<h1>Key dates</h1><form method="post" action="/en/key-dates" novalidate>'
        '<button class="govuk-button">Continue</button></form>'
        '<form method="get" action="/en/journey"><button>See every step</button></form>'
    )
    sent, found = _static_forms(app, html, "/en/key-dates", "https://guide.example/")
    assert found
    assert '<form method="post" action="https://guide.example/en/key-dates" novalidate>' in sent
    assert '<form method="get" action="/en/journey">' in sent  # reading stays on the static host
    noted, _ = _static_forms(app, html, "/en/key-dates", None)
    assert "cannot use your answers" in noted and 'action="/en/journey"' in noted


def test_the_export_names_every_route_its_forms_need(app, pages):
    """What `python -m journey_app export` lists as dynamic-only covers every form that posts."""
    adapter = app.url_map.bind("localhost")
    dynamic = set(dynamic_routes(app))
    for url, response in pages.items():
        for action in _POST_ACTION.findall(response.get_data(as_text=True)):
            rule, _ = adapter.match(action or url, method="POST", return_rule=True)
            assert rule.rule in dynamic, (url, action)


def test_export_refuses_a_folder_that_holds_other_files(app, tmp_path):
    (tmp_path / "notes.txt").write_text("a council officer's notes")
    with pytest.raises(ExportError):
        export_site(app, tmp_path)
    assert (tmp_path / "notes.txt").read_text() == "a council officer's notes"


def test_an_earlier_export_is_cleared_before_writing_again(tmp_path):
    (tmp_path / MARKER).write_text("")
    (tmp_path / "en" / "old-page").mkdir(parents=True)
    _prepare(tmp_path)
    assert (tmp_path / MARKER).is_file()
    assert not (tmp_path / "en").exists()
