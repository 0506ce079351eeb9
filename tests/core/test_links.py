"""Send-ready drafts: a draft's ``mailto:`` link gives back exactly its subject and body, with
the recipient when the address is known, and the page gets one per step with an email draft."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit
from urllib.parse import quote as stdlib_quote
from urllib.parse import quote_plus as stdlib_quote_plus

from hypothesis import given
from hypothesis import strategies as st

from planner import web
from planner.drafts import CALL, CARD, EMAIL, LETTER, Draft, draft_for
from planner.engine import make_plan
from planner.links import mailto_url, quote, quote_plus
from planner.parse import parse_input

TODAY = dt.date(2026, 11, 18)
RAW: dict[str, Any] = {
    "interview_date": "2026-11-17",
    "company": "Acme & Sons",
    "role": "Data analyst",
    "candidate": "Zoë O'Brien",
    "interviewers": [
        {"name": "Ana Díaz", "email": "ana+jobs@acme.example"},
        {"name": "Bo Li"},
    ],
    "references": ["Pat Kim"],
    "decision_by": "2026-11-27",
}


def decode(url: str) -> tuple[str, str | None, str]:
    """What a mail client reads from a mailto: link (RFC 6068): recipient, subject, body."""
    parts = urlsplit(url)
    assert parts.scheme == "mailto" and not parts.fragment
    query = parse_qs(parts.query.replace("+", "%2B"), keep_blank_values=True, strict_parsing=True)
    assert set(query) <= {"subject", "body"} and all(len(v) == 1 for v in query.values())
    subject = query["subject"][0] if "subject" in query else None
    return unquote(parts.path), subject, query["body"][0]


def is_rfc6068_safe(url: str) -> bool:
    # Nothing a client could read two ways: no raw space, "+", line break or non-ASCII.
    return url.isascii() and not any(c in url for c in " +\r\n\t\"<>")


def check_round_trip(draft: Draft, to: str | None) -> None:
    url = mailto_url(draft, to)
    assert url is not None and is_rfc6068_safe(url)
    recipient, subject, body = decode(url)
    assert recipient == (to or "")
    assert subject == (draft.subject or None)  # an empty subject is left out
    # Line breaks travel as CRLF, as RFC 6068 asks; the text is otherwise the same, exactly.
    assert "\n" not in body.replace("\r\n", "")
    assert body.replace("\r\n", "\n") == draft.body


def test_every_email_draft_of_a_plan_round_trips() -> None:
    inp = parse_input(RAW, TODAY)
    emails = 0
    for step in make_plan(inp).steps:
        draft = draft_for(step, inp)
        if draft is None:
            continue
        if draft.medium != EMAIL:
            assert mailto_url(draft, step.email) is None, step.id
            continue
        emails += 1
        check_round_trip(draft, step.email)
    assert emails >= 3


# Text a reader may type into a name, and what drafts hold: every reserved character of a
# URL and of a mailto: link, accents, emoji, and long bodies (never cut short). Drafts hold
# no carriage returns (their lines end in "\n"), so neither does this text.
TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("&=?#%+;,/:@ \n\t'\"<>[]!$()*~")), st.characters(codec="utf-8", exclude_characters="\r")
    ),
    max_size=2000,
)


@given(subject=TEXT, body=TEXT, known=st.booleans())
def test_any_subject_and_body_round_trip(subject: str, body: str, known: bool) -> None:
    check_round_trip(Draft(EMAIL, body, subject=subject), "ana.o'neil+x@acme.example" if known else None)


def test_a_long_body_is_kept_whole() -> None:
    body = "\n\n".join(f"Paragraph {n}: thank you for the café tour, Zoë & team. 100% keen!" for n in range(80))
    assert len(body) > 5000
    check_round_trip(Draft(EMAIL, body, subject="Thank you"), "ana@acme.example")


ROWS = [
    # (recipient given, what the link starts with)
    ("ana@acme.example", "mailto:ana@acme.example?subject="),
    ("ana+jobs@acme.example", "mailto:ana%2Bjobs@acme.example?subject="),
    (None, "mailto:?subject="),
    ("  ", "mailto:?subject="),
]


def test_recipient_only_when_known() -> None:
    draft = Draft(EMAIL, "Hello", subject="Hi there")
    for to, start in ROWS:
        url = mailto_url(draft, to)
        assert url is not None and url.startswith(start), to
        assert url.endswith("subject=Hi%20there&body=Hello")


def test_no_link_for_letters_cards_and_calls() -> None:
    for medium in (LETTER, CARD, CALL):
        assert mailto_url(Draft(medium, "Dear Ana"), "ana@acme.example") is None


@given(st.text())
def test_quoting_is_exactly_the_standard_librarys(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return  # not text a browser can send; JSON from the page never holds it
    assert quote_plus(text) == stdlib_quote_plus(text)
    assert quote(text) == stdlib_quote(text, safe="")


def test_the_page_gets_send_ready_links_per_step() -> None:
    answer = json.loads(web.handle(json.dumps(
        {"op": "plan", "raw": RAW, "today": TODAY.isoformat(), "site": "https://example.org/"}
    )))
    steps = answer["steps"]
    for step in steps:
        assert step["outlook"].startswith("https://outlook.live.com/calendar/0/deeplink/compose?")
        draft = step["draft"]
        if draft is None or draft["medium"] != EMAIL:
            assert step["mailto"] is None, step["id"]
            continue
        recipient, subject, body = decode(step["mailto"])
        assert recipient == (step["email"] or "")
        assert (subject, body.replace("\r\n", "\n")) == (draft["subject"], draft["body"])
    to_ana = [s for s in steps if s["mailto"] and s["email"] == "ana+jobs@acme.example"]
    without = [s for s in steps if s["mailto"] and not s["email"]]
    assert to_ana and without  # Ana's address is known, Bo Li's and the reference's are not
