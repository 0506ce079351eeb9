"""Ready-to-send words for the steps that need them, filled with what the reader typed.

``draft_for(step, inp)`` returns a :class:`Draft` (or ``None`` for steps that need no words:
notes, networking, ...). Square brackets mark what only the reader can fill in, such as
``[one thing you talked about]``: a note that could have been sent after any interview is
worth little, so the drafts ask for one specific detail rather than pretending to know it.

Written for this project in its own words (the guide's "What to write" sections explain the
advice behind them and cite the articles). Pure standard library; no clock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from planner.model import Channel, DecisionKind, Interviewer, Kind, PlanInput, Step, Thanks

# How the body is meant to be used; the page uses it for headings and the copy buttons.
EMAIL, LETTER, CARD, CALL = "email", "letter", "card", "call"


@dataclass(frozen=True)
class Draft:
    """A ready-to-adapt message for one step: a note, a letter or what to say on a call."""

    medium: str  # EMAIL, LETTER, CARD or CALL: what ``body`` is
    body: str
    subject: str | None = None  # for an email
    script: str | None = None  # talking points for a call, when a call is also an option

    def to_dict(self) -> dict[str, str | None]:
        return {
            "medium": self.medium,
            "subject": self.subject,
            "body": self.body,
            "script": self.script,
        }

    def full_body(self) -> str:
        """The body, followed by the call's talking points when a call is also an option."""
        if self.script:
            return f"{self.body}\n\nIf you call instead:\n{self.script}"
        return self.body

    def as_text(self) -> str:
        """Everything in one plain text, e.g. for a calendar event's notes."""
        parts = [f"Subject: {self.subject}", ""] if self.subject else []
        parts.append(self.full_body())
        return "\n".join(parts)


def long_date(day: dt.date) -> str:
    """'Tuesday 17 November' (no leading zero, no year: these notes are about recent days)."""
    return f"{day:%A} {day.day} {day:%B}"


class _Words:
    """The reader's details, with a visible placeholder wherever something was left blank."""

    def __init__(self, inp: PlanInput) -> None:
        self.inp = inp
        self.me = inp.candidate or "[Your name]"
        self.role = inp.role or "[the role]"
        self.company = inp.company or "[the company]"
        self.day = long_date(inp.interview_date)

    def role_at(self) -> str:
        return (
            f"the {self.role} role at {self.company}"
            if self.inp.role
            else f"the role at {self.company}"
        )

    def first_name(self, name: str | None, fallback: str = "[their name]") -> str:
        if not name:
            return fallback
        return name.split()[0]

    def promise(self) -> str | None:
        """What the employer said about timing, as a clause, or None."""
        d = self.inp.decision
        if d.kind is DecisionKind.DATE and d.by:
            return f"you hoped to reach a decision by {long_date(d.by)}"
        if d.kind is DecisionKind.WITHIN and d.within_days:
            return f"you expected to decide within {_period(d.within_days)}"
        if d.kind is DecisionKind.END_OF_WEEK:
            return "you expected to decide by the end of that week"
        return None

    def sign_off(self) -> str:
        return f"Best wishes,\n{self.me}"


def _period(days: int) -> str:
    if days % 7 == 0:
        weeks = days // 7
        return "a week" if weeks == 1 else f"{weeks} weeks"
    return "a day" if days == 1 else f"{days} days"


def _interviewer(inp: PlanInput, step: Step) -> Interviewer | None:
    for person in inp.interviewers:
        if step.email and person.email == step.email:
            return person
    for person in inp.interviewers:
        if person.name == step.to:
            return person
    return None


def draft_for(step: Step, inp: PlanInput) -> Draft | None:
    """The words for this step, or None if it needs none."""
    if inp.first_decision is not None and inp.heard_on is not None and step.date < inp.heard_on:
        inp = replace(inp, decision=inp.first_decision)  # written before the new date was given
    w = _Words(inp)
    maker = _MAKERS.get(step.kind)
    return maker(step, inp, w) if maker else None


def _number(step: Step) -> int:
    """Which step of its kind this is: 'follow_up-2' -> 2 (the engine numbers them in order)."""
    _, _, tail = step.id.rpartition("-")
    return int(tail) if tail.isdigit() else 1


