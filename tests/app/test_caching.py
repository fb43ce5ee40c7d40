"""HTTP caching: ETags and 304s, compression, year-long assets, and no-store left alone."""

import gzip
import re

import brotli
import pytest
from flask import make_response, request_started, template_rendered

from journey_app import create_app


@pytest.fixture(scope="module")
def production_app():
    """The guide as production runs it (pages kept after their first render), plus one page that
    says no-store, as the question, result and key-dates pages do."""
    app = create_app({"TESTING": True, "KEEP_RENDERED_PAGES": True})
    app.private_renders = 0

    @app.get("/<lang>/no-store-example")
    def no_store_example(lang):
        app.private_renders += 1
        response = make_response(f"<p>Your answers, render {app.private_renders}</p>")
        response.headers["Cache-Control"] = "no-store"
        return response

    return app


def _renders(app, url, **kwargs):
    """The response to url, and how many templates were rendered to make it."""
    rendered = []

    def record(sender, template, context, **extra):
        rendered.append(template.name)

    with template_rendered.connected_to(record, app):
        response = app.test_client().get(url, **kwargs)
    return response, rendered


def test_every_page_has_a_strong_etag_and_may_be_kept_five_minutes(pages):
    for url, response in pages.items():
        if "no-store" in response.headers.get("Cache-Control", ""):
            continue
        etag = response.headers.get("ETag", "")
        assert re.fullmatch(r'"[0-9a-f]{40}"', etag), url
        assert response.headers["Cache-Control"] == "public, max-age=300", url


def test_pages_that_say_no_store_keep_it_and_get_no_etag(pages, production_app):
    private = [r for r in pages.values() if "no-store" in r.headers.get("Cache-Control", "")]
    private.append(production_app.test_client().get("/en/no-store-example"))
    for response in private:
        assert "public" not in response.headers["Cache-Control"]
        assert "max-age" not in response.headers["Cache-Control"]
        assert "ETag" not in response.headers


def test_a_browser_holding_the_page_gets_an_empty_304(client):
    first = client.get("/en/stages/initial-conference")
    again = client.get(
        "/en/stages/initial-conference", headers={"If-None-Match": first.headers["ETag"]}
    )
    assert again.status_code == 304
    assert again.data == b""
    assert again.headers["ETag"] == first.headers["ETag"]
    assert again.headers["Cache-Control"] == "public, max-age=300"


def test_a_browser_holding_another_version_gets_the_whole_page(client):
    stale = client.get("/en/", headers={"If-None-Match": '"0123456789abcdef"'})
    assert stale.status_code == 200
    assert b"<h1" in stale.data
    other_page = client.get("/en/rights")
    assert other_page.headers["ETag"] != stale.headers["ETag"]


@pytest.mark.parametrize(
    ("encoding", "decompress"), [("gzip", gzip.decompress), ("br", brotli.decompress)]
)
def test_pages_are_compressed_for_browsers_that_ask(client, encoding, decompress):
    plain = client.get("/en/words")
    packed = client.get("/en/words", headers={"Accept-Encoding": encoding})
    assert packed.headers["Content-Encoding"] == encoding
    assert "Accept-Encoding" in packed.headers["Vary"]
    assert decompress(packed.data) == plain.data
    assert len(packed.data) < len(plain.data) / 2
    etag = packed.headers["ETag"]
    assert etag == plain.headers["ETag"][:-1] + f':{encoding}"'
    again = client.get("/en/words", headers={"Accept-Encoding": encoding, "If-None-Match": etag})
    assert again.status_code == 304
    assert again.data == b""


def test_built_assets_are_kept_for_a_year_and_other_files_for_a_day(client):
    start = client.get("/en/").get_data(as_text=True)
    assets = re.findall(r'(?:href|src)="(/static/build/[^"]+)"', start)
    assert any(a.endswith(".css") for a in assets) and any(a.endswith(".js") for a in assets)
    for asset in assets:
        response = client.get(asset)
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        response.close()
    favicon = client.get("/static/favicon.svg")
    assert favicon.headers["Cache-Control"] == "public, max-age=86400"
    favicon.close()


def test_not_found_pages_are_not_marked_for_caching(production_app):
    missing = production_app.test_client().get("/en/stages/no-such-stage")
    assert missing.status_code == 404
    assert "public" not in missing.headers.get("Cache-Control", "")
    assert "/en/stages/no-such-stage" not in production_app.extensions["journey_kept_pages"]


