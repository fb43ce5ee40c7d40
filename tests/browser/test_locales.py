"""Every language in a real browser: no sideways scrolling on a 320 px phone, axe-core on the
right-to-left (Arabic, Urdu) and Gujarati pages, and a right-to-left layout that mirrors while
phone numbers and English text keep reading left to right."""

import re

import pytest
from playwright.sync_api import expect

from journey_app.sitemap import is_download

from .conftest import PHONE, axe_violations

# Arabic: one page of each kind. Urdu (right to left too) and Gujarati (its own script): the
# pages with the most kinds of parts on them.
AXE_PAGES = {
    "ar": None,
    "ur": ("/", "/journey/initial-conference", "/stages/assessment", "/where-am-i/", "/contacts"),
    "gu": ("/", "/stages/child-protection-plan", "/rights", "/key-dates", "/easy-read"),
}


@pytest.fixture()
def small_phone(browser):
    context = browser.new_context(**{**PHONE, "viewport": {"width": 320, "height": 640}})
    yield context.new_page()
    context.close()


def html_urls(page_urls):
    return [url for url in page_urls if not is_download(url)]


def one_page_per_route(urls, slugged=r"stages|journey|handout"):
    """The first page of each kind among `urls` (one stage, one handout...): the same template
    serves the others, which the English sweep in test_journey.py covers page by page."""
    chosen = {}
    for url in urls:
        chosen.setdefault(re.sub(rf"/({slugged})/[a-z-]+$", r"/\1/<slug>", url), url)
    return sorted(chosen.values())


def test_no_page_scrolls_sideways_on_a_320_px_phone_in_any_language(
    small_phone, live_server, page_urls
):
    # every page whose words differ: each stage, but one journey map and one handout
    urls = one_page_per_route(html_urls(page_urls), slugged="journey|handout")
    assert len(urls) > 8 * 40
    wide = []
    for url in urls:
        small_phone.goto(f"{live_server}{url}")
        if small_phone.evaluate("() => document.documentElement.scrollWidth > window.innerWidth"):
            wide.append(url)
    assert wide == []


@pytest.mark.parametrize("code", AXE_PAGES)
def test_axe_finds_nothing_on_a_phone(phone, live_server, page_urls, axe_source, code):
    if AXE_PAGES[code] is None:
        # not the whole guide or the booklet on one page: they repeat the parts of the others,
        # and the English sweep checks them
        urls = one_page_per_route(
            u
            for u in html_urls(page_urls)
            if u.startswith(f"/{code}/") and not u.endswith(("/print", "/booklet"))
        )
    else:
        urls = [f"/{code}{path}" for path in AXE_PAGES[code]]
    assert set(urls) <= set(page_urls) and len(urls) >= 5
    found = {}
    for url in urls:
        phone.goto(f"{live_server}{url}")
        if violations := axe_violations(phone, axe_source):
            found[url] = violations
    assert found == {}


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def test_arabic_pages_mirror(phone, live_server):
    page = phone
    page.goto(f"{live_server}/ar/journey")
    circle, title = box(page, ".app-step-nav__circle"), box(page, ".app-step-nav__title")
    assert circle["x"] > title["x"], "the step numbers sit on the right"
    page.goto(f"{live_server}/ar/stages/assessment")
    home, journey = page.locator(".govuk-breadcrumbs__list-item").all()[:2]
    assert home.bounding_box()["x"] > journey.bounding_box()["x"], "breadcrumbs run right to left"
    chevron = journey.evaluate("e => getComputedStyle(e, '::before').transform")
    assert chevron.startswith("matrix(-0.707"), f"the chevron points left: {chevron}"
    page.goto(f"{live_server}/ar/")
    arrow = page.locator(".govuk-button__start-icon").evaluate("e => getComputedStyle(e).transform")
    assert arrow == "matrix(-1, 0, 0, 1, 0, 0)", "the start arrow points left"


def test_phone_numbers_and_english_text_read_left_to_right_in_urdu(phone, live_server):
    page = phone
    page.goto(f"{live_server}/ur/stages/assessment")
    assert page.evaluate("() => getComputedStyle(document.body).direction") == "rtl"
    for number in page.locator("a.app-tel").all():
        assert number.evaluate("e => getComputedStyle(e).direction") == "ltr"
    english = page.locator('main [lang="en"][dir="ltr"]').first
    assert english.evaluate("e => getComputedStyle(e).direction") == "ltr"
    heading = page.locator("h1")
    main = page.locator("main").bounding_box()
    assert abs(heading.bounding_box()["x"] - main["x"]) < 2, "English text starts on the left"


def test_a_parent_switches_language_and_stays_on_the_same_page(phone, live_server):
    page = phone
    page.goto(f"{live_server}/en/stages/initial-conference")
    page.locator(".app-language-switcher").get_by_role("link", name="Polski").tap()
    expect(page).to_have_url(re.compile(r"/pl/stages/initial-conference$"))
    expect(page.locator("html")).to_have_attribute("lang", "pl")
    page.locator(".app-language-switcher").get_by_role("link", name="العربية").tap()
    expect(page).to_have_url(re.compile(r"/ar/stages/initial-conference$"))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
