"""The planning engine: from a valid :class:`PlanInput` and ``today`` to a dated timeline.

:func:`make_plan` is the one pure entry point. Each row of :data:`planner.rules.RULES` has a
scheduler here (:data:`SCHEDULERS`) that says on which working days its steps fall. Dates never
depend on ``today``: a shared link shows the same plan to everyone, and only
:func:`statuses` (today, next, past) changes from day to day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from .holiday_calendar import HolidayLookupError, public_holidays
from .model import (
    AfterPromise,
    Channel,
    Contact,
    DecisionKind,
    FieldError,
    Format,
    InvalidInput,
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
from .rules import (
    ASKED_TO_WAIT_GAP,
    BY_ID,
    CHECK_IN_GAP,
    NO_DATE_GAP,
    RULES,
    SHORT_EARLY_GAP,
    SHORT_PROMISE_DAYS,
    Rule,
)
from .workdays import NoWorkingDay, WorkCalendar

MORNING = TimeWindow(dt.time(9, 0), dt.time(12, 0))
AFTERNOON = TimeWindow(dt.time(13, 0), dt.time(17, 0))
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass
class _Draft:
    """A step before it gets its id and place in the sorted timeline."""

    date: dt.date
    rule: Rule
    title: str
    channel: Channel
    to: str | None = None
    email: str | None = None
    window: TimeWindow | None = None
    optional: bool = False


@dataclass
class _Context:
    """What every rule is given while one plan is made."""

    inp: PlanInput
    cal: WorkCalendar
    decision_date: dt.date | None
    follow_up_rule: str
    follow_up_dates: list[dt.date] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def interview(self) -> dt.date:
        return self.inp.interview_date

    def working_day(self, n: int) -> dt.date:
        """The n-th working day after the interview."""
        return self.cal.after(self.interview, n)


Scheduler = Callable[[Rule, _Context], list[_Draft]]


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


# --- the schedulers, one per rule ---------------------------------------------------------


def _ask_next_steps(rule: Rule, ctx: _Context) -> list[_Draft]:
    inp = ctx.inp
    window = None
    if inp.interview_start and inp.interview_end:
        window = TimeWindow(inp.interview_start, inp.interview_end)
    channel = {
        Format.IN_PERSON: Channel.IN_PERSON,
        Format.VIDEO: Channel.VIDEO,
        Format.PHONE: Channel.PHONE,
    }[inp.format]
    return [_Draft(ctx.interview, rule, "Before it ends, ask what the next step is and when "
                   "they expect to decide", channel, window=window)]


def _collect_contacts(rule: Rule, ctx: _Context) -> list[_Draft]:
    inp = ctx.inp
    missing = [p.name for p in inp.interviewers if not p.email]
    if not inp.interviewers:
        title = "Get the full name, title and contact details of everyone who interviewed you"
    elif missing:
        title = f"Get contact details for {_join(missing)}"
    else:
        title = "Check the spelling of each interviewer's name and title"
    channel = Channel.IN_PERSON if inp.format is Format.IN_PERSON else Channel.PHONE_OR_EMAIL
    return [_Draft(ctx.interview, rule, title, channel)]


def _after_interview_window(inp: PlanInput) -> TimeWindow | None:
    """The hour after the interview ends, if its end time is known (never past midnight)."""
    if inp.interview_end is None:
        return None
    end = inp.interview_end
    minutes = min(end.hour * 60 + end.minute + 60, 23 * 60 + 59)
    return TimeWindow(end, dt.time(minutes // 60, minutes % 60))


def _notes(rule: Rule, ctx: _Context) -> list[_Draft]:
    return [_Draft(ctx.interview, rule, "Write down how it went, what to improve and what you "
                   "learned", Channel.ON_YOUR_OWN, window=_after_interview_window(ctx.inp))]


def _recruiter_debrief(rule: Rule, ctx: _Context) -> list[_Draft]:
    if not ctx.inp.recruiter:
        return []
    return [_Draft(ctx.interview, rule, f"Call {ctx.inp.recruiter} to give your feedback and "
                   "ask about the next step", Channel.PHONE, to=ctx.inp.recruiter,
                   window=_after_interview_window(ctx.inp))]


THANKS_TIMING_RULE = {
    ThanksTiming.SAME_DAY: "thank_you_same_day",
    ThanksTiming.NEXT_DAY: "thank_you_next_day",
    ThanksTiming.TWO_DAYS: "thank_you_two_days",
}
THANKS_TIMING_DAYS = {ThanksTiming.SAME_DAY: 0, ThanksTiming.NEXT_DAY: 1, ThanksTiming.TWO_DAYS: 2}
# "{a}" becomes "a personal" for a panel: each member gets their own note (000, 001, 004).
THANKS_WORDING = {
    Thanks.EMAIL: ("Email {a} thank-you to", Channel.EMAIL),
    Thanks.EMAIL_AND_CARD: ("Email {a} thank-you to", Channel.EMAIL),
    Thanks.LETTER: ("Post {a} typed thank-you letter to", Channel.POST),
    Thanks.CARD: ("Post {a} handwritten thank-you card to", Channel.POST),
}


def _thanks_date(ctx: _Context) -> dt.date:
    days = THANKS_TIMING_DAYS[ctx.inp.choices.thanks_timing]
    return ctx.working_day(days) if days else ctx.interview


def _recipients(inp: PlanInput) -> list[tuple[str | None, str | None]]:
    if not inp.interviewers:
        return [(None, None)]
    return [(p.name, p.email) for p in inp.interviewers]


def _thank_you(rule: Rule, ctx: _Context) -> list[_Draft]:
    if THANKS_TIMING_RULE[ctx.inp.choices.thanks_timing] != rule.id:
        return []
    wording, channel = THANKS_WORDING[ctx.inp.thanks]
    verb = wording.format(a="a personal" if len(ctx.inp.interviewers) > 1 else "a")
    when = _thanks_date(ctx)
    return [
        _Draft(when, rule, f"{verb} {name or 'each person who interviewed you'}", channel,
               to=name, email=email)
        for name, email in _recipients(ctx.inp)
    ]


def _thank_you_card(rule: Rule, ctx: _Context) -> list[_Draft]:
    if ctx.inp.thanks is not Thanks.EMAIL_AND_CARD:
        return []
    when = _thanks_date(ctx)
    return [
        _Draft(when, rule, f"Post a handwritten card to {name or 'each person who interviewed you'}",
               Channel.POST, to=name)
        for name, _ in _recipients(ctx.inp)
    ]


def _brief_references(rule: Rule, ctx: _Context) -> list[_Draft]:
    when = ctx.working_day(1)
    if not ctx.inp.references:
        return [_Draft(when, rule, "Tell the references you gave that the employer may call",
                       Channel.PHONE_OR_EMAIL)]
    return [
        _Draft(when, rule, f"Brief {name}: the employer may call soon", Channel.PHONE_OR_EMAIL,
               to=name)
        for name in ctx.inp.references
    ]


def _keep_searching(rule: Rule, ctx: _Context) -> list[_Draft]:
    return [_Draft(ctx.working_day(1), rule, "Keep applying and interviewing elsewhere",
                   Channel.ON_YOUR_OWN)]


def _connect(rule: Rule, ctx: _Context) -> list[_Draft]:
    names = [p.name for p in ctx.inp.interviewers]
    who = _join(names) if names else "your interviewers"
    return [_Draft(_thanks_date(ctx), rule, f"Connect with {who} on LinkedIn (not other social "
                   "media)", Channel.LINKEDIN)]


def _network(rule: Rule, ctx: _Context) -> list[_Draft]:
    return [_Draft(ctx.working_day(2), rule, "Look for mutual contacts who could put in a good "
                   "word", Channel.LINKEDIN)]


def _prepare_next_round(rule: Rule, ctx: _Context) -> list[_Draft]:
    if ctx.inp.round is Round.FINAL:
        return []
    return [_Draft(ctx.working_day(3), rule, "Prepare for the next round: rework weak answers "
                   "and research who you may meet", Channel.ON_YOUR_OWN)]


def _business_plan(rule: Rule, ctx: _Context) -> list[_Draft]:
    where = f" at {ctx.inp.company}" if ctx.inp.company else ""
    return [_Draft(ctx.working_day(4), rule, f"Sketch a short plan of where you could add "
                   f"value{where}", Channel.ON_YOUR_OWN, optional=True)]


def _decision_due(rule: Rule, ctx: _Context) -> list[_Draft]:
    if ctx.decision_date is None:
        return []
    day = max(ctx.interview, ctx.cal.on_or_before(ctx.decision_date))
    return [_Draft(day, rule, "Decision expected: they said they would decide by today",
                   Channel.ON_YOUR_OWN)]


def _follow_up_dates(rule_id: str, ctx: _Context) -> list[tuple[dt.date, TimeWindow | None]]:
    cal, promised = ctx.cal, ctx.decision_date
    if rule_id == "follow_up_end_of_week":
        assert promised is not None
        return [(promised, MORNING), (promised, AFTERNOON)]
    if rule_id == "follow_up_no_date":
        first = ctx.working_day(NO_DATE_GAP)
    elif rule_id == "follow_up_when_asked_to_wait":
        first = ctx.working_day(ASKED_TO_WAIT_GAP)
    elif rule_id == "follow_up_short_early":
        assert promised is not None
        first = ctx.working_day(SHORT_EARLY_GAP)
        return [(first, None), (cal.after(promised), None)]
    elif rule_id == "follow_up_week_after_date":
        assert promised is not None
        first = cal.on_or_after(promised + dt.timedelta(days=7))
    else:
        assert promised is not None
        first = cal.after(promised)
    return [(first, None), (cal.after(first, NO_DATE_GAP), None)]


def _follow_up(rule: Rule, ctx: _Context) -> list[_Draft]:
    if rule.id != ctx.follow_up_rule:
        return []
    to, email = _follow_up_target(ctx.inp)
    channel = _follow_up_channel(ctx.inp, rule.id)
    how = {Channel.EMAIL: "Email", Channel.PHONE: "Call"}.get(channel, "Call or email")
    who = to or "the employer"
    drafts = []
    dates = _follow_up_dates(rule.id, ctx)
    for number, (day, window) in enumerate(dates, start=1):
        if number == 1:
            title = f"{how} {who} for an update on the decision"
        elif rule.id == "follow_up_end_of_week":
            title = f"No news by the afternoon: {how.lower()} {who} once more"
        else:
            title = f"Still no news: {how.lower()} {who} a second and last time"
        drafts.append(_Draft(day, rule, title, channel, to=to, email=email, window=window))
    ctx.follow_up_dates = [day for day, _ in dates]
    return drafts


def _stop_chasing(rule: Rule, ctx: _Context) -> list[_Draft]:
    day = ctx.cal.after(max(ctx.follow_up_dates))
    return [_Draft(day, rule, f"No answer after two follow-ups: stop asking {_them(ctx.inp)} "
                   "and put your energy elsewhere", Channel.ON_YOUR_OWN)]


def _check_in(rule: Rule, ctx: _Context) -> list[_Draft]:
    stop = ctx.cal.after(max(ctx.follow_up_dates))
    first = ctx.cal.after(stop, CHECK_IN_GAP)
    second = ctx.cal.after(first, CHECK_IN_GAP)
    to, email = _follow_up_target(ctx.inp)
    return [
        _Draft(day, rule, f"If it is still open: send {to or 'them'} a short, useful check-in "
               "note", Channel.EMAIL, to=to, email=email, optional=True)
        for day in (first, second)
    ]


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
}


# --- choosing between the articles' follow-up rules ---------------------------------------


def promised_date(inp: PlanInput, cal: WorkCalendar) -> dt.date | None:
    """The day they said they would decide by, if they said anything."""
    decision = inp.decision
    if decision.kind is DecisionKind.DATE:
        return decision.by
    if decision.kind is DecisionKind.WITHIN:
        assert decision.within_days is not None
        return inp.interview_date + dt.timedelta(days=decision.within_days)
    if decision.kind is DecisionKind.END_OF_WEEK:
        this_week = cal.last_of_week(inp.interview_date + dt.timedelta(days=1))
        if this_week is not None:
            return this_week
        next_monday = inp.interview_date + dt.timedelta(days=7 - inp.interview_date.weekday())
        return cal.last_of_week(next_monday) or cal.on_or_after(next_monday)
    return None


def choose_follow_up_rule(inp: PlanInput, cal: WorkCalendar, promised: dt.date | None) -> str:
    waiting = inp.contact is Contact.WAIT
    if promised is None:
        return "follow_up_when_asked_to_wait" if waiting else "follow_up_no_date"
    if inp.decision.kind is DecisionKind.END_OF_WEEK and not waiting:
        return "follow_up_end_of_week"
    short = (promised - inp.interview_date).days <= SHORT_PROMISE_DAYS
    if (
        short
        and inp.choices.short_promise is ShortPromise.EARLY
        and not waiting
        and cal.after(inp.interview_date, SHORT_EARLY_GAP) < cal.after(promised)
    ):
        return "follow_up_short_early"
    if inp.choices.after_promise is AfterPromise.ONE_WEEK:
        return "follow_up_week_after_date"
    return "follow_up_after_date"


def _warnings(inp: PlanInput, cal: WorkCalendar, rule_id: str) -> list[str]:
    notes = []
    if not cal.is_working(inp.interview_date):
        day = WEEKDAY_NAMES[inp.interview_date.weekday()]
        notes.append(f"Your interview day ({day}) is not a working day: the first steps stay on "
                     "it, and everything else moves to working days.")
    if not inp.interviewers:
        notes.append("Add your interviewers' names to get a thank-you step for each of them.")
    if inp.contact is Contact.WAIT and inp.choices.short_promise is ShortPromise.EARLY:
        notes.append("They asked you to wait for them, so the early follow-up is not used.")
    if (
        inp.choices.short_promise is ShortPromise.EARLY
        and rule_id in ("follow_up_after_date", "follow_up_week_after_date")
        and inp.contact is not Contact.WAIT
        and inp.decision.kind is not DecisionKind.END_OF_WEEK
    ):
        notes.append("The early follow-up only applies when the decision is due within a week "
                     "and more than two working days away, so it is not used here.")
    if inp.contact is Contact.WAIT and inp.decision.kind is DecisionKind.END_OF_WEEK:
        notes.append("They asked you to wait, so instead of two calls on the promised day, the "
                     "plan emails once their week is over.")
    if inp.country:
        notes.append(f"Public holidays in {inp.country} are skipped, like non-working days.")
    return notes


def _calendar(inp: PlanInput) -> WorkCalendar:
    holidays: frozenset[dt.date] = frozenset()
    if inp.country:
        first = inp.interview_date.year
        try:
            holidays = public_holidays(inp.country, range(first, first + 3))
        except HolidayLookupError as exc:
            raise InvalidInput([FieldError("country", str(exc))]) from exc
    return WorkCalendar(inp.working_days, holidays)


def make_plan(inp: PlanInput, today: dt.date) -> Timeline:
    """Compute the timeline. Pure: the same input always gives the same steps.

    ``today`` is accepted so every entry point has the same shape and the engine can grow
    today-aware warnings; no step's date depends on it (see :func:`statuses`).
    Raises :class:`InvalidInput` only for a country whose holidays cannot be had, or a
    calendar with no working day in reach.
    """
    del today  # dates are the same for everyone who opens the same link
    cal = _calendar(inp)
    try:
        promised = promised_date(inp, cal)
        rule_id = choose_follow_up_rule(inp, cal, promised)
        ctx = _Context(inp, cal, promised, rule_id, warnings=_warnings(inp, cal, rule_id))
        drafts = [draft for rule in RULES for draft in SCHEDULERS[rule.id](rule, ctx)]
    except NoWorkingDay as exc:
        raise InvalidInput([FieldError("working_days", "No working day falls within a year of "
                                       "the interview: choose more working days.")]) from exc
    order = {rule.id: index for index, rule in enumerate(RULES)}
    drafts.sort(key=lambda d: (d.date, d.window.start if d.window else dt.time(0), order[d.rule.id]))
    counts: dict[str, int] = {}
    steps = []
    for d in drafts:
        kind = d.rule.kind.value
        counts[kind] = counts.get(kind, 0) + 1
        steps.append(
            Step(
                id=f"{kind}-{counts[kind]}",
                date=d.date,
                kind=d.rule.kind,
                title=d.title,
                to=d.to,
                email=d.email,
                channel=d.channel,
                why=d.rule.why,
                sources=d.rule.sources,
                guide=d.rule.guide,
                rule=d.rule.id,
                window=d.window,
                optional=d.optional,
            )
        )
    return Timeline(tuple(steps), tuple(ctx.warnings))


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


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


assert set(SCHEDULERS) == set(BY_ID), "every rule needs exactly one scheduler"
