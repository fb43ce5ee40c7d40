"""The calendar file: it parses back, with the same events, as all-day dates."""

from datetime import UTC, date, datetime, timedelta

import icalendar

from journey_app.ics import CalendarEvent, calendar_file

STAMP = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
EVENTS = [
    CalendarEvent(date(2027, 2, 26), "Latest date: the report", "Two working days before."),
    CalendarEvent(date(2027, 3, 16), "Latest date: the first core group", "Rule, with; commas"),
    CalendarEvent(date(2028, 2, 29), "Najpóźniej: konferencja", "Zasada: wytyczne krajowe."),
]


def parse(body):
    return icalendar.Calendar.from_ical(body)


def test_the_file_parses_back_with_the_same_events():
    calendar = parse(calendar_file(EVENTS, STAMP))
    assert str(calendar["VERSION"]) == "2.0"
    assert calendar["PRODID"]
    parsed = [
        (
            event.decoded("DTSTART"),
            event.decoded("DTEND"),
            str(event["SUMMARY"]),
            str(event["DESCRIPTION"]),
        )
        for event in calendar.walk("VEVENT")
    ]
    assert parsed == [(e.day, e.day + timedelta(days=1), e.title, e.description) for e in EVENTS]


def test_events_are_whole_days_that_do_not_block_time():
    calendar = parse(calendar_file(EVENTS, STAMP))
    for event in calendar.walk("VEVENT"):
        start = event.decoded("DTSTART")
        assert type(start) is date  # an all-day date, not a time
        assert str(event["TRANSP"]) == "TRANSPARENT"
        assert event.decoded("DTSTAMP") == STAMP


def test_each_event_has_its_own_id_that_stays_the_same_on_a_new_download():
    first = [str(e["UID"]) for e in parse(calendar_file(EVENTS, STAMP)).walk("VEVENT")]
    later = STAMP + timedelta(days=3)
    again = [str(e["UID"]) for e in parse(calendar_file(EVENTS, later)).walk("VEVENT")]
    assert len(set(first)) == len(EVENTS)
    assert first == again


def test_lines_are_folded_and_end_with_crlf_as_the_standard_asks():
    long = CalendarEvent(date(2027, 1, 4), "A title", "word " * 60)
    body = calendar_file([long], STAMP)
    lines = body.split(b"\r\n")
    assert body.endswith(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    assert str(parse(body).walk("VEVENT")[0]["DESCRIPTION"]) == long.description
