"""Every page in every language: its language and direction, the switcher to the same page in
the others, English shown (and marked) where a translation is missing, the draft notice, and the
interface catalogues (up to date, placeholders kept, plurals right)."""

import html
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from flask_babel import force_locale, ngettext

from journey_app import create_app
from journey_app.config import LANGUAGES, LANGUAGES_BY_CODE, PROJECT_ROOT
from journey_app.interface import (
    TEMPLATE,
    catalogue_path,
    catalogue_status,
    is_translated,
    message_ids,
    placeholder_mismatches,
    read_catalogue,
)

OTHER_LOCALES = [language.code for language in LANGUAGES if language.code != "en"]
MAP_STEPS = ("The map has %(num)s step.", "The map has %(num)s steps.")


class PageLanguages(HTMLParser):
    """The page's language and direction, the switcher's links, the phone links and every
    element marked as written in another language."""

    def __init__(self):
        super().__init__()
        self.html = {}
        self.switcher = []
        self.phones = []
        # (tag, dir) of elements inside <main> marked lang="en", except the draft notice's
        # English copy and names of English documents (translate="no"), English on purpose
        self.in_english = []
        self._in_switcher = self._in_main = False
        self._notice_depth = 0  # how deep inside <div class="app-draft-notice">

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "html":
            self.html = attrs
        elif tag == "nav" and "app-language-switcher" in classes:
            self._in_switcher = True
        elif tag == "main":
            self._in_main = True
        elif tag == "a" and self._in_switcher:
            self.switcher.append(attrs)
        if tag == "div" and (self._notice_depth or "app-draft-notice" in classes):
            self._notice_depth += 1
        if tag == "a" and (attrs.get("href") or "").startswith("tel:"):
            self.phones.append(attrs)
        english = attrs.get("lang") == "en" and attrs.get("dir") == "ltr"
        named = attrs.get("translate") == "no"
        if self._in_main and english and not named and not self._notice_depth:
            self.in_english.append((tag, attrs.get("dir")))

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_switcher = False
        elif tag == "main":
            self._in_main = False
        elif tag == "div" and self._notice_depth:
            self._notice_depth -= 1


def languages_of(text):
    parser = PageLanguages()
    parser.feed(text)
    return parser


def html_pages(pages):
    return {
        url: response
        for url, response in pages.items()
        if response.content_type.startswith("text/html")
    }


def text_of(page_html):
    """The words of a page's body, without the parts marked as English (such as the draft
    notice's). The title may show English: it cannot be marked."""
    page_html = page_html[page_html.index("<body") :]
    page_html = re.sub(r'(?s)<(\w+)[^>]* lang="en" dir="ltr"[^>]*>.*?</\1>', " ", page_html)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page_html)).split())


def test_every_language_is_offered(app, page_urls):
    enabled = list(app.extensions["journey_content"].locales)
    assert enabled == [language.code for language in LANGUAGES]
    assert len({language.own_name for language in LANGUAGES}) == len(LANGUAGES)
    english = {url[3:] for url in page_urls if url.startswith("/en/")}
    for code in enabled:
        assert {url[len(code) + 1 :] for url in page_urls if url.startswith(f"/{code}/")} == (
            english
        ), code


def test_every_page_in_every_language_has_its_language_direction_and_switcher(pages):
    for url, response in html_pages(pages).items():
        assert response.status_code == 200, url
        code, rest = url.split("/", 2)[1:]
        language = LANGUAGES_BY_CODE[code]
        page = languages_of(response.get_data(as_text=True))
        assert (page.html.get("lang"), page.html.get("dir")) == (code, language.direction), url
        assert [link["href"] for link in page.switcher] == [
            f"/{other.code}/{rest}" for other in LANGUAGES
        ], url
        for link, other in zip(page.switcher, LANGUAGES, strict=True):
            assert (link["lang"], link["hreflang"], link["dir"]) == (
                other.code,
                other.code,
                other.direction,
            ), url
        assert [link["lang"] for link in page.switcher if "aria-current" in link] == [code], url


