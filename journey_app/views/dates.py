"""Key dates: from one date a family knows, the latest dates the rules allow for what comes next.

The date travels only in the body of a POST, so it is never in an address, the browser's history
or a server log. Nothing is stored: each answer is worked out, shown once (never cached) and
forgotten. The same answer can be downloaded as a calendar file.
"""

import datetime
from dataclasses import dataclass

from flask import Blueprint, current_app, g, make_response, render_template, request
from flask_babel import force_locale, format_date, gettext

from .. import dates
from ..ics import CalendarEvent, calendar_file
from ..templating import RULE_LABELS
from .locale import add_locale, use_locale

bp = Blueprint("dates", __name__, url_prefix="/<lang>/key-dates")
bp.url_value_preprocessor(use_locale)
bp.url_defaults(add_locale)

# Dates in English are written the British way ("Monday, 2 March 2026").
DATE_LOCALES = {"en": "en_GB"}
DATE_PARTS = ("day", "month", "year")


@dataclass
class KeyDate:
    """One line of the results, ready to show."""

    id: str
    label: str
    day: datetime.date
    date_text: str  # "Monday, 2 March 2026"
    sentence: str
    rule: str
    confirm: str
    after_label: str | None
    starts: bool


@bp.get("")
def form():
    known = request.args.get("known")
    values = {"known": known if known in _key_dates().known else None}
    return _form(values, {}, 200)


@bp.post("")
def results():
    values = _values()
    if request.form.get("change"):
        return _no_store(_form(values, {}, 200))
    known, day, errors = _read(values)
    if errors:
        return _no_store(_form(values, errors, 400))
    try:
        key_dates = _work_out(known, day)
    except dates.OutsideKnownHolidays:
        return _no_store(_form(values, _beyond_holidays(), 400))
    page = render_template(
        "dates/results.html",
        texts=_words(),
        known=known,
        entered=long_date(day),
        key_dates=key_dates,
        values={"known": known.id, "day": day.day, "month": day.month, "year": day.year},
        then=[_key_dates().known[other] for other in known.then],
    )
    return _no_store(make_response(page))


@bp.post("/calendar")
def calendar():
    values = _values()
    known, day, errors = _read(values)
    if errors:
        return _no_store(_form(values, errors, 400))
    try:
        key_dates = _work_out(known, day)
    except dates.OutsideKnownHolidays:
        return _no_store(_form(values, _beyond_holidays(), 400))
    council = current_app.extensions["journey_content"].settings["council"]["short_name"]
    events = [
        CalendarEvent(
            item.day,
            gettext("From this date: %(what)s", what=item.label)
            if item.starts
            else gettext("Latest date: %(what)s", what=item.label),
            " ".join(
                [
                    item.sentence,
                    gettext("Whose rule:"),
                    RULE_LABELS[item.rule](council) + ".",
                    item.confirm,
                ]
            ),
        )
        for item in key_dates
    ]
    body = calendar_file(events, datetime.datetime.now(datetime.UTC).replace(microsecond=0))
    response = make_response(body)
    response.mimetype = "text/calendar"
    response.headers["Content-Disposition"] = "attachment; filename=key-dates.ics"
    return _no_store(response)


def long_date(day):
    """A date written out in full in the reader's language, such as "Monday, 2 March 2026"."""
    with force_locale(DATE_LOCALES.get(g.lang, g.lang)):
        return format_date(day, format="full")


def _key_dates():
    return current_app.extensions["journey_content"].key_dates


def _words():
    return _key_dates().words[g.lang]


def _values():
    """What the reader entered, as typed, so the form can show it again."""
    return {
        "known": request.form.get("known", ""),
        **{part: request.form.get(f"date-{part}", "").strip() for part in DATE_PARTS},
    }


def _read(values):
    """The known date and the day from the form, or the errors to show (by field)."""
    errors = {}
    known = _key_dates().known.get(values["known"])
    if known is None:
        errors["known"] = (gettext("Choose the date you know"), None)
    day, date_error = _read_day(values)
    if date_error:
        errors["date"] = date_error
    return known, day, errors


def _read_day(values):
    """(day, None) or (None, (message, [the parts in error]))."""
    missing = [part for part in DATE_PARTS if not values[part]]
    if len(missing) == 3:
        return None, (gettext("Enter the date"), list(DATE_PARTS))
    if missing:
        messages = {
            ("day",): gettext("The date must include a day"),
            ("month",): gettext("The date must include a month"),
            ("year",): gettext("The date must include a year"),
            ("day", "month"): gettext("The date must include a day and month"),
            ("day", "year"): gettext("The date must include a day and year"),
            ("month", "year"): gettext("The date must include a month and year"),
        }
        return None, (messages[tuple(missing)], missing)
    not_numbers = [part for part in DATE_PARTS if not _is_number(values[part])]
    if not_numbers:
        message = gettext("Enter the date in numbers, like %(example)s", example=example_date())
        return None, (message, not_numbers)
    if len(values["year"]) != 4:
        message = gettext("The year must have 4 numbers, like %(year)s", year=_today().year)
        return None, (message, ["year"])
    try:
        day = datetime.date(int(values["year"]), int(values["month"]), int(values["day"]))
    except (ValueError, OverflowError):
        return None, (gettext("The date must be a real date"), list(DATE_PARTS))
    today = _today()
    window = _key_dates()
    earliest = dates.add_months(today, -12 * window.years_before)
    latest = dates.add_months(today, 12 * window.years_after)
    if day < earliest:
        message = gettext("The date must be on or after %(date)s", date=long_date(earliest))
        return None, (message, list(DATE_PARTS))
    if day > latest:
        message = gettext("The date must be on or before %(date)s", date=long_date(latest))
        return None, (message, list(DATE_PARTS))
    return day, None


def _is_number(text):
    return text.isascii() and text.isdigit()


def _today():
    return datetime.date.today()


def example_date():
    """A date two weeks from today written in numbers, as the form asks: "6 12 2026"."""
    day = _today() + datetime.timedelta(days=14)
    return f"{day.day} {day.month} {day.year}"


def _beyond_holidays():
    last = dates.england_and_wales().last
    message = gettext(
        "We can only work out dates up to %(date)s. Ask your social worker for your dates.",
        date=long_date(last),
    )
    return {"date": (message, list(DATE_PARTS))}


def _work_out(known, day):
    content = current_app.extensions["journey_content"]
    words = _words()
    worked_out = dates.work_out(day, known.steps(content.timescales), dates.england_and_wales())
    sentences = content.locales[g.lang].timescales
    labels = {result.id: words["results"][result.id]["label"] for result in known.results}
    items = []
    for result in known.results:
        result_words = words["results"][result.id]
        when = worked_out.get(result.id, day)
        if result.starts:
            sentence = result_words["sentence"]
        else:
            sentence = result_words.get("sentence") or sentences[result.timescale]
        items.append(
            KeyDate(
                result.id,
                labels[result.id],
                when,
                long_date(when),
                sentence,
                result.rule,
                result_words.get("confirm") or words["confirm"],
                labels[result.after] if result.after else None,
                bool(result.starts),
            )
        )
    return items


def _form(values, errors, status):
    known_dates = list(_key_dates().known.values())
    page = render_template(
        "dates/form.html",
        texts=_words(),
        known_dates=known_dates,
        values=values,
        errors=errors,
        example=example_date(),
    )
    return make_response(page, status)


def _no_store(response):
    response.headers["Cache-Control"] = "no-store"
    return response
