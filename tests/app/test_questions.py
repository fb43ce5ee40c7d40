"""The "Where am I?" pages: one question per page, answers only in POST forms, a result for every
path; bad, missing or changed answers give the question again with an error (never a 500);
nothing stored, cached, logged or put in a cookie."""

import logging
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from html.parser import HTMLParser

import pytest
from werkzeug.serving import make_server

from journey_app.flow import NOT_SURE, paths
from journey_app.readability import grade, longest_sentence

from .html_checker import vnu_errors

URL = "/en/where-am-i/"


class Page(HTMLParser):
    """What a reader (or a screen reader) finds on a page."""

    def __init__(self, html):
        super().__init__()
        self.forms, self.radios, self.buttons = [], [], []
        self.form_fields = []  # the hidden fields of each form, in order
        self.ids, self.links, self.h1, self.title = [], [], "", ""
        self._in = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "form":
            self.forms.append(attrs)
            self.form_fields.append({})
        elif tag == "input" and attrs.get("type") == "radio":
            self.radios.append(attrs)
        elif tag == "input" and attrs.get("type") == "hidden":
            self.form_fields[-1].setdefault(attrs["name"], []).append(attrs["value"])
        elif tag == "button":
            self.buttons.append(attrs)
        elif tag == "a":
            self.links.append(attrs.get("href", ""))
        if tag in ("h1", "title"):
            self._in = tag

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "h1":
            self.h1 += data
        elif self._in == "title":
            self.title += data

    @property
    def heading(self):
        return " ".join(self.h1.split())

    @property
    def hidden(self):
        """The hidden fields of the page's main form (the last one: Back comes first)."""
        return self.form_fields[-1] if self.form_fields else {}

    @property
    def checked(self):
        return [radio["value"] for radio in self.radios if "checked" in radio]


@pytest.fixture(scope="module")
def flow(app):
    return app.extensions["journey_content"].flow


@pytest.fixture(scope="module")
def words(app):
    return app.extensions["journey_content"].locales["en"]


def form_for(answers, question):
    """What the browser sends from a question page: the answers so far and the page's question."""
    return {**answers, "question": question}


def reach(flow, question_id):
    """Answers that lead to `question_id` (the first way found)."""
    for path in paths(flow):
        for index, answer in enumerate(path.answers):
            if answer.question == question_id:
                return {a.question: a.option for a in path.answers[:index]}
    raise AssertionError(question_id)


def show(client, answers, question_id):
    return client.post(URL, data={**answers, "show": question_id})


def main_html(response):
    return re.search(r"<main\b.*?</main>", response.get_data(as_text=True), re.DOTALL).group(0)


def every_result(client, flow):
    """(path, response) for every path through the flow."""
    for path in paths(flow):
        answers = {a.question: a.option for a in path.answers}
        yield path, client.post(URL, data=form_for(answers, path.answers[-1].question))


