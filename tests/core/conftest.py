"""Shared helpers for the core tests. These tests also run inside Pyodide (Node), so they use
only the standard library, pytest and hypothesis; ``holidays`` where a test is about it."""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any

from hypothesis import HealthCheck, settings

from planner.api import plan_dict

TODAY = dt.date(2026, 11, 22)  # a fixed "today" so statuses are repeatable
INTERVIEW = "2026-11-17"  # a Tuesday


def plan(today: dt.date = TODAY, **raw: Any) -> dict[str, Any]:
    raw.setdefault("interview_date", INTERVIEW)
    result = plan_dict(raw, today)
    assert "errors" not in result, result
    return result


def dates(result: dict[str, Any], rule_or_kind: str) -> list[str]:
    """The dates of the steps made by a rule (or of a kind), in timeline order."""
    return [
        s["date"] for s in result["steps"] if rule_or_kind in (s["rule"], s["kind"])
    ]


# Generated cases run in full in CPython; inside Pyodide (a slower interpreter, same code) a
# tenth of them checks that the runtime the site ships behaves the same.
SCALE = 10 if sys.platform == "emscripten" else 1


def examples(n: int) -> settings:
    """Hypothesis settings for ``n`` generated cases (``n / 10`` inside Pyodide)."""
    return settings(max_examples=max(n // SCALE, 1), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
