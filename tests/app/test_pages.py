"""Every page of the guide: it loads, it is labelled and well formed, and sets no cookie."""

import html
import re
from collections import Counter
from html.parser import HTMLParser

from journey_app.config import LANGUAGES_BY_CODE


class PageFacts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.html_attrs, self.title, self._in_title = [], {}, "", False
        self.h1_count = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "html":
            self.html_attrs = attrs
        self._in_title = tag == "title"
        self.h1_count += tag == "h1"

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def facts(response):
    parser = PageFacts()
    parser.feed(response.get_data(as_text=True))
    return parser


def test_there_is_a_page_for_every_part_of_the_guide(page_urls):
    for path in (
        "/en/",
        "/en/journey",
        "/en/rights",
        "/en/contacts",
        "/en/words",
        "/en/about",
        "/en/stages/initial-conference",
        "/en/journey/initial-conference",
    ):
        assert path in page_urls


def test_every_page_loads_with_title_language_and_one_heading(pages):
    for url, response in pages.items():
        assert response.status_code == 200, url
        page = facts(response)
        assert page.title.strip(), url
        language = LANGUAGES_BY_CODE[url.split("/")[1]]
        assert page.html_attrs.get("lang") == language.code, url
        assert page.html_attrs.get("dir") == language.direction, url
        assert page.h1_count == 1, url


def test_ids_are_unique_on_every_page(pages):
    for url, response in pages.items():
        repeated = [i for i, n in Counter(facts(response).ids).items() if n > 1]
        assert repeated == [], f"{url} repeats ids {repeated}"


def test_no_unrendered_template_code(pages):
    for url, response in pages.items():
        text = response.get_data(as_text=True)
        assert not re.search(r"\{\{|\{%|\}\}", text), url


def test_no_page_sets_a_cookie(pages):
    for url, response in pages.items():
        assert "Set-Cookie" not in response.headers, url


def test_every_page_has_exit_skip_link_and_duty_number(pages):
    for url, response in pages.items():
        text = response.get_data(as_text=True)
        assert 'data-module="govuk-exit-this-page"' in text, url
        assert 'href="https://www.bbc.co.uk/weather"' in text, url
        assert 'href="#main-content"' in text, url
        assert 'href="tel:01163050005"' in text, url
        assert "Leicestershire County Council" in text, url


def test_root_sends_the_reader_to_english(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/en/")


def test_unknown_pages_get_a_friendly_404_with_a_way_back(client):
    for path in (
        "/en/no-such-page",
        "/en/stages/no-such-stage",
        "/xx/",
        "/en/journey/nowhere",
        "/de/",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        text = response.get_data(as_text=True)
        assert "Page not found" in text
        assert 'href="/en/"' in text
        assert 'href="tel:01163050005"' in text


def test_journey_map_marks_the_current_stage_only_when_known(client):
    plain = client.get("/en/journey").get_data(as_text=True)
    assert 'aria-current="step"' not in plain
    marked = client.get("/en/journey/initial-conference").get_data(as_text=True)
    assert marked.count('aria-current="step"') == 1
    assert re.search(r'href="/en/stages/initial-conference" aria-current="step"', marked)
    assert "You are here" in marked


def test_journey_map_shows_steps_in_order_with_branches(client):
    html = client.get("/en/journey").get_data(as_text=True)
    steps = re.search(r'<ol class="app-step-nav">.*?</ol>', html, re.DOTALL).group(0)
    titles = re.findall(r'<a class="govuk-link" href="/en/stages/([a-z-]+)"', steps)
    assert titles[0] == "someone-is-worried" and titles[-1] == "case-closed"
    assert len(titles) == 13
    assert (
        html.count("app-step-nav__step--logic") == 3
    )  # early help, child in need: "or"; emergency: "and"


def test_stage_page_links_glossary_words_and_explains_them(client):
    html = client.get("/en/stages/child-protection-plan").get_data(as_text=True)
    assert 'href="/en/words#core-group"' in html
    assert 'id="words-explained"' in html


def test_contacts_have_tel_links_and_hours(client, app):
    page = html.unescape(client.get("/en/contacts").get_data(as_text=True))
    content = app.extensions["journey_content"]
    for contact in content.contacts.values():
        if contact.tel:
            assert f'href="tel:{contact.tel.replace(" ", "")}"' in page
        assert content.locales["en"].contacts[contact.id].hours in page
