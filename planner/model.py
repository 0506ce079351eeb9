"""The planner's vocabulary: what goes in, what comes out.

Everything here is immutable. Values that cross into JSON (command line, browser, share
links) are the enums' ``value`` strings, which are a public contract: keep them stable.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum


class Format(Enum):
    IN_PERSON = "in_person"
    VIDEO = "video"
    PHONE = "phone"


class Round(Enum):
    FIRST = "first"
    LATER = "later"
    FINAL = "final"


class Contact(Enum):
    """What the employer said about how to get in touch after the interview."""

    ANY = "any"  # nothing said: the articles' usual channels apply
    EMAIL = "email"  # they asked for email
    PHONE = "phone"  # they asked for a call
    WAIT = "wait"  # they asked you to wait for them to contact you


class Thanks(Enum):
    """How the candidate wants to send thanks."""

    EMAIL = "email"
    LETTER = "letter"  # a typed letter, posted
    CARD = "card"  # a handwritten card, posted
    EMAIL_AND_CARD = "email+card"


class ThanksTiming(Enum):
    """When the thank-you goes out: the articles disagree (see where-advice-differs)."""

    SAME_DAY = "same-day"
    NEXT_DAY = "next-day"
    TWO_DAYS = "two-days"


class AfterPromise(Enum):
    """How long past a promised decision to wait before the first follow-up."""

    NEXT_DAY = "next-day"
    ONE_WEEK = "one-week"


class ShortPromise(Enum):
    """When a decision is due within a week: wait it out, or follow up after two days."""

    WAIT = "wait"
    EARLY = "early"


class Heard(Enum):
    """What the employer has done since the interview, as the reader records it."""

    NOTHING = "nothing"  # no word yet: the plan as made
    REPLIED = "replied"  # an answer that is not a decision ("we are still deciding")
    NEW_DATE = "new_date"  # a new day for their decision
    NEXT_ROUND = "next_round"  # an invitation to another interview
    REJECTED = "rejected"  # they turned the reader down
    OFFER = "offer"  # they made an offer


class DecisionKind(Enum):
    NONE = "none"  # nothing was said
    DATE = "date"  # "we'll decide by the 27th"
    WITHIN = "within"  # "within two weeks"
    END_OF_WEEK = "end_of_week"  # "by the end of the week"


class Channel(Enum):
    EMAIL = "email"
    PHONE = "phone"
    POST = "post"
    PHONE_OR_EMAIL = "phone_or_email"
    IN_PERSON = "in_person"
    VIDEO = "video"
    LINKEDIN = "linkedin"
    ON_YOUR_OWN = "on_your_own"


class Kind(Enum):
    """A step's kind: the ``data-kind`` of a timeline item in the browser. Stable contract."""

    ASK_NEXT_STEPS = "ask_next_steps"
    COLLECT_CONTACTS = "collect_contacts"
    NOTES = "notes"
    RECRUITER_DEBRIEF = "recruiter_debrief"
    THANK_YOU = "thank_you"
    THANK_YOU_CARD = "thank_you_card"
    BRIEF_REFERENCES = "brief_references"
    CONNECT = "connect"
    NETWORK = "network"
    BUSINESS_PLAN = "business_plan"
    PREPARE_NEXT_ROUND = "prepare_next_round"
    KEEP_SEARCHING = "keep_searching"
    DECISION_DUE = "decision_due"
    FOLLOW_UP = "follow_up"
    STOP_CHASING = "stop_chasing"
    CHECK_IN = "check_in"
    HEARD_BACK = "heard_back"
    NEXT_ROUND = "next_round"
    GRACIOUS_REPLY = "gracious_reply"
    KEEP_INTERVIEWING = "keep_interviewing"


class Status(Enum):
    """Where a step stands relative to ``today``: only for display, never for dates."""

    PAST = "past"
    TODAY = "today"
    NEXT = "next"
    UPCOMING = "upcoming"


@dataclass(frozen=True)
class Interviewer:
    """Someone who interviewed the reader (one thank-you each)."""

    name: str
    title: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class Decision:
    """What the employer said about when they would decide."""

    kind: DecisionKind = DecisionKind.NONE
    by: dt.date | None = None  # for DATE
    within_days: int | None = None  # for WITHIN, always in calendar days


@dataclass(frozen=True)
class Choices:
    """Where the articles disagree, the reader picks; these are the defaults."""

    thanks_timing: ThanksTiming = ThanksTiming.NEXT_DAY
    after_promise: AfterPromise = AfterPromise.NEXT_DAY
    short_promise: ShortPromise = ShortPromise.WAIT


MONDAY_TO_FRIDAY: frozenset[int] = frozenset(range(5))


@dataclass(frozen=True)
class PlanInput:
    """Everything the reader told the planner, checked and typed."""

    interview_date: dt.date
    interview_start: dt.time | None = None
    interview_end: dt.time | None = None
    format: Format = Format.IN_PERSON
    round: Round = Round.FIRST
    company: str | None = None
    role: str | None = None
    candidate: str | None = None
    interviewers: tuple[Interviewer, ...] = ()
    recruiter: str | None = None
    decision: Decision = field(default_factory=Decision)
    contact: Contact = Contact.ANY
    thanks: Thanks = Thanks.EMAIL
    references: tuple[str, ...] = ()
    working_days: frozenset[int] = MONDAY_TO_FRIDAY  # the reader's: 0 = Monday ... 6 = Sunday
    country: str | None = None
    employer_days: frozenset[int] = MONDAY_TO_FRIDAY  # the employer's, which count the waits
    choices: Choices = field(default_factory=Choices)
    heard: Heard = Heard.NOTHING  # what they have done since (a new date is in ``decision``)
    heard_on: dt.date | None = None  # the day they did it; set whenever ``heard`` is not NOTHING
    # With a new decision date (``decision`` is then that date): what they had said before it,
    # which timed the steps before the news.
    first_decision: Decision | None = None


@dataclass(frozen=True)
class TimeWindow:
    """A time of day a step is best done in (a morning, an afternoon, the interview itself)."""

    start: dt.time
    end: dt.time


@dataclass(frozen=True)
class Step:
    """One dated thing to do, with why, how and the articles it comes from."""

    id: str  # stable within a plan, e.g. "thank_you-2"
    date: dt.date
    kind: Kind
    title: str
    to: str | None
    email: str | None
    channel: Channel
    why: str
    sources: tuple[str, ...]
    guide: str
    rule: str
    window: TimeWindow | None = None
    optional: bool = False


@dataclass(frozen=True)
class FieldError:
    """A problem with one form field, shown next to that field."""

    field: str  # the input's name, e.g. "interview_date" or "interviewers[1].email"
    message: str  # says what is wrong and how to fix it


@dataclass(frozen=True)
class Timeline:
    """The plan: its steps in date order, and anything the reader should know."""

    steps: tuple[Step, ...]
    warnings: tuple[str, ...] = ()


class InvalidInput(ValueError):
    """Raised by the parser; carries every problem found, not just the first."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))
        self.errors: tuple[FieldError, ...] = tuple(errors)
