""" "Where am I?" in a real browser: by touch on a 360 px phone, by keyboard only, without
JavaScript; Back and Change keep the other answers; axe-core finds nothing on any question, error
or result page at 360 px and 1280 px."""

import re

import pytest
from playwright.sync_api import expect

from journey_app.flow import NOT_SURE, paths

from .conftest import PHONE, axe_violations

URL = "/en/where-am-i/"


@pytest.fixture()
def keyboard_phone(browser):
    """A 360 px screen driven by a keyboard (a phone with a keyboard, or a zoomed-in laptop)."""
    context = browser.new_context(viewport={"width": 360, "height": 640})
    yield context.new_page()
    context.close()


@pytest.fixture()
def phone_without_javascript(browser):
    context = browser.new_context(**PHONE, java_script_enabled=False)
    yield context.new_page()
    context.close()


def tap_answer(page, words):
    page.get_by_role("radio", name=re.compile(re.escape(words))).tap()
    page.get_by_role("button", name="Continue").tap()


def post(page, live_server, data):
    """Open the page a form with these fields would give (the way Back and Change do)."""
    if not page.url.startswith(live_server):
        page.goto(f"{live_server}{URL}")
    with page.expect_navigation():
        page.evaluate(
            """data => {
                const form = document.createElement("form");
                form.method = "post";
                form.action = "/en/where-am-i/";
                for (const [name, value] of Object.entries(data)) {
                    const input = document.createElement("input");
                    input.type = "hidden";
                    input.name = name;
                    input.value = value;
                    form.append(input);
                }
                document.body.append(form);
                form.submit();
            }""",
            data,
        )


def heading(page):
    return page.get_by_role("heading", level=1)


def test_parent_taps_from_the_start_page_to_a_result_on_a_phone(phone, live_server):
    page = phone
    page.goto(f"{live_server}/en/")
    page.get_by_role("button", name="Find out where you are").tap()
    expect(heading(page)).to_contain_text("Has any of these happened?")
    tap_answer(page, "None of these")
    expect(heading(page)).to_contain_text("child protection conference")
    tap_answer(page, "No.")
    expect(heading(page)).to_contain_text("What is happening now?")
    tap_answer(page, "looking into whether my child has been hurt")
    expect(heading(page)).to_contain_text("What has happened so far?")
    tap_answer(page, "talked to my child on their own")
    expect(heading(page)).to_have_text("You are probably at: Child protection enquiry (section 47)")
    # the answers never reach the address bar (and so never the history or a Referer)
    assert page.url == f"{live_server}{URL}"
    expect(page.locator('[aria-current="step"]')).to_have_count(1)
    expect(page.locator('main a[href="tel:01163050005"]').first).to_be_visible()
    assert page.context.cookies() == []
    assert not page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth")
    page.get_by_role("link", name=re.compile("Read all about this step")).tap()
    expect(page).to_have_url(f"{live_server}/en/stages/child-protection-enquiry")