def test_the_switcher_shows_each_language_in_its_own_name(client):
    text = client.get("/ur/contacts").get_data(as_text=True)
    for name in ("English", "Polski", "ગુજરાતી", "ਪੰਜਾਬੀ", "اردو", "العربية", "Română", "Soomaali"):
        assert f">{name}</a>" in text


def test_phone_numbers_stay_left_to_right_in_every_language(pages):
    for url, response in html_pages(pages).items():
        for phone in languages_of(response.get_data(as_text=True)).phones:
            assert phone.get("dir") == "ltr", (url, phone)


@pytest.mark.parametrize(
    ("accept", "start"),
    [
        (None, "/en/"),
        ("pl-PL,pl;q=0.9,en;q=0.8", "/pl/"),
        ("ar", "/ar/"),
        ("ur-PK", "/ur/"),
        ("de-DE,de;q=0.9", "/en/"),
        ("fr;q=0.9,so;q=0.5", "/so/"),
        ("en-GB,en;q=0.9,ro;q=0.5", "/en/"),
    ],
)
def test_the_root_address_opens_the_browsers_language(client, accept, start):
    headers = {"Accept-Language": accept} if accept else {}
    response = client.get("/", headers=headers)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(start)
    assert "Accept-Language" in response.headers["Vary"]


def switcher_links(response):
    return [link["href"] for link in languages_of(response.get_data(as_text=True)).switcher]


def test_after_sending_a_form_the_switcher_goes_to_where_the_form_starts(client):
    answered = client.post("/ar/where-am-i/", data={})
    assert switcher_links(answered)[:2] == ["/en/where-am-i/", "/pl/where-am-i/"]
    calendar = client.post("/gu/key-dates/calendar", data={})
    assert switcher_links(calendar)[:2] == ["/en/key-dates", "/pl/key-dates"]


def test_the_switcher_keeps_the_query_but_not_address_options(client):
    response = client.get("/pl/journey?from=leaflet&_external=1&_scheme=javascript&lang=xx")
    assert switcher_links(response)[0] == "/en/journey?from=leaflet"


def test_an_unknown_page_offers_the_start_page_in_each_language(client):
    response = client.get("/pa/no-such-page")
    assert response.status_code == 404
    assert switcher_links(response) == [f"/{language.code}/" for language in LANGUAGES]
    assert languages_of(response.get_data(as_text=True)).html["lang"] == "pa"


# --- English shown where a translation is missing, and the draft notice ------------------------


def in_language(code, message):
    with force_locale(code):
        from flask_babel import gettext

        return gettext(message)


def test_untranslated_page_is_english_marked_with_a_note_in_the_readers_language(
    app, untranslated_copy
):
    client = create_app({"CONTENT_DIR": str(untranslated_copy)}).test_client()
    text = client.get("/pl/stages/assessment").get_data(as_text=True)
    main = text[text.index("<main") :]
    assert '<h1 class="govuk-heading-xl" lang="en" dir="ltr">Assessment' in main
    assert '<h2 class="govuk-heading-m" id="what-it-is" lang="en" dir="ltr">' in main
    with app.test_request_context():
        note = in_language("pl", "This part is not translated yet, so it is shown in English.")
    assert note.startswith("Ta część") and f'<p class="app-fallback-note">{note}</p>' in main
    marked = languages_of(text).in_english
    assert marked and all(direction == "ltr" for _, direction in marked)


def test_draft_translation_says_so_in_its_language_and_in_english(app, client):
    text = client.get("/ar/rights").get_data(as_text=True)
    notice = re.search(r'<div class="app-draft-notice">(.*?)</div>', text, re.DOTALL).group(1)
    with app.test_request_context():
        draft = in_language(
            "ar", "This translation is a draft. A qualified translator has not checked it yet."
        )
        interpreter = in_language("ar", "You can ask for an interpreter. It is free.")
    assert draft in notice and interpreter in notice and draft != interpreter
    assert (
        '<p class="govuk-body" lang="en" dir="ltr">This translation is a draft. A qualified '
        "translator has not checked it yet. You can ask for an interpreter. It is free.</p>"
    ) in notice


