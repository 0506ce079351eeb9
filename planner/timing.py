"""When a rule's steps fall, as values: an anchor, an offset in working days, a time of day.

Each row of :data:`planner.rules.RULES` carries a :class:`Timing`. :mod:`planner.engine` is the
one interpreter that turns these values into dates, and :func:`describe` turns the same values
into the words the rules page and each step's reason use, so the prose cannot drift from the
dates. Offsets count the employer's working days (the articles' "working days"); where a step
then lands is decided by the reader's own days (see :mod:`planner.workdays`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Anchor(Enum):
    """The day an offset is counted from."""

    INTERVIEW = "the interview"
    THANKS = "the day your thank-you goes out"
    PROMISED = "the day they said they would decide by"
    PREVIOUS = "the step before"
    LAST_FOLLOW_UP = "your last follow-up"
    STOP = "the day you stop chasing"
    HEARD = "the day they got back to you"


class Window(Enum):
    """The part of the day a step is best done in."""

    ALL_DAY = "all_day"
    INTERVIEW = "interview"  # during the interview itself (its times, if given)
    AFTER_INTERVIEW = "after_interview"  # the hour after it ends (if its end is given)
    MORNING = "morning"
    AFTERNOON = "afternoon"


class Per(Enum):
    """Whether a rule makes its steps once, or once for each person."""

    PLAN = "plan"
    INTERVIEWER = "interviewer"
    REFERENCE = "reference"


class Place(Enum):
    """Which days a step may land on once its date is counted."""

    # Something you do alone: on one of your own working days.
    YOURS = "yours"
    # Something that reaches the employer: a day you both work.
    SHARED = "shared"
    # A fact, not a task (the day they promised): exactly that day.
    FIXED = "fixed"


class Condition(Enum):
    """Named conditions a rule's steps depend on; the engine holds each one's test."""

    RECRUITER = "a recruiter or agency arranged the interview"
    NOT_FINAL_ROUND = "the interview was not the final round"
    THANKS_SAME_DAY = "thank-you timing 'the same day'"
    THANKS_NEXT_DAY = "thank-you timing 'the next working day'"
    THANKS_TWO_DAYS = "thank-you timing 'after two working days'"
    EMAIL_AND_CARD = "thanks by email, then a card"
    PROMISE = "they said when they would decide"
    # Exactly one of the follow-up cases holds for any plan (engine.follow_up_case).
    CHASE_NO_DATE = "they gave no date and did not ask you to wait"
    CHASE_ASKED_TO_WAIT = "they asked you to wait and gave no date"
    CHASE_END_OF_WEEK = "they promised an answer by the end of the week"
    CHASE_SHORT_EARLY = "a decision due within a week, and you chose to follow up early"
    CHASE_AFTER_DATE = "they named a date or a time frame"
    CHASE_WEEK_AFTER = "they named a date or a time frame, and you chose a week's grace"
    # What they have done since the interview (planner.model.Heard): at most one holds.
    HEARD_REPLY = "they replied without a decision"
    HEARD_NEW_DATE = "they gave a new date for their decision"
    HEARD_NEXT_ROUND = "they invited you to another interview"
    HEARD_REJECTED = "they turned you down"
    HEARD_OFFER = "they made you an offer"


@dataclass(frozen=True)
class At:
    """One step's day: ``workdays`` working days (or ``calendar_days`` days) after ``anchor``.

    With neither offset the step falls on the anchor day itself. ``calendar_days`` is for a
    grace period the articles give in weeks: that many days, then the next working day.
    ``planner_choice`` marks an offset no article gives, so every text that shows it says so.
    """

    anchor: Anchor
    workdays: int = 0
    calendar_days: int = 0
    window: Window = Window.ALL_DAY
    planner_choice: bool = False


@dataclass(frozen=True)
class Timing:
    """All of a rule's timing: one :class:`At` per step it makes, for whom, and when it applies.

    The first ``At`` is counted from its anchor; an ``At`` anchored on ``PREVIOUS`` is counted
    from the step before it in the same rule.
    """

    at: tuple[At, ...]
    place: Place = Place.YOURS
    per: Per = Per.PLAN
    when: tuple[Condition, ...] = ()
    # A step that loses its point when late (a thank-you): if the reader's days would move it
    # more than this many days later, it moves back to the anchor day instead.
    latest_move: int | None = None
    # A step that must come after another's day (no follow-up before your thank-you): if it
    # would fall on or before that day, it moves to the next day it can after it.
    after: Anchor | None = None


NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
ORDINALS = ("first", "second", "third", "fourth", "fifth")
WINDOW_WORDS = {
    Window.ALL_DAY: "",
    Window.INTERVIEW: ", before it ends",
    Window.AFTER_INTERVIEW: ", straight after it ends",
    Window.MORNING: ", in the morning",
    Window.AFTERNOON: ", in the afternoon",
}


def number(n: int) -> str:
    return NUMBERS[n] if 0 <= n < len(NUMBERS) else str(n)


def describe_at(at: At) -> str:
    """One step's day in plain words, e.g. 'two working days after the interview'."""
    anchor = at.anchor.value
    if at.anchor is Anchor.INTERVIEW and not (at.workdays or at.calendar_days):
        text = "the interview day"
    elif at.calendar_days:
        weeks, days = divmod(at.calendar_days, 7)
        span = ("a week" if weeks == 1 else f"{number(weeks)} weeks") if not days else (
            f"{number(at.calendar_days)} days")
        text = f"{span} after {anchor} (or the next working day)"
    elif at.workdays == 1:
        text = f"the first working day after {anchor}"
    elif at.workdays:
        text = f"{number(at.workdays)} working days after {anchor}"
    else:
        text = anchor
    text += WINDOW_WORDS[at.window]
    if at.planner_choice:
        text += " (the planner's choice: no article names the day)"
    return text


def describe(timing: Timing) -> str:
    """The whole rule's timing as one or more sentences, for the rules page."""
    parts = [describe_at(at) for at in timing.at]
    if len(parts) == 1:
        text = parts[0][0].upper() + parts[0][1:] + "."
    else:
        text = " ".join(
            f"{ORDINALS[i].capitalize()} step: {part}." for i, part in enumerate(parts)
        )
    if timing.per is Per.INTERVIEWER:
        text += " One for each interviewer."
    elif timing.per is Per.REFERENCE:
        text += " One for each reference."
    if timing.place is Place.SHARED:
        text += " Always on a day both you and the employer work."
    if timing.after is not None:
        text += f" Never on or before {timing.after.value}."
    if timing.latest_move is not None:
        later = "a day" if timing.latest_move == 1 else f"{number(timing.latest_move)} days"
        text += (f" If that would move it more than {later} later, it moves back to "
                 f"{describe_at(At(timing.at[0].anchor))} instead.")
    elif timing.place is Place.YOURS and not _interview_day_only(timing):
        text += " Always on one of your working days."
    return text


def _interview_day_only(timing: Timing) -> bool:
    return all(
        at.anchor is Anchor.INTERVIEW and not (at.workdays or at.calendar_days) for at in timing.at
    )
