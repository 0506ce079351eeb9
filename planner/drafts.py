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
from dataclasses import dataclass

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

    def as_text(self) -> str:
        """Everything in one plain text, e.g. for a calendar event's notes."""
        parts = [f"Subject: {self.subject}", ""] if self.subject else []
        parts.append(self.body)
        if self.script:
            parts += ["", "If you call instead:", self.script]
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
    w = _Words(inp)
    maker = _MAKERS.get(step.kind)
    return maker(step, inp, w) if maker else None


def _thank_you(step: Step, inp: PlanInput, w: _Words) -> Draft:
    person = _interviewer(inp, step)
    name = step.to or (person.name if person else None)
    hello = f"Dear {name}," if name else "Dear [name],"
    others = [p.name for p in inp.interviewers if p.name and p.name != name]
    panel = ""
    if others:
        panel = (
            "\n\nPlease pass my thanks to "
            + _join(others)
            + " as well; I valued hearing the different views around the table."
        )
    if step.channel is Channel.POST or step.kind is Kind.THANK_YOU_CARD:
        card = step.kind is Kind.THANK_YOU_CARD or inp.thanks is Thanks.CARD
        if card:
            body = (
                f"{hello}\n\n"
                f"Thank you for meeting me on {w.day} about {w.role_at()}. "
                "I enjoyed our conversation, especially [one thing you talked about], "
                "and I came away keener than ever to join the team.\n\n"
                f"With thanks,\n{w.me}"
            )
            return Draft(CARD, body)
        body = (
            f"{hello}\n\n"
            f"Thank you for taking the time to meet me on {w.day} to talk about {w.role_at()}.\n\n"
            "I especially appreciated [one thing you talked about]. It made me even more "
            f"confident that my experience in [a relevant skill or result] would help {w.company} "
            "[a goal or challenge they mentioned]."
            f"{panel}\n\n"
            "If there is anything else you need from me, I would be glad to send it.\n\n"
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
        "I especially enjoyed [one thing you talked about]. It left me even more keen on the "
        f"role, and I think my experience with [a relevant skill or result] would help with "
        "[a goal or challenge they mentioned]."
        f"{panel}\n\n"
        "If it would help to see anything else, such as [work samples or references], just let "
        "me know.\n\n"
        f"{w.sign_off()}"
    )
    return Draft(EMAIL, body, subject=subject)


