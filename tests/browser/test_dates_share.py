"""A worker shares the guide from a phone; a family works out its key dates and downloads them.

The worker makes a link in Polish when Polish is turned on in content/settings.yml, and in English
until then, so the test runs the same steps either way.
"""

import io
import re
from datetime import date, timedelta

import icalendar
import zxingcpp
from PIL import Image
from playwright.sync_api import expect

from .conftest import axe_violations

GUIDE_URL = "https://familyguide.leicestershire.gov.uk"


def family_language(app):
    return "pl" if "pl" in app.extensions["journey_content"].locales else "en"


def test_worker_on_a_phone_makes_a_link_to_the_conference_and_opens_it(
    phone, live_server, app, axe_source
):
    lang = family_language(app)
    page = phone
    page.goto(f"{live_server}/en/share")
    page.get_by_label(re.compile(r"Step 5: The first child protection conference")).check()
    page.locator(f'input[name="language"][value="{lang}"]').check()
    page.get_by_role("button", name="Make the link").tap()

    expected = f"{GUIDE_URL}/{lang}/stages/initial-conference"
    expect(page.locator("#share-link")).to_have_text(expected)
    assert f"language={lang}" in page.url and "initial-conference" in page.url
    expect(page.locator("#share-message")).to_contain_text(expected)
    # in the family's language (English words, marked as English, until it is translated)
    written_in = app.extensions["journey_content"].share[lang]["message"].lang
    expect(page.locator("#share-message")).to_have_attribute("lang", written_in)

    # the QR code as the phone draws it, read by a QR decoder
    qr = page.locator(".app-share__qr svg")
    expect(qr).to_be_visible()
    picture = Image.open(io.BytesIO(qr.screenshot()))
    assert [code.text for code in zxingcpp.read_barcodes(picture)] == [expected]

    # with JavaScript the copy button shows, and says when it has copied
    page.context.grant_permissions(["clipboard-write"], origin=live_server)
    page.get_by_role("button", name="Copy the link").tap()
    expect(page.locator("#copy-status")).to_have_text("Copied.")

    assert axe_violations(page, axe_source) == []

    page.get_by_role("link", name="Open the page to check it").tap()
    expect(page).to_have_url(f"{live_server}/{lang}/stages/initial-conference")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_the_handout_prints_on_one_sheet_of_a4(desktop, live_server, app):
    """In every language, for the start page and the stage with the longest title."""
    content = app.extensions["journey_content"]
    desktop.goto(f"{live_server}/en/share/handout")
    expect(desktop.locator("button[data-print]")).to_be_visible()
    desktop.emulate_media(media="print")
    for lang, words in content.locales.items():
        longest = max(content.stages, key=lambda stage: len(words.stages[stage.slug].title))
        for path in (f"/{lang}/share/handout", f"/{lang}/share/handout/{longest.slug}"):
            desktop.goto(f"{live_server}{path}")
            pdf = desktop.pdf(format="A4")
            assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1, path


def test_family_enters_a_conference_date_and_downloads_the_calendar(phone, live_server, axe_source):
    page = phone
    conference = date.today() + timedelta(days=40)
    page.goto(f"{live_server}/en/stages/initial-conference")
    page.get_by_role("link", name="Work out your key dates").tap()
    expect(page).to_have_url(f"{live_server}/en/key-dates?known=initial-conference")
    expect(page.get_by_label("The first child protection conference")).to_be_checked()
    assert axe_violations(page, axe_source) == []

    # a slip first: the form comes back with the error and what was typed
    page.get_by_label("Day").fill(str(conference.day))
    page.get_by_label("Month").fill("Mar")
    page.get_by_label("Year").fill(str(conference.year))
    page.get_by_role("button", name="Work out the dates").tap()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the date in numbers")
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    expect(page.get_by_label("Month")).to_have_value("Mar")
    assert axe_violations(page, axe_source) == []

    page.get_by_label("Month").fill(str(conference.month))
    page.get_by_role("button", name="Work out the dates").tap()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your key dates")
    assert str(conference.year) not in page.url and "known" not in page.url
    labels = page.locator(".app-key-date__label").all_inner_texts()
    assert labels[:2] == [
        "Your social worker's report for the conference",
        "The first core group meeting",
    ]
    assert axe_violations(page, axe_source) == []

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download the calendar file").tap()
    download = download_info.value
    assert download.suggested_filename == "key-dates.ics"
    calendar = icalendar.Calendar.from_ical(open(download.path(), "rb").read())
    events = calendar.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == [f"Latest date: {label}" for label in labels]
    report_day = events[0].decoded("DTSTART")
    assert conference - timedelta(days=6) <= report_day < conference


def test_key_dates_work_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 640})
    page = context.new_page()
    try:
        page.goto(f"{live_server}/en/key-dates")
        page.get_by_label("The referral").check()
        day = date.today() + timedelta(days=3)
        page.get_by_label("Day").fill(str(day.day))
        page.get_by_label("Month").fill(str(day.month))
        page.get_by_label("Year").fill(str(day.year))
        page.get_by_role("button", name="Work out the dates").click()
        expect(page.locator(".app-key-date__label").first).to_have_text(
            "A decision about what happens next"
        )
        # the copy buttons stay hidden: without JavaScript they could not work
        page.goto(f"{live_server}/en/share?page=start&language=en")
        expect(page.get_by_role("button", name="Copy the link")).to_be_hidden()
        expect(page.locator("#share-link")).to_be_visible()
    finally:
        context.close()
