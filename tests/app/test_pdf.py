"""The PDF downloads: the easy-read booklet and the whole guide, made with WeasyPrint, for English
and Arabic (right to left); each opens, has every stage, uses fonts that cover its script, and is
built once. Page counts are kept within a stated range so a broken layout shows."""

import io
import re

import pytest
from pypdf import PdfReader

from journey_app.pdf import html_to_pdf
from journey_app.sitemap import every_page_url, is_download

# Stated ranges: 13 stages, rights and contacts (measured at 54 A4 pages each in English).
PAGES = {"booklet": range(35, 80), "guide": range(35, 80)}
NOTO = re.compile(r"Noto-?Sans")


def locales_to_check(app):
    return [lang for lang in ("en", "ar") if lang in app.extensions["journey_content"].locales]


@pytest.fixture(scope="module")
def pdfs(app):
    """Each PDF, fetched once: {(kind, lang): (response, reader, text)}."""
    client = app.test_client()
    found = {}
    for lang in locales_to_check(app):
        for kind, url in (
            ("booklet", f"/{lang}/easy-read/booklet.pdf"),
            ("guide", f"/{lang}/print/guide.pdf"),
        ):
            response = client.get(url)
            reader = PdfReader(io.BytesIO(response.data))
            text = "\n".join(page.extract_text() for page in reader.pages)
            found[(kind, lang)] = (response, reader, text)
    return found


def squashed(text):
    return re.sub(r"\s+", "", text)


def has_words_of(title, text):
    """Every word of the title is in the text (right-to-left text may come out in another order)."""
    words = set(re.findall(r"\w+", text))
    return squashed(title) in squashed(text) or set(re.findall(r"\w+", title)) <= words


def fonts_of(reader):
    names = set()
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


def test_the_pdfs_are_addresses_of_the_guide(app):
    urls = every_page_url(app)
    for lang in app.extensions["journey_content"].locales:
        assert f"/{lang}/easy-read/booklet.pdf" in urls
        assert f"/{lang}/print/guide.pdf" in urls
    assert all(is_download(url) for url in urls if url.endswith(".pdf"))


def test_each_pdf_is_an_a4_download(pdfs):
    for (kind, lang), (response, reader, _text) in pdfs.items():
        assert response.status_code == 200, (kind, lang)
        assert response.mimetype == "application/pdf"
        assert response.headers["Content-Disposition"].startswith("attachment; filename=")
        assert len(reader.pages) in PAGES[kind], (kind, lang, len(reader.pages))
        width, height = (float(v) for v in reader.pages[0].mediabox[2:])
        assert (round(width), round(height)) == (595, 842), "A4 in points"


def test_the_booklet_has_every_stage_rights_and_contacts(app, pdfs):
    for lang in locales_to_check(app):
        easy = app.extensions["journey_content"].locales[lang].easy_read
        text = pdfs[("booklet", lang)][2]
        for page in [*easy.stages.values(), easy.rights, easy.contacts]:
            assert has_words_of(page.title, text), (lang, page.title)
        assert "familyguide.leicestershire.gov.uk" in text


def test_the_whole_guide_has_every_stage_and_every_contact_number(app, pdfs):
    content = app.extensions["journey_content"]
    for lang in locales_to_check(app):
        words = content.locales[lang]
        text = pdfs[("guide", lang)][2]
        for page in words.stages.values():
            assert has_words_of(page.title, text), (lang, page.title)
        for contact in content.contacts.values():
            if contact.tel:
                assert contact.tel in text, (lang, contact.tel)


def test_on_paper_links_say_where_to_turn(pdfs):
    text = " ".join(pdfs[("guide", "en")][2].split())
    # the contents list: each part and the page it starts on
    assert re.search(r"Keeping a child safe now \(emergency steps\) \(page \d+\)", text)
    # a link in the text: the part it goes to
    assert "Read about consent (Your rights)" in text
    booklet = " ".join(pdfs[("booklet", "en")][2].split())
    assert re.search(r"Your rights \(page \d+\)", booklet)


def test_the_pdfs_use_noto_fonts_for_every_script(app, pdfs):
    for (kind, lang), (_response, reader, _text) in pdfs.items():
        fonts = fonts_of(reader)
        assert fonts and all(NOTO.search(name) for name in fonts), (kind, lang, fonts)
        if lang == "ar":
            assert any("Arabic" in name for name in fonts), fonts


def test_a_pdf_is_built_once_and_kept(app, pdfs):
    client = app.test_client()
    first = pdfs[("booklet", "en")][0].data
    kept = dict(app.extensions["journey_pdfs"]._pdfs)
    assert client.get("/en/easy-read/booklet.pdf").data == first
    assert dict(app.extensions["journey_pdfs"]._pdfs) == kept


def test_a_pdf_cannot_fetch_anything_from_another_site(app):
    from weasyprint.urls import FatalURLFetchingError

    html = '<p>Hello</p><img src="https://example.com/tracker.png" alt="">'
    with pytest.raises(FatalURLFetchingError):
        html_to_pdf(html, app.static_folder, "http://localhost/")
    assert html_to_pdf("<p>Hello</p>", app.static_folder, "http://localhost/").startswith(b"%PDF")
