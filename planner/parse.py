"""Turn the raw form (a JSON-like mapping) into a valid :class:`PlanInput`, or say what is wrong.

Every problem is collected, each naming its field and how to fix it, so the browser can show
each message next to its control and the command line can list them all at once.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from enum import Enum
from typing import Any

from . import fields
from .holiday_calendar import COUNTRY_CODE
from .model import (
    AfterPromise,
    Choices,
    Contact,
    Decision,
    DecisionKind,
    FieldError,
    Format,
    Heard,
    Interviewer,
    InvalidInput,
    PlanInput,
    Round,
    ShortPromise,
    Thanks,
    ThanksTiming,
)

MAX_WITHIN_WEEKS = 52
MAX_DAYS_FROM_TODAY = 366  # an interview more than a year away (either way) is refused
MAX_DECISION_DAYS = 366
FIELDS = fields.NAMES

ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$", re.ASCII)
CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$", re.ASCII)
WITHIN = re.compile(r"^(\d{1,6})\s*(d|days?|w|wks?|weeks?)$", re.IGNORECASE | re.ASCII)
EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$")
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# Invisible marks that reorder text: pasted names often carry them, and in a title, a draft or a
# calendar file they can make text read differently from what it says. They are dropped.
BIDI = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
SURROGATE = re.compile(r"[\ud800-\udfff]")
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class _Collector:
    """Gathers errors while reading fields, so one pass reports everything."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def add(self, field: str, message: str) -> None:
        self.errors.append(FieldError(field, message))


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def _text(raw: Mapping[str, Any], key: str, out: _Collector) -> str | None:
    spec = fields.field(key)
    return _check_text(raw.get(key), key, out, spec.noun, spec.max_length or 0)


def _check_text(
    value: object, field: str, out: _Collector, label: str, limit: int, required: bool = False
) -> str | None:
    if _blank(value):
        if required:
            out.add(field, f"{label} is empty: type it in, or remove this row.")
        return None
    if not isinstance(value, str):
        out.add(field, f"{label} must be text.")
        return None
    if SURROGATE.search(value):
        out.add(field, f"{label} contains a broken character (often from a bad copy and paste): "
                "retype it.")
        return None
    text = unicodedata.normalize("NFC", BIDI.sub("", value)).strip()
    if not text:
        if required:
            out.add(field, f"{label} is empty: type it in, or remove this row.")
        return None
    if len(text) > limit:
        out.add(
            field, f"{label} is {len(text):,} characters long: shorten it to {limit} or fewer."
        )
        return None
    if CONTROL.search(text):
        out.add(field, f"{label} contains line breaks or control characters: use plain text.")
        return None
    return text


def _date(value: object, field: str, out: _Collector, label: str) -> dt.date | None:
    if _blank(value):
        return None
    if not isinstance(value, str) or not (match := ISO_DATE.match(value.strip())):
        out.add(field, f"{label} must be a date written YYYY-MM-DD, such as 2026-11-17.")
        return None
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        out.add(field, f"{label}: month {month:02d} does not exist; use 01 to 12.")
        return None
    last = calendar.monthrange(year, month)[1] if year >= 1 else 31
    if year < 1 or not 1 <= day <= last:
        out.add(
            field,
            f"{label}: {value.strip()} is not a real date "
            f"({calendar.month_name[month]} {year} has {last} days).",
        )
        return None
    return dt.date(year, month, day)


def _clock(value: object, field: str, out: _Collector, label: str) -> dt.time | None:
    if _blank(value):
        return None
    if not isinstance(value, str) or not (match := CLOCK.match(value.strip())):
        out.add(field, f"{label} must be a 24-hour time written HH:MM, such as 14:30.")
        return None
    return dt.time(int(match.group(1)), int(match.group(2)))


def _choice[E: Enum](
    raw: Mapping[str, Any], key: str, enum: type[E], default: E, out: _Collector
) -> E:
    value = raw.get(key)
    if _blank(value):
        return default
    for member in enum:
        if value == member.value:
            return member
    allowed = ", ".join(m.value for m in enum)
    out.add(key, f"'{_show(value)}' is not an option here: choose one of {allowed}.")
    return default


def _noun(name: str) -> str:
    return fields.field(name).noun


