"""The advice rules as a data table: one row per rule, each naming its source articles.

Each row's timing is a value (:mod:`planner.timing`) that the engine interprets into dates and
the site's "How the planner decides" page turns into words, so the two never drift apart. The
engine adds only who a step is for and its title (``planner.engine.SCHEDULERS``).
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Kind
from .sources import A000, A001, A002, A003, A004
from .timing import Anchor, At, Condition, Per, Place, Timing, Window


@dataclass(frozen=True)
class Rule:
    """One piece of advice the planner applies, and the articles it comes from."""

    id: str
    name: str  # a short heading for the rule
    kind: Kind
    applies: str  # when the rule produces steps, in plain words
    timing: Timing  # which days its steps land on, as values (see planner.timing)
    why: str  # the one-sentence reason shown beside the step
    sources: tuple[str, ...]  # article file names
    guide: str  # site-relative link to the section that explains it
    choice: str = ""  # what the planner picks where no article gives a number, and why
    # Kinds of step this rule brings to an end: those dated on or after the day they got back
    # to you are left out of the plan (chasing stops once they have answered).
    ends: tuple[Kind, ...] = ()


# Working-day gaps the rules use, named once. Those no article gives are marked
# ``planner_choice`` where a rule uses them, so every text that shows them says so.
NO_DATE_GAP = 5  # 000: "about 4-5 working days ... about the same period for each follow-up"
SHORT_EARLY_GAP = 2  # 001: "after a couple of days"
SECOND_GAP = 5  # the planner's choice: a working week between a dated first and second follow-up
ASKED_TO_WAIT_GAP = 10  # the planner's choice: no article gives a wait for this case
STOP_GAP = 5  # the planner's choice: a working week for them to answer the last follow-up
CHECK_IN_GAP = 10  # the planner's choice: 004 says "periodically", with no number
REPLY_GAP = 1  # the planner's choice: answer a refusal once the first disappointment has passed
MAX_FOLLOW_UPS = 2  # 002: not more than twice; 003: morning and afternoon, nothing more
SHORT_PROMISE_DAYS = 7  # "within the next week" (001, 002)


RULES: tuple[Rule, ...] = (
    Rule(
        "ask_next_steps",
        "Ask about the next step",
        Kind.ASK_NEXT_STEPS,
        "Always.",
        Timing((At(Anchor.INTERVIEW, window=Window.INTERVIEW),), Place.FIXED),
        "Knowing what happens next and when tells you when a follow-up is welcome.",
        (A000, A002, A004),
        "before-you-leave/#ask-about-next-steps",
    ),
    Rule(
        "collect_contacts",
        "Collect every interviewer's details",
        Kind.COLLECT_CONTACTS,
        "Always; it names the interviewers whose email you have not given.",
        Timing((At(Anchor.INTERVIEW),), Place.FIXED),
        "Every note and follow-up needs each interviewer's correct name, title and address.",
        (A000, A001),
        "before-you-leave/#collect-contact-details",
    ),
    Rule(
        "notes",
        "Write notes straight away",
        Kind.NOTES,
        "Always.",
        Timing((At(Anchor.INTERVIEW, window=Window.AFTER_INTERVIEW),), Place.FIXED),
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
        Timing(
            (At(Anchor.INTERVIEW, window=Window.AFTER_INTERVIEW),), Place.FIXED,
            when=(Condition.RECRUITER,),
        ),
        "Your recruiter expects your feedback straight away, and can tell you the next step.",
        (A001,),
        "first-hours/#call-your-recruiter",
    ),
    Rule(
        "thank_you_same_day",
        "Thank-you on the interview day",
        Kind.THANK_YOU,
        "You chose to thank them the same day (one note per interviewer).",
        Timing(
            (At(Anchor.INTERVIEW),), Place.FIXED, Per.INTERVIEWER, when=(Condition.THANKS_SAME_DAY,)
        ),
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
        Timing(
            (At(Anchor.INTERVIEW, 1),), Place.SHARED, Per.INTERVIEWER,
            when=(Condition.THANKS_NEXT_DAY,),
            latest_move=1,
        ),
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
        Timing(
            (At(Anchor.INTERVIEW, 2),), Place.SHARED, Per.INTERVIEWER,
            when=(Condition.THANKS_TWO_DAYS,),
            latest_move=1,
        ),
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
        Timing(
            (At(Anchor.INTERVIEW),), Place.FIXED, Per.INTERVIEWER, when=(Condition.EMAIL_AND_CARD,)
        ),
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
        Timing((At(Anchor.INTERVIEW, 1, planner_choice=True),), Place.YOURS, Per.REFERENCE),
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
        Timing((At(Anchor.INTERVIEW, 1, planner_choice=True),)),
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
        Timing((At(Anchor.THANKS, planner_choice=True),)),
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
        Timing((At(Anchor.INTERVIEW, 2, planner_choice=True),)),
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
        Timing(
            (At(Anchor.INTERVIEW, 3, planner_choice=True),), when=(Condition.NOT_FINAL_ROUND,)
        ),
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
        Timing((At(Anchor.INTERVIEW, 4, planner_choice=True),)),
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
        Timing((At(Anchor.PROMISED),), Place.FIXED, when=(Condition.PROMISE,)),
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
        Timing(
            (At(Anchor.PROMISED, 1), At(Anchor.PREVIOUS, SECOND_GAP, planner_choice=True)),
            Place.SHARED,
            when=(Condition.CHASE_AFTER_DATE,),
            after=Anchor.THANKS,
        ),
        "A follow-up is fair once their own date has passed without news.",
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
        Timing(
            (
                At(Anchor.PROMISED, calendar_days=7),
                At(Anchor.PREVIOUS, SECOND_GAP, planner_choice=True),
            ),
            Place.SHARED,
            when=(Condition.CHASE_WEEK_AFTER,),
            after=Anchor.THANKS,
        ),
        "A week's grace past their timetable makes a follow-up entirely reasonable.",
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
        Timing(
            (At(Anchor.INTERVIEW, SHORT_EARLY_GAP), At(Anchor.PROMISED, 1)),
            Place.SHARED,
            when=(Condition.CHASE_SHORT_EARLY,),
            after=Anchor.THANKS,
        ),
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
        Timing(
            (At(Anchor.INTERVIEW, NO_DATE_GAP), At(Anchor.PREVIOUS, NO_DATE_GAP)),
            Place.SHARED,
            when=(Condition.CHASE_NO_DATE,),
            after=Anchor.THANKS,
        ),
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
        Timing(
            (At(Anchor.PROMISED, window=Window.MORNING), At(Anchor.PROMISED, window=Window.AFTERNOON)),
            Place.SHARED,
            when=(Condition.CHASE_END_OF_WEEK,),
            after=Anchor.THANKS,
        ),
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
        Timing(
            (
                At(Anchor.INTERVIEW, ASKED_TO_WAIT_GAP, planner_choice=True),
                At(Anchor.PREVIOUS, SECOND_GAP, planner_choice=True),
            ),
            Place.SHARED,
            when=(Condition.CHASE_ASKED_TO_WAIT,),
            after=Anchor.THANKS,
        ),
        "Do as they asked and write rather than call, but do not wait for ever: one email "
        "after a fair wait keeps you in contention.",
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
        Timing((At(Anchor.LAST_FOLLOW_UP, STOP_GAP, planner_choice=True),)),
        "Asking more than twice makes you a problem candidate; silence is often about "
        "their workload, not you.",
        (A002, A003),
        "following-up/#when-to-stop",
        "A working week for them to answer your last follow-up is the planner's choice: the "
        "articles say not to ask more than twice, not how long to wait after the second time.",
    ),
    Rule(
        "check_in",
        "Check in when it runs long",
        Kind.CHECK_IN,
        "Always, as optional steps for a process that runs long.",
        Timing(
            (
                At(Anchor.STOP, CHECK_IN_GAP, planner_choice=True),
                At(Anchor.PREVIOUS, CHECK_IN_GAP, planner_choice=True),
            ),
            Place.SHARED,
        ),
        "A short, useful note (an article that fits the interview) keeps you in mind without "
        "asking about the decision.",
        (A004,),
        "following-up/#check-in-when-it-runs-long",
        "Two check-ins, two working weeks apart, are the planner's choice: the article says "
        "to check in from time to time and gives no number.",
    ),
)

# Steps that chase the employer for an answer: what an answer from them brings to an end.
CHASING = (Kind.FOLLOW_UP, Kind.STOP_CHASING, Kind.CHECK_IN)

# What the plan does once the reader records what the employer did (planner.model.Heard).
HEARD_RULES: tuple[Rule, ...] = (
    Rule(
        "heard_reply",
        "They replied: stop chasing",
        Kind.HEARD_BACK,
        "They answered without a decision yet (you recorded a reply).",
        Timing((At(Anchor.HEARD),), Place.FIXED, when=(Condition.HEARD_REPLY,)),
        "Follow-ups are for when you have heard nothing; once they have answered, more asking "
        "only adds pressure, so wait for the decision they promised.",
        (A002, A004),
        "following-up/#when-to-follow-up",
        ends=CHASING,
    ),
    Rule(
        "heard_new_date",
        "A new decision date",
        Kind.HEARD_BACK,
        "They gave a new date for their decision.",
        Timing((At(Anchor.HEARD),), Place.FIXED, when=(Condition.HEARD_NEW_DATE,)),
        "How long to wait depends on what they told you, so the decision step and the "
        "follow-ups still to come count from the new date; asks already made still count "
        "towards the two.",
        (A002, A004),
        "following-up/#when-to-follow-up",
    ),
    Rule(
        "heard_next_round",
        "Invited to another interview",
        Kind.NEXT_ROUND,
        "They invited you to another interview.",
        Timing((At(Anchor.HEARD),), when=(Condition.HEARD_NEXT_ROUND,)),
        "The questions you found hard are likely to come up again, and you may find out who "
        "you will meet; a plan for the new interview starts from the same details.",
        (A002,),
        "while-you-wait/#prepare-for-the-next-round",
        ends=(*CHASING, Kind.DECISION_DUE),
    ),
    Rule(
        "heard_rejected",
        "Turned down: reply well",
        Kind.GRACIOUS_REPLY,
        "They turned you down.",
        Timing((At(Anchor.HEARD, REPLY_GAP, planner_choice=True),), Place.SHARED,
               when=(Condition.HEARD_REJECTED,)),
        "A calm, courteous reply keeps the door open for a later role, and asking once what "
        "you could do better may help next time.",
        (A002,),
        "the-outcome/#a-rejection",
        "Replying the next working day is the planner's choice: the article says to keep your "
        "emotions in check, not when to answer.",
        ends=(*CHASING, Kind.DECISION_DUE),
    ),
    Rule(
        "heard_offer",
        "An offer: keep interviewing until you start",
        Kind.KEEP_INTERVIEWING,
        "They made you an offer.",
        Timing((At(Anchor.HEARD),), when=(Condition.HEARD_OFFER,)),
        "A spoken offer can still be withdrawn before your first day, and another prospect "
        "puts you in a stronger position to negotiate.",
        (A001, A002),
        "the-outcome/#an-offer",
        ends=(*CHASING, Kind.DECISION_DUE),
    ),
)

RULES = RULES + HEARD_RULES

BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}
