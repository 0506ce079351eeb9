"""The form's fields: the one definition that parsing, share links, the command line and the page use.

Each :class:`Field` says what a field is called in the planner's raw input (``name``), in a share
link (``key``: stable for link format 1, only ever add keys), on the command line (``option``),
and on screen (``label``, ``hint``, ``choices``), and what it accepts (``kind``, ``max_length``,
``default``). Changing a limit, a label or a choice here changes all of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .model import (
    AfterPromise,
    Contact,
    Format,
    Heard,
    Round,
    ShortPromise,
    Thanks,
    ThanksTiming,
)

NAME_MAX = 100
TEXT_MAX = 150
EMAIL_MAX = 254
MAX_INTERVIEWERS = 12
MAX_REFERENCES = 10


class Kind(Enum):
    """What a field holds, which decides how each reader and writer treats it."""

    DATE = "date"  # YYYY-MM-DD
    TIME = "time"  # HH:MM, 24-hour
    TEXT = "text"  # one line of plain text
    CHOICE = "choice"  # one of ``choices``
    PERIOD = "period"  # a number of days or weeks, "10d" or "2w"
    FLAG = "flag"  # true or false
    PEOPLE = "people"  # rows of ``parts``
    NAMES = "names"  # a list of names
    DAYS = "days"  # days of the week, 0 (Monday) to 6
    COUNTRY = "country"  # a two-letter code; ``choices`` are the ones the form offers


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class Part:
    """One text box of a row (an interviewer's name, title or email)."""

    name: str
    label: str  # on screen
    noun: str  # in messages
    max_length: int
    input_type: str = "text"
    required: bool = False


@dataclass(frozen=True)
class Field:
    name: str
    key: str
    kind: Kind
    label: str  # what the form shows
    noun: str  # how messages name it, in sentence case
    option: str  # the command-line option
    help: str  # the command-line help
    hint: str = ""
    default: str | None = None
    choices: tuple[Option, ...] = ()
    max_length: int | None = None
    max_items: int | None = None
    parts: tuple[Part, ...] = ()
    metavar: str | None = None
    autocomplete: str | None = None
    optional: bool = True
    row_label: str = ""  # a row's heading, "{n}" its number
    remove_label: str = ""  # its remove button, "{n}" its number

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(choice.value for choice in self.choices)

    def choice_label(self, value: str) -> str:
        return next((c.label for c in self.choices if c.value == value), value)


def _options[E: Enum](enum: type[E], labels: dict[E, str]) -> tuple[Option, ...]:
    if set(labels) != set(enum):
        raise ValueError(f"{enum.__name__}: every member needs a label")
    return tuple(Option(str(member.value), labels[member]) for member in enum)


COUNTRIES: tuple[Option, ...] = tuple(
    Option(code, name)
    for code, name in (
        ("AU", "Australia"), ("AT", "Austria"), ("BE", "Belgium"), ("BR", "Brazil"),
        ("CA", "Canada"), ("CN", "China"), ("DK", "Denmark"), ("FI", "Finland"),
        ("FR", "France"), ("DE", "Germany"), ("GH", "Ghana"), ("HK", "Hong Kong"),
        ("IN", "India"), ("IE", "Ireland"), ("IT", "Italy"), ("JP", "Japan"), ("KE", "Kenya"),
        ("MY", "Malaysia"), ("MX", "Mexico"), ("NL", "Netherlands"), ("NZ", "New Zealand"),
        ("NG", "Nigeria"), ("NO", "Norway"), ("PK", "Pakistan"), ("PH", "Philippines"),
        ("PL", "Poland"), ("PT", "Portugal"), ("SG", "Singapore"), ("ZA", "South Africa"),
        ("ES", "Spain"), ("SE", "Sweden"), ("CH", "Switzerland"),
        ("AE", "United Arab Emirates"), ("GB", "United Kingdom"), ("US", "United States"),
    )
)

DAYS: tuple[Option, ...] = tuple(
    Option(str(i), name) for i, name in enumerate(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"))
)

TABLE: tuple[Field, ...] = (
    Field("interview_date", "d", Kind.DATE, "Interview date", "Interview date", "--interview",
          "interview date, YYYY-MM-DD (required)", metavar="DATE", optional=False),
    Field("interview_start", "s", Kind.TIME, "Start time", "Start time", "--start",
          "interview start time", metavar="HH:MM"),
    Field("interview_end", "e", Kind.TIME, "End time", "End time", "--end",
          "interview end time", metavar="HH:MM"),
    Field("format", "f", Kind.CHOICE, "Format", "Interview format", "--interview-format",
          "in_person (default), video or phone", default=Format.IN_PERSON.value,
          choices=_options(Format, {Format.IN_PERSON: "In person", Format.VIDEO: "Video call",
                                    Format.PHONE: "Phone call"})),
    Field("round", "r", Kind.CHOICE, "Round", "Interview round", "--round",
          "first (default), later or final", default=Round.FIRST.value,
          choices=_options(Round, {Round.FIRST: "First interview", Round.LATER: "A later round",
                                   Round.FINAL: "Final interview"})),
    Field("company", "c", Kind.TEXT, "Company", "Company", "--company", "the employer's name",
          max_length=TEXT_MAX, autocomplete="organization"),
    Field("role", "j", Kind.TEXT, "Role", "Role", "--role", "the job you interviewed for",
          max_length=TEXT_MAX, autocomplete="organization-title"),
    Field("candidate", "n", Kind.TEXT, "Your name", "Your name", "--candidate",
          "your name, for the drafts", hint="for the drafts", max_length=NAME_MAX,
          metavar="NAME", autocomplete="name"),
    Field("interviewers", "i", Kind.PEOPLE, "Who interviewed you", "Interviewers", "--interviewer",
          "someone who interviewed you; repeat for a panel; the email is optional",
          hint="One thank-you note per person. Add each interviewer, with an email address if "
          "you have one.",
          max_items=MAX_INTERVIEWERS, metavar='"NAME <EMAIL>"', row_label="Interviewer {n}",
          remove_label="Remove interviewer {n}",
          parts=(Part("name", "Name", "Interviewer's name", NAME_MAX, required=True),
                 Part("title", "Job title (optional)", "Interviewer's title", TEXT_MAX),
                 Part("email", "Email (optional)", "Email", EMAIL_MAX, "email"))),
    Field("recruiter", "k", Kind.TEXT, "Recruiter or agency who set it up",
          "Recruiter or agency", "--recruiter",
          "the recruiter or agency that arranged the interview", max_length=TEXT_MAX,
          metavar="NAME"),
    Field("decision_by", "b", Kind.DATE, "Decision date", "Decision date", "--decision-by",
          "the date they said they would decide by", metavar="DATE"),
    Field("decision_within", "w", Kind.PERIOD, "How many", "Decision period",
          "--decision-within", "their time frame, e.g. 10d or 2w", metavar="N{d|w}"),
    Field("decision_end_of_week", "x", Kind.FLAG, "By the end of the week", "End of the week",
          "--decision-end-of-week", "they said: by the end of the week"),
    Field("contact", "o", Kind.CHOICE, "How they asked you to follow up", "How to get in touch",
          "--contact", "what they asked: any (default), email, phone, or wait for them",
          default=Contact.ANY.value,
          choices=_options(Contact, {Contact.ANY: "They didn't say", Contact.EMAIL: "By email",
                                     Contact.PHONE: "By phone",
                                     Contact.WAIT: "Wait to hear from them"})),
    Field("thanks", "t", Kind.CHOICE, "How you will say thank you", "How to thank", "--thanks",
          "how you send thanks (default email)", default=Thanks.EMAIL.value,
          choices=_options(Thanks, {Thanks.EMAIL: "Email", Thanks.LETTER: "Typed letter by post",
                                    Thanks.CARD: "Handwritten card",
                                    Thanks.EMAIL_AND_CARD: "Email, then a card"})),
    Field("thanks_timing", "tt", Kind.CHOICE, "When to send your thank-you", "When to thank",
          "--thanks-timing", "when (default next-day)", default=ThanksTiming.NEXT_DAY.value,
          choices=_options(ThanksTiming, {ThanksTiming.SAME_DAY: "The same day",
                                          ThanksTiming.NEXT_DAY: "The next working day",
                                          ThanksTiming.TWO_DAYS: "Within two working days"})),
    Field("after_promise", "ap", Kind.CHOICE, "When their decision date has passed, follow up",
          "When to follow up", "--after-promise",
          "first follow-up after a promised date: next-day (default) or one-week",
          default=AfterPromise.NEXT_DAY.value,
          choices=_options(AfterPromise, {AfterPromise.NEXT_DAY: "The next working day",
                                          AfterPromise.ONE_WEEK: "About a week later"})),
    Field("short_promise", "sp", Kind.CHOICE, "When they said they would decide within a week",
          "Short waits", "--short-promise",
          "decision due within a week: wait (default) or early", default=ShortPromise.WAIT.value,
          choices=_options(ShortPromise, {ShortPromise.WAIT: "Wait until the week is up",
                                          ShortPromise.EARLY: "Check in after two days"})),
    Field("references", "rf", Kind.NAMES, "Your references", "References", "--reference",
          "a reference you gave (repeatable)",
          hint="People the employer may call. The plan reminds you to brief each one.",
          max_items=MAX_REFERENCES, metavar="NAME", remove_label="Remove reference {n}",
          parts=(Part("name", "Reference {n}: name", "Reference's name", NAME_MAX,
                      required=True),)),
    Field("working_days", "wd", Kind.DAYS, "Days you can act on", "Working days",
          "--working-days", "the days you can act on, comma-separated (default "
          "mon,tue,wed,thu,fri)", default="0,1,2,3,4", choices=DAYS, metavar="DAYS",
          hint="Waits such as \"five working days\" count the employer's working days. Each "
          "step then goes on a day you can act, and anything sent to the employer on a day you "
          "both work."),
    Field("country", "co", Kind.COUNTRY, "Skip public holidays in", "Country", "--country",
          "skip this country's public holidays, e.g. GB", default="",
          choices=(Option("", "No country (don't skip holidays)"), *COUNTRIES), metavar="CODE"),
    Field("employer_days", "ed", Kind.DAYS, "Days the employer works", "The employer's working "
          "days", "--employer-days", "the days the employer works, which count the waits "
          "(default mon,tue,wed,thu,fri)", default="0,1,2,3,4", choices=DAYS, metavar="DAYS"),
    Field("heard", "h", Kind.CHOICE, "What they have done since", "What they have done since",
          "--heard", "what the employer has done since: nothing (default), replied, new_date, "
          "next_round, rejected or offer", default=Heard.NOTHING.value,
          choices=_options(Heard, {
              Heard.NOTHING: "Nothing yet",
              Heard.REPLIED: "They replied, but no decision yet",
              Heard.NEW_DATE: "They gave a new date for their decision",
              Heard.NEXT_ROUND: "They invited me to another interview",
              Heard.REJECTED: "They turned me down",
              Heard.OFFER: "They made me an offer",
          })),
    Field("heard_on", "ho", Kind.DATE, "The day they got back to you", "The day they got back "
          "to you", "--heard-on", "the day the employer did it (needed with --heard)",
          metavar="DATE"),
    Field("new_decision_by", "nd", Kind.DATE, "The new date they gave", "The new decision "
          "date", "--new-decision-by", "the new date they gave (with --heard new_date)",
          hint="with a new date", metavar="DATE"),
)

BY_NAME: dict[str, Field] = {field.name: field for field in TABLE}
NAMES: frozenset[str] = frozenset(BY_NAME)


def field(name: str) -> Field:
    return BY_NAME[name]


def _check() -> None:
    keys = [f.key for f in TABLE]
    if len(set(keys)) != len(keys) or len(NAMES) != len(TABLE):
        raise ValueError("field names and link keys must be unique")


_check()
