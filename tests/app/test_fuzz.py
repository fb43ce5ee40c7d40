"""Random requests to every route never break the site.

Hypothesis sends random paths (real addresses, real addresses with junk added, and junk), query
strings, headers, methods and bodies (forms, raw bytes, broken multipart, oversized). Every
answer must be a page the reader can use: never a server error (>= 500), always with the
security headers, never a cookie.

CI runs FUZZ_EXAMPLES (default 2,000) examples; `make fuzz` runs a longer session
(scripts/fuzz.py).
"""

import os
from urllib.parse import quote, unquote_to_bytes, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journey_app import create_app
from journey_app.sitemap import is_download, rule_addresses

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "2000"))
MAX_BODY = 16 * 1024  # config.MAX_CONTENT_LENGTH

METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND"]
HEADER_NAMES = [
    "Accept",
    "Accept-Encoding",
    "Accept-Language",
    "Authorization",
    "Cache-Control",
    "Content-Type",
    "Cookie",
    "Forwarded",
    "Host",
    "If-Match",
    "If-Modified-Since",
    "If-None-Match",
    "If-Range",
    "Origin",
    "Range",
    "Referer",
    "User-Agent",
    "X-Forwarded-For",
    "X-Forwarded-Host",
    "X-Forwarded-Proto",
    "X-Requested-With",
]
CONTENT_TYPES = [
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "multipart/form-data; boundary=x",
    "multipart/form-data; boundary=",
    "application/json",
    "text/plain",
    "text/html; charset=utf-16",
    "application/x-www-form-urlencoded; charset=shift_jis",
    "*/*",
]
# Pieces that have broken web apps before: encodings, traversal, nulls, odd Unicode.
NASTY = [
    "%",
    "%ZZ",
    "%00",
    "%2F",
    "%2e%2e",
    "%C0%AF",
    "%FF%FE",
    "..",
    ".",
    "//",
    "\\",
    "\u202e",
    "\ufeff",
    "\U0001f600",
    "ا",
    "<script>",
    "'\"",
    ";",
    "~",
    "index.html",
    "%0d%0aSet-Cookie:x=1",
]

text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
header_text = st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF), max_size=60)
segment = st.one_of(text.filter(lambda s: "?" not in s and "#" not in s), st.sampled_from(NASTY))


@pytest.fixture(scope="module")
def client():
    app = create_app({"TESTING": True})  # an error raises, with its traceback
    return app.test_client(), known_addresses(app)


class Addresses(list):
    """Every address of every route (printed short when Hypothesis reports a failure)."""

    def __repr__(self):
        return f"<{len(self)} addresses>"


def known_addresses(app):
    addresses = ["/", "/static/favicon.svg"]
    for rule in app.url_map.iter_rules():
        if rule.endpoint != "static":
            addresses += rule_addresses(app, rule)
    # A PDF takes seconds to make the first time (then it is kept): fuzz each PDF route in one
    # language, so CI makes each PDF once rather than once per language.
    addresses = [a for a in addresses if not is_download(a) or a.startswith("/en/")]
    return Addresses(sorted(set(addresses)))


@st.composite
def paths(draw, known):
    kind = draw(st.sampled_from(["known", "known+junk", "junk"]))
    if kind == "known":
        return draw(st.sampled_from(known))
    parts = draw(st.lists(segment, min_size=1, max_size=4))
    junk = "/".join(parts)
    if kind == "junk":
        return "/" + junk
    base = draw(st.sampled_from(known)).rstrip("/")
    return f"{base}/{junk}"


query_strings = st.one_of(
    st.just(""),
    text,
    st.lists(st.tuples(text, text), max_size=5).map(
        lambda pairs: "&".join(f"{k}={v}" for k, v in pairs)
    ),
    st.sampled_from(["lang=pl", "a=1&a=2", "%%%", "=&=&", "x=" + "9" * 500, "\x00=\x00"]),
)

headers = st.dictionaries(
    st.one_of(st.sampled_from(HEADER_NAMES), st.from_regex(r"\AX-[A-Za-z-]{1,20}\Z")),
    header_text,
    max_size=6,
)


def multipart(fields):
    parts = [f'--x\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n' for k, v in fields]
    return ("".join(parts) + "--x--\r\n").encode("utf-8", "surrogatepass")


form_fields = st.lists(st.tuples(text, text), max_size=8)
bodies = st.one_of(
    st.none(),
    form_fields.map(lambda fields: urlencode(fields).encode()),  # a form
    form_fields.map(multipart),  # a form with files' encoding (boundary "x")
    st.binary(max_size=2048),
    st.builds(lambda n: b"a=" + b"x" * n, st.integers(MAX_BODY - 10, MAX_BODY * 4)),  # too big
    st.sampled_from(
        [
            b'--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n',  # never ends
            b"--x--\r\n",
            b'{"answer": [1, 2, {"x": null}]}',
            b"%ZZ=%ZZ&&&=",
            ("day=31&month=2&year=" + "9" * 40).encode(),
        ]
    ),
)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_random_requests_never_break_the_site(client, data):
    test_client, known = client
    path = data.draw(paths(known), label="path")
    method = data.draw(st.sampled_from(METHODS), label="method")
    query = data.draw(query_strings, label="query")
    request_headers = data.draw(headers, label="headers")
    body = data.draw(bodies, label="body")
    content_type = data.draw(st.one_of(st.none(), st.sampled_from(CONTENT_TYPES)), label="type")
    if content_type:
        request_headers["Content-Type"] = content_type

    # Given as a server passes them on (WSGI: the bytes as Latin-1), so that even addresses the
    # test client itself cannot parse reach the app. The query is as it arrives in a request
    # line: no raw spaces or control characters (a server refuses those before the app), but
    # broken %-escapes and any bytes as escapes.
    raw_query = quote(query, safe="%=&;/?:@!$'()*+,~[]").encode().decode("latin-1")
    environ = {
        "PATH_INFO": unquote_to_bytes(path).decode("latin-1"),
        "QUERY_STRING": raw_query,
        "REQUEST_URI": path + ("?" + raw_query if raw_query else ""),
    }
    response = test_client.open(
        "/", method=method, headers=request_headers, data=body, environ_overrides=environ
    )

    assert response.status_code < 500, response.get_data(as_text=True)[:500]
    assert "Content-Security-Policy" in response.headers
    assert "Set-Cookie" not in response.headers


def test_the_fuzz_reaches_the_error_pages_it_should(client):
    """The friendly pages the fuzz relies on: 404, 405, 400 and 413 in the reader's language."""
    test_client, _ = client
    assert test_client.get("/en/no-such-page").status_code == 404
    assert test_client.get("/%ZZ/").status_code == 404
    assert test_client.put("/en/").status_code == 405
    big = test_client.post("/en/", data=b"a=" + b"x" * (MAX_BODY * 2))
    assert big.status_code in (405, 413)
