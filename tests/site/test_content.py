"""The guide's content rules: own words, every piece of advice attributed, link previews."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import (
    ADVICE_PAGES,
    ARTICLE_IDS,
    DOCS,
    built_page,
    doc_pages,
    page_id,
    scan,
    split_front_matter,
)

RUN = 12  # the longest run of consecutive words a page may share with an article


def strip_markup(markdown: str) -> str:
    """Markdown to plain words: drop link targets, attribute lists, HTML tags and symbols."""
    text = re.sub(r"\]\([^)]*\)", "] ", markdown)  # [label](target) -> label
    text = re.sub(r"\{[:#.][^}]*\}", " ", text)  # { .class } / {#id} / {: ...}
    text = re.sub(r"<[^>]+>", " ", text)  # inline HTML
    return text


def words(text: str) -> list[str]:
    """Lower-cased words with punctuation normalised (curly quotes, dashes, apostrophes)."""
    text = text.lower()
    text = text.translate(str.maketrans({"\u2019": "'", "\u2018": "'", "`": " "}))
    text = text.replace("'", "")  # you're == youre, whichever quote was used
    return re.findall(r"[a-z0-9]+", text)


def ngrams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


@pytest.fixture(scope="module")
def article_runs(seeds_dir: Path) -> dict[tuple[str, ...], str]:
    runs: dict[tuple[str, ...], str] = {}
    for article in sorted(seeds_dir.glob("*.txt")):
        for gram in ngrams(words(article.read_text(encoding="utf-8")), RUN):
            runs.setdefault(gram, article.name)
    assert runs, "no article text found"
    return runs


def test_normalisation_catches_a_copied_sentence(article_runs):
    # A sentence lifted from article 002 with Markdown emphasis and straight quotes must
    # still be caught: the check would be worthless if markup or quote style hid a copy.
    copied = (
        "**Most candidates** will send a \"thank you email\" as soon as their interview "
        "has [finished](x.md) which usually ends up in the bin"
    )
    assert ngrams(words(strip_markup(copied)), RUN) & article_runs.keys()


@pytest.mark.parametrize("page", doc_pages(), ids=page_id)
def test_no_page_copies_a_run_of_words_from_an_article(page: Path, article_runs):
    tokens = words(strip_markup(page.read_text(encoding="utf-8")))
    copied = sorted(
        {(" ".join(g), article_runs[g]) for g in ngrams(tokens, RUN) if g in article_runs}
    )
    for run, article in copied:
        print(f"{page_id(page)}: shares with {article}: \"{run}\"")
    assert not copied, (
        f"{page_id(page)} shares {len(copied)} run(s) of {RUN}+ words with the articles: "
        + "; ".join(f'"{run}" ({article})' for run, article in copied)
    )


def cited_articles(text: str) -> set[str]:
    """Articles a page cites: by file name, or by a link to its anchor on sources.md."""
    cited = {a for a in ARTICLE_IDS if a in text}
    for number in re.findall(r"sources\.md#a(\d{3})", text):
        cited |= {a for a in ARTICLE_IDS if a.startswith(number + "_")}
    return cited


@pytest.mark.parametrize("name", ADVICE_PAGES)
def test_every_advice_page_cites_an_article(name: str):
    text = (DOCS / name).read_text(encoding="utf-8")
    assert cited_articles(text), f"{name} gives advice but cites no article"


@pytest.mark.parametrize("name", [n for n in ADVICE_PAGES if n != "where-advice-differs.md"])
def test_every_advice_section_ends_with_its_sources(name: str):
    # Attribution sits beside the advice: each `##` section of a step page or template
    # carries its own "Sources:" line naming titles and file names.
    _, body = split_front_matter((DOCS / name).read_text(encoding="utf-8"))
    sections = re.split(r"^## ", body, flags=re.M)[1:]
    assert sections, f"{name} has no sections"
    for section in sections:
        heading = section.splitlines()[0]
        if heading.startswith("Your checklist") or heading.startswith("What about"):
            continue
        line = next((ln for ln in section.splitlines() if "**Sources:**" in ln), None)
        assert line, f"{name}: section '{heading}' has no Sources line"
        assert cited_articles(line) and all(
            a in line for a in cited_articles(line)
        ), f"{name}: section '{heading}': Sources line must link titles and name file names"


def test_every_article_is_cited_somewhere():
    cited: set[str] = set()
    for page in doc_pages():
        cited |= cited_articles(page.read_text(encoding="utf-8"))
    assert cited == set(ARTICLE_IDS), f"never cited: {sorted(set(ARTICLE_IDS) - cited)}"


def test_sources_page_lists_each_article_with_its_anchor():
    text = (DOCS / "sources.md").read_text(encoding="utf-8")
    for article in ARTICLE_IDS:
        assert "{#a" + article[:3] + "}" in text, f"sources.md: no anchor for {article}"
        assert f"`{article}`" in text, f"sources.md does not name the file {article}"


@pytest.mark.parametrize("page", doc_pages(), ids=page_id)
def test_every_page_has_a_description(page: Path):
    meta, _ = split_front_matter(page.read_text(encoding="utf-8"))
    description = str(meta.get("description", "")).strip()
    assert len(description) >= 40, f"{page_id(page)}: front matter needs a description"
    assert len(description) <= 200, f"{page_id(page)}: description too long for a preview"


def test_descriptions_reach_the_built_pages(built_site: Path):
    # Link previews read <meta name="description">: each page must render its own.
    for page in doc_pages():
        meta, _ = split_front_matter(page.read_text(encoding="utf-8"))
        if not meta.get("description"):
            continue  # reported by test_every_page_has_a_description
        rendered = scan(built_page(built_site, page)).meta.get("description")
        assert rendered == meta["description"], f"{page_id(page)}: preview text is {rendered!r}"
