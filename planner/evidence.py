"""The evidence ledger: where each article says what the planner and the guide credit it with.

Every rule of :data:`planner.rules.RULES` and every citation on the guide's pages names, for
each article it cites, the paragraph that says it and a short excerpt (at most eight words)
from that sentence. Paragraphs are counted from 1 over the article's non-blank lines (the
title is paragraph 1). The tests (tests/core/test_evidence.py, tests/site/test_citations.py)
check that every excerpt occurs in its paragraph, that every rule and every citation has
evidence, and that no evidence is left over for a citation that is gone. The excerpts are for
checking, not for publishing: the site links to the sources page, it does not quote.
"""

from __future__ import annotations

from dataclasses import dataclass

from .sources import A000, A001, A002, A003, A004


@dataclass(frozen=True)
class Evidence:
    """One article backing one claim: the paragraph and a few of the sentence's own words."""

    article: str  # the article's file name, as in planner.sources
    para: int  # 1-based, counting the article's non-blank lines
    excerpt: str  # at most 8 words, exactly as in the article (quotes normalised)


def ev(article: str, para: int, excerpt: str) -> Evidence:
    return Evidence(article, para, excerpt)


# Rule id -> the evidence for each article the rule cites (planner.rules.Rule.sources).
RULES: dict[str, tuple[Evidence, ...]] = {
    "ask_next_steps": (
        ev(A000, 3, "establish how the company handles the next step"),
        ev(A002, 6, "what is the next stage of the interview"),
        ev(A004, 3, "ask about next steps in the process"),
    ),
    "collect_contacts": (
        ev(A000, 9, "get a business card from each person"),
        ev(A001, 5, "Either get a business card or ask"),
    ),
    "notes": (
        ev(A001, 5, "Make notes about the interview straight after"),
        ev(A002, 11, "the information is fresh in your mind"),
    ),
    "recruiter_debrief": (
        ev(A001, 6, "call the recruiter immediately after the interview"),
    ),
    "thank_you_same_day": (
        ev(A003, 5, "When you first get home, write a thank-you"),
        ev(A004, 4, "written and out immediately"),
    ),
    "thank_you_next_day": (
        ev(A000, 8, "is the day after the interview"),
        ev(A001, 8, "within 24 hours of the interview"),
    ),
    "thank_you_two_days": (
        ev(A002, 13, "After a couple of days"),
    ),
    "thank_you_card": (
        ev(A004, 4, "send the email immediately and follow up"),
    ),
    "brief_references": (
        ev(A001, 12, "Let your references know that they will"),
        ev(A002, 20, "let them know that the employer might"),
    ),
    "keep_searching": (
        ev(A000, 21, "Always continue your job search"),
        ev(A001, 17, "never a good idea to rely on"),
        ev(A002, 29, "always better to carry on interviewing"),
        ev(A003, 8, "as long as you stay in the"),
    ),
    "connect": (
        ev(A002, 26, "I would recommend that you connect with"),
    ),
    "network": (
        ev(A002, 21, "Leverage the contacts in your personal network"),
    ),
    "prepare_next_round": (
        ev(A002, 10, "same job interview questions will come up"),
    ),
    "business_plan": (
        ev(A002, 22, "Prepare a business plan giving details"),
    ),
    "decision_due": (
        ev(A002, 7, "there is no point in following up"),
        ev(A004, 5, "Base “appropriate” on what the interviewer told"),
    ),
    "follow_up_after_date": (
        ev(A000, 20, "follow up with a phone call the day"),
    ),
    "follow_up_week_after_date": (
        ev(A004, 5, "haven’t heard any response three weeks later"),
    ),
    "follow_up_short_early": (
        ev(A001, 14, "probably after a couple of days"),
    ),
    "follow_up_no_date": (
        ev(A000, 20, "about 4-5 working days after the interview"),
        ev(A001, 14, "wait about a week before contacting them"),
    ),
    "follow_up_end_of_week": (
        ev(A003, 6, "call once in the morning on Friday"),
    ),
    "follow_up_when_asked_to_wait": (
        ev(A001, 15, "do not wait for the interviewer to"),
        ev(A002, 19, "Follow the instructions that you’ve been given"),
    ),
    "stop_chasing": (
        ev(A002, 25, "feedback more than twice otherwise"),
        ev(A003, 6, "Anything more than that and you could"),
    ),
    "check_in": (
        ev(A004, 6, "check in periodically"),
    ),
    "heard_reply": (
        ev(A002, 7, "follow up if you have not heard"),
        ev(A004, 5, "if you haven't heard any response"),
    ),
    "heard_new_date": (
        ev(A002, 7, "If the interviewer tells you that a decision"),
        ev(A004, 5, "on what the interviewer told you"),
    ),
    "heard_next_round": (
        ev(A002, 10, "offered a second interview then the same"),
    ),
    "heard_rejected": (
        ev(A002, 27, "try to find out where you went wrong"),
    ),
    "heard_offer": (
        ev(A001, 18, "when negotiating a job offer"),
        ev(A002, 29, "verbal offers being withdrawn due to a hiring"),
    ),
}


