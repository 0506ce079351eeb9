"""The evidence ledger: every rule cites exactly the articles the ledger backs it with.

Table-driven over planner.rules.RULES and planner.evidence.RULES. Pure: it also runs inside
Pyodide; tests/site/test_citations.py checks each excerpt against the articles.
"""

from __future__ import annotations

import re

import pytest

from planner import evidence, rules
from planner.sources import ARTICLES

from .conftest import plan

MAX_WORDS = 8


@pytest.mark.parametrize("rule", rules.RULES, ids=lambda r: r.id)
def test_every_rule_has_evidence_for_each_article_it_cites(rule: rules.Rule) -> None:
    backed = [item.article for item in evidence.RULES.get(rule.id, ())]
    assert backed == list(rule.sources), (
        f"{rule.id} cites {rule.sources} but the ledger backs {backed}"
    )


def test_no_evidence_for_a_rule_that_is_gone() -> None:
    assert set(evidence.RULES) == set(rules.BY_ID)


def test_every_excerpt_is_short_and_names_a_real_article_and_paragraph() -> None:
    # Whether each excerpt really occurs is checked against the articles themselves in
    # tests/site/test_citations.py (the articles are not available inside Pyodide).
    items = [e for es in evidence.RULES.values() for e in es]
    items += [e for sections in evidence.PAGES.values() for es in sections.values() for e in es]
    assert len(items) > 200
    known = {a.id for a in ARTICLES}
    for item in items:
        assert item.article in known and item.para >= 1, item
        assert 1 <= len(item.excerpt.split()) <= MAX_WORDS, item


def test_the_planners_own_numbers_are_labelled_and_cite_nothing_for_them() -> None:
    # Where no article gives the number, the rule says so in `choice`, and each step it makes
    # says so in its reason (the words come from the timing value the number is part of).
    for rule_id in ("follow_up_when_asked_to_wait", "check_in", "stop_chasing"):
        rule = rules.BY_ID[rule_id]
        assert "planner's choice" in rule.choice
        assert all(at.planner_choice for at in rule.timing.at)
    reasons = [s["why"] for s in plan(contact="wait")["steps"]
               if s["rule"] in ("follow_up_when_asked_to_wait", "check_in", "stop_chasing")]
    assert len(reasons) == 5
    assert all("(the planner's choice: no article names the day)" in r for r in reasons)
    for rule in rules.RULES:
        if rule.choice:
            assert "planner's choice" in rule.choice or "leaves the choice" in rule.choice, rule.id
            assert not re.search(r"\b00[0-4]\b", rule.choice + rule.why), rule.id
