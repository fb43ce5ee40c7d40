"""Nothing a family types reaches a log: answers, dates and words stay out of every log line.

The guide runs on a real (werkzeug) server, as in development, so that server's own request log
is covered too. The test fills in and sends every form the guide has - found by reading its pages,
and followed from answer to next question - plus every route that takes a POST, a form sent to a
route that does not take one, an oversized one and a broken one. Then no log line, from any
logger or written straight to the terminal, may hold one of the values sent.
"""

import datetime
import logging
import re
import threading
import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin

import pytest
from werkzeug.serving import make_server

from journey_app import create_app
from journey_app.sitemap import every_page_url, is_download, rule_addresses

# Words no page, route or log would ever contain by chance.
MARKER = "Quokka{}Zephyr"
FAR_YEAR = "2037"  # a year no timestamp in the log will show while this test is in use
MAX_SUBMISSIONS = 200


class Forms(HTMLParser):
    """Every form on a page: its action, method and fields (name, type, value, choices)."""

    def __init__(self):
        super().__init__()
        self.forms, self._select = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append(
                {
                    "action": attrs.get("action") or "",
                    "method": (attrs.get("method") or "get").upper(),
                    "fields": [],
                }
            )
        elif not self.forms or "name" not in attrs and tag != "option":
            return
        elif tag == "input" and attrs.get("type") not in ("submit", "button", "image", "reset"):
            self.forms[-1]["fields"].append(
                (attrs["name"], attrs.get("type", "text"), attrs.get("value", ""))
            )
        elif tag == "textarea":
            self.forms[-1]["fields"].append((attrs["name"], "text", ""))
        elif tag == "select":
            self._select = [attrs["name"], "select", []]
            self.forms[-1]["fields"].append(self._select)
        elif tag == "option" and self._select is not None and attrs.get("value"):
            self._select[2].append(attrs["value"])

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def fillings(form, day):
    """Ways to fill one form: each choice of its radio buttons and lists in turn; words and dates
    typed in, with values that can be searched for in the log."""
    groups = {}  # the options of each radio group or list, in order
    for name, kind, value in form["fields"]:
        if kind == "radio":
            groups.setdefault(name, []).append(value)
        elif kind == "select":
            groups[name] = list(value)
    rounds = max((len(options) for options in groups.values() if options), default=1)
    for turn in range(rounds):
        fields, chosen, typed = [], set(), 0
        for name, kind, value in form["fields"]:
            if kind in ("radio", "select"):
                if name not in chosen and groups.get(name):
                    fields.append((name, groups[name][turn % len(groups[name])]))
                    chosen.add(name)
            elif kind == "checkbox":
                fields.append((name, value or "on"))
            elif kind == "hidden":
                fields.append((name, value))
            elif "day" in name:
                fields.append((name, str(day.day)))
            elif "month" in name:
                fields.append((name, str(day.month)))
            elif "year" in name:
                fields.append((name, str(day.year)))
            elif kind == "date":
                fields.append((name, day.isoformat()))
            else:
                typed += 1
                fields.append((name, MARKER.format(typed)))
        yield fields


class Guide:
    """The guide on a real server, and a record of every value sent to it."""

    def __init__(self, origin):
        self.origin = origin
        self.sent: set[str] = set()
        self.requests = 0

    def send(self, method, address, fields=(), body=None, content_type=None):
        data = body
        if fields:
            self.sent.update(value for _, value in fields)
            encoded = urlencode(list(fields))
            if method == "GET":
                address = f"{address}?{encoded}"
            else:
                data = encoded.encode()
        request = urllib.request.Request(self.origin + address, data=data, method=method)
        if content_type or data is not None:
            request.add_header("Content-Type", content_type or "application/x-www-form-urlencoded")
        self.requests += 1
        try:
            with urllib.request.urlopen(request) as response:
                return (
                    response.status,
                    response.geturl(),
                    response.read().decode("utf-8", "replace"),
                )
        except urllib.error.HTTPError as error:
            return error.code, address, error.read().decode("utf-8", "replace")


@pytest.fixture()
def guide(caplog):
    caplog.set_level(logging.DEBUG)  # every logger, every level
    app = create_app({"TESTING": True})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield app, Guide(f"http://127.0.0.1:{server.server_port}")
    server.shutdown()


def date_forms(day):
    """How a date may be written down: 2026-11-19, 19/11/2026, 19 November 2026 ..."""
    d, m, y = day.day, day.month, day.year
    return {
        day.isoformat(),
        f"{d}/{m}/{y}",
        f"{d:02}/{m:02}/{y}",
        f"{d}-{m}-{y}",
        f"{d:02}-{m:02}-{y}",
        f"{d}.{m}.{y}",
        f"{y}{m:02}{d:02}",
        f"{d} {day:%B} {y}",
        f"{day:%B} {d}, {y}",
        f"{y}-{m}-{d}",
    }


