"""Every citation on the guide's pages rests on evidence in the ledger, and nothing more.

A citation is a link to an article's anchor on the sources page ("[002](sources.md#a002)").
For each page and each `##` section (the text before the first `##` is the section ""), the
articles the section links to must be exactly the articles planner/evidence.py's PAGES backs
for it. And every excerpt in the ledger, the rules' included, must occur in its article's
paragraph (scripts/ledger.py reads the articles from shared/seeds).
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from conftest import doc_pages, page_id, split_front_matter

from planner.evidence import PAGES, Evidence
from planner.sources import ARTICLES

_spec = importlib.util.spec_from_file_location(
    "ledger", Path(__file__).parents[2] / "scripts" / "ledger.py"
)
assert _spec and _spec.loader
ledger = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ledger)

BY_NUMBER = {a.short: a.id for a in ARTICLES}
# Pages whose citations come from elsewhere: the rules page is generated from the rule table
# (its ledger is planner.evidence.RULES), and the sources page is what citations point to.
NOT_LEDGERED = {"how-the-planner-decides.md", "sources.md"}


def sections(page: Path) -> dict[str, set[str]]:
    """Section heading -> the articles it cites, for one page."""
    _, body = split_front_matter(page.read_text(encoding="utf-8"))
    found: dict[str, set[str]] = {}
    for index, part in enumerate(re.split(r"^## ", body, flags=re.MULTILINE)):
        heading = "" if index == 0 else re.sub(r"\s*\{#[^}]*\}", "", part.splitlines()[0]).strip()
        cited = {BY_NUMBER[n] for n in re.findall(r"sources\.md#a(\d{3})", part)}
        if cited:
            found[heading] = cited
    return found


LEDGERED = [p for p in doc_pages() if page_id(p) not in NOT_LEDGERED]


@pytest.mark.parametrize("page", LEDGERED, ids=page_id)
def test_every_citation_has_evidence_and_no_evidence_lacks_its_citation(page: Path) -> None:
    cited = sections(page)
    backed = {
        section: {item.article for item in items}
        for section, items in PAGES.get(page_id(page), {}).items()
    }
    unbacked = {s: sorted(a[:3] for a in arts - backed.get(s, set())) for s, arts in cited.items()}
    unbacked = {s: a for s, a in unbacked.items() if a}
    assert not unbacked, f"{page_id(page)}: cited without evidence: {unbacked}"
    stale = {s: sorted(a[:3] for a in arts - cited.get(s, set())) for s, arts in backed.items()}
    stale = {s: a for s, a in stale.items() if a}
    assert not stale, f"{page_id(page)}: evidence for citations the page no longer makes: {stale}"


def test_the_ledger_names_only_real_pages() -> None:
    assert set(PAGES) <= {page_id(p) for p in LEDGERED}


def test_the_check_sees_a_citation_without_evidence(tmp_path: Path) -> None:
    page = tmp_path / "x.md"
    page.write_text("# X\n\nIntro [003](sources.md#a003).\n\n## Part {#part}\n\n"
                    "**Sources:** [001](sources.md#a001)\n", encoding="utf-8")
    assert sections(page) == {"": {BY_NUMBER["003"]}, "Part": {BY_NUMBER["001"]}}


def test_every_page_that_gives_advice_is_in_the_ledger() -> None:
    for page in LEDGERED:
        if sections(page):
            assert page_id(page) in PAGES, f"{page_id(page)} cites articles but has no ledger"


def test_the_articles_are_there(seeds_dir: Path) -> None:
    assert sorted(p.name for p in seeds_dir.glob("*.txt")) == [a.id for a in ARTICLES]


def test_each_excerpt_occurs_in_its_paragraph(seeds_dir: Path) -> None:
    items = ledger.every_item()
    bad = [f"{where}: {problem}" for where, item in items if (problem := ledger.check(item, seeds_dir))]
    assert not bad, bad
    assert len(items) > 200


A000, A004 = ARTICLES[0].id, ARTICLES[4].id


@pytest.mark.parametrize(
    ("item", "wrong"),
    [
        (Evidence(A000, 20, "about 4-5 working days after the interview"), None),
        (Evidence(A000, 8, "about 4-5 working days after the interview"), "does not say"),
        (Evidence(A000, 99, "about 4-5 working days"), "no paragraph"),
        (Evidence(A004, 6, "every two working weeks"), "does not say"),
        (Evidence(A004, 6, "Shoot a brief email reminding them which position you"), "longer"),
        (Evidence(A004, 6, "Don't ask about when they're making decisions"), None),  # quotes
    ],
)
def test_the_check_catches_what_an_article_does_not_say(
    item: Evidence, wrong: str | None, seeds_dir: Path
) -> None:
    found = ledger.check(item, seeds_dir)
    assert (found is None) if wrong is None else (found is not None and wrong in found), found