# Page (under docs/) -> section heading ("" before the first "##") -> the evidence for each
# article the section cites. Several items may back one article where a section says several
# things from it.
PAGES: dict[str, dict[str, tuple[Evidence, ...]]] = {
    "before-you-leave.md": {
        "Ask about next steps": (
            ev(A000, 4, "express your appreciation for the interview"),
            ev(A000, 5, "what the next step is in the"),
            ev(A000, 3, "the higher the level the longer"),
            ev(A001, 14, "you probably found out what happens next"),
            ev(A002, 6, "what is the next stage of the interview"),
            ev(A002, 7, "shows is that you cannot follow instructions"),
            ev(A002, 19, "Follow the instructions that you’ve been given"),
            ev(A002, 23, "find out who the next interview will"),
            ev(A004, 3, "not leave loose ends"),
        ),
        "Collect contact details": (
            ev(A000, 9, "get a business card from each person"),
            ev(A001, 5, "ask the receptionist when you leave"),
            ev(A001, 5, "phone Human Resources for this information"),
            ev(A001, 8, "check the spelling of the interviewer’s name"),
            ev(A001, 8, "Find out the best way to reach"),
        ),
        "Your checklist before you go": (
            ev(A000, 4, "what is the next step"),
            ev(A001, 5, "full title, full name and contact information"),
            ev(A002, 23, "find out who the next interview will"),
            ev(A004, 3, "ask about next steps in the process"),
        ),
    },
    "first-hours.md": {
        "Write notes": (
            ev(A000, 8, "responses that you did not address"),
            ev(A001, 5, "Note any problem areas that you need"),
            ev(A002, 9, "have a serious think about whether the"),
            ev(A002, 10, "same job interview questions will come up"),
            ev(A002, 11, "more than likely forgotten it all"),
            ev(A003, 4, "would not have been a part of"),
        ),
        "Call your recruiter": (
            ev(A001, 6, "call the recruiter immediately after the interview"),
            ev(A003, 6, "you’ll want to call your Staffing Manager"),
        ),
        "What about the thank-you note?": (
            ev(A000, 8, "is the day after the interview"),
            ev(A001, 8, "within 24 hours of the interview"),
            ev(A002, 13, "After a couple of days"),
            ev(A003, 5, "When you first get home"),
            ev(A004, 4, "written and out immediately"),
        ),
    },
    "references.md": {
        "Brief your references": (
            ev(A001, 12, "will probably be contacted soon by the"),
            ev(A001, 12, "Provide them with details about the job"),
            ev(A002, 20, "Check the references you have provided"),
            ev(A002, 20, "worried about your management skills"),
        ),
    },
    "thank-you-notes.md": {
        "": (
            ev(A000, 8, "it will help you stand out"),
            ev(A001, 8, "very few candidates bother to send"),
            ev(A002, 13, "it’s polite"),
            ev(A003, 5, "show your appreciation for the interviewer’s time"),
            ev(A004, 4, "only about five percent of job seekers"),
        ),
        "When to send": (
            ev(A000, 8, "give you time to reflect on the"),
            ev(A001, 8, "within 24 hours of the interview"),
            ev(A002, 14, "usually ends up in the bin"),
            ev(A002, 15, "back to normal with their emails"),
            ev(A003, 5, "When you first get home"),
            ev(A004, 4, "keep a few handy in their bag"),
            ev(A004, 4, "within 48 hours of the interview"),
        ),
        "Which channel": (
            ev(A000, 12, "it has more impact"),
            ev(A000, 13, "a typed letter will communicate"),
            ev(A001, 8, "email, by hand or by post"),
            ev(A001, 10, "Use good quality paper and envelopes"),
            ev(A002, 16, "personal assistants who will open any mail"),
            ev(A003, 5, "you’ll handwrite it and send it through"),
            ev(A004, 4, "type it out and sign your name"),
        ),
        "Panel interviews": (
            ev(A000, 11, "directly to each person who interviewed you"),
            ev(A001, 9, "write individual letters to each person"),
            ev(A002, 17, "address your email directly to them"),
            ev(A004, 4, "within 48 hours of the interview"),
        ),
        "What to write": (
            ev(A000, 14, "state your name, the date of the"),
            ev(A000, 16, "highlights of key qualifications"),
            ev(A000, 17, "Reiterate your enthusiasm for the position"),
            ev(A001, 8, "a professionally written thank you letter"),
            ev(A002, 17, "keep it professional"),
        ),
        "Check it": (
            ev(A000, 18, "Proofread your letter for any errors"),
            ev(A001, 8, "check the spelling of the interviewer’s name"),
            ev(A004, 4, "If you have terrible writing, type it"),
        ),
    },
    "following-up.md": {
        "": (
            ev(A000, 10, "you are still interested in the position"),
            ev(A000, 20, "striking just the right balance"),
            ev(A001, 15, "keep yourself in contention for the job"),
            ev(A002, 24, "it just makes you look desperate"),
            ev(A003, 6, "Doing so can paint you with desperation"),
        ),
        "When to follow up": (
            ev(A000, 20, "follow up with a phone call the day"),
            ev(A000, 20, "about 4-5 working days after the interview"),
            ev(A000, 20, "takes a lot longer than everyone expects"),
            ev(A001, 14, "probably after a couple of days"),
            ev(A001, 14, "wait about a week before contacting them"),
            ev(A001, 15, "do not wait for the interviewer to"),
            ev(A002, 7, "no point in following up after a"),
            ev(A002, 19, "wait for two weeks and follow up"),
            ev(A002, 24, "phone calls asking for feed-back after a"),
            ev(A003, 6, "call once in the morning on Friday"),
            ev(A004, 5, "haven’t heard any response three weeks later"),
        ),
        "How often": (
            ev(A000, 20, "about the same period for each follow-up"),
            ev(A002, 24, "Pester the hiring manager for feed-back every"),
            ev(A002, 25, "you start to become a problem candidate"),
            ev(A003, 6, "once in the afternoon if they still"),
        ),
        "What to say": (
            ev(A000, 20, "remind the interviewer who you are"),
            ev(A001, 15, "thank them again for the opportunity"),
            ev(A001, 15, "restate your enthusiasm for the job"),
            ev(A004, 5, "remind them of their timetable you discussed"),
            ev(A004, 5, "send along any other pertinent information"),
        ),
        "Phone or email": (
            ev(A000, 20, "follow up with a phone call"),
            ev(A001, 15, "this follow up call or email"),
            ev(A002, 19, "follow up via email"),
            ev(A003, 6, "Always follow up with a phone call"),
            ev(A004, 5, "perfectly acceptable to call or email"),
        ),
        "When to stop": (
            ev(A000, 20, "you don’t want to overdo it"),
            ev(A002, 25, "more than twice otherwise you start"),
            ev(A003, 6, "risk being taken out of consideration"),
            ev(A003, 7, "could even open them up to legal"),
            ev(A004, 6, "check in periodically"),
        ),
        "Check in when it runs long": (
            ev(A004, 6, "add an article that pertains to it"),
            ev(A004, 6, "Don’t ask about when they’re making decisions"),
        ),
    },
    "while-you-wait.md": {
        "": (
            ev(A003, 3, "your mind starts to create problems"),
            ev(A004, 2, "the whole game of hurry-up-and-wait begins"),
        ),
        "Keep searching": (
            ev(A000, 21, "don’t place too much importance on one"),
            ev(A001, 18, "a better job opportunity may come up"),
            ev(A001, 18, "puts you in a position of strength"),
            ev(A002, 29, "verbal offers being withdrawn due to a"),
            ev(A003, 8, "as long as you stay in the"),
        ),
        "Use your network": (
            ev(A002, 21, "find mutual contacts who could put in"),
            ev(A002, 23, "find out if you have any mutual"),
        ),
        "Social media etiquette": (
            ev(A002, 26, "connect with them on LinkedIn"),
            ev(A002, 26, "send them a message on WhatsApp"),
        ),
        "Business plan": (
            ev(A002, 22, "where you can add value to the"),
            ev(A002, 22, "This shows your enthusiasm and knowledge"),
        ),
        "Prepare for the next round": (
            ev(A002, 10, "same job interview questions will come up"),
            ev(A002, 23, "do some background research on them"),
        ),
    },
    "the-outcome.md": {
        "An offer": (
            ev(A001, 17, "evaluate the job offer in terms of"),
            ev(A001, 18, "when negotiating a job offer"),
            ev(A002, 29, "verbal offers being withdrawn due to a"),
        ),
        "Silence": (
            ev(A000, 21, "there will be other opportunities"),
            ev(A002, 25, "too many candidates or time constraints"),
            ev(A003, 7, "could even open them up to legal"),
            ev(A004, 6, "check in periodically"),
        ),
        "A rejection": (
            ev(A002, 27, "React badly and burn your bridges"),
            ev(A002, 27, "keep your emotions in check"),
            ev(A003, 7, "if you don’t get any feedback"),
        ),
    },
    "templates.md": {
        "Thank-you email": (
            ev(A000, 15, "Thank the interviewer for taking their time"),
            ev(A001, 9, "briefly personalizing each one"),
            ev(A002, 17, "address it to the hiring manager directly"),
        ),
        "Thank-you letter": (
            ev(A000, 14, "state your name, the date of the"),
            ev(A001, 10, "If you have letterhead stationary use it"),
            ev(A003, 5, "you’ll handwrite it and send it through"),
            ev(A004, 4, "type it out and sign your name"),
        ),
        "Panel thank-you": (
            ev(A000, 11, "directly to each person who interviewed you"),
            ev(A001, 9, "keeping the essentials the same but briefly"),
            ev(A004, 4, "everyone who interviewed you within 48 hours"),
        ),
        "Follow-up call script": (
            ev(A000, 20, "where and when the interview was"),
            ev(A001, 15, "thank them again for the opportunity"),
            ev(A003, 6, "Always follow up with a phone call"),
            ev(A004, 5, "send along any other pertinent information"),
        ),
        "Follow-up email": (
            ev(A000, 20, "following up to get an update"),
            ev(A001, 15, "restate your enthusiasm for the job"),
            ev(A004, 5, "remind them of their timetable you discussed"),
        ),
        "Last follow-up email": (
            ev(A002, 25, "more than twice otherwise you start"),
            ev(A003, 6, "Anything more than that and you could"),
        ),
        "Check-in email": (
            ev(A004, 6, "add an article that pertains to it"),
        ),
        "Reference briefing": (
            ev(A001, 12, "Provide them with details about the job"),
            ev(A002, 20, "give them details on how the interview"),
        ),
        "Reply to a rejection": (
            ev(A002, 27, "try to find out where you went"),
            ev(A003, 7, "if you don’t get any feedback"),
        ),
    },
    "index.md": {
        "Where the advice comes from": (
            ev(A000, 8, "a good time to write a thank"),
            ev(A001, 23, "interviewing and placing candidates"),
            ev(A002, 32, "professional Head-Hunter"),
            ev(A003, 6, "Always follow up with a phone call"),
            ev(A004, 7, "the staffing experts at PrideStaff"),
        ),
    },
    "where-advice-differs.md": {
        "": (
            ev(A000, 20, "you don’t want to overdo it"),
            ev(A001, 17, "never a good idea to rely on"),
            ev(A002, 24, "Pester the hiring manager"),
            ev(A003, 6, "don’t call too soon or too frequently"),
            ev(A004, 3, "ask about next steps in the process"),
        ),
        "At a glance": (
            ev(A000, 8, "is the day after the interview"),
            ev(A000, 12, "sending a thank you letter attached to"),
            ev(A000, 20, "about 4-5 working days after the interview"),
            ev(A001, 8, "within 24 hours of the interview"),
            ev(A001, 14, "wait about a week before contacting them"),
            ev(A001, 15, "do not wait for the interviewer to"),
            ev(A002, 13, "After a couple of days"),
            ev(A002, 19, "wait for two weeks and follow up"),
            ev(A002, 25, "more than twice otherwise you start"),
            ev(A003, 5, "send it through the post"),
            ev(A003, 6, "call your Staffing Manager"),
            ev(A003, 8, "as long as you stay in the"),
            ev(A004, 4, "within 48 hours of the interview"),
            ev(A004, 5, "haven’t heard any response three weeks later"),
            ev(A004, 6, "check in periodically"),
        ),
        "When to send thanks": (
            ev(A000, 8, "give you time to reflect on the"),
            ev(A001, 8, "within 24 hours of the interview"),
            ev(A002, 15, "If you wait a day or so"),
            ev(A003, 5, "When you first get home"),
            ev(A004, 4, "written and out immediately"),
        ),
        "Email or post": (
            ev(A000, 12, "it has more impact"),
            ev(A001, 10, "Use good quality paper and envelopes"),
            ev(A002, 16, "the chances are slim that your note"),
            ev(A003, 5, "you’ll handwrite it and send it through"),
            ev(A004, 4, "a combination of the two may work"),
        ),
        "Handwritten or typed": (
            ev(A000, 13, "some penmanships might be difficult to read"),
            ev(A003, 5, "you’ll handwrite it"),
            ev(A004, 4, "type it out and sign your name"),
        ),
        "When to call or first follow up": (
            ev(A000, 20, "about 4-5 working days after the interview"),
            ev(A001, 14, "wait about a week before contacting them"),
            ev(A002, 19, "Follow the instructions that you’ve been given"),
            ev(A003, 6, "once in the afternoon if they still"),
            ev(A004, 5, "haven’t heard any response three weeks later"),
        ),
        "How often, how many times": (
            ev(A000, 20, "about the same period for each follow-up"),
            ev(A002, 25, "more than twice otherwise you start"),
            ev(A003, 6, "Anything more than that and you could"),
            ev(A004, 6, "Don’t ask about when they’re making decisions"),
        ),
        "When they asked you to wait": (
            ev(A001, 15, "do not wait for the interviewer to"),
            ev(A002, 19, "Follow the instructions that you’ve been given"),
        ),
        "Decision due within a week": (
            ev(A001, 14, "probably after a couple of days"),
            ev(A002, 24, "hiring managers will not appreciate phone calls"),
        ),
        "After a two-week promise": (
            ev(A000, 20, "the day after that date"),
            ev(A002, 7, "there is no point in following up"),
            ev(A004, 5, "haven’t heard any response three weeks later"),
        ),
        "Who to follow up with": (
            ev(A001, 6, "call the recruiter immediately after the interview"),
            ev(A003, 6, "If you’re working through an agency"),
        ),
        "When the process runs long": (
            ev(A000, 21, "Always continue your job search"),
            ev(A001, 18, "carry on searching while waiting"),
            ev(A002, 29, "always better to carry on interviewing"),
            ev(A003, 8, "as long as you stay in the"),
            ev(A004, 6, "add an article that pertains to it"),
        ),
    },
}
