"""Working days and key dates, against dates worked out by hand on a calendar.

England and Wales bank holidays used below (from GOV.UK's list):
- Christmas 2021: Sat 25 and Sun 26 Dec, so Mon 27 and Tue 28 Dec are the days off;
  New Year's Day (Sat 1 Jan 2022) is taken on Mon 3 Jan 2022.
- Christmas 2024: Wed 25 and Thu 26 Dec; New Year's Day Wed 1 Jan 2025.
- Easter 2025: Good Friday 18 Apr, Easter Monday 21 Apr; early May bank holiday Mon 5 May 2025.
- May 2026: early May Mon 4 May, spring bank holiday Mon 25 May.
- May 2027: spring bank holiday Mon 31 May.
"""

from datetime import date

import pytest

from journey_app.dates import (
    OutsideKnownHolidays,
    Rule,
    Step,
    WorkingDays,
    add_months,
    england_and_wales,
    shift,
    work_out,
)

WORKING = england_and_wales()


@pytest.mark.parametrize(
    ("start", "count", "expected", "why"),
    [
        (date(2024, 12, 23), 1, date(2024, 12, 24), "Monday to Christmas Eve"),
        (date(2024, 12, 24), 1, date(2024, 12, 27), "Christmas and Boxing Day skipped"),
        (date(2024, 12, 31), 1, date(2025, 1, 2), "New Year's Day skipped"),
        (date(2024, 12, 20), 15, date(2025, 1, 15), "15 working days over Christmas and New Year"),
        (date(2021, 12, 24), 1, date(2021, 12, 29), "substitute days Mon 27 and Tue 28 Dec"),
        (date(2021, 12, 31), 1, date(2022, 1, 4), "New Year substitute day Mon 3 Jan"),
        (date(2025, 4, 17), 1, date(2025, 4, 22), "Good Friday to Easter Monday skipped"),
        (date(2025, 4, 17), 10, date(2025, 5, 6), "Easter and the early May bank holiday"),
        (date(2026, 5, 1), 45, date(2026, 7, 7), "45 working days over both May bank holidays"),
        (date(2026, 5, 22), 1, date(2026, 5, 26), "spring bank holiday skipped"),
        (date(2024, 2, 28), 1, date(2024, 2, 29), "leap day is a working day"),
        (date(2024, 2, 28), 2, date(2024, 3, 1), "leap day counted"),
        (date(2025, 2, 28), 1, date(2025, 3, 3), "no leap day in 2025: Friday to Monday"),
        (date(2026, 11, 21), 1, date(2026, 11, 23), "from a Saturday, the Monday"),
        (date(2026, 11, 20), 0, date(2026, 11, 20), "no days: the same day"),
    ],
)
def test_working_days_forward(start, count, expected, why):
    assert WORKING.add(start, count) == expected, why


@pytest.mark.parametrize(
    ("start", "count", "expected", "why"),
    [
        (date(2022, 1, 4), 2, date(2021, 12, 30), "back over Mon 3 Jan and Christmas substitutes"),
        (date(2025, 1, 2), 4, date(2024, 12, 24), "back over New Year and Christmas"),
        (date(2025, 4, 22), 5, date(2025, 4, 11), "back over Easter Monday and Good Friday"),
        (date(2027, 6, 2), 5, date(2027, 5, 25), "back over the spring bank holiday 2027"),
        (date(2024, 3, 1), 1, date(2024, 2, 29), "back to the leap day"),
        (date(2026, 11, 23), 1, date(2026, 11, 20), "Monday back to Friday"),
    ],
)
def test_working_days_back(start, count, expected, why):
    assert WORKING.add(start, -count) == expected, why


