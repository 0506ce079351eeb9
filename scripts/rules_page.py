"""Write docs/how-the-planner-decides.md from the planner's rule table.

The page is generated, committed, and checked by tests/site/test_rules_page.py, so the words
on the site and the rules the planner runs can never drift apart. Run after changing
planner/rules.py:  .venv/bin/python scripts/rules_page.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner import rules
from planner.model import AfterPromise, Kind, ShortPromise, Thanks, ThanksTiming
from planner.sources import BY_ID as ARTICLES
from planner.timing import describe

PAGE = ROOT / "docs" / "how-the-planner-decides.md"

GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("on-the-interview-day", "On the interview day",
     ("ask_next_steps", "collect_contacts", "notes", "recruiter_debrief")),
    ("thank-you-notes", "Thank-you notes",
     ("thank_you_same_day", "thank_you_next_day", "thank_you_two_days", "thank_you_card")),
    ("the-first-working-days", "The first working days",
     ("brief_references", "keep_searching", "connect", "network", "prepare_next_round",
      "business_plan")),
    ("following-up", "Following up",
     ("decision_due", "follow_up_after_date", "follow_up_week_after_date",
      "follow_up_short_early", "follow_up_no_date", "follow_up_end_of_week",
      "follow_up_when_asked_to_wait")),
    ("when-to-stop", "When to stop", ("stop_chasing", "check_in")),
    ("when-you-hear-back", "When you hear back",
     ("heard_reply", "heard_new_date", "heard_next_round", "heard_rejected", "heard_offer")),
)

KIND_WORDS = {Kind.FOLLOW_UP: "follow-ups", Kind.STOP_CHASING: "the step to stop chasing",
              Kind.CHECK_IN: "check-ins", Kind.DECISION_DUE: "the decision day"}

# Each question the planner asks where the articles disagree, its options in the planner
# form's own words, and the rule each option uses.
CHOICES = (
    ("When the thank-you goes out", ThanksTiming.NEXT_DAY,
     [(ThanksTiming.SAME_DAY, "The same day", "thank_you_same_day"),
      (ThanksTiming.NEXT_DAY, "The next working day", "thank_you_next_day"),
      (ThanksTiming.TWO_DAYS, "Within two working days", "thank_you_two_days")]),
    ("First follow-up after a promised date", AfterPromise.NEXT_DAY,
     [(AfterPromise.NEXT_DAY, "The next working day", "follow_up_after_date"),
      (AfterPromise.ONE_WEEK, "About a week later", "follow_up_week_after_date")]),
    ("A decision due within a week", ShortPromise.WAIT,
     [(ShortPromise.WAIT, "Wait until the week is up", "follow_up_after_date"),
      (ShortPromise.EARLY, "Check in after two days", "follow_up_short_early")]),
)
THANKS_LABELS = {Thanks.EMAIL: "email", Thanks.LETTER: "a typed letter", Thanks.CARD: "a card",
                 Thanks.EMAIL_AND_CARD: "email, then a card"}
OWN_CHOICE = "Planner's choice"


def cite(sources: tuple[str, ...]) -> str:
    """Compact citations: each article's number, linking to the sources page."""
    return " · ".join(ARTICLES[s].mark for s in sources)


def anchor(rule_id: str) -> str:
    return "rule-" + rule_id.replace("_", "-")