def _join(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def _is_recruiter(step: Step, inp: PlanInput) -> bool:
    return bool(step.to) and step.to == inp.recruiter


def _greeting(step: Step, inp: PlanInput, w: _Words) -> str:
    if not step.to:
        return "Dear [name],"
    if _is_recruiter(step, inp):
        return f"Hi {w.first_name(step.to)},"  # "Jo at TalentCo" -> "Hi Jo,"
    return f"Dear {step.to},"


def _follow_up(step: Step, inp: PlanInput, w: _Words) -> Draft:
    hello = _greeting(step, inp, w)
    promise = w.promise()
    recruiter = _is_recruiter(step, inp)
    if recruiter:
        timing = f"They said {promise.replace('you ', 'they ', 1)}. " if promise else ""
        ask_line = (
            f"I am writing about {w.role_at()}; I interviewed on {w.day}. {timing}"
            f"Have you heard anything from {w.company} yet? If there is anything they still "
            "need from me, I can send it straight away."
        )
    else:
        timing = f"When we spoke, {promise}. " if promise else ""
        ask_line = (
            f"I hope you are well. I am writing about {w.role_at()}, which we discussed on "
            f"{w.day}. {timing}I wanted to ask whether there is any news, and whether there is "
            "anything more I can send to help."
        )
    subject = f"{w.role} application: checking in" if inp.role else "My application: checking in"
    body = (
        f"{hello}\n\n{ask_line}\n\n"
        "I am still very interested in the position and would be glad to hear where things "
        "stand.\n\n"
        f"{w.sign_off()}"
    )
    if recruiter:
        opener = f"- Ask whether {w.company} has given any news"
        opener += f" (they said {promise.replace('you ', 'they ', 1)}).\n" if promise else ".\n"
    elif promise:
        opener = f"- When we spoke, {promise}; I am calling to ask how things are going.\n"
    else:
        opener = "- I am calling to ask how the decision is going.\n"
    script = (
        f"Hello, this is {w.me}. I interviewed for {w.role_at()} on {w.day}.\n"
        + opener
        + "- Is there anything else you need from me?\n"
        "- When would be a good time to check in again?\n"
        "Thank them for their time, and keep it short. If you reach voicemail, leave your name, "
        "the role and your number once, slowly."
    )
    if step.channel is Channel.PHONE:
        return Draft(CALL, script)
    if step.channel is Channel.EMAIL:
        return Draft(EMAIL, body, subject=subject)
    return Draft(EMAIL, body, subject=subject, script=script)


def _check_in(step: Step, inp: PlanInput, w: _Words) -> Draft:
    hello = _greeting(step, inp, w)
    subject = f"{w.role} role: still very interested" if inp.role else "Still very interested"
    body = (
        f"{hello}\n\n"
        f"I know these decisions can take longer than planned, so this is just a short note "
        f"to say I remain keen on {w.role_at()}, for which I interviewed on {w.day}.\n\n"
        "Since we met, [something new: a finished project, a course, a relevant result]. "
        "I would be happy to share more if useful.\n\n"
        "Could you let me know if there is an updated timeline?\n\n"
        f"{w.sign_off()}"
    )
    if step.channel is Channel.PHONE:
        return Draft(CALL, _check_in_script(w))
    return Draft(EMAIL, body, subject=subject)


def _check_in_script(w: _Words) -> str:
    return (
        f"Hello, this is {w.me}; I interviewed for {w.role_at()} on {w.day}.\n"
        "- I am still very interested and wanted to ask if there is an updated timeline.\n"
        "- Mention anything new since the interview: [something new].\n"
        "Keep it brief and thank them."
    )


def _brief_reference(step: Step, inp: PlanInput, w: _Words) -> Draft:
    name = step.to
    hello = f"Hi {w.first_name(name)}," if name else "Hi [name],"
    subject = f"A heads-up: {w.company} may contact you"
    body = (
        f"{hello}\n\n"
        f"Thank you again for agreeing to be one of my references. I interviewed for "
        f"{w.role_at()} on {w.day}, so you may hear from them soon.\n\n"
        "In case it helps, the role is about [two or three main duties], and they seemed most "
        "interested in [the skills or qualities they asked about]. If you can speak to "
        "[a project or result you worked on together], that would be ideal.\n\n"
        "Please let me know if they get in touch, and thank you again.\n\n"
        f"{w.sign_off()}"
    )
    script = (
        f"- Thank {w.first_name(name, 'them')} again for being a reference.\n"
        f"- The role: {w.role_at()}; interviewed on {w.day}.\n"
        "- What the employer seemed to care about: [skills or qualities].\n"
        "- What you would love them to mention: [a project or result you shared].\n"
        "- Ask them to let you know if the employer calls."
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
    who = step.to or inp.recruiter or "[your recruiter]"
    script = (
        f"Call {who} while the interview is fresh.\n"
        "- How it went in your view: what went well, what you would answer differently.\n"
        "- Anything you could not answer or want to add: they can pass it on.\n"
        f"- Your interest in {w.role_at()}, honestly: still keen, or any doubts.\n"
        "- Ask what they hear back, and when they expect a decision."
    )
    return Draft(CALL, script)


_MAKERS = {
    Kind.THANK_YOU: _thank_you,
    Kind.THANK_YOU_CARD: _thank_you,
    Kind.FOLLOW_UP: _follow_up,
    Kind.CHECK_IN: _check_in,
    Kind.BRIEF_REFERENCES: _brief_reference,
    Kind.RECRUITER_DEBRIEF: _recruiter_debrief,
}
