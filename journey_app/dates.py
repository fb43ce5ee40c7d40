"""Key dates: the latest dates the rules allow, worked out from one date a family knows.

Pure functions over dates: no Flask, no clock and no network. A working day is Monday to Friday
and not a bank holiday in England and Wales (Christmas Day, Boxing Day and Good Friday are on that
list, with the substitute days when they fall at a weekend). The holidays come from
govuk-bank-holidays' bundled copy of GOV.UK's list, which covers whole years only: a working-day
sum that runs outside them raises `OutsideKnownHolidays` rather than guess.
"""

import calendar
import datetime
from dataclasses import dataclass
from functools import lru_cache

from govuk_bank_holidays.bank_holidays import BankHolidays

Date = datetime.date


class OutsideKnownHolidays(ValueError):
    """A working-day sum needs bank holidays for a year the bundled list does not cover."""


@dataclass(frozen=True)
class WorkingDays:
    """Working days between `first` and `last` (whole years the holiday list covers)."""

    holidays: frozenset[Date]
    first: Date
    last: Date

    @classmethod
    def from_holidays(cls, holidays):
        holidays = frozenset(holidays)
        years = sorted({day.year for day in holidays})
        return cls(holidays, Date(years[0], 1, 1), Date(years[-1], 12, 31))

    def is_working_day(self, day: Date) -> bool:
        self._check(day)
        return day.weekday() < 5 and day not in self.holidays

    def add(self, start: Date, count: int) -> Date:
        """The `count`th working day after `start` (before it when `count` is negative).

        `start` itself never counts: 1 working day after a Friday is the Monday.
        """
        step = 1 if count >= 0 else -1
        day, left = start, abs(count)
        while left:
            day += datetime.timedelta(days=step)
            if self.is_working_day(day):
                left -= 1
        return day

    def _check(self, day):
        if not self.first <= day <= self.last:
            raise OutsideKnownHolidays(f"no bank holiday list for {day.year}")


@lru_cache(maxsize=1)
def england_and_wales() -> WorkingDays:
    """Working days in England and Wales, from the bank holiday list bundled with the library."""
    bank_holidays = BankHolidays(use_cached_holidays=True)
    dates = bank_holidays.get_holidays(division=BankHolidays.ENGLAND_AND_WALES)
    return WorkingDays.from_holidays(holiday["date"] for holiday in dates)


def add_months(start: Date, months: int) -> Date:
    """The same day of the month, `months` later; the month's last day if that day is missing."""
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return Date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


UNITS = ("working_days", "days", "weeks", "months", "years")


def shift(start: Date, amount: int, unit: str, working_days: WorkingDays, before=False) -> Date:
    """`amount` `unit`s after `start`, or before it when `before` is true."""
    sign = -1 if before else 1
    if unit == "working_days":
        return working_days.add(start, sign * amount)
    if unit == "days":
        return start + datetime.timedelta(days=sign * amount)
    if unit == "weeks":
        return start + datetime.timedelta(weeks=sign * amount)
    if unit == "months":
        return add_months(start, sign * amount)
    if unit == "years":
        return add_months(start, sign * 12 * amount)
    raise ValueError(f"cannot count dates in {unit!r}; use one of {', '.join(UNITS)}")


@dataclass(frozen=True)
class Rule:
    """One time limit, as far as the arithmetic needs it (from content/timescales.yml)."""

    amount: int
    unit: str
    before: bool = False


@dataclass(frozen=True)
class Step:
    """One date to work out: `rule` counted from the known date, or from the date of an
    earlier step (`after`). Counting from an earlier step's latest date gives the latest date
    the rules allow for this one too."""

    id: str
    rule: Rule
    after: str | None = None


def work_out(known: Date, steps, working_days: WorkingDays) -> dict[str, Date]:
    """The date of each step, in order. Raises OutsideKnownHolidays past the holiday list."""
    dates: dict[str, Date] = {}
    for step in steps:
        start = dates[step.after] if step.after else known
        dates[step.id] = shift(
            start, step.rule.amount, step.rule.unit, working_days, step.rule.before
        )
    return dates
