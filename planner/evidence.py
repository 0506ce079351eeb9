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
}