def test_english_pages_carry_no_notices_and_no_marks(pages):
    for url, response in html_pages(pages).items():
        if url.startswith("/en/"):
            text = response.get_data(as_text=True)
            assert "app-draft-notice" not in text and "app-fallback-note" not in text, url
            assert languages_of(text).in_english == [], url


def test_start_page_shows_the_help_numbers_before_any_notice(client):
    text = client.get("/so/").get_data(as_text=True)
    assert text.index("tel:999") < text.index("app-draft-notice")


def test_translated_page_is_shown_unmarked_and_reviewed_pages_are_not_drafts(
    untranslated_copy, translate, set_locale
):
    translate(
        untranslated_copy,
        "pl",
        "stages/assessment.md",
        [("title: Assessment (single assessment)", "title: Ocena (single assessment)")],
        review="reviewed",
    )
    contacts = translate(
        untranslated_copy, "pl", "contacts.yml", [("name: Childline", "name: Childline (PL)")]
    )
    contacts.write_text(re.sub(r"(?m)^family-rights-group:\n(?:  .*\n)+", "", contacts.read_text()))
    set_locale(untranslated_copy, "pl", interface="reviewed")
    client = create_app({"CONTENT_DIR": str(untranslated_copy)}).test_client()
    text = client.get("/pl/stages/assessment").get_data(as_text=True)
    assert '<h1 class="govuk-heading-xl">Ocena (single assessment)</h1>' in text
    assert "app-draft-notice" not in text
    assert '<h2 class="govuk-heading-m" id="what-it-is">' in text
    # one contact translated, the others still in English and marked
    contacts = client.get("/pl/contacts").get_data(as_text=True)
    assert "Childline (PL)</h3>" in contacts
    assert '<span lang="en" dir="ltr">Family Rights Group advice line</span>' in contacts
    # a page whose translated file is still a draft says so, even with reviewed interface words
    translate(untranslated_copy, "pl", "pages/rights.md", review="draft")
    client = create_app({"CONTENT_DIR": str(untranslated_copy)}).test_client()
    assert "app-draft-notice" in client.get("/pl/rights").get_data(as_text=True)
    assert "app-draft-notice" not in client.get("/pl/stages/assessment").get_data(as_text=True)


def test_dates_and_numbers_are_written_the_languages_way(client):
    assert "<bdi>22 listopada 2026</bdi>" in client.get("/pl/about").get_data(as_text=True)
    assert "<bdi>22 نوفمبر 2026</bdi>" in client.get("/ar/about").get_data(as_text=True)


def test_a_page_shows_its_languages_interface_words(app, pages):
    """Every interface sentence translated for a language is shown translated on its pages: no
    English sentence of the catalogue remains (short labels are too common to search for)."""
    with app.test_request_context():
        messages = [
            m.id
            for m in read_catalogue(TEMPLATE)
            if isinstance(m.id, str) and len(m.id.split()) >= 4 and "%(" not in m.id
        ]
        for code in OTHER_LOCALES:
            translated = [m for m in messages if in_language(code, m) != m]
            for url, response in html_pages(pages).items():
                if url.startswith(f"/{code}/"):
                    text = text_of(response.get_data(as_text=True))
                    shown = [m for m in translated if html.unescape(m) in text]
                    assert shown == [], (url, shown)


# --- catalogues --------------------------------------------------------------------------------


