"""Key dates as an iCalendar (.ics) file that a phone's calendar can import.

Each date is an all-day event marked "free", so it never blocks the family's own plans. An event's
id is made from its day and title, so downloading the same dates again updates the same events
instead of adding copies.
"""

import datetime
import hashlib
from dataclasses import dataclass

import icalendar

PRODUCT_ID = "-//journey-app//key dates//EN"


@dataclass(frozen=True)
class CalendarEvent:
    day: datetime.date
    title: str
    description: str


def calendar_file(events, stamp: datetime.datetime) -> bytes:
    """The .ics file for `events`; `stamp` (UTC) is when it was made, as the standard asks."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    for event in events:
        entry = icalendar.Event()
        entry.add("uid", _uid(event))
        entry.add("dtstamp", stamp)
        entry.add("dtstart", event.day)
        entry.add("dtend", event.day + datetime.timedelta(days=1))
        entry.add("summary", event.title)
        entry.add("description", event.description)
        entry.add("transp", "TRANSPARENT")
        calendar.add_component(entry)
    return calendar.to_ical()


def _uid(event):
    digest = hashlib.sha256(f"{event.day.isoformat()} {event.title}".encode()).hexdigest()
    return f"{digest[:32]}@key-dates"
