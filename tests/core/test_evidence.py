"""The evidence ledger: every rule's citations rest on a sentence the article really has.

Table-driven over planner.rules.RULES and planner.evidence.RULES; the articles are read from
shared/seeds beside the repository (SEEDS_DIR overrides), as the site tests do.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from planner import evidence, rules
from planner.evidence import Evidence
from planner.sources import ARTICLES

ROOT = Path(__file__).resolve().parents[2]
SEEDS = Path(os.environ.get("SEEDS_DIR", ROOT.parent / "shared" / "seeds"))
MAX_WORDS = 8


def normalise(text: str) -> str:
    """Curly quotes to straight ones, runs of spaces to one: how an excerpt is compared."""
    text = text.translate(str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'}))
    return re.sub(r"\s+", " ", text)


def paragraphs(article: str) -> list[str]:
    lines = (SEEDS / article).read_text(encoding="utf-8").splitlines()
    return [normalise(line) for line in lines if line.strip()]


def check(item: Evidence) -> str | None:
    """Why ``item`` is not good evidence, or None."""
    if len(item.excerpt.split()) > MAX_WORDS:
        return f"excerpt longer than {MAX_WORDS} words: {item.excerpt!r}"
    paras = paragraphs(item.article)
    if not 1 <= item.para <= len(paras):
        return f"{item.article} has no paragraph {item.para}"
    if normalise(item.excerpt) not in paras[item.para - 1]:
        return f"{item.article} paragraph {item.para} does not say {item.excerpt!r}"
    return None


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


@pytest.mark.parametrize(
    "item",
    [item for items in evidence.RULES.values() for item in items],
    ids=lambda e: f"{e.article[:3]}-p{e.para}",
)
def test_each_excerpt_occurs_in_its_paragraph(item: Evidence) -> None:
    assert check(item) is None, check(item)


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
