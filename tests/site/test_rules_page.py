"""The "How the planner decides" page is the rule table, word for word."""

import importlib.util
import re
from pathlib import Path

from planner.rules import RULES
from planner.sources import BY_ID as ARTICLES
from planner.timing import describe

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("rules_page", ROOT / "scripts" / "rules_page.py")
rules_page = importlib.util.module_from_spec(spec)
spec.loader.exec_module(rules_page)


def test_committed_page_matches_the_rule_table():
    committed = rules_page.PAGE.read_text(encoding="utf-8")
    assert committed == rules_page.render(), (
        "docs/how-the-planner-decides.md is stale: run .venv/bin/python scripts/rules_page.py"
    )


def test_every_rule_has_its_own_section_with_its_sources():
    page = rules_page.render()
    for rule in RULES:
        heading = f"### {rule.name} {{#{rules_page.anchor(rule.id)}}}"
        assert heading in page
        section = page.split(heading, 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]
        for source in rule.sources:
            assert ARTICLES[source].mark in section
        assert describe(rule.timing) in section and rule.applies in section
        if rule.choice:
            assert f"**Planner's choice:** {rule.choice}" in section


def test_the_page_speaks_plain_words_without_code_keys():
    # A coach reads this page: no field names, option codes or step kinds in code style.
    page = rules_page.render()
    visible = re.sub(r"\]\([^)]*\)|\{#[^}]*\}", "]", page)  # link targets and anchors
    assert "`" not in visible
    for word in ("thanks_timing", "after_promise", "short_promise", "next-day", "two-days",
                 "follow_up", "check_in", "email+card"):
        assert word not in visible, word


def test_numbers_no_article_gives_are_the_planners_choice_and_cite_nothing():
    page = rules_page.render()
    table = page.split("## The numbers", 1)[1].split("\n## ", 1)[0]
    for row in table.splitlines():
        if "Planner's choice" in row:
            assert "sources.md" not in row, row
    assert table.count("Planner's choice") == 5
