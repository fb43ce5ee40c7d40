"""The static export on a plain static file server: a parent's journey works with no app running."""

import re
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def static_host(exported_site):
    """The export served by Python's own static file server, as any static host would."""
    folder, _ = exported_site
    handler = partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_parent_taps_from_start_to_a_stage_and_who_to_contact_on_a_static_host(phone, static_host):
    page = phone
    failed = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(f"{static_host}/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    # the style sheet arrived: the start button is the council's colour, not a plain link
    button = page.get_by_role("button", name="Find out where you are")
    assert button.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    page.get_by_role("link", name="See every step").tap()
    expect(page).to_have_url(re.compile(r"/en/journey/?$"))
    page.get_by_role("link", name=re.compile("conference", re.I)).first.tap()
    expect(page).to_have_url(re.compile(r"/en/stages/initial-conference/?$"))
    expect(page.get_by_role("heading", name=re.compile("Who can I contact"))).to_be_visible()
    page.get_by_role("link", name="Everyone you can contact").tap()
    expect(page).to_have_url(re.compile(r"/en/contacts/?$"))
    expect(page.locator('a[href="tel:01163050005"]').first).to_be_visible()
    assert failed == []


def test_the_questions_point_to_the_map_on_a_static_host(phone, static_host, exported_site):
    """The questions need the server; on a static host their page says so and offers the map."""
    _, report = exported_site
    page = phone
    page.goto(f"{static_host}/en/")
    page.get_by_role("button", name="Find out where you are").tap()
    needs_server = {url.rstrip("/") for url in report.dynamic_forms}
    page.wait_for_url(lambda url: urlsplit(url).path.rstrip("/") in needs_server)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_text("This copy of the guide cannot use your answers.")).to_be_visible()
    expect(page.locator('main a[href="tel:01163050005"]').first).to_be_visible()
    page.locator("main").get_by_role("link", name="See every step").tap()
    expect(page).to_have_url(re.compile(r"/en/journey/?$"))
