"""The planning engine: from a valid :class:`PlanInput` to a dated timeline.

:func:`make_plan` is the one pure entry point. It is also the one interpreter of the rules'
timing values (:mod:`planner.timing`): each rule's ``At`` values become dates here, counted in
the employer's working days and placed on the reader's days. Each rule also has a function in
:data:`SCHEDULERS` that says only who a step is for and what it says. Dates never depend on
``today``: a shared link shows the same plan to everyone, and only :func:`statuses` (today,
next, past) changes from day to day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from .holiday_calendar import HolidayLookupError, public_holidays
from .model import (
    AfterPromise,
    Channel,
    Contact,
    DecisionKind,
    FieldError,
    Format,
    Heard,
    InvalidInput,
    Kind,
    PlanInput,
    Round,
    ShortPromise,
    Status,
    Step,
    Thanks,
    ThanksTiming,
    Timeline,
    TimeWindow,
)
from .rules import BY_ID, MAX_FOLLOW_UPS, RULES, SHORT_PROMISE_DAYS, Rule
from .timing import Anchor, At, Condition, Per, Place, Window, describe_at, number
from .workdays import NoWorkingDay, WorkCalendar

MORNING = TimeWindow(dt.time(9, 0), dt.time(12, 0))  # the planner's choice of hours
AFTERNOON = TimeWindow(dt.time(13, 0), dt.time(17, 0))
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")


@dataclass(frozen=True)
class Person:
    """Whom one of a rule's steps is for, when the rule makes one step per person."""

    name: str | None
    email: str | None = None


@dataclass(frozen=True)
class Slot:
    """One step's day, as the timing value gave it and as it was placed on the reader's days."""

    at: At
    counted: dt.date  # the day the offset gives, in the employer's working days
    date: dt.date  # the day the step lands on
    window: TimeWindow | None
    held_back: bool = False  # moved to come after the day of the timing's ``after`` anchor


@dataclass(frozen=True)
class Say:
    """What a scheduler says about one step: its words, channel and addressee."""

    title: str
    channel: Channel
    to: str | None = None
    email: str | None = None
    optional: bool = False


@dataclass(frozen=True)
class _Draft:
    """A step before it gets its id and place in the sorted timeline."""

    slot: Slot
    rule: Rule
    say: Say
    ctx: _Context  # the plan it was made in (its reason is told from it)
    person: Person | None = None


@dataclass
class _Context:
    """What the interpreter knows while one plan is made."""

    inp: PlanInput
    employer: WorkCalendar  # counts the waits the articles give in working days
    reader: WorkCalendar  # the days the reader can do their own steps
    shared: WorkCalendar  # the days a step that reaches the employer can land on
    promised: dt.date | None
    case: Condition  # which follow-up rule applies (exactly one): set by follow_up_case
    slots: dict[str, list[Slot]] = field(default_factory=dict)

    @property
    def interview(self) -> dt.date:
        return self.inp.interview_date

    def holds(self, condition: Condition) -> bool:
        return CONDITIONS[condition](self)

    def applies(self, rule: Rule) -> bool:
        return all(self.holds(c) for c in rule.timing.when)

    def slots_of(self, rule: Rule) -> list[Slot]:
        """The days of a rule's steps (memoised: rules anchor on each other's days)."""
        if rule.id not in self.slots:
            self.slots[rule.id] = _interpret(rule, self)
        return self.slots[rule.id]

    def anchor(self, anchor: Anchor, previous: Slot | None) -> dt.date:
        if anchor is Anchor.INTERVIEW:
            return self.interview
        if anchor is Anchor.HEARD:
            assert self.inp.heard_on is not None, "a HEARD anchor needs a HEARD_ condition"
            return self.inp.heard_on
        if anchor is Anchor.PROMISED:
            assert self.promised is not None, "a PROMISED anchor needs the PROMISE condition"
            return self.promised
        if anchor is Anchor.PREVIOUS:
            assert previous is not None, "PREVIOUS cannot anchor a rule's first step"
            return previous.date
        kind_of = {Anchor.THANKS: "thank_you", Anchor.LAST_FOLLOW_UP: "follow_up",
                   Anchor.STOP: "stop_chasing"}[anchor]
        (rule,) = (r for r in RULES if r.kind.value == kind_of and self.applies(r))
        days = [slot.date for slot in self.slots_of(rule)]
        return max(days) if anchor is Anchor.LAST_FOLLOW_UP else min(days)