def tab_to(page, selector, limit=40):
    """Press Tab until the element matching `selector` has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            focus = page.evaluate("""() => {
                const s = getComputedStyle(document.activeElement);
                return s.outlineStyle !== 'none' || s.boxShadow !== 'none';
            }""")
            assert focus, f"focus is not visible on {selector}"
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_keyboard_only_from_the_start_page_to_a_result(keyboard_phone, live_server):
    page = keyboard_phone
    page.goto(f"{live_server}/en/")
    tab_to(page, "a.govuk-button--start")
    page.keyboard.press("Enter")
    expect(heading(page)).to_contain_text("Has any of these happened?")
    # radios: Tab into the group, arrows to move and choose, Tab to Continue
    tab_to(page, "input[type=radio]")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("radio", name=re.compile("about court"))).to_be_checked()
    tab_to(page, "button.govuk-button")
    page.keyboard.press("Enter")
    expect(heading(page)).to_contain_text("What have children's services told you about court?")
    tab_to(page, "input[type=radio]")
    page.keyboard.press("Space")
    expect(page.get_by_role("radio", name=re.compile("thinking about going"))).to_be_checked()
    tab_to(page, "button.govuk-button")
    page.keyboard.press("Enter")
    expect(heading(page)).to_contain_text("You are probably at: Pre-proceedings")
    # Change, by keyboard: back to the question with its answer chosen
    tab_to(page, "button[name=show][value=court]")
    page.keyboard.press("Enter")
    expect(page.get_by_role("radio", name=re.compile("thinking about going"))).to_be_checked()
    tab_to(page, "button.app-back-button")
    page.keyboard.press("Enter")
    expect(page.get_by_role("radio", name=re.compile("about court"))).to_be_checked()


def test_back_keeps_each_answer(phone, live_server):
    page = phone
    page.goto(f"{live_server}{URL}")
    tap_answer(page, "None of these")
    tap_answer(page, "No.")
    expect(heading(page)).to_contain_text("What is happening now?")
    page.get_by_role("button", name="Back").tap()
    expect(heading(page)).to_contain_text("child protection conference")
    expect(page.get_by_role("radio", name="No.")).to_be_checked()
    page.get_by_role("button", name="Back").tap()
    expect(page.get_by_role("radio", name="None of these.")).to_be_checked()
    page.get_by_role("link", name="Back").tap()  # the first question goes back to the start
    expect(page).to_have_url(f"{live_server}/en/")


def test_change_keeps_the_other_answers(phone, live_server):
    page = phone
    page.goto(f"{live_server}{URL}")
    tap_answer(page, "None of these")
    tap_answer(page, "No.")
    tap_answer(page, "getting to know my family")
    expect(heading(page)).to_contain_text("You are probably at: Assessment")
    answers = page.locator(".govuk-summary-list__value")
    expect(answers).to_have_count(3)
    # change the second answer, keep it the same: straight back to the same result
    page.get_by_role("button", name=re.compile("Change your answer to: Have you been asked")).tap()
    expect(page.get_by_role("radio", name="No.")).to_be_checked()
    page.get_by_role("button", name="Continue").tap()
    expect(heading(page)).to_contain_text("You are probably at: Assessment")
    expect(answers).to_have_count(3)
    # change the third answer: the first two stay as they were
    page.get_by_role("button", name=re.compile("Change your answer to: What is happening")).tap()
    expect(page.get_by_role("radio", name=re.compile("getting to know"))).to_be_checked()
    tap_answer(page, "someone is worried about my child")
    expect(heading(page)).to_contain_text("You are probably at: Someone is worried")
    expect(answers).to_have_text(
        ["None of these.", "No.", re.compile("someone is worried about my child")]
    )
    # start again: the first question, nothing chosen
    page.get_by_role("link", name="Start again").tap()
    expect(page.get_by_role("radio", checked=True)).to_have_count(0)


def test_nothing_chosen_shows_an_error_that_leads_to_the_answers(phone, live_server):
    page = phone
    page.goto(f"{live_server}{URL}")
    page.get_by_role("button", name="Continue").tap()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()  # GOV.UK's script moves focus to the summary
    assert page.title().startswith("Error:")
    summary.get_by_role("link").tap()
    expect(page.get_by_role("radio").first).to_be_focused()


def test_it_all_works_without_javascript(phone_without_javascript, live_server):
    page = phone_without_javascript
    page.goto(f"{live_server}/en/")
    page.get_by_role("button", name="Find out where you are").tap()
    page.get_by_role("button", name="Continue").tap()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    tap_answer(page, "staying with relatives")
    expect(heading(page)).to_contain_text("You are probably at: Keeping a child safe now")
    page.get_by_role("button", name=re.compile("Change your answer")).tap()
    expect(page.get_by_role("radio", name=re.compile("staying with relatives"))).to_be_checked()
    tap_answer(page, "I'm not sure")
    tap_answer(page, "I'm not sure")
    tap_answer(page, "I'm not sure")
    expect(heading(page)).to_contain_text("You may be at: Someone is worried")
    expect(page.get_by_role("heading", name="Questions to ask your social worker")).to_be_visible()
    assert page.context.cookies() == []


def every_question_error_and_result(app):
    """(name, form fields) for every question page, its error page, a result for each stage and
    a result with "I'm not sure" (which adds the questions to ask the social worker)."""
    flow = app.extensions["journey_content"].flow
    forms, results = [], {}
    for path in paths(flow):
        answers = {a.question: a.option for a in path.answers}
        unsure = any(a.option == NOT_SURE for a in path.answers)
        key = (path.stage, False) if not unsure else ("any stage", True)
        results.setdefault(key, {**answers, "question": path.answers[-1].question})
        for index, answer in enumerate(path.answers):
            before = {a.question: a.option for a in path.answers[:index]}
            forms.append((f"question {answer.question}", {**before, "show": answer.question}))
            forms.append((f"error {answer.question}", {**before, "question": answer.question}))
    unique = dict(forms)  # one of each question and error page
    named = [
        (f"result {stage}{' unsure' if unsure else ''}", f)
        for (stage, unsure), f in results.items()
    ]
    return [*unique.items(), *sorted(named)]


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_axe_finds_nothing_on_question_error_and_result_pages(
    device, request, live_server, app, axe_source
):
    page = request.getfixturevalue(device)
    found, seen = {}, 0
    for name, data in every_question_error_and_result(app):
        post(page, live_server, data)
        seen += 1
        if violations := axe_violations(page, axe_source):
            found[name] = violations
        if device == "phone":
            wide = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth")
            assert not wide, f"{name} scrolls sideways at 360 px"
    assert found == {}
    flow = app.extensions["journey_content"].flow
    assert seen >= 2 * len(flow.questions) + 13
