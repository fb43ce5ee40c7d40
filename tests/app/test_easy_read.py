"""Easy read: its own short lines with a picture each, for every stage, rights and who can help,
in every language; measured (writing.md: at most 15 words a sentence, English grade 4 or below);
every picture drawn in one style, and each one either described or marked decorative."""

import re
import shutil
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser

import pytest
import yaml

from journey_app import create_app
from journey_app.config import PROJECT_ROOT
from journey_app.content.easy_read import MAX_WORDS, picture_ids, sentences_in
from journey_app.readability import grade
from journey_app.readability import word_count as words_in

MAX_GRADE = 4.0
PICTURES = PROJECT_ROOT / "static" / "pictures"
# The picture set's style: one viewBox, one outline width, one palette.
PALETTE = {
    "#0b0c0c",
    "#ffffff",
    "#f2dcc5",
    "#0b5a55",
    "#b8ddd8",
    "#ffd84d",
    "#d4351c",
    "#00703c",
    "#1d70b8",
    "#1d3461",
    "#dedede",
    "#505a5f",
    "#c98b4b",
}
# The ideas the guide needs a picture for (issue 5), by picture id.
NEEDED = {
    "social-worker",
    "meeting",
    "child",
    "family",
    "home",
    "phone",
    "letter",
    "school",
    "doctor",
    "police",
    "court",
    "solicitor",
    "interpreter",
    "calendar",
    "plan",
    "safe-place",
    "complaint",
}


def easy_pages(app):
    """(language, address, page) for every easy-read page in every language."""
    content = app.extensions["journey_content"]
    found = []
    for lang, words in content.locales.items():
        easy = words.easy_read
        for slug, page in easy.stages.items():
            found.append((lang, f"/{lang}/easy-read/stages/{slug}", page))
        found.append((lang, f"/{lang}/easy-read/rights", easy.rights))
        found.append((lang, f"/{lang}/easy-read/contacts", easy.contacts))
        found.append((lang, f"/{lang}/easy-read", easy.index))
    return found


def all_text(page, easy):
    texts = [page.title, *(line.text for line in page.lines), *(line.text for line in page.cover)]
    texts += [section.heading for section in page.sections if section.heading]
    if page.name == "contacts":
        for contact in easy.contact_words.values():
            texts += [contact.name, *contact.lines]
    return texts


def main_html(response):
    return re.search(r"<main\b.*?</main>", response.get_data(as_text=True), re.DOTALL).group(0)


class Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append(dict(attrs))


def images_in(html):
    parser = Images()
    parser.feed(html)
    return parser.images


def test_every_stage_has_easy_read_in_every_language(app):
    content = app.extensions["journey_content"]
    for lang, words in content.locales.items():
        assert set(words.easy_read.stages) == set(content.stage_by_slug), lang
        assert words.easy_read.rights and words.easy_read.contacts and words.easy_read.index
        assert set(words.easy_read.contact_words) == set(content.contacts), lang


def test_easy_read_is_its_own_text_not_the_standard_page(app):
    words = app.extensions["journey_content"].locales["en"]
    for slug, easy in words.easy_read.stages.items():
        standard = re.sub(r"<[^>]+>", " ", "".join(s.html for s in words.stages[slug].sections))
        standard = " ".join(standard.split())
        # the standard pages are plain English too, so a few short sentences may match
        copied = [line.text for line in easy.lines if line.text in standard]
        assert len(copied) <= len(easy.lines) / 4, f"{slug} repeats the standard page: {copied}"
        assert len(easy.lines) >= 15, slug


def test_no_easy_read_sentence_is_over_15_words_in_any_language(app):
    too_long = []
    for lang, url, page in easy_pages(app):
        easy = app.extensions["journey_content"].locales[lang].easy_read
        for text in all_text(page, easy):
            too_long += [
                f"{url}: {sentence}"
                for sentence in sentences_in(text)
                if words_in(sentence) > MAX_WORDS
            ]
    assert too_long == []


def test_one_idea_per_line(app):
    for _lang, url, page in easy_pages(app):
        for line in page.lines:
            assert len(sentences_in(line.text)) <= 2, f"{url}: {line.text}"


