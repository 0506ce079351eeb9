"""The five articles every rule and every page of advice traces back to."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Article:
    """One of the five source articles, cited by title and file name."""

    id: str  # the file name in shared/seeds: the article's id everywhere
    title: str
    author: str | None
    anchor: str  # its section on the site's sources page

    @property
    def short(self) -> str:
        return self.id[:3]

    @property
    def mark(self) -> str:
        """The compact citation the guide uses: the number, linking to the sources page."""
        return f"[{self.short}](sources.md#{self.anchor})"


ARTICLES: tuple[Article, ...] = (
    Article("000_42ab17348a27d124.txt", "After The Job Interview", None, "a000"),
    Article(
        "001_41c6f6be0ced790e.txt",
        "Job Interview Follow Up – Five Simple Steps to Success",
        "Julia Penny",
        "a001",
    ),
    Article(
        "002_f20ba424c0fa823e.txt", "Your Job Interview has Finished, Now What?", "Nick Jones", "a002"
    ),
    Article("003_9845dcc815f51481.txt", "Following Up After Your Interview", "Patrick Tan", "a003"),
    Article(
        "004_5db7f78143da10be.txt", "How Do You Follow Up After an Interview?", "PrideStaff", "a004"
    ),
)

BY_ID: dict[str, Article] = {a.id: a for a in ARTICLES}
A000, A001, A002, A003, A004 = (a.id for a in ARTICLES)