def _thank_you(step: Step, inp: PlanInput, w: _Words) -> Draft:
    # 001: one note per interviewer, the essentials the same, each briefly personal; so no
    # note thanks the others by proxy, and each asks for something only this person said.
    # 000: name, interview date and role; thanks for their time; a few strengths; enthusiasm.
    person = _interviewer(inp, step)
    name = step.to or (person.name if person else None)
    hello = f"Dear {name}," if name else "Dear [name],"
    panel = sum(1 for p in inp.interviewers if p.name) > 1
    detail = (
        f"[something you discussed with {w.first_name(name)} in particular]"
        if panel and name
        else "[one thing you talked about]"
    )
    if step.channel is Channel.POST or step.kind is Kind.THANK_YOU_CARD:
        card = step.kind is Kind.THANK_YOU_CARD or inp.thanks is Thanks.CARD
        if card:
            body = (
                f"{hello}\n\n"
                f"Thank you for the time you gave me on {w.day} to talk about {w.role_at()}. "
                f"I keep coming back to {detail}, and I would be glad to join the team.\n\n"
                f"With thanks,\n{w.me}"
            )
            return Draft(CARD, body)
        body = (
            f"{hello}\n\n"
            f"Thank you for taking the time to meet me on {w.day} to talk about {w.role_at()}.\n\n"
            f"I especially appreciated {detail}. It made me even more "
            f"confident that my experience in [a relevant skill or result] would help {w.company} "
            "with [a goal or challenge they mentioned].\n\n"
            "[Anything you did not get to say in the interview, or a question you still have.]\n\n"
            f"I would welcome the chance to join {w.company}.\n\n"
            f"Yours sincerely,\n{w.me}"
        )
        return Draft(LETTER, body)
    subject = (
        f"Thank you: {w.role} interview on {w.day}"
        if inp.role
        else f"Thank you for meeting me on {w.day}"
    )
    body = (
        f"{hello}\n\n"
        f"Thank you for meeting me on {w.day} to talk about {w.role_at()}.\n\n"
        f"I especially enjoyed {detail}. It left me even more keen on the "
        f"role, and I think my experience with [a relevant skill or result] would help with "
        "[a goal or challenge they mentioned].\n\n"
        "[Anything you did not get to say in the interview, or a question you still have.]\n\n"
        f"I would welcome the chance to join {w.company}.\n\n"
        f"{w.sign_off()}"
    )
    return Draft(EMAIL, body, subject=subject)


def _is_recruiter(step: Step, inp: PlanInput) -> bool:
    return bool(step.to) and step.to == inp.recruiter


def _greeting(step: Step, inp: PlanInput, w: _Words) -> str:
    if not step.to:
        return "Dear [name],"
    if _is_recruiter(step, inp):
        return f"Hi {w.first_name(step.to)},"  # "Jo at TalentCo" -> "Hi Jo,"
    return f"Dear {step.to},"


def _follow_up(step: Step, inp: PlanInput, w: _Words) -> Draft:
    # 000: say who you are, when the interview was and for which role, and that you are
    # following up for an update. 001: thank them again, restate your enthusiasm, ask where
    # the decision stands. 004: remind them of their timetable; offer anything else they need.
    # 002: never more than twice, so the second says plainly that it is the last.
    hello = _greeting(step, inp, w)
    promise = w.promise()
    recruiter = _is_recruiter(step, inp)
    last = _number(step) >= 2
    they = promise.replace("you ", "they ", 1) if promise else None
    if recruiter:
        timing = f" They said {they}." if they else ""
        first = (
            f"I am following up on {w.role_at()}; I interviewed on {w.day}.{timing} "
            f"Have you had an update from {w.company} on the decision? If they need anything "
            "more from me, I can send it straight away."
        )
        again = (
            f"I am following up once more on {w.role_at()}, my interview of {w.day}. "
            f"This is the last time I will ask: if {w.company} has any news, or has chosen "
            "someone else, I would be grateful to know either way."
        )
    else:
        timing = f" When we spoke, {promise}." if promise else ""
        first = (
            f"Thank you again for meeting me on {w.day} about {w.role_at()}.{timing} "
            "I am following up for an update on where things stand, and I remain very "
            "enthusiastic about the role. If anything more from me would help, I will "
            "gladly send it."
        )
        again = (
            f"I am writing once more about {w.role_at()}, for which I interviewed on {w.day}. "
            "I will not keep asking, so this is my last note on it: whatever you decide, I "
            "would be grateful to hear, and my interest in the role is unchanged."
        )
    if last:
        subject = f"{w.role} application: a last follow-up" if inp.role else "A last follow-up"
    else:
        subject = f"{w.role} application: following up" if inp.role else "Following up"
    body = f"{hello}\n\n{again if last else first}\n\nThank you,\n{w.me}"
    if step.channel is Channel.EMAIL:
        return Draft(EMAIL, body, subject=subject)
    script = _follow_up_script(step, inp, w, last)
    if step.channel is Channel.PHONE:
        return Draft(CALL, script)
    return Draft(EMAIL, body, subject=subject, script=script)