def _show(value: object, limit: int = 40) -> str:
    text = SURROGATE.sub("?", CONTROL.sub("?", BIDI.sub("", str(value))))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _list(raw: Mapping[str, Any], key: str, out: _Collector) -> list[Any]:
    spec = fields.field(key)
    limit, label = spec.max_items or 0, spec.noun
    value = raw.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        out.add(key, f"{label} must be a list.")
        return []
    if len(value) > limit:
        out.add(key, f"{len(value)} {label.lower()} is more than this planner handles ({limit}).")
        return []
    return value


def _interviewers(raw: Mapping[str, Any], out: _Collector) -> tuple[Interviewer, ...]:
    people = []
    seen: dict[str, int] = {}
    name_part, title_part, email_part = fields.field("interviewers").parts
    for index, item in enumerate(_list(raw, "interviewers", out)):
        at = f"interviewers[{index}]"
        if isinstance(item, str):  # a bare name is fine
            item = {"name": item}
        if not isinstance(item, Mapping):
            out.add(f"{at}.name", "Each interviewer needs a name (and may have a title and email).")
            continue
        for extra in sorted(set(item) - {"name", "title", "email"}):
            out.add(f"{at}.{_show(extra)}", "is not an interviewer field: use name, title, email.")
        name, title, email = (
            _check_text(item.get(part.name), f"{at}.{part.name}", out, part.noun,
                        part.max_length, part.required)
            for part in (name_part, title_part, email_part)
        )
        if email is not None and not EMAIL.match(email):
            out.add(f"{at}.email", f"'{_show(email)}' does not look like an email address, "
                    "such as name@example.com; leave it empty if you do not have it yet.")
            email = None
        if name is not None and name_key(name) in seen:
            out.add(f"{at}.name", f"{_show(name)} is already listed as interviewer "
                    f"{seen[name_key(name)] + 1}: remove this row, or tell the two apart.")
        elif name is not None:
            seen[name_key(name)] = index
            people.append(Interviewer(name, title, email))
    return tuple(people)