def test_bank_holidays_and_weekends_are_not_working_days():
    for day in (
        date(2024, 12, 25),
        date(2024, 12, 26),
        date(2025, 1, 1),
        date(2025, 4, 18),
        date(2025, 4, 21),
        date(2025, 5, 5),
        date(2025, 5, 26),
        date(2021, 12, 27),
        date(2021, 12, 28),
        date(2022, 1, 3),
        date(2026, 11, 21),
        date(2026, 11, 22),
    ):
        assert not WORKING.is_working_day(day), day
    for day in (date(2024, 12, 24), date(2024, 2, 29), date(2025, 4, 17), date(2025, 5, 6)):
        assert WORKING.is_working_day(day), day


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2023, 11, 30), 3, date(2024, 2, 29)),  # into a leap February
        (date(2024, 11, 30), 3, date(2025, 2, 28)),  # into an ordinary February
        (date(2024, 2, 29), 6, date(2024, 8, 29)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2026, 10, 31), 6, date(2027, 4, 30)),
        (date(2026, 12, 15), 3, date(2027, 3, 15)),  # over the year end
        (date(2027, 3, 31), -1, date(2027, 2, 28)),
    ],
)
def test_calendar_months_keep_the_day_or_take_the_months_last_day(start, months, expected):
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("start", "amount", "unit", "before", "expected"),
    [
        (date(2024, 2, 15), 4, "weeks", False, date(2024, 3, 14)),  # 28 days over 29 Feb
        (date(2025, 2, 15), 4, "weeks", False, date(2025, 3, 15)),
        (date(2024, 9, 2), 26, "weeks", False, date(2025, 3, 3)),  # care proceedings
        (date(2024, 12, 20), 8, "days", False, date(2024, 12, 28)),  # calendar days count all
        (date(2024, 2, 29), 1, "years", False, date(2025, 2, 28)),
        (date(2025, 4, 22), 5, "working_days", True, date(2025, 4, 11)),
    ],
)
def test_shift_in_each_unit(start, amount, unit, before, expected):
    assert shift(start, amount, unit, WORKING, before) == expected


def test_hours_are_not_counted_as_dates():
    with pytest.raises(ValueError):
        shift(date(2026, 1, 5), 24, "hours", WORKING)


def test_a_conference_on_2_march_2027_leads_to_these_dates():
    """The steps the key dates page uses for the first conference, worked by hand."""
    steps = [
        Step("report", Rule(2, "working_days", before=True)),
        Step("first-core-group", Rule(10, "working_days")),
        Step("core-groups", Rule(4, "weeks"), after="first-core-group"),
        Step("first-review", Rule(3, "months")),
        Step("report-review", Rule(5, "working_days", before=True), after="first-review"),
        Step("second-review", Rule(6, "months"), after="first-review"),
    ]
    assert work_out(date(2027, 3, 2), steps, WORKING) == {
        "report": date(2027, 2, 26),  # Tue back over the weekend to Fri
        "first-core-group": date(2027, 3, 16),
        "core-groups": date(2027, 4, 13),
        "first-review": date(2027, 6, 2),
        "report-review": date(2027, 5, 25),  # over the spring bank holiday, Mon 31 May
        "second-review": date(2027, 12, 2),
    }


def test_strategy_meeting_before_christmas_2024():
    steps = [
        Step("initial-conference", Rule(15, "working_days")),
        Step("report", Rule(2, "working_days", before=True), after="initial-conference"),
    ]
    assert work_out(date(2024, 12, 20), steps, WORKING) == {
        "initial-conference": date(2025, 1, 15),
        "report": date(2025, 1, 13),
    }


def test_outside_the_bank_holiday_list_it_refuses_to_guess():
    assert WORKING.first == date(2012, 1, 1)
    last = WORKING.last
    assert (last.month, last.day) == (12, 31) and last.year >= 2028
    with pytest.raises(OutsideKnownHolidays):
        WORKING.add(last, 1)
    with pytest.raises(OutsideKnownHolidays):
        WORKING.add(WORKING.first, -1)
    # weeks and months need no holidays, so they still work past the list
    assert shift(last, 4, "weeks", WORKING) == date(last.year + 1, 1, 28)


def test_a_calendar_of_its_own_holidays():
    """The arithmetic works on any list: here a year with one made-up holiday."""
    working = WorkingDays.from_holidays([date(2030, 6, 3)])  # a Monday
    assert working.add(date(2030, 5, 31), 1) == date(2030, 6, 4)
    assert working.last == date(2030, 12, 31)
