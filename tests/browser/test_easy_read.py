"""Easy read on a phone: axe finds nothing, pictures sit on the reading side (left, or right in
Arabic), type is large on screen and on paper, with no italics and no capitals."""

import re

from playwright.sync_api import expect

from .conftest import axe_violations

EASY_READ = [
    "/en/easy-read",
    "/en/easy-read/rights",
    "/en/easy-read/contacts",
    "/en/easy-read/booklet",
    "/ar/easy-read",
    "/ar/easy-read/stages/keeping-safe-now",
]


def easy_read_pages(app):
    stages = [f"/en/easy-read/stages/{s.slug}" for s in app.extensions["journey_content"].stages]
    return EASY_READ + stages


def test_axe_finds_nothing_on_the_easy_read_pages_on_a_phone(app, phone, live_server, axe_source):
    found = {}
    for path in easy_read_pages(app):
        phone.goto(f"{live_server}{path}")
        if violations := axe_violations(phone, axe_source):
            found[path] = violations
    assert found == {}


def picture_side(page):
    """For each line: is the picture before the text in the reading direction?"""
    return page.evaluate(
        """() => [...document.querySelectorAll('main .app-er-line')].map(line => {
            const picture = line.querySelector('img').getBoundingClientRect();
            const text = line.querySelector('.app-er-line__text').getBoundingClientRect();
            if (picture.right <= text.left) return 'left';
            return picture.left >= text.right ? 'right' : 'overlap';
        })"""
    )


def test_pictures_are_on_the_left_and_on_the_right_in_arabic(phone, live_server):
    phone.goto(f"{live_server}/en/easy-read/stages/assessment")
    assert set(picture_side(phone)) == {"left"}
    phone.goto(f"{live_server}/ar/easy-read/stages/assessment")
    assert set(picture_side(phone)) == {"right"}
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 360


def font_sizes(page):
    return page.evaluate(
        """() => [...document.querySelectorAll('main .app-er-line__text')]
            .map(e => parseFloat(getComputedStyle(e).fontSize))"""
    )


def test_large_type_on_screen_and_14_point_on_paper(phone, live_server):
    phone.goto(f"{live_server}/en/easy-read/stages/child-protection-plan")
    assert min(font_sizes(phone)) >= 19
    sizes = phone.evaluate(
        "() => [...document.querySelectorAll('main .app-er-picture')].map(e => e.width)"
    )
    assert min(sizes) >= 56
    phone.emulate_media(media="print")
    assert min(font_sizes(phone)) >= 14 * 96 / 72 - 0.1  # 14 pt in CSS pixels


def test_no_italics_and_no_capitals(phone, live_server):
    phone.goto(f"{live_server}/en/easy-read/booklet")
    styles = phone.evaluate(
        """() => [...document.querySelectorAll('main *')].map(e => {
            const s = getComputedStyle(e);
            return [s.fontStyle, s.textTransform];
        })"""
    )
    assert {style for style, _ in styles} == {"normal"}
    assert {transform for _, transform in styles} == {"none"}


def test_a_parent_goes_from_a_stage_to_its_easy_read_and_on_to_the_next_step(phone, live_server):
    phone.goto(f"{live_server}/en/stages/strategy-meeting")
    phone.get_by_role("link", name="Read this step in easy read, with pictures").tap()
    expect(phone).to_have_url(re.compile(r"/en/easy-read/stages/strategy-meeting$"))
    phone.get_by_role("link", name="If no more help is needed, the work ends.").tap()
    expect(phone).to_have_url(re.compile(r"/en/easy-read/stages/case-closed$"))