def name_key(name: str) -> str:
    """Two spellings of one name: case, accents' encoding and spacing aside."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def _references(raw: Mapping[str, Any], out: _Collector) -> tuple[str, ...]:
    names = []
    seen: dict[str, int] = {}
    (part,) = fields.field("references").parts
    for index, item in enumerate(_list(raw, "references", out)):
        at = f"references[{index}]"
        name = _check_text(item, at, out, part.noun, part.max_length, True)
        if name is not None and name_key(name) in seen:
            out.add(at, f"{_show(name)} is already listed as reference {seen[name_key(name)] + 1}: "
                    "remove this row.")
        elif name is not None:
            seen[name_key(name)] = index
            names.append(name)
    return tuple(names)


def _working_days(raw: Mapping[str, Any], out: _Collector, key: str = "working_days"
                  ) -> frozenset[int]:
    value = raw.get(key)
    if value is None or value == "":
        return frozenset(range(5))
    whose = "you can act on" if key == "working_days" else "the employer works"
    fix = f"list the days {whose}, as 0 (Monday) to 6 (Sunday) or mon to sun."
    if not isinstance(value, list):
        out.add(key, f"Working days must be a list: {fix}")
        return frozenset(range(5))
    days: set[int] = set()
    for item in value:
        if isinstance(item, bool):
            item = None
        if isinstance(item, str) and item.strip().lower()[:3] in DAY_NAMES:
            days.add(DAY_NAMES.index(item.strip().lower()[:3]))
        elif isinstance(item, int) and 0 <= item <= 6:
            days.add(item)
        else:
            out.add(key, f"'{_show(item)}' is not a day of the week: {fix}")
            return frozenset(range(5))
    if not days:
        out.add(key, "Choose at least one working day.")
        return frozenset(range(5))
    return frozenset(days)


def _within(value: object, out: _Collector) -> int | None:
    if _blank(value):
        return None
    text = value.strip() if isinstance(value, str) else str(value)
    match = WITHIN.match(text)
    if not match or isinstance(value, bool):
        out.add("decision_within", "Write the time frame as a number of days or weeks, "
                "such as 10d or 2w.")
        return None
    amount, unit = int(match.group(1)), match.group(2).lower()[0]
    days = amount * (7 if unit == "w" else 1)
    if days < 1:
        out.add("decision_within", "A time frame of zero is not a time frame: use at least 1d.")
        return None
    if days > MAX_WITHIN_WEEKS * 7:
        out.add("decision_within", f"{text} is longer than a year: use at most "
                f"{MAX_WITHIN_WEEKS}w, or leave it empty if they gave no time frame.")
        return None
    return days


def _flag(raw: Mapping[str, Any], key: str, out: _Collector) -> bool:
    value = raw.get(key)
    if value is None or value == "" or value is False:
        return False
    if value is True:
        return True
    out.add(key, "must be true or false.")
    return False


def parse_input(raw: Mapping[str, Any], today: dt.date) -> PlanInput:
    """Validate the raw form. Raises :class:`InvalidInput` listing every problem found."""
    out = _Collector()
    if not isinstance(raw, Mapping):
        raise InvalidInput([FieldError("input", "The plan's input must be a JSON object.")])
    for key in sorted(set(raw) - FIELDS, key=str):
        out.add(_show(key) or "(unnamed field)", "is not something the planner asks for; remove it.")

    interview = _date(raw.get("interview_date"), "interview_date", out, _noun("interview_date"))
    if interview is None and not any(e.field == "interview_date" for e in out.errors):
        out.add("interview_date", "Enter the interview date, such as 2026-11-17.")
    if interview is not None and abs((interview - today).days) > MAX_DAYS_FROM_TODAY:
        when = "more than a year ago" if interview < today else "more than a year from today"
        out.add("interview_date", f"{interview.isoformat()} is {when}: this planner covers the "
                "weeks around a recent interview. Check the year.")
        interview = None

    start = _clock(raw.get("interview_start"), "interview_start", out, _noun("interview_start"))
    end = _clock(raw.get("interview_end"), "interview_end", out, _noun("interview_end"))
    if start is not None and end is not None and end <= start:
        out.add("interview_end", f"The interview cannot end ({end:%H:%M}) before it starts "
                f"({start:%H:%M}): check both times.")
        end = None

    fmt = _choice(raw, "format", Format, Format.IN_PERSON, out)
    rnd = _choice(raw, "round", Round, Round.FIRST, out)
    company = _text(raw, "company", out)
    role = _text(raw, "role", out)
    candidate = _text(raw, "candidate", out)
    interviewers = _interviewers(raw, out)
    recruiter = _text(raw, "recruiter", out)
    decision = _decision(raw, interview, out)
    contact = _choice(raw, "contact", Contact, Contact.ANY, out)
    thanks = _choice(raw, "thanks", Thanks, Thanks.EMAIL, out)
    choices = Choices(
        thanks_timing=_choice(raw, "thanks_timing", ThanksTiming, ThanksTiming.NEXT_DAY, out),
        after_promise=_choice(raw, "after_promise", AfterPromise, AfterPromise.NEXT_DAY, out),
        short_promise=_choice(raw, "short_promise", ShortPromise, ShortPromise.WAIT, out),
    )
    references = _references(raw, out)
    working_days = _working_days(raw, out)
    employer_days = _working_days(raw, out, "employer_days")
    country = _country(raw, out)
    heard, heard_on, decision, first_decision = _heard(raw, interview, today, decision, out)

    if out.errors or interview is None:
        raise InvalidInput(out.errors)
    return PlanInput(
        interview_date=interview,
        interview_start=start,
        interview_end=end,
        format=fmt,
        round=rnd,
        company=company,
        role=role,
        candidate=candidate,
        interviewers=interviewers,
        recruiter=recruiter,
        decision=decision,
        contact=contact,
        thanks=thanks,
        references=references,
        working_days=working_days,
        employer_days=employer_days,
        country=country,
        choices=choices,
        heard=heard,
        heard_on=heard_on,
        first_decision=first_decision,
    )


def _decision(raw: Mapping[str, Any], interview: dt.date | None, out: _Collector) -> Decision:
    by = _date(raw.get("decision_by"), "decision_by", out, _noun("decision_by"))
    within = _within(raw.get("decision_within"), out)
    end_of_week = _flag(raw, "decision_end_of_week", out)
    given = [
        name
        for name, present in (
            ("decision_by", by is not None or not _blank(raw.get("decision_by"))),
            ("decision_within", within is not None or not _blank(raw.get("decision_within"))),
            ("decision_end_of_week", end_of_week),
        )
        if present
    ]
    labels = {
        "decision_by": "a date",
        "decision_within": "a time frame",
        "decision_end_of_week": "the end of the week",
    }
    if len(given) > 1:
        for name in given[1:]:
            out.add(name, f"Give just one answer for when they decide: you also gave "
                    f"{labels[given[0]]}. Clear one of them.")
        return Decision()
    if by is not None and interview is not None:
        if by < interview:
            out.add("decision_by", f"The decision date ({by.isoformat()}) is before the "
                    f"interview ({interview.isoformat()}): check both dates.")
            return Decision()
        if (by - interview).days > MAX_DECISION_DAYS:
            out.add("decision_by", "The decision date is more than a year after the interview: "
                    "check the year.")
            return Decision()
        return Decision(DecisionKind.DATE, by=by)
    if within is not None:
        return Decision(DecisionKind.WITHIN, within_days=within)
    if end_of_week:
        return Decision(DecisionKind.END_OF_WEEK)
    return Decision()


def _heard(raw: Mapping[str, Any], interview: dt.date | None, today: dt.date, decision: Decision,
           out: _Collector) -> tuple[Heard, dt.date | None, Decision, Decision | None]:
    """What they have done since, the day they did it, the decision as it now stands (a new
    decision date replaces what they said at the interview) and, then, what they first said."""
    heard = _choice(raw, "heard", Heard, Heard.NOTHING, out)
    on = _date(raw.get("heard_on"), "heard_on", out, _noun("heard_on"))
    new_by = _date(raw.get("new_decision_by"), "new_decision_by", out, _noun("new_decision_by"))
    given = raw.get("heard")
    if heard is Heard.NOTHING and not _blank(given) and given != Heard.NOTHING.value:
        return heard, None, decision, None  # not an option: said on its own field
    if heard is Heard.NOTHING:
        if on is not None:
            out.add("heard_on", "Say what they did first, or clear this date.")
        if new_by is not None:
            out.add("new_decision_by", "Only for a new decision date: choose that, or clear "
                    "this date.")
        return heard, None, decision, None
    if new_by is not None and heard is not Heard.NEW_DATE:
        out.add("new_decision_by", "Only for a new decision date: choose that, or clear this "
                "date.")
    if on is None:
        if _blank(raw.get("heard_on")):
            out.add("heard_on", "Enter the day they got back to you, such as "
                    f"{today.isoformat()}.")
        return heard, None, decision, None
    if interview is not None and on < interview:
        out.add("heard_on", f"{on.isoformat()} is before the interview "
                f"({interview.isoformat()}): check both dates.")
        return heard, None, decision, None
    if on > today:
        out.add("heard_on", f"{on.isoformat()} is after today: record what they did once it has "
                "happened.")
        return heard, None, decision, None
    if heard is Heard.NEW_DATE:
        if new_by is None:
            if _blank(raw.get("new_decision_by")):
                out.add("new_decision_by", "Enter the new date they gave for their decision.")
            return heard, on, decision, None
        if new_by < on:
            out.add("new_decision_by", f"The new decision date ({new_by.isoformat()}) is before "
                    f"the day they gave it ({on.isoformat()}): check both dates.")
            return heard, on, decision, None
        if (new_by - on).days > MAX_DECISION_DAYS:
            out.add("new_decision_by", "The new decision date is more than a year away: check "
                    "the year.")
            return heard, on, decision, None
        return heard, on, Decision(DecisionKind.DATE, by=new_by), decision
    return heard, on, decision, None


def _country(raw: Mapping[str, Any], out: _Collector) -> str | None:
    value = raw.get("country")
    if _blank(value):
        return None
    code = value.strip().upper() if isinstance(value, str) else ""
    if not COUNTRY_CODE.match(code):
        out.add("country", "Use a two-letter country code such as GB, US or DE, or leave it "
                "empty to skip no public holidays.")
        return None
    return code

