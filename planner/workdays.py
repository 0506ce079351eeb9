"""Working-day arithmetic: which days a step may fall on."""

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
    """The reader's working week, less the public holidays of their country."""

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

    def last_of_week(self, day: dt.date) -> dt.date | None:
        """The last working day of ``day``'s Monday-to-Sunday week, if any is on or after ``day``."""
        sunday = day + dt.timedelta(days=6 - day.weekday())
        candidate = sunday
        while candidate >= day:
            if self.is_working(candidate):
                return candidate
            candidate -= ONE_DAY
        return None
