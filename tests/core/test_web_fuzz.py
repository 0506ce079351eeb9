"""Fuzz of the planner's browser entry points: the worker's request handler and share links.

A share link comes from a stranger, and the worker must answer every request: whatever arrives,
``planner.web.handle`` gives back a structured JSON answer (never a dead worker, never the
catch-all "something went wrong", which would mean an exception escaped the planner), and
``planner.share.decode`` gives back a form or a plain-words problem, never an exception.

Standard library, pytest and hypothesis only: this file also runs inside Pyodide (Node).
"""

from __future__ import annotations

import base64
import contextlib
import io
import json
import zlib
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner import form, share, web

# About 2,000 inputs in all; the plan/ics fuzz runs the whole planner per example, so it has fewer
# to keep the Pyodide run of this file near a minute.
FUZZ = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FUZZ_SLOW = settings(FUZZ, max_examples=300)
CATCH_ALL = "Something went wrong inside the planner"

# Any JSON value, with strings that include markup, control characters and right-to-left text.
hostile_text = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "<img src=x onerror=alert(1)>",
            "</script><script>window.__pwned=1</script>",
            '"><svg onload=alert(1)>',
            "javascript:alert(1)",
            "\u202eevil\u202c",
            "\u0645\u0631\u062d\u0628\u0627",
            "\x00\x1b[31m",
            "2026-11-17",
            "10:00",
            "2w",
            "",
        ]
    ),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | hostile_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(hostile_text, inner, max_size=4),
    max_leaves=12,
)
field_names = st.sampled_from(sorted(share.KEYS))
raw_forms = st.dictionaries(field_names, json_values, max_size=8)
today_values = st.one_of(st.just("2026-11-22"), st.just("2027-02-28"), json_values)
site_values = st.one_of(st.just("http://127.0.0.1:8000/"), st.none(), json_values)


def _handle(request: Any) -> dict[str, Any]:
    """The worker's call, with Python's own traceback (if any) kept out of the test output."""
    with contextlib.redirect_stderr(io.StringIO()) as err:
        answer_text = web.handle(json.dumps(request))
    answer = json.loads(answer_text)
    assert isinstance(answer, dict), answer
    messages = [e.get("message", "") for e in answer.get("errors", [])]
    assert not any(CATCH_ALL in m for m in messages), (request, err.getvalue())
    return answer


def _assert_errors_are_structured(answer: dict[str, Any]) -> None:
    for error in answer.get("errors", []):
        assert set(error) == {"field", "message"}
        assert isinstance(error["field"], str)
        assert isinstance(error["message"], str) and error["message"]


@FUZZ_SLOW
@given(
    op=st.sampled_from(["plan", "ics", "needs"]),
    raw=raw_forms,
    today=today_values,
    site=site_values,
)
def test_any_form_gets_a_plan_or_field_errors(op: str, raw: dict, today: Any, site: Any) -> None:
    answer = _handle({"op": op, "raw": raw, "today": today, "site": site, "for": op})
    _assert_errors_are_structured(answer)
    if op == "needs":
        assert isinstance(answer.get("packages", answer.get("errors")), list)
    elif op == "plan":
        assert ("steps" in answer) != ("errors" in answer)
        assert isinstance(answer["share"], str)
        # The link the page shows for this form always opens again without an exception.
        assert isinstance(share.decode(answer["share"]).raw, dict)
    else:
        assert ("ics" in answer) != ("errors" in answer)


@FUZZ
@given(request=json_values)
def test_any_request_gets_a_structured_answer(request: Any) -> None:
    answer = _handle(request)
    _assert_errors_are_structured(answer)


@FUZZ
@given(
    fragment=st.one_of(st.text(max_size=200), st.from_regex(r"#p=[0-9]{0,3}\.[A-Za-z0-9_-]{0,120}"))
)
def test_any_fragment_decodes_or_says_why(fragment: str) -> None:
    decoded = share.decode(fragment)
    assert isinstance(decoded.raw, dict)
    assert set(decoded.raw) <= set(share.KEYS)
    assert all(isinstance(p, str) and p for p in decoded.problems)
    if not decoded.raw:
        assert decoded.problems, fragment  # an empty result always says why
    # The worker's "decode" request gives the same answer, as JSON, and the form to show.
    answer = _handle({"op": "decode", "fragment": fragment})
    assert answer.pop("form") == form.to_screen(decoded.raw)
    assert answer == json.loads(json.dumps(decoded.to_dict()))


def _pack(obj: Any) -> str:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = packer.compress(json.dumps(obj).encode()) + packer.flush()
    return "#p=1." + base64.urlsafe_b64encode(data).decode().rstrip("=")


@FUZZ_SLOW
@given(
    payload=st.one_of(
        json_values, st.dictionaries(st.sampled_from(sorted(share.LONG)), json_values)
    )
)
def test_any_packed_payload_keeps_only_what_the_form_can_show(payload: Any) -> None:
    decoded = share.decode(_pack(payload))
    for key, value in decoded.raw.items():
        if key in share.CHOICES:
            assert value in share.CHOICES[key] or value == ""
        elif key == "interviewers":
            assert all(set(p) == {"name", "title", "email"} for p in value)
            assert all(isinstance(v, str) for p in value for v in p.values())
        elif key == "references":
            assert all(isinstance(v, str) for v in value)
        elif key in ("working_days", "employer_days"):
            assert value == sorted(set(value)) and all(0 <= d <= 6 for d in value)
        elif key == "decision_end_of_week":
            assert isinstance(value, bool)
        else:
            assert isinstance(value, str)
    if isinstance(payload, dict):
        dropped = [
            share.LONG[k] for k in payload if k in share.LONG and share.LONG[k] not in decoded.raw
        ]
        if dropped:
            # Everything left out is named in plain words, so the reader knows to check it.
            assert any(share.LABELS[dropped[0]] in p for p in decoded.problems)


# Forms the page can produce: every field from its own set of values.
form_text = st.text(max_size=40)
valid_forms = st.fixed_dictionaries(
    {},
    optional={
        "interview_date": st.sampled_from(["2026-11-17", "", "2026-02-30"]),
        "interview_start": st.sampled_from(["10:00", ""]),
        "company": form_text,
        "role": form_text,
        "candidate": form_text,
        "recruiter": form_text,
        "country": st.sampled_from(["", "GB", "US"]),
        "decision_by": st.sampled_from(["", "2026-11-27"]),
        "decision_within": st.sampled_from(["", "2w", "10d"]),
        "decision_end_of_week": st.booleans(),
        "interviewers": st.lists(
            st.fixed_dictionaries({"name": form_text, "title": form_text, "email": form_text}),
            max_size=4,
        ),
        "references": st.lists(form_text, max_size=4),
        "working_days": st.lists(st.integers(0, 6), unique=True).map(sorted),
        "employer_days": st.lists(st.integers(0, 6), unique=True).map(sorted),
        **{key: st.sampled_from(sorted(values)) for key, values in share.CHOICES.items()},
    },
)


@FUZZ
@given(raw=valid_forms)
def test_encode_then_decode_gives_back_any_form(raw: dict) -> None:
    decoded = share.decode(share.fragment(raw))
    assert decoded.problems == ()
    assert share.compact(decoded.raw) == share.compact(raw)
