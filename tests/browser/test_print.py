"""Printing from the browser: Chromium prints with print styles to an A4 PDF. Navigation, the exit
button and the language switcher are gone, no line runs off the page, hidden text is shown, and
each page prints on a number of sheets within a stated range."""

import io
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

A4_WIDTH = 595.28  # points
MARGIN = 16 / 25.4 * 72  # the 16 mm side margins of @page, in points
# Sheets of A4 each page prints on (measured: 6, 6, 4, 5, 54, 55).
SHEETS = {
    "/en/stages/initial-conference": range(4, 9),
    "/en/rights": range(4, 9),
    "/en/contacts": range(2, 6),
    "/en/easy-read/stages/assessment": range(3, 8),
    "/en/easy-read/booklet": range(40, 71),
    "/en/print": range(40, 71),
}
NAVIGATION = (
    "Exit this page",
    "Skip to main content",
    "Staying safe online",
    "Polski",  # the language switcher
    "Privacy: no cookies, nothing stored",  # the footer's links
)


def print_to_pdf(page, url):
    page.goto(url)
    page.emulate_media(media="print")
    return page.pdf(format="A4")


@pytest.fixture(scope="module")
def printed(browser, live_server):
    context = browser.new_context()
    page = context.new_page()
    pdfs = {path: print_to_pdf(page, f"{live_server}{path}") for path in SHEETS}
    context.close()
    return pdfs


def text_of(pdf):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_no_navigation_exit_button_or_language_switcher_on_paper(printed):
    for path, pdf in printed.items():
        text = text_of(pdf)
        for words in NAVIGATION:
            assert words not in text, f"{path} prints {words!r}"
        assert "0116 305 0005" in text, f"{path} should keep the duty number"


def test_each_page_prints_on_the_stated_number_of_sheets(printed):
    for path, pdf in printed.items():
        sheets = len(PdfReader(io.BytesIO(pdf)).pages)
        assert sheets in SHEETS[path], f"{path}: {sheets} sheets"


def test_no_line_runs_off_the_page(printed, tmp_path):
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "pdftotext is needed: run `make test-setup` (poppler-utils)"
    for path, pdf in printed.items():
        file = tmp_path / "page.pdf"
        file.write_bytes(pdf)
        boxes = subprocess.run(
            [pdftotext, "-bbox", str(file), "-"], capture_output=True, text=True, check=True
        ).stdout
        words = re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<', boxes)
        assert words, path
        outside = [
            w for x0, x1, w in words if float(x0) < MARGIN - 1 or float(x1) > A4_WIDTH - MARGIN + 1
        ]
        assert outside == [], f"{path}: {outside[:5]} run into the margin or off the page"


def test_paper_names_the_pages_own_address_not_bare_paths_after_links(printed):
    """A path such as (/en/rights#meetings) means nothing on paper and breaks right-to-left
    lines; the footer gives the page's full address instead."""
    text = re.sub(r"\s+", "", text_of(printed["/en/stages/initial-conference"]))
    assert "Readaboutmeetings" in text
    assert "(/en/" not in text
    assert "https://familyguide.leicestershire.gov.uk/en/stages/initial-conference" in text


def test_hidden_text_is_printed_and_headings_stay_with_what_follows(desktop, live_server):
    desktop.goto(f"{live_server}/en/rights")
    desktop.evaluate(
        """() => document.querySelector('main').insertAdjacentHTML('beforeend',
        '<details><summary>More about this</summary><p id="inside">Folded away</p></details>')"""
    )
    assert not desktop.evaluate("() => document.getElementById('inside').checkVisibility()")
    desktop.emulate_media(media="print")
    assert "Folded away" in text_of(desktop.pdf(format="A4"))
    breaks = desktop.evaluate(
        "() => [...document.querySelectorAll('main h2')].map(h => getComputedStyle(h).breakAfter)"
    )
    assert breaks and set(breaks) == {"avoid"}
