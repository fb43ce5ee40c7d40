"""Bad requests get a clear page in the reader's language, with a way back and the duty number:
unknown page (404), malformed input (400), a method a page does not take (405), too much sent
(413). Never a server error; tests/app/test_fuzz.py tries random requests."""

import re

import pytest
from flask import abort, request

from journey_app import create_app

MAX_BODY = 16 * 1024


def heading(response):
    return re.search(r"<h1[^>]*>(.*?)</h1>", response.get_data(as_text=True), re.DOTALL)[1]


def language(response):
    return re.search(r'<html lang="([\w-]+)"', response.get_data(as_text=True))[1]


def assert_friendly(response, status, lang="en"):
    text = response.get_data(as_text=True)
    assert response.status_code == status
    assert language(response) == lang
    assert f'href="/{lang}/"' in text  # back to the start, in the same language
    assert 'href="tel:01163050005"' in text
    assert "Traceback" not in text and "werkzeug" not in text.lower()


@pytest.fixture(scope="module")
def other_locale(app):
    """A language other than English, when one is enabled (the page's words then come from its
    catalogue; the layout and status are checked)."""
    others = [code for code in app.extensions["journey_content"].locales if code != "en"]
    return others[0] if others else "en"


def test_unknown_page_in_a_language_and_in_an_unknown_language(client, other_locale):
    assert_friendly(client.get(f"/{other_locale}/no-such-page"), 404, other_locale)
    response = client.get("/xx/no-such-page")
    assert_friendly(response, 404, "en")
    assert heading(response) == "Page not found"


@pytest.mark.parametrize("host", [".", "x..y"])
def test_a_broken_host_header_gets_a_400_page_in_the_language_asked_for(client, host, other_locale):
    """Found by the fuzz test: a Host Flask cannot read left no way to build the page's links."""
    assert_friendly(
        client.get(f"/{other_locale}/rights", headers={"Host": host}), 400, other_locale
    )
    response = client.get("/", headers={"Host": host})
    assert_friendly(response, 400)
    assert "localhost" not in response.get_data(as_text=True)


def test_a_method_a_page_does_not_take_gets_a_405_page(app, client, other_locale):
    response = client.put("/en/rights", data={"answer": "yes"})
    assert_friendly(response, 405)
    assert heading(response) == "Sorry, that did not work"
    assert set(response.headers["Allow"].split(", ")) >= {"GET", "HEAD"}
    assert_friendly(client.delete(f"/{other_locale}/"), 405, other_locale)


def test_too_much_sent_to_any_form_is_refused_cleanly(app, client, other_locale):
    posts = [rule for rule in app.url_map.iter_rules() if "POST" in rule.methods]
    for rule in posts:
        for lang in ("en", other_locale):
            address = rule.rule.replace("<lang>", lang)
            response = client.post(
                address,
                data=b"answer=" + b"x" * MAX_BODY,
                content_type="application/x-www-form-urlencoded",
            )
            assert_friendly(response, 413, lang)
            if lang == "en":
                assert heading(response) == "Sorry, that was too much to send"


@pytest.fixture(scope="module")
def app_with_a_strict_form():
    """The guide with one more form, which refuses what it cannot read (as a form does when an
    answer is not one of its options)."""
    app = create_app({"TESTING": True})

    @app.post("/<lang>/strict-form")
    def strict_form(lang):
        if request.form.get("answer") not in ("yes", "no"):
            abort(400)
        return "ok"

    return app


def test_malformed_input_gets_a_400_page(app_with_a_strict_form, other_locale):
    client = app_with_a_strict_form.test_client()
    assert client.post("/en/strict-form", data={"answer": "yes"}).status_code == 200
    response = client.post("/en/strict-form", data={"answer": "<b>maybe</b>"})
    assert_friendly(response, 400)
    assert heading(response) == "Sorry, we could not read that"
    assert "maybe" not in response.get_data(as_text=True)
    broken = client.post(
        f"/{other_locale}/strict-form",
        data=b"--x\r\nContent-Disposition: form-data; name=answer\r\n",
        content_type="multipart/form-data; boundary=x",
    )
    assert_friendly(broken, 400, other_locale)
    too_big = client.post("/en/strict-form", data={"answer": "x" * MAX_BODY})
    assert_friendly(too_big, 413)
