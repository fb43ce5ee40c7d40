"""The key dates page: the form, the results, the calendar file, and every kind of bad input.

Bad input gives the form again (status 400) with a GOV.UK error summary and the entered values
kept. Dates entered are relative to today, so the tests do not go stale.
"""

import html
import logging
import re
from datetime import date, timedelta

import icalendar
import pytest
import yaml

from journey_app import create_app
from journey_app.dates import add_months

TODAY = date.today()
SOON = TODAY + timedelta(days=30)


def post(client, known="initial-conference", day=None, path="/en/key-dates", **extra):
    day = day or SOON
    data = {
        "known": known,
        "date-day": str(day.day),
        "date-month": str(day.month),
        "date-year": str(day.year),
    }
    data.update(extra)
    return client.post(path, data={k: v for k, v in data.items() if v is not None})


def text_of(response):
    page = response.get_data(as_text=True)
    main = re.search(r"<main\b.*?</main>", page, re.DOTALL).group(0)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main)).split())


def error_summary(response):
    page = response.get_data(as_text=True)
    summary = re.search(r'<div class="govuk-error-summary".*?</ul>', page, re.DOTALL)
    assert summary, "no error summary"
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", summary.group(0))).split())


def input_value(response, name):
    page = response.get_data(as_text=True)
    match = re.search(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', page)
    return html.unescape(match.group(1)) if match else None


def checked_known(response):
    page = response.get_data(as_text=True)
    return re.findall(r'name="known" type="radio" value="([a-z-]+)" checked', page)


# --- the form -------------------------------------------------------------------------------


def test_the_form_asks_which_date_and_the_date(client, app):
    response = client.get("/en/key-dates")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert re.search(r'<form method="post" action="/en/key-dates"', page)
    for known in app.extensions["journey_content"].key_dates.known:
        assert f'value="{known}"' in page
    for part in ("day", "month", "year"):
        assert f'name="date-{part}"' in page
    assert "Which date do you know?" in text_of(response)
    assert "It is not saved, and it is not in the page address." in text_of(response)
    assert checked_known(response) == []


def test_a_stage_page_link_picks_its_date(client):
    assert checked_known(client.get("/en/key-dates?known=initial-conference")) == [
        "initial-conference"
    ]
    # an unknown value picks nothing, and is not shown back
    response = client.get("/en/key-dates?known=<script>")
    assert response.status_code == 200
    assert checked_known(response) == []
    assert "<script>" not in response.get_data(as_text=True)


def test_stage_pages_link_to_key_dates_where_the_content_says(client, app):
    key_dates = app.extensions["journey_content"].key_dates
    for stage in app.extensions["journey_content"].stages:
        page = client.get(f"/en/stages/{stage.slug}").get_data(as_text=True)
        known = key_dates.for_stage(stage.slug)
        if known:
            assert f'href="/en/key-dates?known={known.id}"' in page, stage.slug
        else:
            assert "/en/key-dates" not in page, stage.slug
    linked = {slug for known in key_dates.known.values() for slug in known.stages}
    assert {"initial-conference", "review-conference", "care-proceedings"} <= linked


# --- the results ----------------------------------------------------------------------------


def test_results_show_each_date_with_its_rule_and_who_confirms_it(client):
    conference = date(2027, 3, 2) if date(2027, 3, 2) <= add_months(TODAY, 12) else SOON
    response = post(client, day=conference)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    text = text_of(response)
    items = re.findall(
        r'<li class="app-key-date">.*?</li>', response.get_data(as_text=True), re.DOTALL
    )
    assert len(items) == 6
    for item in items:
        item_text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", item)).split())
        assert re.search(r"By \w+day, \d{1,2} \w+ \d{4}", item_text)
        assert re.search(r"Whose rule: (The law|National guidance|Leicestershire's own)", item_text)
        assert "Your social worker will tell you the real date." in item_text
    if conference == date(2027, 3, 2):
        # worked by hand in tests/unit/test_dates.py
        for expected in (
            "Tuesday, 2 March 2027",
            "By Friday, 26 February 2027",
            "By Tuesday, 16 March 2027",
            "By Tuesday, 13 April 2027",
            "By Wednesday, 2 June 2027",
            "By Tuesday, 25 May 2027",
            "By Thursday, 2 December 2027",
        ):
            assert expected in text
    assert "We counted this from the latest date for: The first core group meeting." in text


def test_every_known_date_gives_results(client, app):
    for known in app.extensions["journey_content"].key_dates.known.values():
        response = post(client, known=known.id)
        assert response.status_code == 200, known.id
        items = response.get_data(as_text=True).count('<li class="app-key-date">')
        assert items == len(known.results), known.id


def test_the_letter_before_proceedings_starts_free_legal_advice_that_day(client):
    response = post(client, known="letter-before-proceedings")
    text = text_of(response)
    assert "Free legal advice" in text
    assert re.search(r"From \w+day, \d{1,2} \w+ \d{4}", text)
    assert "Whose rule: The law" in text
    assert "Work out the date of the review after the pre-proceedings meeting" in text


def test_court_dates_are_confirmed_by_the_court(client):
    text = text_of(post(client, known="application"))
    assert "The court sets the real dates. Your solicitor can tell you them." in text
    assert "26 weeks" in text


def test_results_never_put_the_date_in_an_address(client):
    response = post(client)
    page = response.get_data(as_text=True)
    for href in re.findall(r'(?:href|action)="([^"]*)"', page):
        assert str(SOON.year) not in href or "key-dates" not in href, href
        assert "date-" not in href, href
    # the calendar and "change the date" send the date again in a POST body
    assert page.count('name="date-day" value="') == 2
    assert re.search(r'<form method="post" action="/en/key-dates/calendar"', page)


def test_change_the_date_shows_the_form_with_the_values(client):
    response = post(client, change="1")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert checked_known(response) == ["initial-conference"]
    assert input_value(response, "date-day") == str(SOON.day)
    assert input_value(response, "date-year") == str(SOON.year)


def test_the_date_never_reaches_a_log(client, app):
    lines = []

    class Keep(logging.Handler):
        def emit(self, record):
            lines.append(record.getMessage())

    keep = Keep()
    loggers = [logging.getLogger(), logging.getLogger("journey_app.requests"), app.logger]
    for logger in loggers:
        logger.addHandler(keep)
    try:
        odd = date(SOON.year, SOON.month, SOON.day)
        post(client, day=odd)
        post(client, day=odd, path="/en/key-dates/calendar")
        client.post(
            "/en/key-dates", data={"known": "referral", "date-day": "31", "date-month": "2"}
        )
    finally:
        for logger in loggers:
            logger.removeHandler(keep)
    assert lines, "expected the request log to note each request"
    for line in lines:
        assert str(odd.year) not in line, line
        assert "date-" not in line and "known" not in line and "referral" not in line, line


# --- the calendar file ----------------------------------------------------------------------


def test_the_calendar_file_downloads_with_the_same_dates(client):
    shown = post(client)
    response = post(client, path="/en/key-dates/calendar")
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    assert response.headers["Content-Disposition"] == "attachment; filename=key-dates.ics"
    assert response.headers["Cache-Control"] == "no-store"
    events = icalendar.Calendar.from_ical(response.data).walk("VEVENT")
    labels = re.findall(
        r'<h2 class="govuk-heading-m app-key-date__label">([^<]+)</h2>',
        shown.get_data(as_text=True),
    )
    assert [str(e["SUMMARY"]) for e in events] == [
        f"Latest date: {html.unescape(label)}" for label in labels
    ]
    first = events[0]
    assert "Whose rule: Leicestershire's own practice." in str(first["DESCRIPTION"])
    assert "Your social worker will tell you the real date." in str(first["DESCRIPTION"])
    # the report is due 2 working days before the conference
    assert first.decoded("DTSTART") < SOON


def test_the_calendar_address_only_takes_a_post(client):
    response = client.get("/en/key-dates/calendar")
    assert response.status_code == 405
    assert "Sorry" in response.get_data(as_text=True)


# --- bad input: the form again, with the error, the values kept, never a 500 ---------------

FAR_PAST = add_months(TODAY, -12 * 3)
FAR_FUTURE = add_months(TODAY, 12 * 3)

BAD_INPUT = [
    # (what is wrong, form fields, expected message, parts marked in error)
    ("nothing at all", {}, "Choose the date you know", None),
    ("no date", {"known": "referral"}, "Enter the date", ("day", "month", "year")),
    (
        "no choice",
        {"day": "2", "month": "3", "year": str(SOON.year)},
        "Choose the date you know",
        None,
    ),
    (
        "an unknown choice",
        {"known": "birthday", "day": "2", "month": "3", "year": str(SOON.year)},
        "Choose the date you know",
        None,
    ),
    (
        "no day",
        {"known": "referral", "month": "3", "year": str(SOON.year)},
        "The date must include a day",
        ("day",),
    ),
    (
        "no month",
        {"known": "referral", "day": "3", "year": str(SOON.year)},
        "The date must include a month",
        ("month",),
    ),
    (
        "no year",
        {"known": "referral", "day": "3", "month": "4"},
        "The date must include a year",
        ("year",),
    ),
    (
        "only a year",
        {"known": "referral", "year": str(SOON.year)},
        "The date must include a day and month",
        ("day", "month"),
    ),
    (
        "letters in the day",
        {"known": "referral", "day": "ab", "month": "3", "year": str(SOON.year)},
        "Enter the date in numbers",
        ("day",),
    ),
    (
        "a month name",
        {"known": "referral", "day": "2", "month": "March", "year": str(SOON.year)},
        "Enter the date in numbers",
        ("month",),
    ),
    (
        "a minus sign",
        {"known": "referral", "day": "-1", "month": "3", "year": str(SOON.year)},
        "Enter the date in numbers",
        ("day",),
    ),
    (
        "other digits",
        {"known": "referral", "day": "٣", "month": "３", "year": str(SOON.year)},
        "Enter the date in numbers",
        ("day", "month"),
    ),
    (
        "a short year",
        {"known": "referral", "day": "2", "month": "3", "year": "27"},
        "The year must have 4 numbers",
        ("year",),
    ),
    (
        "30 February",
        {"known": "referral", "day": "30", "month": "2", "year": str(SOON.year)},
        "The date must be a real date",
        ("day", "month", "year"),
    ),
    (
        "month 13",
        {"known": "referral", "day": "1", "month": "13", "year": str(SOON.year)},
        "The date must be a real date",
        ("day", "month", "year"),
    ),
    (
        "day 0",
        {"known": "referral", "day": "0", "month": "1", "year": str(SOON.year)},
        "The date must be a real date",
        ("day", "month", "year"),
    ),
    (
        "31 April",
        {"known": "referral", "day": "31", "month": "4", "year": str(SOON.year)},
        "The date must be a real date",
        ("day", "month", "year"),
    ),
    (
        "a huge number",
        {"known": "referral", "day": "99999999999", "month": "1", "year": "2027"},
        "The date must be a real date",
        ("day", "month", "year"),
    ),
    (
        "year 0000",
        {"known": "referral", "day": "1", "month": "1", "year": "0000"},
        "The date must be a real date",
        ("day", "month", "year"),
    ),
    (
        "far in the past",
        {
            "known": "referral",
            "day": str(FAR_PAST.day),
            "month": str(FAR_PAST.month),
            "year": str(FAR_PAST.year),
        },
        "The date must be on or after",
        ("day", "month", "year"),
    ),
    (
        "far in the future",
        {
            "known": "referral",
            "day": str(FAR_FUTURE.day),
            "month": str(FAR_FUTURE.month),
            "year": str(FAR_FUTURE.year),
        },
        "The date must be on or before",
        ("day", "month", "year"),
    ),
    (
        "year 9999",
        {"known": "referral", "day": "1", "month": "1", "year": "9999"},
        "The date must be on or before",
        ("day", "month", "year"),
    ),
]


def as_form(fields):
    names = {"known": "known", "day": "date-day", "month": "date-month", "year": "date-year"}
    return {names[key]: value for key, value in fields.items()}


@pytest.mark.parametrize("path", ["/en/key-dates", "/en/key-dates/calendar"])
@pytest.mark.parametrize(
    ("case", "fields", "message", "parts"), BAD_INPUT, ids=[case[0] for case in BAD_INPUT]
)
def test_bad_input_gives_the_form_again_with_the_error(client, path, case, fields, message, parts):
    response = client.post(path, data=as_form(fields))
    assert response.status_code == 400, case
    assert response.mimetype == "text/html"
    assert response.headers["Cache-Control"] == "no-store"
    page = response.get_data(as_text=True)
    assert "<title>Error: Work out your key dates" in page
    assert "There is a problem" in error_summary(response)
    assert message in error_summary(response)
    # the message also sits by the field it is about, and the summary links to that field
    assert re.search(r'<p id="(known|date)-error" class="govuk-error-message">', page)
    if parts:
        assert f'href="#date-{parts[0]}"' in page
        for part in ("day", "month", "year"):
            marked = re.search(
                rf'<input class="[^"]*govuk-input--error[^"]*" id="date-{part}"', page
            )
            assert bool(marked) == (part in parts), f"{case}: {part}"
    else:
        assert 'href="#known"' in page
    # what was entered is still there
    for key, name in (("day", "date-day"), ("month", "date-month"), ("year", "date-year")):
        assert input_value(response, name) == fields.get(key, ""), f"{case}: {key}"
    if fields.get("known") in ("referral",):
        assert checked_known(response) == ["referral"]


def test_both_errors_are_listed_when_both_are_wrong(client):
    response = client.post("/en/key-dates", data={"date-day": "x"})
    summary = error_summary(response)
    assert "Choose the date you know" in summary
    assert "The date must include a month and year" in summary


def test_dates_past_the_bank_holiday_list_are_refused_politely(content_copy):
    """A council that allows dates far ahead: past the bundled bank holidays, no guessing."""
    path = content_copy / "key-dates.yml"
    data = yaml.safe_load(path.read_text())
    data["window"]["years_after"] = 20
    path.write_text(yaml.safe_dump(data))
    client = create_app({"CONTENT_DIR": str(content_copy), "TESTING": True}).test_client()
    response = post(client, known="referral", day=date(2040, 6, 4))
    assert response.status_code == 400
    assert "We can only work out dates up to" in error_summary(response)
    # weeks and months need no bank holidays, so court dates still work that far ahead
    assert post(client, known="application", day=date(2040, 6, 4)).status_code == 200


def test_too_much_sent_is_refused_without_a_500(client):
    response = client.post("/en/key-dates", data={"known": "x" * 40000})
    assert response.status_code == 413


@pytest.mark.parametrize(
    "fields",
    [
        {"known": ["referral", "visit"], "date-day": ["1", "2"]},
        {"known": "referral", "date-day": " 4 ", "date-month": "\t5", "date-year": "2027\n"},
        {"known": "\x00", "date-day": "\x00", "date-month": "𝟘", "date-year": "२०२७"},
        {"unexpected": "field"},
    ],
)
def test_odd_forms_never_give_a_500(client, fields):
    for path in ("/en/key-dates", "/en/key-dates/calendar"):
        assert client.post(path, data=fields).status_code in (200, 400)


# --- the content that drives the page is checked like the rest -------------------------------


def problems_for(content_dir):
    app = create_app({"CONTENT_DIR": str(content_dir), "VALIDATE_CONTENT": False})
    return [str(problem) for problem in app.extensions["journey_content_problems"]]


def test_the_check_names_mistakes_in_key_dates(content_copy):
    path = content_copy / "key-dates.yml"
    data = yaml.safe_load(path.read_text())
    known = {entry["id"]: entry for entry in data["known"]}
    known["referral"]["results"].append({"timescale": "first-core-group"})
    known["referral"]["results"].append({"timescale": "no-such-rule"})
    known["referral"]["stages"].append("no-such-stage")
    known["referral"]["then"].append("birthday")
    known["application"]["results"].append({"timescale": "police-protection"})
    known["visit"]["results"].append({"timescale": "visits"})
    known["visit"]["results"].append({"id": "x", "timescale": "visits", "after": "later"})
    path.write_text(yaml.safe_dump(data))
    problems = problems_for(content_copy)
    for expected in (
        "key-dates.yml: referral: result 'first-core-group': timescale 'first-core-group' "
        "counts from 'initial-conference', not from 'referral'",
        "key-dates.yml: referral: result 'no-such-rule': unknown timescale "
        "(use one from timescales.yml)",
        "key-dates.yml: referral: unknown stage 'no-such-stage'",
        "key-dates.yml: referral: 'then' names unknown date 'birthday'",
        "key-dates.yml: application: result 'police-protection': timescale 'police-protection' "
        "has no amount in days to count",
        "key-dates.yml: visit: result 'visits' is listed twice (give it an id)",
        "key-dates.yml: visit: result 'x': 'after' should name an earlier result",
    ):
        assert expected in problems


def test_the_check_names_missing_words(content_copy):
    path = content_copy / "en/key-dates.yml"
    data = yaml.safe_load(path.read_text())
    del data["results"]["assessment"]["label"]
    del data["known"]["visit"]["then_link"]
    data["intro"] += "\n\nSee [the plan](stage:no-such-stage)."
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    problems = problems_for(content_copy)
    assert "en/key-dates.yml: 'results.assessment.label' is missing" in problems
    assert "en/key-dates.yml: 'known.visit.then_link' is missing" in problems
    assert "en/key-dates.yml: link to unknown stage 'no-such-stage'" in problems
