"""Sharing for workers: the link, the QR code (decoded back), the message, the handouts, and
neutral link previews on every page."""

import html
import re

import pytest
import zxingcpp

from journey_app import create_app
from journey_app.sitemap import every_page_url

GUIDE_URL = "https://familyguide.leicestershire.gov.uk"


def text_of(response):
    page = response.get_data(as_text=True)
    main = re.search(r"<main\b.*?</main>", page, re.DOTALL).group(0)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main)).split())


def svg_modules(svg):
    """The dark modules of segno's SVG: its one path of horizontal runs ("M4 4.5h7m2 0h1...")."""
    size = int(re.search(r'viewBox="0 0 (\d+) \1"', svg).group(1))
    path = re.search(r' d="([^"]+)"', svg).group(1)
    dark, x, y = set(), 0.0, 0.0
    for command, first, second in re.findall(r"([MmHh])(-?[\d.]+)(?:\s(-?[\d.]+))?", path):
        if command == "M":
            x, y = float(first), float(second)
        elif command == "m":
            x, y = x + float(first), y + float(second)
        else:  # h: a run of dark modules along the row
            dark.update((int(x) + step, int(y)) for step in range(int(float(first))))
            x += float(first)
    return size, dark


def decode_svg(svg, scale=4):
    """Draw the SVG's modules as a grey-scale image and read it with a QR decoder."""
    size, dark = svg_modules(svg)
    pixels = bytes(
        0 if (column // scale, row // scale) in dark else 255
        for row in range(size * scale)
        for column in range(size * scale)
    )
    image = memoryview(pixels).cast("B", (size * scale, size * scale))
    return [code.text for code in zxingcpp.read_barcodes(image)]


def the_svg(response):
    return re.search(r'<svg [^>]*class="app-qr".*?</svg>', response.get_data(as_text=True), re.S)


def share(client, page="initial-conference", language="en"):
    return client.get(f"/en/share?page={page}&language={language}")


# --- the form ---------------------------------------------------------------------------------


def test_the_form_offers_every_stage_the_start_page_and_every_language(client, app):
    content = app.extensions["journey_content"]
    response = client.get("/en/share")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert re.search(r'<form method="get" action="/en/share"', page)
    assert 'name="page" type="radio" value="start"' in page
    for stage in content.stages:
        assert f'name="page" type="radio" value="{stage.slug}"' in page
    languages = re.findall(r'name="language" type="radio" value="([a-z]+)"', page)
    assert languages == list(content.locales)
    # only two choices, nothing to type: nothing personal can be entered
    assert re.findall(r'<input [^>]*type="(?!radio)', page) == []
    assert "<textarea" not in page


def test_the_page_explains_why_link_previews_are_plain(client):
    text = text_of(client.get("/en/share"))
    assert "Why does the link preview look so plain?" in text
    assert "locked screen" in text
    assert "Nothing about the family goes in the link" in text


# --- the result -------------------------------------------------------------------------------


def test_a_link_to_a_stage_in_a_language(client):
    response = share(client)
    assert response.status_code == 200
    link = f"{GUIDE_URL}/en/stages/initial-conference"
    page = response.get_data(as_text=True)
    assert f'<p class="app-share__link" id="share-link" dir="ltr">{link}</p>' in page
    assert 'href="/en/stages/initial-conference" hreflang="en"' in page
    assert 'href="/en/share/handout/initial-conference"' in page
    message = re.search(r'id="share-message"[^>]*>([^<]+)</p>', page).group(1)
    assert html.unescape(message) == (
        "Here is the guide we talked about. It explains each step in plain words, "
        f"and who can help: {link}"
    )
    # the message's own words say nothing a locked screen should not show
    words = html.unescape(message).replace(link, "")
    assert not re.search(r"child protection|social care|court|conference", words, re.I)


def test_the_qr_code_reads_back_as_the_link(client, app):
    content = app.extensions["journey_content"]
    for page, path in [
        ("start", "/en/"),
        *((s.slug, f"/en/stages/{s.slug}") for s in content.stages),
    ]:
        svg = the_svg(share(client, page=page))
        assert svg, page
        assert decode_svg(svg.group(0)) == [GUIDE_URL + path], page


def test_the_qr_code_has_a_text_alternative(client):
    svg = the_svg(share(client)).group(0)
    assert svg.startswith('<svg role="img" focusable="false" viewBox=')
    assert "<title>QR code that opens the guide</title>" in svg


def test_a_link_to_the_start_page(client):
    page = share(client, page="start").get_data(as_text=True)
    assert f'id="share-link" dir="ltr">{GUIDE_URL}/en/</p>' in page
    assert 'href="/en/share/handout"' in page


def test_the_link_carries_only_the_page_and_language(client, app):
    for stage in app.extensions["journey_content"].stages:
        link = re.search(
            r'id="share-link" dir="ltr">([^<]+)<', share(client, stage.slug).get_data(as_text=True)
        ).group(1)
        assert link == f"{GUIDE_URL}/en/stages/{stage.slug}"
        assert "?" not in link and "#" not in link


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("page=nowhere&language=en", "Choose the page the link should open"),
        ("page=&language=en", "Choose the page the link should open"),
        ("page=initial-conference&language=xx", "Choose the family’s language"),
        ("page=initial-conference&language=", "Choose the family’s language"),
        ("page=initial-conference", "Choose the family’s language"),
        ("language=en", "Choose the page the link should open"),
        ("page=%3Cscript%3E&language=%00", "Choose the page the link should open"),
    ],
)
def test_a_bad_choice_gives_the_form_again_with_the_error(client, query, message):
    response = client.get(f"/en/share?{query}")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "<title>Error: Share the guide with a family" in page
    summary = re.search(r'class="govuk-error-summary".*?</ul>', page, re.S).group(0)
    assert html.unescape(message) in html.unescape(summary)
    assert "<script>" not in page
    assert 'id="share-link"' not in page


