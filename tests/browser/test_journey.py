"""A parent on a phone, by touch and by keyboard; axe-core on every page at two widths."""

import re

from playwright.sync_api import expect

from journey_app.sitemap import is_download

from .conftest import axe_violations


def test_parent_taps_from_start_to_a_stage_and_who_to_contact(phone, live_server):
    page = phone
    page.goto(f"{live_server}/en/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.get_by_role("link", name="See every step").tap()
    expect(page).to_have_url(re.compile(r"/en/journey$"))
    page.get_by_role("link", name=re.compile("conference", re.I)).first.tap()
    expect(page).to_have_url(re.compile(r"/en/stages/initial-conference$"))
    expect(page.get_by_role("heading", name=re.compile("Who can I contact"))).to_be_visible()
    page.get_by_role("link", name="Everyone you can contact").tap()
    expect(page).to_have_url(re.compile(r"/en/contacts$"))
    expect(page.locator('a[href="tel:01163050005"]').first).to_be_visible()


def test_help_numbers_show_without_scrolling_on_a_small_phone(phone, live_server):
    phone.goto(f"{live_server}/en/")
    for number in ("tel:01163050005", "tel:999"):
        box = phone.locator(f'main a[href="{number}"]').first.bounding_box()
        assert box is not None and box["y"] + box["height"] <= 640, number


def test_every_link_is_reachable_by_keyboard_with_visible_focus(desktop, live_server):
    page = desktop
    for path in ("/en/", "/en/stages/child-protection-enquiry"):
        page.goto(f"{live_server}{path}")
        focusable = page.evaluate(
            "() => [...document.querySelectorAll('a[href], button')]"
            ".filter(e => e.offsetParent !== null)"
            ".map((e, i) => e.dataset.tabCheck = i).length"
        )
        reached, unfocused = set(), []
        for _ in range(focusable + 5):
            page.keyboard.press("Tab")
            info = page.evaluate("""() => {
                const e = document.activeElement;
                const s = getComputedStyle(e);
                return {key: e.dataset.tabCheck || e.outerHTML.slice(0, 120), tag: e.tagName,
                        visible: s.outlineStyle !== 'none' || s.boxShadow !== 'none'
                                 || s.backgroundColor === 'rgb(255, 221, 0)'};
            }""")
            if info["tag"] in ("A", "BUTTON"):
                reached.add(info["key"])
                if not info["visible"]:
                    unfocused.append(info["key"])
        assert len(reached) >= focusable, f"{path}: reached {len(reached)} of {focusable}"
        assert unfocused == [], f"{path}: focus not visible on {unfocused[:3]}"


def test_keyboard_user_follows_a_link_with_enter(desktop, live_server):
    page = desktop
    page.goto(f"{live_server}/en/journey")
    link = page.get_by_role("link", name=re.compile("strategy meeting", re.I)).first
    link.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/stages/strategy-meeting$"))


def english(page_urls):
    """Every page in English. Other languages use the same templates: test_locales.py runs axe on
    the right-to-left and Gujarati pages and checks every language at 320 px."""
    return [url for url in page_urls if url.startswith("/en/") and not is_download(url)]


def test_axe_finds_nothing_on_any_page_on_a_phone(phone, live_server, page_urls, axe_source):
    found = {}
    for url in english(page_urls):
        phone.goto(f"{live_server}{url}")
        if violations := axe_violations(phone, axe_source):
            found[url] = violations
    assert found == {}


def test_axe_finds_nothing_on_any_page_on_a_desktop(desktop, live_server, page_urls, axe_source):
    found = {}
    for url in english(page_urls):
        desktop.goto(f"{live_server}{url}")
        if violations := axe_violations(desktop, axe_source):
            found[url] = violations
    assert found == {}


def test_no_page_scrolls_sideways_on_a_small_phone(phone, live_server, page_urls):
    wide = []
    for url in english(page_urls):
        phone.goto(f"{live_server}{url}")
        # compare with the phone's width, not innerWidth: a mobile browser widens its layout
        # viewport to fit content that overflows
        if phone.evaluate("() => document.documentElement.scrollWidth > 360"):
            wide.append(url)
    assert wide == []