def assert_private(response):
    assert response.headers["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in response.headers
    for form in Page(response.get_data(as_text=True)).forms:
        if form.get("action", "").startswith("/en/where-am-i"):
            assert form["method"] == "post"
            assert "?" not in form["action"]


# --- the first question and the start page ----------------------------------------------------


def test_start_page_button_leads_to_the_first_question(client):
    html = client.get("/en/").get_data(as_text=True)
    button = re.search(r'<a href="([^"]+)" role="button"[^>]*govuk-button--start', html)
    assert button.group(1) == URL


def test_first_question_is_one_question_with_radios_and_i_am_not_sure(client, flow, words):
    response = client.get(URL)
    assert response.status_code == 200
    assert_private(response)
    page = Page(response.get_data(as_text=True))
    first = words.questions.questions[flow.start]
    assert page.heading.endswith(first.text)
    assert page.title.startswith(first.text)
    assert [r["value"] for r in page.radios] == [o.slug for o in flow.questions[flow.start].options]
    assert {r["name"] for r in page.radios} == {flow.start}
    assert NOT_SURE in [r["value"] for r in page.radios]
    assert page.checked == []
    assert page.hidden == {"question": [flow.start]}
    html = response.get_data(as_text=True)
    assert first.hint in html
    assert 'href="/en/"' in html  # back to the start page
    assert words.questions.privacy in html


def test_answers_in_the_address_are_ignored(client, flow):
    html = client.get(f"{URL}?{flow.start}=police&show=court").get_data(as_text=True)
    page = Page(html)
    assert page.checked == [] and page.hidden == {"question": [flow.start]}


# --- every question, and every path to a result -----------------------------------------------


def test_every_question_page_shows_its_question_and_answers(client, flow, words):
    for question_id, question in flow.questions.items():
        answers = reach(flow, question_id)
        if answers:
            response = client.post(URL, data=form_for(answers, list(answers)[-1]))
        else:
            response = client.get(URL)
        assert response.status_code == 200, question_id
        assert_private(response)
        page = Page(response.get_data(as_text=True))
        text = words.questions.questions[question_id]
        assert page.heading.endswith(text.text), question_id
        assert [r["value"] for r in page.radios] == [o.slug for o in question.options]
        html = response.get_data(as_text=True)
        for option_text in text.options.values():
            assert str(option_text).replace("'", "&#39;") in html
        # the earlier answers go on in hidden fields, with the question this page asks
        assert page.hidden == {**{q: [a] for q, a in answers.items()}, "question": [question_id]}


def test_every_path_ends_at_a_result_page_for_its_stage(client, flow, words):
    seen = set()
    for path, response in every_result(client, flow):
        assert response.status_code == 200, path
        assert_private(response)
        html = response.get_data(as_text=True)
        page = Page(html)
        title = words.stages[path.stage].title
        unsure = any(a.option == NOT_SURE for a in path.answers)
        expected = "You may be at:" if unsure else "You are probably at:"
        assert page.heading == f"{expected} {title}", path
        # the map marks this stage, and only this one
        assert html.count('aria-current="step"') == 1
        assert f'href="/en/stages/{path.stage}" aria-current="step"' in html
        # the stage page, with no answers in its address, safe to share
        assert f"/en/stages/{path.stage}" in page.links
        assert not [link for link in page.links if "?" in link and "where-am-i" in link]
        for section in ("what-next", "by-when", "your-rights", "who-to-contact", "your-answers"):
            assert f'id="{section}"' in html, (path.stage, section)
        # the title shows in history and tabs: it names no stage
        assert title not in page.title
        seen.add(path.stage)
    assert len(seen) == 13


def test_result_shows_what_next_by_when_rights_and_contacts_from_the_stage(client, app, words):
    content = app.extensions["journey_content"]
    answers = {"away-or-court": "court", "court": "case-started"}
    html = client.post(URL, data=form_for(answers, "court")).get_data(as_text=True)
    page = words.stages["care-proceedings"]
    assert page.section("what-next").html in html
    assert page.section("your-rights").html in html
    for timescale in content.stage_by_slug["care-proceedings"].timescales:
        assert str(words.timescales[timescale]) in html
    for contact in content.stage_by_slug["care-proceedings"].contacts:
        assert f'id="contact-{contact}"' in html
    # a stage without time limits shows what its page says about time instead
    answers = {
        "away-or-court": "none",
        "safety-meeting": "no",
        "what-now": "help",
        "help": "chosen-support",
    }
    html = client.post(URL, data=form_for(answers, "help")).get_data(as_text=True)
    assert words.stages["early-help"].section("how-long").html in html


def test_result_lists_your_answers_each_with_a_change_button(client, flow, words):
    answers = {"away-or-court": "none", "safety-meeting": "plan", "plan": "review-soon"}
    response = client.post(URL, data=form_for(answers, "plan"))
    page = Page(response.get_data(as_text=True))
    html = response.get_data(as_text=True)
    for question_id, slug in answers.items():
        question = words.questions.questions[question_id]
        assert str(question.text).replace("'", "&#39;") in html
        assert str(question.options[slug]).replace("'", "&#39;") in html
    changes = [b["value"] for b in page.buttons if b.get("name") == "show"]
    assert changes == list(answers)
    assert page.hidden == {q: [a] for q, a in answers.items()}
    assert URL in page.links  # start again: the first question, with no answers


def test_i_am_not_sure_gives_the_questions_to_ask_your_social_worker(client, words):
    answers = {"away-or-court": NOT_SURE, "safety-meeting": "no", "what-now": NOT_SURE}
    html = client.post(URL, data=form_for(answers, "what-now")).get_data(as_text=True)
    assert 'id="ask-your-social-worker"' in html
    for question_id in ("away-or-court", "what-now"):
        for text in words.questions.questions[question_id].ask:
            assert str(text).replace("'", "&#39;") in html
    for text in words.questions.questions["safety-meeting"].ask:
        assert str(text) not in html
    for text in words.questions.not_sure_ask:
        assert str(text) in html
    sure = {"away-or-court": "none", "safety-meeting": "no", "what-now": "worry-raised"}
    html = client.post(URL, data=form_for(sure, "what-now")).get_data(as_text=True)
    assert 'id="ask-your-social-worker"' not in html


# --- back and change keep the other answers ---------------------------------------------------


def test_back_shows_the_previous_question_with_its_answer_kept(client):
    answers = {"away-or-court": "none", "safety-meeting": "no"}
    on_third = Page(
        client.post(URL, data=form_for(answers, "safety-meeting")).get_data(as_text=True)
    )
    back = [b for b in on_third.buttons if b.get("name") == "show"]
    assert [b["value"] for b in back] == ["safety-meeting"]
    # the Back form carries every answer so far; the main form carries all but this page's
    assert on_third.form_fields[0] == {"away-or-court": ["none"], "safety-meeting": ["no"]}
    response = show(client, answers, "safety-meeting")
    assert response.status_code == 200
    assert_private(response)
    page = Page(response.get_data(as_text=True))
    assert page.checked == ["no"]
    assert page.hidden == {"away-or-court": ["none"], "question": ["safety-meeting"]}
    back_again = Page(show(client, answers, "away-or-court").get_data(as_text=True))
    assert back_again.checked == ["none"]
    assert back_again.hidden == {"safety-meeting": ["no"], "question": ["away-or-court"]}


def test_change_keeps_the_other_answers_and_goes_straight_back_to_the_result(client):
    answers = {
        "away-or-court": "none",
        "safety-meeting": "no",
        "what-now": "help",
        "help": "plan-of-help",
    }
    page = Page(show(client, answers, "safety-meeting").get_data(as_text=True))
    assert page.checked == ["no"]
    kept = {q: a for q, a in answers.items() if q != "safety-meeting"}
    assert page.hidden == {**{q: [a] for q, a in kept.items()}, "question": ["safety-meeting"]}
    # the same answer again: straight back to the result, every answer kept
    same = client.post(URL, data={**kept, "safety-meeting": "no", "question": "safety-meeting"})
    assert "Child in Need plan" in Page(same.get_data(as_text=True)).heading
    # a different answer that leads elsewhere: the answers that no longer apply are dropped
    other = client.post(URL, data={**kept, "safety-meeting": "plan", "question": "safety-meeting"})
    page = Page(other.get_data(as_text=True))
    assert page.hidden == {
        "away-or-court": ["none"],
        "safety-meeting": ["plan"],
        "question": ["plan"],
    }
    # changing the last answer keeps the first three
    last = client.post(URL, data={**answers, "help": "chosen-support", "question": "help"})
    assert "Early Help" in Page(last.get_data(as_text=True)).heading


# --- nothing chosen, unknown or changed answers -----------------------------------------------


def assert_question_again_with_error(response, question_id, message):
    assert response.status_code == 400
    assert_private(response)
    html = response.get_data(as_text=True)
    page = Page(html)
    assert page.title.startswith("Error:")
    assert 'class="govuk-error-summary"' in html
    link = re.search(r'govuk-error-summary__list">\s*<li>\s*<a href="#([^"]+)">([^<]+)</a>', html)
    assert link, html
    # the summary links to the first answer of the question, and says what to do
    assert page.radios[0]["id"] == link.group(1)
    assert page.radios[0]["name"] == question_id
    assert message in link.group(2)
    assert 'class="govuk-error-message"' in html
    return page


def test_nothing_chosen_gives_the_question_again_with_an_error(client):
    response = client.post(URL, data={"question": "away-or-court"})
    assert_question_again_with_error(response, "away-or-court", "Choose an answer")
    answers = {"away-or-court": "none"}
    response = client.post(URL, data=form_for(answers, "safety-meeting"))
    page = assert_question_again_with_error(response, "safety-meeting", "Choose an answer")
    assert page.hidden == {"away-or-court": ["none"], "question": ["safety-meeting"]}


def test_an_answer_that_was_not_offered_gives_the_question_again(client):
    cases = [
        ({"away-or-court": "lorry", "question": "away-or-court"}, "away-or-court"),
        ({"away-or-court": "", "question": "away-or-court"}, "away-or-court"),
        (
            {"away-or-court": "none", "safety-meeting": "maybe", "question": "safety-meeting"},
            "safety-meeting",
        ),
        ({"away-or-court": ["none", "police"], "question": "away-or-court"}, "away-or-court"),
        (
            {"away-or-court": "none", "safety-meeting": "<script>", "question": "safety-meeting"},
            "safety-meeting",
        ),
    ]
    for data, question_id in cases:
        response = client.post(URL, data=data)
        assert_question_again_with_error(response, question_id, "did not recognise")
        assert "<script>" not in main_html(response)


def test_a_changed_form_gives_the_first_question_again(client):
    cases = [
        {"away-or-court": "none", "show": "help"},  # not a question on the way
        {"away-or-court": "none", "show": "../../etc"},
        {"away-or-court": "none"},  # no question named
        {"away-or-court": "none", "question": "no-such-question"},
        {"away-or-court": "none", "question": "help"},  # a question off the way
        {},
    ]
    for data in cases:
        response = client.post(URL, data=data)
        assert_question_again_with_error(response, "away-or-court", "did not recognise")


def test_odd_requests_never_give_a_server_error(client, flow):
    slugs = ["", "none", NOT_SURE, "x" * 1000, "é", "%00", "police"]
    fields = [*flow.questions, "question", "show", "lang", "stage"]
    for size in range(1, len(fields) + 1):
        for value in slugs:
            data = {f: value for f in fields[:size]}
            response = client.post(URL, data=data)
            assert response.status_code in (200, 400), (data, response.status_code)
            assert_private(response)
    assert client.post(URL, data="x=" + "y" * 20000, content_type="text/plain").status_code < 500
    assert client.post(URL, data={"question": "a" * 17000}).status_code == 413
    assert client.put(URL).status_code == 405
    assert client.post("/xx/where-am-i/", data={"question": "away-or-court"}).status_code == 404


# --- privacy: no cookies, no caching, nothing in any log line ---------------------------------


def test_answers_never_reach_a_log_line(app, flow, caplog):
    answers = {"away-or-court": "none", "safety-meeting": "no", "what-now": "looking-into-harm"}
    answers["safety-checks"] = "talked-to-child"
    caplog.set_level(logging.DEBUG)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        steps = [{}, *({k: answers[k] for k in list(answers)[:n]} for n in range(1, 5))]
        asked = list(answers)
        for step in steps[1:]:
            body = urllib.parse.urlencode({**step, "question": asked[len(step) - 1]}).encode()
            with urllib.request.urlopen(urllib.request.Request(base + URL, body)) as reply:
                assert reply.status == 200
        body = urllib.parse.urlencode({**answers, "question": "help"}).encode()
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(urllib.request.Request(base + URL, body))
    finally:
        server.shutdown()
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "route=/<lang>/where-am-i/" in logged  # the requests were logged, without answers
    for question, option in answers.items():
        assert option not in logged
        assert question not in logged.replace("where-am-i", "")


# --- every page is plain, valid and well formed -----------------------------------------------


def question_and_result_pages(client, flow):
    """Every question page, its error page, and every stage's result (sure and unsure)."""
    pages = {}
    for question_id in flow.questions:
        answers = reach(flow, question_id)
        pages[f"question {question_id}"] = show(client, answers, question_id)
        pages[f"error {question_id}"] = client.post(URL, data=form_for(answers, question_id))
    for path, response in every_result(client, flow):
        unsure = "unsure" if any(a.option == NOT_SURE for a in path.answers) else "sure"
        pages.setdefault(f"result {path.stage} {unsure}", response)
    return pages


def test_every_question_and_result_page_is_plain_english(client, flow):
    too_hard = {}
    for name, response in question_and_result_pages(client, flow).items():
        html = main_html(response)
        words, sentence = longest_sentence(html)
        if grade(html) > 6.0 or words > 25:
            too_hard[name] = f"grade {grade(html):.1f}, longest {words} words: {sentence}"
    assert too_hard == {}


def test_every_question_and_result_page_is_well_formed_and_valid_html(client, flow, tmp_path):
    pages = question_and_result_pages(client, flow)
    for name, response in pages.items():
        html = response.get_data(as_text=True)
        page = Page(html)
        assert [i for i, n in Counter(page.ids).items() if n > 1] == [], name
        assert html.count("<h1") == 1, name
        assert not re.search(r"\{\{|\{%|\}\}", html), name
    assert vnu_errors({name: response.data for name, response in pages.items()}, tmp_path) == []