def test_every_english_easy_read_page_is_grade_4_or_below(app, client):
    too_hard = {}
    for lang, url, _page in easy_pages(app):
        if lang != "en":
            continue
        page_grade = grade(main_html(client.get(url)))
        if page_grade > MAX_GRADE:
            too_hard[url] = round(page_grade, 2)
    assert too_hard == {}


def test_the_booklet_is_grade_4_or_below(client):
    assert grade(main_html(client.get("/en/easy-read/booklet"))) <= MAX_GRADE


def test_every_picture_has_a_text_alternative_or_is_marked_decorative(app, client):
    content = app.extensions["journey_content"]
    for _lang, url, page in easy_pages(app):
        images = [i for i in images_in(main_html(client.get(url))) if "/pictures/" in i["src"]]
        assert len(images) >= len(page.lines), url
        for image in images:
            assert "alt" in image, f"{url}: {image['src']} has no alt"
        described = {line.alt for line in page.lines if line.alt}
        shown = {image["alt"] for image in images if image["alt"]}
        assert described <= shown, url
    pictures = content.locales["en"].easy_read.pictures
    assert set(pictures) == picture_ids()
    assert all(len(alt.split()) >= 2 for alt in pictures.values())


def test_some_pictures_say_more_than_their_line_and_are_described(app):
    lines = [
        line
        for page in app.extensions["journey_content"].locales["en"].easy_read.stages.values()
        for line in page.lines
    ]
    described = [line for line in lines if line.alt]
    assert described and len(described) < len(lines)
    for line in described:
        assert line.alt.lower() not in line.text.lower()


def test_the_picture_set_is_drawn_in_one_style(app):
    ids = picture_ids()
    assert len(ids) >= 24
    assert NEEDED <= ids
    for path in PICTURES.glob("*.svg"):
        text = path.read_text(encoding="utf-8")
        svg = ElementTree.fromstring(text)
        assert svg.get("viewBox") == "0 0 64 64", path.name
        group = svg.find("{http://www.w3.org/2000/svg}g")
        assert group is not None and group.get("stroke-width") == "2.5", path.name
        colours = set(re.findall(r"#[0-9a-f]{6}", text))
        assert colours <= PALETTE, f"{path.name}: {colours - PALETTE}"
        assert not re.search(r"<(script|text|image|foreignObject)\b|href=", text), path.name
        assert len(text) < 3000, path.name


def test_easy_read_is_linked_from_the_start_page_and_every_stage(client, app):
    assert 'href="/en/easy-read"' in client.get("/en/").get_data(as_text=True)
    for stage in app.extensions["journey_content"].stages:
        html = client.get(f"/en/stages/{stage.slug}").get_data(as_text=True)
        assert f'href="/en/easy-read/stages/{stage.slug}"' in html


def test_what_can_happen_next_links_every_next_stage_in_easy_read(app, client):
    for stage in app.extensions["journey_content"].stages:
        html = client.get(f"/en/easy-read/stages/{stage.slug}").get_data(as_text=True)
        for slug in stage.next:
            assert f'href="/en/easy-read/stages/{slug}"' in html, f"{stage.slug} -> {slug}"


def test_a_stage_page_lists_its_contacts_with_numbers(app, client):
    content = app.extensions["journey_content"]
    for stage in content.stages:
        html = client.get(f"/en/easy-read/stages/{stage.slug}").get_data(as_text=True)
        for contact_id in stage.contacts:
            contact = content.contacts[contact_id]
            if contact.tel:
                assert f'href="tel:{contact.tel.replace(" ", "")}"' in html


def test_no_italics_or_block_capitals(client):
    css_href = re.search(
        r'href="(/static/build/easy-read\.[0-9a-f]+\.css)"',
        client.get("/en/easy-read").get_data(as_text=True),
    ).group(1)
    css = client.get(css_href).get_data(as_text=True)
    assert "italic" not in css and "uppercase" not in css
    for url in ("/en/easy-read", "/en/easy-read/booklet", "/en/easy-read/stages/assessment"):
        html = main_html(client.get(url))
        assert not re.search(r"<(em|i)\b", html), url