def render() -> str:
    grouped = [rule_id for _, _, ids in GROUPS for rule_id in ids]
    if sorted(grouped) != sorted(rules.BY_ID):
        raise SystemExit("scripts/rules_page.py: GROUPS must list every rule exactly once")
    lines = [
        "---",
        "description: Every rule the follow-up planner uses, in plain words, with the articles "
        "each one comes from and the numbers the planner picks itself.",
        "---",
        "",
        "# How the planner decides",
        "",
        "!!! info \"This page is generated from the planner's own rule table\"",
        "    Each rule below is the one the [planner](planner/index.md) runs, word for word. "
        "If a rule changes, this page changes with it. The numbers after *Sources* are the "
        "articles, listed in full on the [sources page](sources.md).",
        "",
        "The planner works from the interview date and what the employer told you. A few "
        "things hold for every rule:",
        "",
        "- **Two calendars.** Waits the articles give in working days are counted in the "
        "employer's working days (Monday to Friday unless you say otherwise, less the public "
        "holidays of the country you chose). Where a step then lands depends on your own "
        "working days: something you do alone goes on your next working day, and anything "
        "that reaches the employer goes on the next day you both work. The interview day's own "
        "steps stay on it, and the day they promised is shown as they said it.",
        "- **The same plan for everyone.** Dates depend only on what you typed, never on the "
        "day you open the plan, so a shared link shows the same dates to whoever opens it. "
        "Only the *today* and *next* highlights change.",
        f"- **Never more than {rules.MAX_FOLLOW_UPS} follow-ups asking for news.** After that "
        "the plan tells you to stop chasing, and only suggests optional check-ins that share "
        "something useful.",
        "- **Where the articles disagree, you choose.** The defaults are below; the "
        "[comparison page](where-advice-differs.md) shows every article's view side by side.",
        "- **What the employer does changes the plan.** Record a reply, a new decision date, "
        "an invitation to another interview, a refusal or an offer in the planner's form, and "
        "the rules under *When you hear back* take over from the day it happened.",
        f"- **Where the articles give no number, the planner picks one** and says so: "
        f"those are marked *{OWN_CHOICE}* below, with the reason.",
        "",
        "## The numbers {#the-numbers}",
        "",
        "| Wait | Working days | From |",
        "| --- | --- | --- |",
        f"| No date given: before the first follow-up, and again before the second | "
        f"{rules.NO_DATE_GAP} | {cite(rules.BY_ID['follow_up_no_date'].sources)} |",
        f"| A short promise, if you chose to check in early: before the first follow-up | "
        f"{rules.SHORT_EARLY_GAP} | {cite(rules.BY_ID['follow_up_short_early'].sources)} |",
        f"| After their date has passed: before the second follow-up | {rules.SECOND_GAP} | "
        f"{OWN_CHOICE}: no article gives this wait, so the planner reuses the one above |",
        f"| Asked to wait, with no date: before the first follow-up | "
        f"{rules.ASKED_TO_WAIT_GAP} | {OWN_CHOICE}: no article gives a number; two working "
        "weeks is long enough to respect their request |",
        f"| After your last follow-up, before you stop chasing | {rules.STOP_GAP} | "
        f"{OWN_CHOICE}: time for them to answer; the articles only say not to ask a third time |",
        f"| Between the optional check-ins (two of them) | {rules.CHECK_IN_GAP} | "
        f"{OWN_CHOICE}: the advice is to check in from time to time, with no number |",
        f"| After they turn you down, before your reply | {rules.REPLY_GAP} | "
        f"{OWN_CHOICE}: long enough to answer calmly; the advice is to keep your emotions in "
        "check, with no number |",
        "",
        f"A promise counts as *short* when the decision is due within {rules.SHORT_PROMISE_DAYS} "
        "days of the interview.",
        "",
        "## Your choices and the defaults {#choices}",
        "",
        "| Question | Option | Rule it uses |",
        "| --- | --- | --- |",
    ]
    for question, default, options in CHOICES:
        for value, label, rule_id in options:
            rule = rules.BY_ID[rule_id]
            shown = f"**{label}** (default)" if value is default else label
            lines.append(f"| {question} | {shown} | [{rule.name}](#{anchor(rule_id)}) |")
    lines.append(
        "| How you send thanks | "
        + ", ".join(f"**{THANKS_LABELS[t]}** (default)" if t is Thanks.EMAIL else THANKS_LABELS[t]
                    for t in Thanks)
        + f" | [{rules.BY_ID['thank_you_card'].name}](#{anchor('thank_you_card')}), for "
        "email then a card |"
    )
    lines.append("")
    for group_anchor, title, ids in GROUPS:
        lines += [f"## {title} {{#{group_anchor}}}", ""]
        for rule_id in ids:
            rule = rules.BY_ID[rule_id]
            lines += [
                f"### {rule.name} {{#{anchor(rule_id)}}}",
                "",
                f"- **When it applies:** {rule.applies}",
                f"- **Which day:** {describe(rule.timing)}",
                f"- **Why:** {rule.why}",
            ]
            if rule.ends:
                ended = ", ".join(KIND_WORDS[k] for k in rule.ends)
                lines.append(f"- **What it ends:** {ended}, from the day they got back to you on")
            if rule.choice:
                lines.append(f"- **{OWN_CHOICE}:** {rule.choice}")
            lines += [
                f"- **Sources:** {cite(rule.sources)} · "
                f"[read more in the guide]({guide_path(rule.guide)})",
                "",
            ]
    return "\n".join(lines)


def guide_path(guide: str) -> str:
    """'following-up/#when-to-stop' -> 'following-up.md#when-to-stop' for MkDocs."""
    page, _, fragment = guide.partition("/#")
    return f"{page}.md#{fragment}"


def main() -> None:
    PAGE.write_text(render(), encoding="utf-8")
    print(f"wrote {PAGE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