def _follow_up_script(step: Step, inp: PlanInput, w: _Words, last: bool) -> str:
    promise = w.promise()
    lines = [f"Hello, this is {w.me}. I interviewed for {w.role_at()} on {w.day}."]
    if _is_recruiter(step, inp):
        lines.append(f"- Ask whether {w.company} has given any update on the decision.")
    elif last and step.rule == "follow_up_end_of_week":
        lines.append("- I called this morning and am following up once more, as a last call.")
    elif last:
        lines.append("- I am following up one last time for an update on the decision.")
    else:
        if promise:
            lines.append(f"- When we spoke, {promise}.")
        lines.append("- I am following up to get an update on the decision.")
    if not last:
        lines.append("- Thank them again for the interview; say you are still keen on the role.")
    lines.append("Keep it short and thank them for their time.")
    return "\n".join(lines)


def _check_in(step: Step, inp: PlanInput, w: _Words) -> Draft:
    # 004: a brief email naming the position, referring to something from the interview,
    # with an article that fits it; and no question about when they will decide.
    hello = _greeting(step, inp, w)
    if _number(step) >= 2:
        subject = (
            f"{w.role} role: something you may find useful" if inp.role else "Something useful"
        )
        middle = (
            f"Since I interviewed for {w.role_at()}, I have kept thinking about "
            "[another topic from the interview]. [This article or resource: link] has a "
            "practical take on it that might be of use to your team."
        )
    else:
        subject = f"{w.role} role: an article you may like" if inp.role else "An article you may like"
        middle = (
            f"When we met on {w.day} about {w.role_at()}, we talked about "
            "[a topic from the interview]. I came across [article title: link] and thought "
            "you might find it interesting, especially [the part that fits]."
        )
    body = f"{hello}\n\n{middle}\n\n{w.sign_off()}"
    return Draft(EMAIL, body, subject=subject)


def _brief_reference(step: Step, inp: PlanInput, w: _Words) -> Draft:
    # 001: tell them they will probably be contacted soon, with details of the job and the
    # company; 002: how the interview went and where they could help.
    name = step.to
    hello = f"Hi {w.first_name(name)}," if name else "Hi [name],"
    subject = f"A heads-up: {w.company} may contact you"
    body = (
        f"{hello}\n\n"
        f"Thank you again for agreeing to be one of my references. I interviewed for "
        f"{w.role_at()} on {w.day}, so you will probably hear from them soon.\n\n"
        "In case it helps, the role is about [two or three main duties], and they seemed most "
        "interested in [the skills or qualities they asked about]. If you can speak to "
        "[a project or result you worked on together], that would be ideal.\n\n"
        f"Thank you,\n{w.me}"
    )
    script = (
        f"- Thank {w.first_name(name, 'them')} again for being a reference.\n"
        f"- The role: {w.role_at()}; interviewed on {w.day}; they may call soon.\n"
        "- What the employer seemed to care about: [skills or qualities].\n"
        "- Where they could help: [a project or result you shared]."
    )
    if step.channel is Channel.PHONE:
        return Draft(CALL, script)
    return Draft(
        EMAIL,
        body,
        subject=subject,
        script=script if step.channel is Channel.PHONE_OR_EMAIL else None,
    )


def _recruiter_debrief(step: Step, inp: PlanInput, w: _Words) -> Draft:
    # 001: call the recruiter straight after the interview with your feedback; find out the
    # next step.
    who = step.to or inp.recruiter or "[your recruiter]"
    script = (
        f"Call {who} as soon as the interview ends.\n"
        "- Your feedback: how it went, what went well, any question you found hard.\n"
        f"- Your interest in {w.role_at()}.\n"
        "- Ask what the next step is."
    )
    return Draft(CALL, script)


def _gracious_reply(step: Step, inp: PlanInput, w: _Words) -> Draft:
    # 002: don't react badly or burn bridges when turned down; keep your emotions in check and
    # try to find out where you went wrong, since a better-suited opening may come later. Asked
    # once only (002: never chase feedback more than twice).
    hello = _greeting(step, inp, w)
    met = (f"the chance to interview with {w.company} on {w.day}" if _is_recruiter(step, inp)
           else f"meeting you on {w.day} and hearing how {w.company} works")
    body = (
        f"{hello}\n\nThank you for telling me about {w.role_at()}. It is not the news I hoped "
        f"for, but I valued {met}.\n\n"
        "If you have a moment, I would be grateful for a word on what would have made my "
        "application stronger. And should a role that fits my experience open up later, I "
        f"would be very glad to be considered.\n\n{w.sign_off()}"
    )
    subject = f"Re: {w.role} application" if inp.role else "Thank you"
    return Draft(EMAIL, body, subject=subject)


_MAKERS = {
    Kind.GRACIOUS_REPLY: _gracious_reply,
    Kind.THANK_YOU: _thank_you,
    Kind.THANK_YOU_CARD: _thank_you,
    Kind.FOLLOW_UP: _follow_up,
    Kind.CHECK_IN: _check_in,
    Kind.BRIEF_REFERENCES: _brief_reference,
    Kind.RECRUITER_DEBRIEF: _recruiter_debrief,
}
