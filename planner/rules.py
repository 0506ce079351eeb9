"""The advice rules as a data table: one row per rule, each naming its source articles.

The engine turns rows into dated steps (``planner.engine.SCHEDULERS`` has one function per
row, keyed by ``Rule.id``); the site's "How the planner decides" page is tested against this
table, so the two never drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Kind
from .sources import A000, A001, A002, A003, A004


@dataclass(frozen=True)
class Rule:
    """One piece of advice the planner applies, and the articles it comes from."""

    id: str
    name: str  # a short heading for the rule
    kind: Kind
    applies: str  # when the rule produces steps, in plain words
    timing: str  # which day (and time) the step lands on, in plain words
    why: str  # the one-sentence reason shown beside the step
    sources: tuple[str, ...]  # article file names
    guide: str  # site-relative link to the section that explains it
    choice: str = ""  # what the planner picks where no article gives a number, and why


# Working-day gaps the rules use, named once.
NO_DATE_GAP = 5  # 000: "about 4-5 working days"; 001: "about a week"
SHORT_EARLY_GAP = 2  # 001: "after a couple of days"
ASKED_TO_WAIT_GAP = 10  # the planner's choice: no article gives a wait for this case
CHECK_IN_GAP = 10  # the planner's choice: 004 says "periodically", with no number
MAX_FOLLOW_UPS = 2  # 002: not more than twice; 003: morning and afternoon, nothing more
SHORT_PROMISE_DAYS = 7  # "within the next week" (001, 002)


RULES: tuple[Rule, ...] = (
    Rule(
        "ask_next_steps",
        "Ask about the next step",
        Kind.ASK_NEXT_STEPS,
        "Always.",
        "The interview day, before it ends.",
        "Knowing what happens next and when tells you when a follow-up is welcome.",
        (A000, A002, A004),
        "before-you-leave/#ask-about-next-steps",
    ),
    Rule(
        "collect_contacts",
        "Collect every interviewer's details",
        Kind.COLLECT_CONTACTS,
        "Always; it names the interviewers whose email you have not given.",
        "The interview day: a business card, the receptionist, or HR by phone.",
        "Every note and follow-up needs each interviewer's correct name, title and address.",
        (A000, A001),
        "before-you-leave/#collect-contact-details",
    ),
    Rule(
        "notes",
        "Write notes straight away",
        Kind.NOTES,
        "Always.",
        "The interview day, straight after it (from its end time, if given).",
        "Details fade fast, and your notes feed the thank-you, the reference briefing, "
        "the follow-up and the next round.",
        (A001, A002),
        "first-hours/#write-notes",
    ),
    Rule(
        "recruiter_debrief",
        "Debrief your recruiter",
        Kind.RECRUITER_DEBRIEF,
        "A recruiter or agency arranged the interview.",
        "The interview day, as soon as it ends, by phone.",
        "Your recruiter expects your feedback straight away, and can tell you the next step.",
        (A001,),
        "first-hours/#call-your-recruiter",
    ),
    Rule(
        "thank_you_same_day",
        "Thank-you on the interview day",
        Kind.THANK_YOU,
        "You chose to thank them the same day (one note per interviewer).",
        "The interview day.",
        "A note written as soon as you are home, while the interview is fresh, shows you go "
        "the extra mile.",
        (A003, A004),
        "thank-you-notes/#when-to-send",
    ),
    Rule(
        "thank_you_next_day",
        "Thank-you the next working day",
        Kind.THANK_YOU,
        "You kept the default, thanks the next working day (one note per interviewer).",
        "The first working day after the interview.",
        "A day gives you time to reflect and add anything you missed, and still lands "
        "within about a day of the interview.",
        (A000, A001),
        "thank-you-notes/#when-to-send",
    ),
    Rule(
        "thank_you_two_days",
        "Thank-you after two working days",
        Kind.THANK_YOU,
        "You chose to thank them after two working days (one note per interviewer).",
        "The second working day after the interview.",
        "Once the interviewer has cleared the backlog the interviews caused, your note is "
        "more likely to be read and answered.",
        (A002,),
        "thank-you-notes/#when-to-send",
    ),
    Rule(
        "thank_you_card",
        "A handwritten card after the email",
        Kind.THANK_YOU_CARD,
        "You chose to thank them by email, then a card (one card per interviewer).",
        "The same day as the thank-you email, so the card arrives within about two days.",
        "A prompt email followed by a handwritten card gives both speed and a personal touch; "
        "aim for the card to reach them within 48 hours of the interview.",
        (A004,),
        "thank-you-notes/#which-channel",
    ),
    Rule(
        "brief_references",
        "Brief your references",
        Kind.BRIEF_REFERENCES,
        "Always (one step per reference you gave; one reminder if you gave none).",
        "The first working day after the interview.",
        "References who know the job and where the interview left doubts can speak to exactly "
        "what the employer needs to hear.",
        (A001, A002),
        "references/#brief-your-references",
        "The day is the planner's choice: the articles say only that the employer may call "
        "them soon, so the plan has you warn them the next working day.",
    ),
    Rule(
        "keep_searching",
        "Keep searching",
        Kind.KEEP_SEARCHING,
        "Always.",
        "The first working day after the interview.",
        "No single interview is certain, and other options give you strength when an offer "
        "or feedback comes.",
        (A000, A001, A002, A003),
        "while-you-wait/#keep-searching",
        "The day is the planner's choice: the articles say to keep looking, not when, so the "
        "plan puts it first thing after the interview.",
    ),
    Rule(
        "connect",
        "Connect on LinkedIn",
        Kind.CONNECT,
        "Always.",
        "The day your thank-you goes out.",
        "A professional LinkedIn connection keeps you in touch; other social networks are not "
        "for contacting an interviewer.",
        (A002,),
        "while-you-wait/#social-media-etiquette",
        "The day is the planner's choice: it pairs the request with your thank-you.",
    ),
    Rule(
        "network",
        "Use your network",
        Kind.NETWORK,
        "Always.",
        "The second working day after the interview.",
        "Someone the hiring manager knows and trusts can put in a word that carries weight.",
        (A002,),
        "while-you-wait/#use-your-network",
        "The day is the planner's choice, to spread the first week's tasks out.",
    ),
    Rule(
        "prepare_next_round",
        "Prepare for the next round",
        Kind.PREPARE_NEXT_ROUND,
        "The interview was not the final round.",
        "The third working day after the interview.",
        "The same questions tend to come back in a later round, so better answers now pay off.",
        (A002,),
        "while-you-wait/#prepare-for-the-next-round",
        "The day is the planner's choice, to spread the first week's tasks out.",
    ),
    Rule(
        "business_plan",
        "Sketch a business plan",
        Kind.BUSINESS_PLAN,
        "Always, as an optional step.",
        "The fourth working day after the interview.",
        "A short plan for where you would add value shows enthusiasm and what you learned "
        "about their needs.",
        (A002,),
        "while-you-wait/#business-plan",
        "The day is the planner's choice, to spread the first week's tasks out.",
    ),
    Rule(
        "decision_due",
        "The promised decision day",
        Kind.DECISION_DUE,
        "They named a date, a time frame or the end of the week.",
        "The promised date (the last working day on or before it).",
        "This is when they said they would decide: no chasing before it.",
        (A002, A004),
        "the-outcome/#an-offer",
    ),
    Rule(
        "follow_up_after_date",
        "Follow up the day after their date",
        Kind.FOLLOW_UP,
        "They named a date or a time frame, and you kept the default: follow up the next "
        "working day after it.",
        "The first working day after the promised date; the second follow-up one working "
        "week later.",
        "A follow-up is fair once their own date has passed without news; the week before "
        "a second one is the planner's choice.",
        (A000,),
        "following-up/#when-to-follow-up",
        "The gap before the second follow-up (one working week) is the planner's choice: no "
        "article gives one for this case, so it reuses the no-date gap.",
    ),
    Rule(
        "follow_up_week_after_date",
        "Follow up a week after their date",
        Kind.FOLLOW_UP,
        "They named a date or a time frame, and you chose to give them about a week more.",
        "A week after the promised date (the next working day on or after it); the second "
        "one working week later.",
        "A week's grace past their timetable makes a follow-up entirely reasonable; the week "
        "before a second one is the planner's choice.",
        (A004,),
        "following-up/#when-to-follow-up",
        "The gap before the second follow-up (one working week) is the planner's choice: no "
        "article gives one for this case.",
    ),
    Rule(
        "follow_up_short_early",
        "Follow up early on a short promise",
        Kind.FOLLOW_UP,
        "The decision is due within a week and you chose to check in early, unless they asked "
        "you to wait.",
        "Two working days after the interview; the second on the first working day after "
        "the promised date.",
        "A decision due within days calls for a quicker check on where things stand.",
        (A001,),
        "following-up/#when-to-follow-up",
        "Not the default, because another article warns against calls a couple of days into "
        "a one-week wait; the planner leaves the choice to you.",
    ),
    Rule(
        "follow_up_no_date",
        "Follow up when no date was given",
        Kind.FOLLOW_UP,
        "They said nothing about when they would decide.",
        "Five working days after the interview, and the same gap again for the second.",
        "With no timetable, four or five working days is a fair wait before asking where "
        "things stand, and the same again before asking once more.",
        (A000, A001),
        "following-up/#when-to-follow-up",
    ),
    Rule(
        "follow_up_end_of_week",
        "Two calls on the Friday",
        Kind.FOLLOW_UP,
        "They promised an answer by the end of the week.",
        "The last working day of that week: a call in the morning, and one in the afternoon "
        "if there is still no news.",
        "Two calls on the promised day show interest; any more risks your place.",
        (A003,),
        "following-up/#how-often",
    ),
    Rule(
        "follow_up_when_asked_to_wait",
        "Follow up when asked to wait",
        Kind.FOLLOW_UP,
        "They asked you to wait for them to get in touch and gave no date. (With a date, the "
        "date rules apply, by email.)",
        "By email, ten working days after the interview; the second one working week later.",
        "Do as they asked and write rather than call, but do not wait for ever: one email "
        "after a fair wait keeps you in contention (ten working days is the "
        "planner's choice: no article gives a number).",
        (A001, A002),
        "following-up/#phone-or-email",
        "Ten working days, and one working week before the second email, are the planner's "
        "choice: no article gives a number when you are asked to wait without a date.",
    ),
    Rule(
        "stop_chasing",
        "Stop chasing",
        Kind.STOP_CHASING,
        "Always, after the last follow-up.",
        "The first working day after the second follow-up.",
        "Asking more than twice makes you a problem candidate; silence is often about "
        "their workload, not you.",
        (A002, A003),
        "following-up/#when-to-stop",
    ),
    Rule(
        "check_in",
        "Check in when it runs long",
        Kind.CHECK_IN,
        "Always, as optional steps for a process that runs long.",
        "Every two working weeks after you stop chasing, twice.",
        "A short, useful note (an article that fits the interview) keeps you in mind without "
        "asking about the decision; two, two working weeks apart, are the planner's choice.",
        (A004,),
        "following-up/#check-in-when-it-runs-long",
        "Two check-ins, two working weeks apart, are the planner's choice: the article says "
        "to check in from time to time and gives no number.",
    ),
)

BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}
