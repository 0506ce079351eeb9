import datetime as dt

import pytest

from planner.workdays import NoWorkingDay, WorkCalendar

D = dt.date.fromisoformat
WEEKDAYS = WorkCalendar(frozenset(range(5)))
MON_TO_THU = WorkCalendar(frozenset(range(4)))
WITH_HOLIDAY = WorkCalendar(frozenset(range(5)), frozenset({D("2026-12-25"), D("2026-12-28")}))


@pytest.mark.parametrize(
    ("cal", "start", "count", "expected"),
    [
        (WEEKDAYS, "2026-11-17", 1, "2026-11-18"),  # Tue -> Wed
        (WEEKDAYS, "2026-11-20", 1, "2026-11-23"),  # Fri -> Mon
        (WEEKDAYS, "2026-11-21", 1, "2026-11-23"),  # Sat -> Mon
        (WEEKDAYS, "2026-11-17", 5, "2026-11-24"),  # a working week later
        (MON_TO_THU, "2026-11-19", 1, "2026-11-23"),  # Thu -> Mon when Friday is off
        (WITH_HOLIDAY, "2026-12-24", 1, "2026-12-29"),  # over Christmas and a substitute day
        (WEEKDAYS, "2026-11-17", 0, "2026-11-17"),
    ],
)
def test_after_counts_working_days_only(cal, start, count, expected):
    assert cal.after(D(start), count) == D(expected)


@pytest.mark.parametrize(
    ("day", "on_or_after", "on_or_before"),
    [
        ("2026-11-18", "2026-11-18", "2026-11-18"),  # a Wednesday is itself
        ("2026-11-21", "2026-11-23", "2026-11-20"),  # Saturday
        ("2026-11-22", "2026-11-23", "2026-11-20"),  # Sunday
    ],
)
def test_nearest_working_day(day, on_or_after, on_or_before):
    assert WEEKDAYS.on_or_after(D(day)) == D(on_or_after)
    assert WEEKDAYS.on_or_before(D(day)) == D(on_or_before)


@pytest.mark.parametrize(
    ("cal", "day", "expected"),
    [
        (WEEKDAYS, "2026-11-17", "2026-11-20"),  # Tuesday's week ends on Friday
        (MON_TO_THU, "2026-11-17", "2026-11-19"),  # ... on Thursday when Friday is off
        (WEEKDAYS, "2026-11-21", None),  # nothing left in the week from Saturday
    ],
)
def test_last_working_day_of_week(cal, day, expected):
    assert cal.last_of_week(D(day)) == (D(expected) if expected else None)


def test_a_calendar_without_working_days_is_refused_not_searched_for_ever():
    every_day_off = WorkCalendar(frozenset({0}), frozenset(D("2026-01-05") + dt.timedelta(weeks=w)
                                                          for w in range(60)))
    with pytest.raises(NoWorkingDay):
        every_day_off.after(D("2026-01-01"))
