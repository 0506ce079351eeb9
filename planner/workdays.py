"""Working-day arithmetic over one week pattern and a set of public holidays.

A plan has two such calendars: the employer's, which counts the waits the articles give in
working days, and the reader's, which says on which days a step can be done.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

ONE_DAY = dt.timedelta(days=1)
# A calendar where no working day can be found within this many days is refused rather than
# searched for ever (e.g. a holiday list that covers every weekday).
SEARCH_LIMIT_DAYS = 366


class NoWorkingDay(ValueError):
    """No working day within the search limit."""


@dataclass(frozen=True)
class WorkCalendar:
    """A working week (some of Monday to Sunday), less a set of public holidays."""

    weekdays: frozenset[int]  # 0 = Monday ... 6 = Sunday
    holidays: frozenset[dt.date] = frozenset()

    def is_working(self, day: dt.date) -> bool:
        return day.weekday() in self.weekdays and day not in self.holidays

    def _walk(self, start: dt.date, step: dt.timedelta) -> dt.date:
        day = start
        for _ in range(SEARCH_LIMIT_DAYS):
            if self.is_working(day):
                return day
            day += step
        raise NoWorkingDay(f"no working day within {SEARCH_LIMIT_DAYS} days of {start.isoformat()}")

    def on_or_after(self, day: dt.date) -> dt.date:
        """The first working day on or after ``day``."""
        return self._walk(day, ONE_DAY)

    def on_or_before(self, day: dt.date) -> dt.date:
        """The last working day on or before ``day``."""
        return self._walk(day, -ONE_DAY)

    def after(self, day: dt.date, count: int = 1) -> dt.date:
        """The ``count``-th working day after ``day`` (``day`` itself never counts)."""
        for _ in range(count):
            day = self.on_or_after(day + ONE_DAY)
        return day

    def week_start(self) -> int:
        """The weekday a working week starts on: the first working day after a day off.

        Monday for Monday to Friday, Sunday for Sunday to Thursday; Monday when every day (or
        no day) is a working day.
        """
        for weekday in range(7):
            if weekday in self.weekdays and (weekday - 1) % 7 not in self.weekdays:
                return weekday
        return 0

    def last_of_week(self, day: dt.date) -> dt.date | None:
        """The last working day of ``day``'s working week, if any is on or after ``day``."""
        start = day - dt.timedelta(days=(day.weekday() - self.week_start()) % 7)
        candidate = start + dt.timedelta(days=6)
        while candidate >= day:
            if self.is_working(candidate):
                return candidate
            candidate -= ONE_DAY
        return None

    def end_of_week(self, day: dt.date) -> dt.date:
        """The end of the working week after ``day``: of ``day``'s week, or else the next one's."""
        this_week = self.last_of_week(day + ONE_DAY)
        if this_week is not None:
            return this_week
        start = day + ONE_DAY
        next_week = start + dt.timedelta(days=(self.week_start() - start.weekday()) % 7 or 7)
        return self.last_of_week(next_week) or self.on_or_after(next_week)

    def shared_with(self, other: WorkCalendar) -> WorkCalendar:
        """The days both calendars work."""
        return WorkCalendar(self.weekdays & other.weekdays, self.holidays | other.holidays)
