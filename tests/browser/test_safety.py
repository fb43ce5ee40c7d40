"""Safe to use when someone may be watching, checked in a real browser.

- A crawl of every page in two languages: no cookie or stored data on the device, no request to
  any other site, nothing the security policy had to block, and the scripts still run under it.
- "Exit this page", by tap on a phone and by Shift pressed three times: it leaves for the neutral
  site, and Back from there does not show the page that was open.

The neutral site is a small server of our own on 127.0.0.1 (another port, so another origin);
Chromium cannot reach any outside host.
"""

import re
import shutil
import threading
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from playwright.sync_api import expect
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from journey_app import create_app
from journey_app.config import PROJECT_ROOT
from journey_app.sitemap import is_download

from .conftest import DESKTOP, PHONE

# Recorded in the page before any of its own scripts run (Playwright adds it outside the page's
# security policy): every policy violation, and whether the page's storage was touched.
WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline code'}`);
});
"""
PAGE_STATE = """() => ({
  violations: window.__violations,
  cookie: document.cookie,
  localStorage: localStorage.length,
  sessionStorage: sessionStorage.length,
  scripted: document.body.classList.contains('govuk-frontend-supported'),
  exitReady: document.querySelector('[data-module="govuk-exit-this-page"]')
    ?.hasAttribute('data-govuk-exit-this-page-init') ?? false,
})"""


def serve(wsgi_app):
    server = make_server("127.0.0.1", 0, wsgi_app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


@Request.application
def neutral_site(request):
    """An everyday site: a weather page, and a page the reader was on before the guide."""
    title = "Weather" if request.path == "/weather" else "Before"
    html = f"<!DOCTYPE html><html lang='en'><title>{title}</title><h1>{title}</h1></html>"
    return Response(html, mimetype="text/html")


@pytest.fixture(scope="module")
def neutral():
    server, origin = serve(neutral_site)
    yield origin
    server.shutdown()


@pytest.fixture(scope="module")
def guide(neutral, tmp_path_factory):
    """The guide, on a copy of the content whose "Exit this page" goes to the neutral site."""
    content = tmp_path_factory.mktemp("exit") / "content"
    shutil.copytree(PROJECT_ROOT / "content", content)
    settings_file = content / "settings.yml"
    settings = settings_file.read_text(encoding="utf-8")
    exit_url = yaml.safe_load(settings)["exit_url"]
    settings_file.write_text(settings.replace(exit_url, f"{neutral}/weather"), encoding="utf-8")
    server, origin = serve(create_app({"TESTING": True, "CONTENT_DIR": str(content)}))
    yield origin
    server.shutdown()


# --- the crawl ----------------------------------------------------------------------------


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def crawl_locales(app):
    """English and one other language: a right-to-left one when enabled, as it differs most."""
    enabled = list(app.extensions["journey_content"].locales)
    others = [code for code in enabled if code != "en"]
    rtl = [code for code in others if code in ("ar", "ur")]
    return ["en", *(rtl or others)[:1]]


def pages_to_crawl(app, page_urls, locales):
    """Every page of the sitemap in these languages, and every page their links lead to in the
    guide (such as each question), found by following links; downloads are not pages."""
    client = app.test_client()
    prefixes = tuple(f"/{code}/" for code in locales)
    queue = [url for url in page_urls if url.startswith(prefixes)]
    seen, pages = set(queue), []
    while queue:
        url = queue.pop(0)
        response = client.get(url)
        if response.mimetype != "text/html" or is_download(url):
            continue
        pages.append(url)
        parser = Links()
        parser.feed(response.get_data(as_text=True))
        for href in parser.hrefs:
            target = urlsplit(urljoin(url, href))
            if target.scheme or target.netloc or not target.path.startswith(prefixes):
                continue
            address = target.path + (f"?{target.query}" if target.query else "")
            if address not in seen:
                seen.add(address)
                queue.append(address)
    return pages


def test_crawl_of_every_page_in_two_languages_stays_private(app, browser, live_server, page_urls):
    locales = crawl_locales(app)
    urls = pages_to_crawl(app, page_urls, locales)
    assert len(urls) > 2 * 30 if len(locales) == 2 else len(urls) > 30

    context = browser.new_context(**DESKTOP)  # what is checked does not depend on the width
    context.add_init_script(WATCH_VIOLATIONS)
    page = context.new_page()
    requested, console = [], []
    page.on("request", lambda request: requested.append(request.url))
    page.on("console", lambda message: console.append((page.url, message.type, message.text)))
    problems = {}
    for url in urls:
        response = page.goto(f"{live_server}{url}")
        state = page.evaluate(PAGE_STATE)
        found = []
        if response.status != 200:
            found.append(f"status {response.status}")
        if state["violations"]:
            found.append(f"blocked by the security policy: {state['violations']}")
        if state["cookie"] or state["localStorage"] or state["sessionStorage"]:
            found.append(f"stored something: {state}")
        if not (state["scripted"] and state["exitReady"]):
            found.append("the scripts did not run")
        if found:
            problems[url] = found
    cookies = context.cookies()
    context.close()

    assert problems == {}
    assert cookies == []
    elsewhere = [url for url in requested if not url.startswith(f"{live_server}/")]
    assert elsewhere == []
    # the browser tells of a refused script, style or feature in its console
    noisy = [m for m in console if m[1] in ("error", "warning")]
    assert noisy == []
    print(f"crawled {len(urls)} pages in {', '.join(locales)}: {len(requested)} requests")


# --- Exit this page ---------------------------------------------------------------------------


def visit_guide(page, neutral, guide):
    """Arrive at the guide from another site, read the start page, then a stage page."""
    page.goto(f"{neutral}/before")
    page.goto(f"{guide}/en/")
    page.goto(f"{guide}/en/stages/assessment")
    expect(page.locator("[data-govuk-exit-this-page-init]")).to_have_count(1)


def assert_left_without_trace(page, neutral, guide):
    expect(page).to_have_url(f"{neutral}/weather")
    expect(page.get_by_role("heading", name="Weather")).to_be_visible()
    page.go_back()
    # Back skips the stage page that was open: it shows the page read before it, which (as
    # "Staying safe online" says) stays in the history
    expect(page).to_have_url(f"{guide}/en/")
    page.go_back()
    expect(page).to_have_url(f"{neutral}/before")
    page.go_forward()
    page.go_forward()
    expect(page).to_have_url(f"{neutral}/weather")


def test_exit_by_tap_on_a_phone_leaves_and_back_does_not_show_the_page(browser, neutral, guide):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    visit_guide(page, neutral, guide)
    page.get_by_role("button", name="Exit this page").tap()
    assert_left_without_trace(page, neutral, guide)
    context.close()


def test_exit_by_shift_three_times_leaves_and_back_does_not_show_the_page(browser, neutral, guide):
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    visit_guide(page, neutral, guide)
    page.locator("main h1").click()  # the reader is reading, not on the button
    for _ in range(3):
        page.keyboard.press("Shift")
    assert_left_without_trace(page, neutral, guide)
    context.close()


def test_exit_by_keyboard_on_the_button(browser, neutral, guide):
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    visit_guide(page, neutral, guide)
    page.get_by_role("button", name="Exit this page").focus()
    page.keyboard.press("Enter")
    assert_left_without_trace(page, neutral, guide)
    context.close()


def test_exit_without_javascript_is_a_plain_link_to_the_neutral_site(browser, neutral, guide):
    context = browser.new_context(**PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{guide}/en/stages/assessment")
    page.get_by_role("button", name="Exit this page").tap()
    expect(page).to_have_url(f"{neutral}/weather")
    context.close()


def test_staying_safe_page_is_linked_beside_the_exit_button_and_in_the_footer(phone, live_server):
    phone.goto(f"{live_server}/en/stages/assessment")
    near_exit = phone.locator(".app-exit-help a")
    expect(near_exit).to_have_text("Staying safe online")
    near_exit.tap()
    expect(phone).to_have_url(re.compile(r"/en/staying-safe$"))
    expect(phone.get_by_role("heading", level=1)).to_have_text("Staying safe online")
    expect(phone.locator("footer").get_by_role("link", name="Staying safe online")).to_be_visible()
