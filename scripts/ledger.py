"""Check the evidence ledger (planner/evidence.py) against the articles in shared/seeds.

Used by tests/core/test_evidence.py and tests/site/test_citations.py; run it by hand to list
every entry that does not hold:  .venv/bin/python scripts/ledger.py
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner import evidence
from planner.evidence import Evidence

SEEDS = Path(os.environ.get("SEEDS_DIR", ROOT.parent / "shared" / "seeds"))
MAX_WORDS = 8
QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def normalise(text: str) -> str:
    """Curly quotes to straight ones, runs of spaces to one: how an excerpt is compared."""
    return re.sub(r"\s+", " ", text.translate(QUOTES))


def paragraphs(article: str, seeds: Path = SEEDS) -> list[str]:
    """The article's paragraphs: its non-blank lines, numbered from 1 by the ledger."""
    lines = (seeds / article).read_text(encoding="utf-8").splitlines()
    return [normalise(line) for line in lines if line.strip()]


def check(item: Evidence, seeds: Path = SEEDS) -> str | None:
    """Why ``item`` is not good evidence, or None."""
    if len(item.excerpt.split()) > MAX_WORDS:
        return f"excerpt longer than {MAX_WORDS} words: {item.excerpt!r}"
    paras = paragraphs(item.article, seeds)
    if not 1 <= item.para <= len(paras):
        return f"{item.article} has no paragraph {item.para}"
    if normalise(item.excerpt) not in paras[item.para - 1]:
        return f"{item.article} paragraph {item.para} does not say {item.excerpt!r}"
    return None


def every_item() -> list[tuple[str, Evidence]]:
    """(where it is cited, evidence) for every entry of the ledger."""
    items = [(f"rule {rid}", e) for rid, es in evidence.RULES.items() for e in es]
    items += [
        (f"{page} § {section or '(top)'}", e)
        for page, sections in evidence.PAGES.items()
        for section, es in sections.items()
        for e in es
    ]
    return items


def main() -> int:
    bad = [(where, problem) for where, item in every_item() if (problem := check(item))]
    for where, problem in bad:
        print(f"{where}: {problem}")
    print(f"{len(every_item()) - len(bad)} entries hold, {len(bad)} do not")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
