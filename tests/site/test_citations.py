"""Every citation on the guide's pages rests on evidence in the ledger, and nothing more.

A citation is a link to an article's anchor on the sources page ("[002](sources.md#a002)").
For each page and each `##` section (the text before the first `##` is the section ""), the
articles the section links to must be exactly the articles planner/evidence.py's PAGES backs
for it; tests/core/test_evidence.py checks each excerpt against its article.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import doc_pages, page_id, split_front_matter

from planner.evidence import PAGES
from planner.sources import ARTICLES

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