def test_in_production_a_page_is_rendered_once_then_served_as_it_was(production_app):
    first, rendered = _renders(production_app, "/en/stages/strategy-meeting")
    assert "guide/stage.html" in rendered
    again, rendered_again = _renders(production_app, "/en/stages/strategy-meeting")
    assert rendered_again == []
    assert again.data == first.data
    assert again.headers["ETag"] == first.headers["ETag"]
    assert again.headers.get("Content-Security-Policy") == first.headers.get(
        "Content-Security-Policy"
    )
    head = production_app.test_client().head("/en/stages/strategy-meeting")
    assert head.status_code == 200 and head.data == b""
    assert head.headers["ETag"] == first.headers["ETag"]


def test_an_address_with_a_query_string_is_rendered_afresh(production_app):
    _renders(production_app, "/en/journey")
    _, rendered = _renders(production_app, "/en/journey?from=leaflet")
    assert "guide/journey.html" in rendered


def test_no_store_pages_are_rendered_for_each_request(production_app):
    client = production_app.test_client()
    first = client.get("/en/no-store-example").get_data(as_text=True)
    second = client.get("/en/no-store-example").get_data(as_text=True)
    assert first != second
    assert "/en/no-store-example" not in production_app.extensions["journey_kept_pages"]


def _flask_runs(app, url, **kwargs):
    """The response to url, and whether Flask itself handled it (or a kept copy answered)."""
    handled = []

    def record(sender, **extra):
        handled.append(True)

    with request_started.connected_to(record, app):
        response = app.test_client().get(url, **kwargs)
    return response, bool(handled)


@pytest.mark.parametrize("encoding", ["", "gzip", "gzip, deflate, br, zstd"])
def test_a_kept_page_is_replayed_byte_for_byte_without_running_flask(production_app, encoding):
    url = "/pl/stages/child-in-need"
    headers = {"Accept-Encoding": encoding} if encoding else {}
    rendered, _ = _flask_runs(production_app, url, headers=headers)
    kept, _ = _flask_runs(production_app, url, headers=headers)
    replayed, flask_ran = _flask_runs(production_app, url, headers=headers)
    assert not flask_ran
    assert replayed.status_code == 200
    assert replayed.data == kept.data == rendered.data
    assert sorted(replayed.headers.items()) == sorted(kept.headers.items())


def test_a_replayed_page_is_still_logged_by_route_only(production_app, caplog):
    url = "/ur/stages/assessment"
    for _ in range(2):
        production_app.test_client().get(url)
    caplog.clear()
    with caplog.at_level("INFO", logger="journey_app.requests"):
        _, flask_ran = _flask_runs(production_app, url)
    assert not flask_ran
    assert [r.getMessage()[: -len(r.getMessage().split("ms=")[1])] for r in caplog.records] == [
        "method=GET route=/<lang>/stages/<slug> status=200 ms="
    ]


def test_https_and_http_copies_are_kept_apart(production_app):
    url = "/ar/rights"
    for _ in range(3):
        secure = production_app.test_client().get(url, base_url="https://localhost")
        plain = production_app.test_client().get(url)
    assert "Strict-Transport-Security" in secure.headers
    assert "Strict-Transport-Security" not in plain.headers


def test_questions_queries_and_revalidations_always_reach_flask(production_app):
    url = "/en/journey"
    for _ in range(2):
        first, _ = _flask_runs(production_app, url)
    for kwargs in (
        {"headers": {"If-None-Match": first.headers["ETag"]}},
        {"query_string": {"from": "leaflet"}},
    ):
        _, flask_ran = _flask_runs(production_app, url, **kwargs)
        assert flask_ran
    for _ in range(3):
        _, flask_ran = _flask_runs(production_app, "/en/no-store-example")
        assert flask_ran
    for _ in range(3):
        answered = production_app.test_client().post(
            "/en/where-am-i/", data={"show": "away-or-court"}
        )
    assert answered.status_code == 200 and "no-store" in answered.headers["Cache-Control"]


def test_made_up_accept_encodings_cannot_fill_memory(production_app):
    """Each page keeps only its first few forms; any other is still answered, by Flask."""
    from journey_app.caching import MAX_COPIES_PER_PAGE

    url = "/ro/stages/case-closed"
    for n in range(MAX_COPIES_PER_PAGE + 4):
        for _ in range(2):
            answered, _ = _flask_runs(production_app, url, headers={"Accept-Encoding": f"x{n}"})
            assert answered.status_code == 200
    _, flask_ran = _flask_runs(production_app, url, headers={"Accept-Encoding": "x0"})
    assert not flask_ran
    _, flask_ran = _flask_runs(
        production_app, url, headers={"Accept-Encoding": f"x{MAX_COPIES_PER_PAGE + 3}"}
    )
    assert flask_ran