def test_no_value_sent_to_the_guide_reaches_a_log(guide, caplog, capfd):
    app, site = guide
    today = datetime.date.today()
    known_day = today - datetime.timedelta(days=3)
    far_day = datetime.date(int(FAR_YEAR), 11, 19)
    # one page of each route (the forms are the same for every stage of a route)
    pages = {}
    for url in every_page_url(app):
        if url.startswith("/en/") and not is_download(url):
            route = app.url_map.bind("localhost").match(url, return_rule=True)[0].rule
            pages.setdefault(route, url)

    # every route, asked for with a query string full of answers and dates
    query = [("answer", MARKER.format("q")), ("date", known_day.isoformat()), ("year", FAR_YEAR)]
    queue = []
    for url in pages.values():
        _, _, html = site.send("GET", url, query)
        queue += [(url, form) for form in parse_forms(html)]
    forms_found = len(queue)

    # every form, every choice, followed from each answer to the next form (the next question)
    seen = set()
    while queue and site.requests < MAX_SUBMISSIONS:
        page, form = queue.pop(0)
        for day in (known_day, far_day):
            for fields in fillings(form, day):
                key = (form["method"], form["action"], tuple(fields))
                if key in seen:
                    continue
                seen.add(key)
                action = urljoin(page, form["action"]) if form["action"] else page
                _, landed, html = site.send(form["method"], action, fields)
                path = landed.removeprefix(site.origin).split("?")[0]
                queue += [(path, next_form) for next_form in parse_forms(html)]

    # every route that takes a POST, with what such a form would plausibly hold
    plausible = [
        ("answer", MARKER.format("a")),
        ("question", MARKER.format("b")),
        ("known", MARKER.format("c")),
        ("date-day", "19"),
        ("date-month", "11"),
        ("date-year", FAR_YEAR),
        ("date", far_day.isoformat()),
        ("name", MARKER.format("d")),
        ("phone", "07700900461"),
    ]
    post_routes = [rule for rule in app.url_map.iter_rules() if "POST" in rule.methods]
    for rule in post_routes:
        for address in rule_addresses(app, rule):
            if address.startswith("/en/"):
                site.send("POST", address, plausible)
    # a form sent to a page that takes none, one too big, one broken
    site.send("POST", "/en/", plausible)
    site.send("POST", "/en/where-am-i/", body=b"answer=" + MARKER.format("big").encode() * 2000)
    site.sent.add(MARKER.format("big"))
    site.send(
        "POST",
        "/en/key-dates",
        body=b"--x\r\nbroken" + FAR_YEAR.encode(),
        content_type="multipart/form-data; boundary=x",
    )

    captured = capfd.readouterr()
    log = "\n".join([caplog.text, captured.out, captured.err])
    lines = [line for line in log.splitlines() if line.strip()]

    # the log is on, and says what an operator needs: method, route, status, time
    request_lines = [
        line for line in lines if re.search(r"method=\w+ route=\S+ status=\d{3}", line)
    ]
    assert len(request_lines) >= site.requests
    assert any("method=POST route=/<lang>/" in line for line in request_lines) or not post_routes

    # and nothing that was sent
    rules = " ".join(rule.rule for rule in app.url_map.iter_rules())
    # a year on its own is checked for the far year only: this year is in the log's timestamps
    values = {v for v in site.sent if len(v) >= 4 and v not in rules and v != str(today.year)}
    values |= date_forms(known_day) | date_forms(far_day) | {FAR_YEAR, "07700900461"}
    leaked = {
        value: [
            line for line in lines if re.search(rf"(?<![\w-]){re.escape(value)}(?![\w-])", line)
        ]
        for value in values
    }
    leaked = {value: found[:2] for value, found in leaked.items() if found}
    assert leaked == {}
    assert "?" not in "".join(request_lines)
    print(
        f"{site.requests} requests: {forms_found} forms on the pages, {len(seen)} submissions, "
        f"{len(post_routes)} POST routes; {len(values)} values checked in {len(lines)} log lines"
    )


def parse_forms(html):
    parser = Forms()
    parser.feed(html)
    return parser.forms


def test_an_error_in_a_page_logs_where_it_happened_but_not_its_message(caplog):
    """An error's message may quote what a reader typed (a bad date, say): the log keeps the
    route, the kind of error and the code that raised it, and leaves the message out."""
    caplog.set_level(logging.DEBUG)
    app = create_app({"TESTING": True, "PROPAGATE_EXCEPTIONS": False})

    @app.get("/<lang>/broken")
    def broken(lang):
        return datetime.date.fromisoformat(f"{FAR_YEAR}-02-31-{MARKER.format('e')}")

    response = app.test_client().get(f"/en/broken?date={FAR_YEAR}-02-31")
    assert response.status_code == 500
    assert "Sorry, something went wrong" in response.get_data(as_text=True)
    assert "Content-Security-Policy" in response.headers
    assert "Exception on route=/<lang>/broken: ValueError" in caplog.text
    assert "in broken" in caplog.text  # where it happened
    assert FAR_YEAR not in caplog.text and MARKER.format("e") not in caplog.text