def _interpret(rule: Rule, ctx: _Context) -> list[Slot]:
    """Turn a rule's timing value into the days of its steps."""
    slots: list[Slot] = []
    for at in rule.timing.at:
        base = ctx.anchor(at.anchor, slots[-1] if slots else None)
        if at.calendar_days:
            counted = ctx.employer.on_or_after(base + dt.timedelta(days=at.calendar_days))
        elif at.workdays:
            counted = ctx.employer.after(base, at.workdays)
        else:
            counted = base
        day = _place(rule.timing.place, counted, ctx)
        late = rule.timing.latest_move
        if late is not None and (day - counted).days > late:
            day = base
        held_back = False
        if rule.timing.after is not None:
            floor = ctx.anchor(rule.timing.after, None)
            if day <= floor:
                day, held_back = _place(rule.timing.place, floor + dt.timedelta(days=1), ctx), True
        slots.append(Slot(at, counted, day, _window(at.window, ctx.inp), held_back))
    return slots


def _place(place: Place, day: dt.date, ctx: _Context) -> dt.date:
    """The first day on or after ``day`` that a step of this kind can land on."""
    if place is Place.FIXED:
        return day
    if place is Place.SHARED:
        return ctx.shared.on_or_after(day)
    return ctx.reader.on_or_after(day)


def _window(window: Window, inp: PlanInput) -> TimeWindow | None:
    if window is Window.MORNING:
        return MORNING
    if window is Window.AFTERNOON:
        return AFTERNOON
    if window is Window.INTERVIEW and inp.interview_start and inp.interview_end:
        return TimeWindow(inp.interview_start, inp.interview_end)
    if window is Window.AFTER_INTERVIEW:
        return _after_interview_window(inp)
    return None


def _people(per: Per, inp: PlanInput) -> list[Person | None]:
    """One step per person the rule is for; one generic step when there is nobody to name."""
    if per is Per.INTERVIEWER and inp.interviewers:
        return [Person(p.name, p.email) for p in inp.interviewers]
    if per is Per.REFERENCE and inp.references:
        return [Person(name) for name in inp.references]
    return [None]


# --- who and how -------------------------------------------------------------------------


def _follow_up_target(inp: PlanInput) -> tuple[str | None, str | None]:
    """Follow-ups go to the recruiter when one arranged it, else the first interviewer."""
    if inp.recruiter:
        return inp.recruiter, None
    if inp.interviewers:
        first = inp.interviewers[0]
        return first.name, first.email
    return None, None


def _follow_up_channel(inp: PlanInput, rule_id: str) -> Channel:
    if inp.contact in (Contact.EMAIL, Contact.WAIT):
        return Channel.EMAIL
    if inp.contact is Contact.PHONE or rule_id == "follow_up_end_of_week":
        return Channel.PHONE
    return Channel.PHONE_OR_EMAIL


def _them(inp: PlanInput) -> str:
    return inp.recruiter or (inp.interviewers[0].name if inp.interviewers else "the employer")