def test_the_booklet_has_every_part_and_a_cover_with_a_qr_code(app, client):
    words = app.extensions["journey_content"].locales["en"]
    html = client.get("/en/easy-read/booklet").get_data(as_text=True)
    for page in [
        *words.easy_read.stages.values(),
        words.easy_read.rights,
        words.easy_read.contacts,
    ]:
        assert page.title.replace("'", "&#39;") in html
    assert re.search(r'<svg role="img"[^>]*class="app-qr"', html)
    assert "familyguide.leicestershire.gov.uk/en/easy-read" in html
    for target in re.findall(r'href="#([a-z0-9-]+)"', html):
        assert f'id="{target}"' in html, f"#{target} goes nowhere"
    assert 'href="/en/easy-read/booklet.pdf"' in html


def test_a_language_without_easy_read_yet_shows_the_english_marked_as_english(content_copy):
    for folder in content_copy.glob("*/easy-read"):
        if folder.parent.name != "en":
            shutil.rmtree(folder)
    app = create_app({"CONTENT_DIR": str(content_copy), "TESTING": True})
    html = app.test_client().get("/ar/easy-read/stages/assessment").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl"' in html
    assert '<p class="app-er-line__text" lang="en" dir="ltr">' in html
    assert "This part is not translated yet" in html or 'class="app-fallback-note"' in html


# --- the check names each kind of broken easy read ------------------------------------------


def problems_for(content_dir):
    app = create_app({"CONTENT_DIR": str(content_dir), "VALIDATE_CONTENT": False})
    return [str(problem) for problem in app.extensions["journey_content_problems"]]


def rewrite(path, change):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def first_line(data):
    return data["sections"][0]["lines"][0]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: first_line(d).update(
                text="One two three four five six seven eight nine ten "
                "eleven twelve thirteen fourteen fifteen sixteen."
            ),
            "sentence has 16 words (at most 15)",
        ),
        (lambda d: first_line(d).update(picture="unicorn"), "unknown picture 'unicorn'"),
        (lambda d: first_line(d).pop("alt"), "has no alt"),
        (
            lambda d: first_line(d).update(text="One. Two. Three."),
            "one idea per line",
        ),
        (lambda d: first_line(d).update(text="DO NOT SIGN anything."), "block capitals"),
        (lambda d: first_line(d).update(text="This is *very* important."), "plain text"),
        (lambda d: first_line(d).update(link="stage:nowhere"), "link 'stage:nowhere'"),
        (lambda d: d.update(sources=["no-such-source"]), "unknown source 'no-such-source'"),
    ],
)
def test_the_check_names_broken_easy_read(content_copy, change, message):
    rewrite(content_copy / "en/easy-read/assessment.yml", change)
    problems = problems_for(content_copy)
    assert any(p.startswith("en/easy-read/assessment.yml") and message in p for p in problems), (
        problems
    )


def test_the_check_names_a_stage_without_easy_read(content_copy):
    (content_copy / "en/easy-read/early-help.yml").unlink()
    assert any("stage 'early-help' has no easy read page" in p for p in problems_for(content_copy))


def test_the_check_names_a_missing_link_to_a_next_stage(content_copy):
    def drop_links(data):
        for section in data["sections"]:
            for line in section["lines"]:
                if line.get("link") == "stage:early-help":
                    line.pop("link")

    rewrite(content_copy / "en/easy-read/assessment.yml", drop_links)
    assert any(
        "en/easy-read/assessment.yml: no line links to next stage 'early-help'" in p
        for p in problems_for(content_copy)
    )


def test_the_check_names_a_picture_without_words(content_copy):
    rewrite(content_copy / "en/pictures.yml", lambda d: d.pop("court"))
    assert any(
        "en/pictures.yml: picture 'court' is not listed" in p for p in problems_for(content_copy)
    )


def test_the_check_names_a_contact_without_easy_read_words(content_copy):
    rewrite(content_copy / "en/easy-read/contacts.yml", lambda d: d["contacts"].pop("childline"))
    assert any("contact 'childline' has no name" in p for p in problems_for(content_copy))
