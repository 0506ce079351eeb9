"""The rule table: every rule is sourced, linked, scheduled and reachable."""

import itertools
import re

import pytest

from planner.engine import SCHEDULERS
from planner.model import Kind
from planner.rules import RULES
from planner.sources import BY_ID as ARTICLES

from .conftest import plan


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_each_rule_names_real_articles_and_a_guide_section(rule):
    assert rule.sources and set(rule.sources) <= set(ARTICLES)
    assert re.fullmatch(r"[a-z0-9-]+/#[a-z0-9-]+", rule.guide)
    assert rule.why.endswith(".") and rule.why.count(". ") == 0  # one sentence
    assert rule.id in SCHEDULERS


def test_every_article_backs_at_least_one_rule():
    assert {s for rule in RULES for s in rule.sources} == set(ARTICLES)


# Inputs that, between them, should make every rule produce at least one step.
VARIETY = [
    {"recruiter": "Jo", "references": ["Pat"], "interviewers": [{"name": "Ana"}]},
    {"thanks_timing": "same-day", "thanks": "email+card", "decision_by": "2026-11-27"},
    {"thanks_timing": "two-days", "decision_within": "3w", "after_promise": "one-week"},
    {"decision_within": "5d", "short_promise": "early"},
    {"decision_end_of_week": True},
    {"contact": "wait"},
    {"heard": "replied", "heard_on": "2026-11-20"},
    {"heard": "new_date", "heard_on": "2026-11-20", "new_decision_by": "2026-12-04"},
    {"heard": "next_round", "heard_on": "2026-11-20"},
    {"heard": "rejected", "heard_on": "2026-11-20"},
    {"heard": "offer", "heard_on": "2026-11-20"},
]


def test_every_rule_is_reachable():
    made = {s["rule"] for raw in VARIETY for s in plan(**raw)["steps"]}
    assert made == {rule.id for rule in RULES}


def test_kinds_cover_the_command_line_contract():
    required = {"notes", "recruiter_debrief", "thank_you", "brief_references", "follow_up",
                "keep_searching"}
    assert required <= {k.value for k in Kind}
    assert {rule.kind for rule in RULES} == set(Kind)


def test_rule_ids_are_unique():
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids)) and not list(itertools.filterfalse(str.isidentifier, ids))