def _after_interview_window(inp: PlanInput) -> TimeWindow | None:
    """The hour after the interview ends, if its end time is known (never past midnight)."""
    if inp.interview_end is None:
        return None
    end = inp.interview_end
    minutes = min(end.hour * 60 + end.minute + 60, 23 * 60 + 59)
    return TimeWindow(end, dt.time(minutes // 60, minutes % 60))


# --- what each rule's steps say, one function per rule -------------------------------------

Scheduler = Callable[[Rule, _Context, int, Person | None], Say]


def _ask_next_steps(rule: Rule, ctx: _Context, index: int, person: Person | None) -> Say:
    channel = {
        Format.IN_PERSON: Channel.IN_PERSON,
        Format.VIDEO: Channel.VIDEO,
        Format.PHONE: Channel.PHONE,
    }[ctx.inp.format]
    return Say("Before it ends, ask what the next step is and when they expect to decide",
               channel)


def _collect_contacts(rule: Rule, ctx: _Context, index: int, person: Person | None) -> Say:
    inp = ctx.inp
    missing = [p.name for p in inp.interviewers if not p.email]
    if not inp.interviewers:
        title = "Get the full name, title and contact details of everyone who interviewed you"
    elif missing:
        title = f"Get contact details for {_join(missing)}"
    else:
        title = "Check the spelling of each interviewer's name and title"
    channel = Channel.IN_PERSON if inp.format is Format.IN_PERSON else Channel.PHONE_OR_EMAIL
    return Say(title, channel)


def _notes(rule: Rule, ctx: _Context, index: int, person: Person | None) -> Say:
    return Say("Write down how it went, what to improve and what you learned",
               Channel.ON_YOUR_OWN)


def _recruiter_debrief(rule: Rule, ctx: _Context, index: int, person: Person | None) -> Say:
    recruiter = ctx.inp.recruiter
    return Say(f"Call {recruiter} to give your feedback and ask about the next step",
               Channel.PHONE, to=recruiter)


# "{a}" becomes "a personal" for a panel: each member gets their own note (000, 001, 004).
THANKS_WORDING = {
    Thanks.EMAIL: ("Email {a} thank-you to", Channel.EMAIL),
    Thanks.EMAIL_AND_CARD: ("Email {a} thank-you to", Channel.EMAIL),
    Thanks.LETTER: ("Post {a} typed thank-you letter to", Channel.POST),
    Thanks.CARD: ("Post {a} handwritten thank-you card to", Channel.POST),
}


def _thank_you(rule: Rule, ctx: _Context, index: int, person: Person | None) -> Say:
    wording, channel = THANKS_WORDING[ctx.inp.thanks]
    verb = wording.format(a="a personal" if len(ctx.inp.interviewers) > 1 else "a")
    name = person.name if person else None
    return Say(f"{verb} {name or 'each person who interviewed you'}", channel, to=name,
               email=person.email if person else None)


def _thank_you_card(rule: Rule, ctx: _Context, index: int, person: Person | None) -> Say:
    name = person.name if person else None
    return Say(f"Post a handwritten card to {name or 'each person who interviewed you'}",
               Channel.POST, to=name)


def _brief_references(rule: Rule, ctx: _Context, index: int, person: Person | None) -> Say:
    if person is None:
        return Say("Tell the references you gave that the employer may call",
                   Channel.PHONE_OR_EMAIL)
    return Say(f"Brief {person.name}: the employer may call soon", Channel.PHONE_OR_EMAIL,
               to=person.name)


def _keep_searching(rule: Rule, ctx: _Context, index: int, person: Person | None) -> Say:
    return Say("Keep applying and interviewing elsewhere", Channel.ON_YOUR_OWN)


def _connect(rule: Rule, ctx: _Context, index: int, person: Person | None) -> Say:
    names = [p.name for p in ctx.inp.interviewers]
    who = _join(names) if names else "your interviewers"
    return Say(f"Connect with {who} on LinkedIn (not other social media)", Channel.LINKEDIN)


def _network(rule: Rule, ctx: _Context, index: int, person: Person | None) -> Say:
    return Say("Find people you both know who could vouch for you to the hiring manager",
               Channel.LINKEDIN)


def _prepare_next_round(rule: Rule, ctx: _Context, index: int, person: Person | None) -> Say:
    return Say("Prepare for the next round: rework weak answers and research who you may meet",
               Channel.ON_YOUR_OWN)


def _business_plan(rule: Rule, ctx: _Context, index: int, person: Person | None) -> Say:
    where = f" at {ctx.inp.company}" if ctx.inp.company else ""
    return Say(f"Sketch a short plan of where you could add value{where}", Channel.ON_YOUR_OWN,
               optional=True)


def _decision_due(rule: Rule, ctx: _Context, index: int, person: Person | None) -> Say:
    """What they said, in their terms, and the day it falls due when they gave no date:
    'They said they would decide within two weeks: due Tue 15 Dec'."""
    said = f"They said they would decide {what_they_said(ctx.inp)}"
    due = promised_date(ctx.inp, ctx.employer)
    if ctx.inp.decision.kind is DecisionKind.DATE or due is None:
        return Say(said, Channel.ON_YOUR_OWN)
    return Say(f"{said}: due {short_date(due)}", Channel.ON_YOUR_OWN)


def what_they_said(inp: PlanInput) -> str:
    """Their promise in the reader's words: 'within two weeks', 'by Sat 28 Nov'."""
    decision = inp.decision
    if decision.kind is DecisionKind.DATE and decision.by is not None:
        return f"by {short_date(decision.by)}"
    if decision.kind is DecisionKind.WITHIN and decision.within_days is not None:
        weeks, days = divmod(decision.within_days, 7)
        if days:
            return f"within {_count(decision.within_days, 'day')}"
        return f"within {_count(weeks, 'week')}"
    return "by the end of the week"


def _follow_up(rule: Rule, ctx: _Context, index: int, person: Person | None) -> Say:
    to, email = _follow_up_target(ctx.inp)
    channel = _follow_up_channel(ctx.inp, rule.id)
    how = {Channel.EMAIL: "Email", Channel.PHONE: "Call"}.get(channel, "Call or email")
    who = to or "the employer"
    if index == 0:
        title = f"{how} {who} for an update on the decision"
    elif rule.id == "follow_up_end_of_week":
        title = f"No news by the afternoon: {how.lower()} {who} once more"
    else:
        title = f"Still no news: {how.lower()} {who} a second and last time"
    return Say(title, channel, to=to, email=email)


def _heard_reply(rule: Rule, ctx: _Context, index: int, person: Person | None) -> Say:
    return Say("They replied: no more chasing, wait for their decision", Channel.ON_YOUR_OWN)


def _heard_new_date(rule: Rule, ctx: _Context, index: int, person: Person | None) -> Say:
    assert ctx.promised is not None
    return Say(f"They moved their decision to {short_date(ctx.promised)}: the plan now counts "
               "from it", Channel.ON_YOUR_OWN)


def _heard_next_round(rule: Rule, ctx: _Context, index: int, person: Person | None) -> Say:
    where = f" at {ctx.inp.company}" if ctx.inp.company else ""
    return Say(f"Invited to another interview{where}: prepare, and start a plan for it",
               Channel.ON_YOUR_OWN)


def _heard_rejected(rule: Rule, ctx: _Context, index: int, person: Person | None) -> Say:
    to, email = _follow_up_target(ctx.inp)
    who = to or "them"
    return Say(f"Reply to {who} with thanks, and ask once what you could do better",
               Channel.EMAIL, to=to, email=email)


def _heard_offer(rule: Rule, ctx: _Context, index: int, person: Person | None) -> Say:
    return Say("Keep interviewing elsewhere until your first day", Channel.ON_YOUR_OWN)


def _stop_chasing(rule: Rule, ctx: _Context, index: int, person: Person | None) -> Say:
    return Say(f"No answer after two follow-ups: stop asking {_them(ctx.inp)} and put your "
               "energy elsewhere", Channel.ON_YOUR_OWN)


def _check_in(rule: Rule, ctx: _Context, index: int, person: Person | None) -> Say:
    to, email = _follow_up_target(ctx.inp)
    return Say(f"If it is still open: send {to or 'them'} a short, useful check-in note",
               Channel.EMAIL, to=to, email=email, optional=True)


SCHEDULERS: dict[str, Scheduler] = {
    "ask_next_steps": _ask_next_steps,
    "collect_contacts": _collect_contacts,
    "notes": _notes,
    "recruiter_debrief": _recruiter_debrief,
    "thank_you_same_day": _thank_you,
    "thank_you_next_day": _thank_you,
    "thank_you_two_days": _thank_you,
    "thank_you_card": _thank_you_card,
    "brief_references": _brief_references,
    "keep_searching": _keep_searching,
    "connect": _connect,
    "network": _network,
    "prepare_next_round": _prepare_next_round,
    "business_plan": _business_plan,
    "decision_due": _decision_due,
    "follow_up_after_date": _follow_up,
    "follow_up_week_after_date": _follow_up,
    "follow_up_short_early": _follow_up,
    "follow_up_no_date": _follow_up,
    "follow_up_end_of_week": _follow_up,
    "follow_up_when_asked_to_wait": _follow_up,
    "stop_chasing": _stop_chasing,
    "check_in": _check_in,
    "heard_reply": _heard_reply,
    "heard_new_date": _heard_new_date,
    "heard_next_round": _heard_next_round,
    "heard_rejected": _heard_rejected,
    "heard_offer": _heard_offer,
}


# --- the named conditions --------------------------------------------------------------------


def promised_date(inp: PlanInput, employer: WorkCalendar) -> dt.date | None:
    """The day they said they would decide by, if they said anything."""
    decision = inp.decision
    if decision.kind is DecisionKind.DATE:
        return decision.by
    if decision.kind is DecisionKind.WITHIN:
        assert decision.within_days is not None
        return inp.interview_date + dt.timedelta(days=decision.within_days)
    if decision.kind is DecisionKind.END_OF_WEEK:
        return employer.end_of_week(inp.interview_date)
    return None


def early_has_room(ctx: _Context) -> bool:
    """001's early follow-up must land before the decision day, or it is not early.

    Its first day comes from the interpreter itself, so every rule that can hold it back (the
    reader's days, the thank-you it must follow) is taken into account.
    """
    assert ctx.promised is not None
    return ctx.slots_of(BY_ID["follow_up_short_early"])[0].date < ctx.promised


def follow_up_case(ctx: _Context) -> Condition:
    """Which of the articles' follow-up rules fits what they said: exactly one does."""
    inp, promised = ctx.inp, ctx.promised
    waiting = inp.contact is Contact.WAIT
    if promised is None:
        return Condition.CHASE_ASKED_TO_WAIT if waiting else Condition.CHASE_NO_DATE
    if inp.decision.kind is DecisionKind.END_OF_WEEK and not waiting:
        return Condition.CHASE_END_OF_WEEK
    short = (promised - inp.interview_date).days <= SHORT_PROMISE_DAYS
    if (
        short
        and inp.choices.short_promise is ShortPromise.EARLY
        and not waiting
        and early_has_room(ctx)
    ):
        return Condition.CHASE_SHORT_EARLY
    if inp.choices.after_promise is AfterPromise.ONE_WEEK:
        return Condition.CHASE_WEEK_AFTER
    return Condition.CHASE_AFTER_DATE


def _case(condition: Condition) -> Callable[[_Context], bool]:
    return lambda ctx: ctx.case is condition


CONDITIONS: dict[Condition, Callable[[_Context], bool]] = {
    Condition.RECRUITER: lambda ctx: bool(ctx.inp.recruiter),
    Condition.NOT_FINAL_ROUND: lambda ctx: ctx.inp.round is not Round.FINAL,
    Condition.THANKS_SAME_DAY: lambda ctx: ctx.inp.choices.thanks_timing is ThanksTiming.SAME_DAY,
    Condition.THANKS_NEXT_DAY: lambda ctx: ctx.inp.choices.thanks_timing is ThanksTiming.NEXT_DAY,
    Condition.THANKS_TWO_DAYS: lambda ctx: ctx.inp.choices.thanks_timing is ThanksTiming.TWO_DAYS,
    Condition.EMAIL_AND_CARD: lambda ctx: ctx.inp.thanks is Thanks.EMAIL_AND_CARD,
    Condition.PROMISE: lambda ctx: ctx.promised is not None,
    Condition.HEARD_REPLY: lambda ctx: ctx.inp.heard is Heard.REPLIED,
    Condition.HEARD_NEW_DATE: lambda ctx: ctx.inp.heard is Heard.NEW_DATE,
    Condition.HEARD_NEXT_ROUND: lambda ctx: ctx.inp.heard is Heard.NEXT_ROUND,
    Condition.HEARD_REJECTED: lambda ctx: ctx.inp.heard is Heard.REJECTED,
    Condition.HEARD_OFFER: lambda ctx: ctx.inp.heard is Heard.OFFER,
    **{c: _case(c) for c in Condition if c.name.startswith("CHASE_")},
}


# --- the plan -------------------------------------------------------------------------------


def _warnings(ctx: _Context) -> list[str]:
    inp = ctx.inp
    notes = []
    if not ctx.reader.is_working(inp.interview_date):
        day = WEEKDAY_NAMES[inp.interview_date.weekday()]
        notes.append(f"Your interview day ({day}) is not a working day: the first steps stay on "
                     "it, and everything else moves to working days.")
    if not inp.interviewers:
        notes.append("Add your interviewers' names to get a thank-you step for each of them.")
    if inp.contact is Contact.WAIT and inp.choices.short_promise is ShortPromise.EARLY:
        notes.append("They asked you to wait for them, so the early follow-up is not used.")
    if (
        inp.choices.short_promise is ShortPromise.EARLY
        and ctx.case in (Condition.CHASE_AFTER_DATE, Condition.CHASE_WEEK_AFTER)
        and inp.contact is not Contact.WAIT
        and inp.decision.kind is not DecisionKind.END_OF_WEEK
    ):
        notes.append("The early follow-up only applies when the decision is due within a week "
                     "and a follow-up two working days after the interview still comes before "
                     "it, so it is not used here.")
    if inp.contact is Contact.WAIT and inp.decision.kind is DecisionKind.END_OF_WEEK:
        notes.append("They asked you to wait, so instead of two calls on the promised day, the "
                     "plan emails once their week is over.")
    if not inp.working_days & inp.employer_days:
        notes.append("None of your working days is one the employer works: steps that reach "
                     "them are placed on your own working days.")
    elif inp.working_days != inp.employer_days:
        notes.append("Your working days differ from the employer's: waits are counted in the "
                     "employer's working days, and steps that reach them fall on days you both "
                     "work.")
    if inp.country:
        notes.append(f"Public holidays in {inp.country} are skipped, like non-working days.")
    return notes


def _calendars(inp: PlanInput) -> tuple[WorkCalendar, WorkCalendar, WorkCalendar]:
    """The employer's calendar, the reader's and the days they share."""
    holidays: frozenset[dt.date] = frozenset()
    if inp.country:
        first = inp.interview_date.year
        try:
            holidays = public_holidays(inp.country, range(first, min(first + 3, dt.MAXYEAR + 1)))
        except HolidayLookupError as exc:
            raise InvalidInput([FieldError("country", str(exc))]) from exc
    employer = WorkCalendar(inp.employer_days, holidays)
    reader = WorkCalendar(inp.working_days, holidays)
    shared = employer.shared_with(reader)
    return employer, reader, (shared if shared.weekdays else reader)


def reason(rule: Rule, slot: Slot, ctx: _Context) -> str:
    """A step's reason: the rule's why, then its timing in words, from the same value."""
    text = f"{rule.why} Planned for {describe_at(slot.at)}."
    if slot.held_back and rule.timing.after is not None:
        text += f" Moved to come after {rule.timing.after.value}."
    elif slot.date < slot.counted:
        text += (" Moved back to the interview day: your next working day would come too late "
                 "for it.")
    elif (slot.date != slot.counted and rule.timing.place is Place.SHARED
          and ctx.shared is not ctx.reader):
        text += " Moved to the next day both you and the employer work."
    elif slot.date != slot.counted:
        text += " Moved to your next working day."
    return text


def _not_ended(drafts: list[_Draft], ctx: _Context) -> list[_Draft]:
    """The steps left once what the employer did ends some (a reply ends the chasing): those of
    the ended kinds dated on or after the day they got back to you go."""
    ended = {kind for rule in RULES if rule.ends and ctx.applies(rule) for kind in rule.ends}
    heard = ctx.inp.heard_on
    if not ended or heard is None:
        return drafts
    return [d for d in drafts if not (d.rule.kind in ended and d.slot.date >= heard)]


def _when(draft: _Draft) -> tuple[dt.date, dt.time]:
    """A step's day and the time its window starts (midnight for an all-day step)."""
    return draft.slot.date, draft.slot.window.start if draft.slot.window else dt.time(0)


def _drafts(inp: PlanInput) -> tuple[list[_Draft], _Context]:
    """Every step the rules make for ``inp``, undated by order, and the context they were made in."""
    employer, reader, shared = _calendars(inp)
    try:
        promised = promised_date(inp, employer)
        ctx = _Context(inp, employer, reader, shared, promised, Condition.CHASE_NO_DATE)
        ctx.case = follow_up_case(ctx)
        drafts = [
            _Draft(slot, rule, SCHEDULERS[rule.id](rule, ctx, index, person), ctx, person)
            for rule in RULES
            if ctx.applies(rule)
            for index, slot in enumerate(ctx.slots_of(rule))
            for person in _people(rule.timing.per, inp)
        ]
    except NoWorkingDay as exc:
        raise InvalidInput([FieldError("working_days", "No working day falls within a year of "
                                       "the interview: choose more working days.")]) from exc
    except OverflowError as exc:
        raise InvalidInput([FieldError("interview_date", "This date is too near the end of the "
                                       "calendar for a plan of the weeks after it: check the "
                                       "year.")]) from exc
    return drafts, ctx


def _after_new_date(inp: PlanInput) -> tuple[list[_Draft], _Context]:
    """A new decision date: the steps before the news as first planned, and from the news on the
    plan for the new date, within the same limit of two follow-ups (002: not more than twice),
    counting those already due before the news."""
    heard, first = inp.heard_on, inp.first_decision
    assert heard is not None and first is not None
    before, _ = _drafts(replace(inp, decision=first, heard=Heard.NOTHING, heard_on=None,
                                first_decision=None))
    after, ctx = _drafts(inp)
    kept = [d for d in before if d.slot.date < heard]
    asked = sum(1 for d in kept if d.rule.kind is Kind.FOLLOW_UP)
    left = max(0, MAX_FOLLOW_UPS - asked)
    later = sorted((d for d in after if d.slot.date >= heard), key=_when)
    closing = [d for d in later if d.rule.kind in (Kind.STOP_CHASING, Kind.CHECK_IN)]
    for d in later:
        if d.rule.kind is Kind.FOLLOW_UP:
            if left == 0:
                continue
            number_of_ask = MAX_FOLLOW_UPS - left  # 0 for the first ask, 1 for the last
            d = replace(d, say=SCHEDULERS[d.rule.id](d.rule, d.ctx, number_of_ask, d.person))
            left -= 1
        if d not in closing:
            kept.append(d)
    # Stopping, and the check-ins after it, count from the last ask actually made, as their
    # timing says, whichever side of the news it fell on.
    kept = [d for d in kept if d.rule.kind not in (Kind.STOP_CHASING, Kind.CHECK_IN)]
    asks = [d.slot.date for d in kept if d.rule.kind is Kind.FOLLOW_UP]
    base = max(asks) if asks else None
    for d in closing:
        if base is None:
            break
        counted = ctx.employer.after(base, d.slot.at.workdays)
        day = _place(d.rule.timing.place, counted, ctx)
        kept.append(replace(d, slot=replace(d.slot, counted=counted, date=day, held_back=False)))
        base = day
    return kept, ctx


def make_plan(inp: PlanInput) -> Timeline:
    """Compute the timeline. Pure: the same input always gives the same steps.

    Raises :class:`InvalidInput` only for a country whose holidays cannot be had, a calendar
    with no working day in reach, or an interview so near the ends of the calendar (years 1
    and 9999) that its plan would run off them.
    """
    if inp.heard is Heard.NEW_DATE and inp.first_decision is not None:
        drafts, ctx = _after_new_date(inp)
    else:
        drafts, ctx = _drafts(inp)
        drafts = _not_ended(drafts, ctx)
    order = {rule.id: index for index, rule in enumerate(RULES)}
    drafts.sort(key=lambda d: (*_when(d), order[d.rule.id]))
    counts: dict[str, int] = {}
    steps = []
    for d in drafts:
        kind = d.rule.kind.value
        counts[kind] = counts.get(kind, 0) + 1
        steps.append(
            Step(
                id=f"{kind}-{counts[kind]}",
                date=d.slot.date,
                kind=d.rule.kind,
                title=d.say.title,
                to=d.say.to,
                email=d.say.email,
                channel=d.say.channel,
                why=reason(d.rule, d.slot, d.ctx),
                sources=d.rule.sources,
                guide=d.rule.guide,
                rule=d.rule.id,
                window=d.slot.window,
                optional=d.say.optional,
            )
        )
    return Timeline(tuple(steps), tuple(_warnings(ctx)))


def statuses(timeline: Timeline, today: dt.date) -> dict[str, Status]:
    """Each step's standing on ``today``: past, due today, next (the first later date), upcoming."""
    upcoming = sorted({s.date for s in timeline.steps if s.date > today})
    next_date = upcoming[0] if upcoming else None
    result = {}
    for step in timeline.steps:
        if step.date < today:
            result[step.id] = Status.PAST
        elif step.date == today:
            result[step.id] = Status.TODAY
        elif step.date == next_date:
            result[step.id] = Status.NEXT
        else:
            result[step.id] = Status.UPCOMING
    return result


def short_date(day: dt.date) -> str:
    """'Sat 28 Nov': the same words on every system (no locale)."""
    return f"{WEEKDAY_NAMES[day.weekday()][:3]} {day.day} {MONTH_NAMES[day.month - 1][:3]}"


def _count(n: int, noun: str) -> str:
    return f"{number(n)} {noun}" + ("" if n == 1 else "s")


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


assert set(SCHEDULERS) == set(BY_ID), "every rule needs exactly one scheduler"
assert set(CONDITIONS) == set(Condition), "every named condition needs a test"
