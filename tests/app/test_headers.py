"""Security headers on every response of every route: pages, files, redirects and error pages."""

import json

import pytest

from journey_app.config import PROJECT_ROOT
from journey_app.sitemap import is_download, rule_addresses

FEATURES_DENIED = ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics")


def every_request(app):
    """(route, method, address) for every method of every route, with its parameters filled from
    the content: one address in English and one in another language (the headers do not depend
    on the stage or the language; a PDF, slow to make, only in English); the static route with
    real files."""
    manifest = json.loads((PROJECT_ROOT / "static" / "build" / "manifest.json").read_text())
    other = next((code for code in app.extensions["journey_content"].locales if code != "en"), "")
    requests = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            addresses = ["/static/favicon.svg", *(f"/static/build/{f}" for f in manifest.values())]
        else:
            found = rule_addresses(app, rule)
            languages = ("en",) if is_download(found[0]) else ("en", other)
            addresses = [
                next((a for a in found if a.startswith(f"/{lang}/")), found[0])
                for lang in languages
            ]
        for method in sorted(rule.methods):
            requests.extend((rule.rule, method, address) for address in addresses)
    # and what no route serves: an unknown page, a method a route does not take
    requests += [(None, "GET", "/en/no-such-page"), (None, "GET", "/xx/"), (None, "DELETE", "/en/")]
    return requests


def directives(policy):
    parts = [part.strip().split() for part in policy.split(";") if part.strip()]
    return {name: values for name, *values in parts}


@pytest.fixture(scope="module")
def responses(app):
    client = app.test_client()
    return {(r, m, a): client.open(a, method=m) for r, m, a in every_request(app)}


def test_every_route_and_method_is_tried(app, responses):
    routes = {(rule.rule, method) for rule in app.url_map.iter_rules() for method in rule.methods}
    tried = {(route, method) for route, method, _ in responses if route}
    assert tried == routes
    statuses = {response.status_code for response in responses.values()}
    assert statuses >= {200, 302, 404, 405}


def test_every_response_has_a_strict_content_security_policy(responses):
    for request, response in responses.items():
        policy = directives(response.headers["Content-Security-Policy"])
        assert policy["default-src"] == ["'self'"], request
        assert policy["script-src"] == ["'self'"], request
        assert policy["style-src"] == ["'self'"], request
        assert policy["frame-ancestors"] == ["'none'"], request
        assert policy["base-uri"] == ["'none'"], request
        assert policy["form-action"] == ["'self'"], request
        assert policy["object-src"] == ["'none'"], request
        text = response.headers["Content-Security-Policy"]
        assert "unsafe-inline" not in text and "unsafe-eval" not in text, request
        # nothing may come from another site
        for values in policy.values():
            assert all(v in ("'self'", "'none'") for v in values), (request, values)


def test_every_response_has_the_other_security_headers(responses):
    for request, response in responses.items():
        headers = response.headers
        assert headers["X-Content-Type-Options"] == "nosniff", request
        assert headers["Referrer-Policy"] == "no-referrer", request
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin", request
        permissions = dict(
            part.strip().split("=", 1) for part in headers["Permissions-Policy"].split(",")
        )
        for feature in FEATURES_DENIED:
            assert permissions[feature] == "()", (request, feature)
        assert set(permissions.values()) == {"()"}, request


def test_no_response_sets_a_cookie(responses):
    for request, response in responses.items():
        assert "Set-Cookie" not in response.headers, request


def test_strict_transport_security_only_over_https(app, page_urls):
    client = app.test_client()
    for url in page_urls[:5] + ["/en/no-such-page", "/static/favicon.svg"]:
        over_https = client.get(url, base_url="https://guide.example")
        hsts = over_https.headers["Strict-Transport-Security"]
        assert hsts.startswith("max-age=") and int(hsts.split("=")[1].split(";")[0]) >= 31536000
        assert "Strict-Transport-Security" not in client.get(url).headers, url


def test_https_behind_a_proxy_is_recognised(app):
    """gunicorn turns X-Forwarded-Proto from a trusted proxy into the request's scheme; the
    header is sent when the request arrives as HTTPS however it got there."""
    client = app.test_client()
    response = client.get("/en/", environ_overrides={"wsgi.url_scheme": "https"})
    assert "Strict-Transport-Security" in response.headers