def test_messages_pot_is_up_to_date(tmp_path):
    """`make translations` was run after the last change to an interface string."""
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "_l",
            "-k",
            "lazy_gettext",
            "--ignore-dirs=.* ._ node_modules static",
            "-o",
            str(fresh),
            ".",
        ],
        cwd=PROJECT_ROOT,
        check=True,
    )
    extracted = message_ids(read_catalogue(fresh))
    committed = message_ids(read_catalogue(TEMPLATE))
    assert sorted(extracted - committed, key=str) == [], "new strings: run `make translations`"
    assert sorted(committed - extracted, key=str) == [], "gone strings: run `make translations`"


@pytest.mark.parametrize("code", OTHER_LOCALES)
def test_each_catalogue_has_every_message_with_the_same_placeholders(code):
    catalogue = read_catalogue(catalogue_path(code), code)
    assert message_ids(catalogue) == message_ids(read_catalogue(TEMPLATE))
    assert placeholder_mismatches(catalogue) == []


def test_a_changed_placeholder_is_caught(tmp_path):
    bad = tmp_path / "messages.po"
    bad.write_text(
        'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 '
        '&& (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n'
        'msgid "Step %(number)s"\nmsgstr "Krok %(numer)s"\n\n'
        'msgid "The map has %(num)s step."\nmsgid_plural "The map has %(num)s steps."\n'
        'msgstr[0] "Mapa ma %(num)s krok."\nmsgstr[1] "Mapa ma %(count)s kroki."\n'
        'msgstr[2] "Mapa ma %(num)s kroków."\n',
        encoding="utf-8",
    )
    assert len(placeholder_mismatches(read_catalogue(bad, "pl"))) == 2


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (
            "pl",
            {
                1: "Mapa ma 1 krok.",
                2: "Mapa ma 2 kroki.",
                5: "Mapa ma 5 kroków.",
                22: "Mapa ma 22 kroki.",
                0: "Mapa ma 0 kroków.",
            },
        ),
        (
            "ar",
            {
                1: "تحتوي الخريطة على خطوة واحدة.",
                2: "تحتوي الخريطة على خطوتين.",
                5: "تحتوي الخريطة على 5 خطوات.",
                22: "تحتوي الخريطة على 22 خطوة.",
                0: "لا تحتوي الخريطة على أي خطوات.",
            },
        ),
    ],
)
def test_plurals_follow_each_languages_rules(app, code, expected):
    with app.test_request_context(), force_locale(code):
        assert {n: ngettext(*MAP_STEPS, n) for n in expected} == expected


def test_the_journey_map_counts_its_steps_in_the_readers_language(app, client):
    steps = len({stage.step for stage in app.extensions["journey_content"].stages})
    with app.test_request_context(), force_locale("pl"):
        sentence = ngettext(*MAP_STEPS, steps)
    assert sentence.startswith(f"Mapa ma {steps} krok")
    assert f'<p class="govuk-body">{sentence}</p>' in client.get("/pl/journey").get_data(
        as_text=True
    )


def test_languages_marked_complete_have_nothing_left_in_english(app, pages):
    """A language whose locale.yml says complete: true has every file translated from the
    current English and every interface word translated; the detection itself is tested in
    tests/unit/test_translations.py on a copy of the content."""
    status = catalogue_status()
    for report in app.extensions["journey_content"].translations:
        if not report.settings.complete:
            continue
        assert report.unfinished() == [], report.locale
        assert status[report.locale].percent == 100.0, report.locale
        for url, response in html_pages(pages).items():
            if url.startswith(f"/{report.locale}/"):
                text = response.get_data(as_text=True)
                assert "app-fallback-note" not in text, url
                assert languages_of(text).in_english == [], url


def test_every_catalogue_message_is_translated_or_waits_for_a_translator():
    """Fuzzy (guessed) translations are not shown: each one counts as not translated yet."""
    for code in OTHER_LOCALES:
        catalogue = read_catalogue(catalogue_path(code), code)
        done = sum(1 for m in catalogue if m.id and is_translated(m))
        assert done == catalogue_status()[code].translated, code
