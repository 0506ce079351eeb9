"""The evidence ledger: every rule's citations rest on a sentence the article really has.

Table-driven over planner.rules.RULES and planner.evidence.RULES; the articles are read from
shared/seeds beside the repository (SEEDS_DIR overrides) by scripts/ledger.py.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from planner import evidence, rules
from planner.evidence import Evidence
from planner.sources import ARTICLES

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("ledger", ROOT / "scripts" / "ledger.py")
assert _spec and _spec.loader
ledger = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ledger)
SEEDS: Path = ledger.SEEDS
check = ledger.check


def test_the_articles_are_there() -> None:
    assert sorted(p.name for p in SEEDS.glob("*.txt")) == [a.id for a in ARTICLES]


@pytest.mark.parametrize("rule", rules.RULES, ids=lambda r: r.id)
def test_every_rule_has_evidence_for_each_article_it_cites(rule: rules.Rule) -> None:
    backed = [item.article for item in evidence.RULES.get(rule.id, ())]
    assert backed == list(rule.sources), (
        f"{rule.id} cites {rule.sources} but the ledger backs {backed}"
    )


def test_no_evidence_for_a_rule_that_is_gone() -> None:
    assert set(evidence.RULES) == set(rules.BY_ID)


def test_each_excerpt_occurs_in_its_paragraph() -> None:
    # The whole ledger, the guide pages' entries included.
    bad = [f"{where}: {problem}" for where, item in ledger.every_item() if (problem := check(item))]
    assert not bad, bad
    assert len(ledger.every_item()) > 200


@pytest.mark.parametrize(
    ("item", "wrong"),
    [
        (Evidence(ARTICLES[0].id, 20, "about 4-5 working days after the interview"), None),
        (Evidence(ARTICLES[0].id, 8, "about 4-5 working days after the interview"), "paragraph"),
        (Evidence(ARTICLES[4].id, 6, "every two working weeks"), "does not say"),
        (Evidence(ARTICLES[4].id, 6, "Shoot a brief email reminding them which position you"),
         "longer"),
    ],
)
def test_the_check_catches_what_an_article_does_not_say(item: Evidence, wrong: str | None) -> None:
    found = check(item)
    assert (found is None) if wrong is None else (found is not None and wrong in found)


def test_the_planners_own_numbers_are_labelled_and_cite_nothing_for_them() -> None:
    # Where no article gives the number, the rule says so in its reason and in `choice`.
    for rule_id in ("follow_up_when_asked_to_wait", "check_in"):
        rule = rules.BY_ID[rule_id]
        assert "planner's choice" in rule.why and "planner's choice" in rule.choice
    for rule in rules.RULES:
        if rule.choice:
            assert "planner's choice" in rule.choice or "leaves the choice" in rule.choice, rule.id
            assert not re.search(r"\b00[0-4]\b", rule.choice + rule.why), rule.id