def test_only_the_languages_a_council_turns_on_are_offered(content_copy):
    edit = content_copy / "settings.yml"
    edit.write_text(re.sub(r"(?m)^locales: .*$", "locales: [en, pl]", edit.read_text()))
    client = create_app({"CONTENT_DIR": str(content_copy), "TESTING": True}).test_client()
    page = client.get("/en/share").get_data(as_text=True)
    assert re.findall(r'name="language" type="radio" value="([a-z]+)"', page) == ["en", "pl"]
    assert share(client, language="pl").status_code == 200
    for code in ("ur", "ar", "so"):
        assert share(client, language=code).status_code == 400


# --- the handouts -----------------------------------------------------------------------------


def test_every_page_and_language_has_a_handout_page(app, page_urls):
    content = app.extensions["journey_content"]
    for lang in content.locales:
        assert f"/{lang}/share/handout" in page_urls
        for stage in content.stages:
            assert f"/{lang}/share/handout/{stage.slug}" in page_urls
    assert page_urls == every_page_url(app)


def test_a_handout_has_the_code_the_step_the_duty_number_and_blanks(client, app):
    content = app.extensions["journey_content"]
    for stage in content.stages:
        response = client.get(f"/en/share/handout/{stage.slug}")
        assert response.status_code == 200
        text = text_of(response)
        title = content.locales["en"].stages[stage.slug].title
        link = f"{GUIDE_URL}/en/stages/{stage.slug}"
        assert html.unescape(title) in text
        assert "0116 305 0005" in text and "999" in text
        assert "Name:" in text and "Phone number:" in text
        assert response.get_data(as_text=True).count('<span class="app-write-in"></span>') == 2
        assert link.removeprefix("https://") in text
        assert decode_svg(the_svg(response).group(0)) == [link]


def test_the_start_page_handout(client):
    response = client.get("/en/share/handout")
    assert response.status_code == 200
    assert decode_svg(the_svg(response).group(0)) == [f"{GUIDE_URL}/en/"]


def test_an_unknown_handout_is_a_friendly_404(client):
    response = client.get("/en/share/handout/no-such-stage")
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)


# --- link previews on every page --------------------------------------------------------------

SENSITIVE = re.compile(
    r"child protection|social (care|work)|children.s services|court|abuse|neglect|harm|police",
    re.IGNORECASE,
)


def test_every_page_has_neutral_link_preview_tags(pages):
    for url, response in pages.items():
        if response.mimetype != "text/html":
            continue  # a file such as a PDF has no <head>
        page = response.get_data(as_text=True)
        tags = dict(re.findall(r'<meta property="og:([a-z_]+)" content="([^"]*)">', page))
        assert set(tags) >= {"title", "description", "type", "site_name"}, url
        assert tags["type"] == "website"
        # the same neutral name as the header, in the page's language, whatever the page is
        service = re.search(r'class="app-header__link"[^>]*>([^<]+)<', page).group(1)
        assert tags["title"] == service, url
        if url.startswith("/en/"):
            assert tags["title"] == "A guide for families", url
            for value in tags.values():
                assert not SENSITIVE.search(html.unescape(value)), f"{url}: {value}"
