"""The guide's content rules: own words, every piece of advice attributed, link previews."""

from __future__ import annotations

import importlib.util
import re
from html.parser import HTMLParser
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

_spec = importlib.util.spec_from_file_location(
    "article_fingerprints", Path(__file__).parents[2] / "scripts" / "article_fingerprints.py"
)
fingerprints = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fingerprints)

RUN = fingerprints.RUN  # the longest run of words a page may share with an article


def strip_markup(markdown: str) -> str:
    """Markdown to plain words: drop link targets, attribute lists, HTML tags and symbols."""
    text = re.sub(r"\]\([^)]*\)", "] ", markdown)  # [label](target) -> label
    text = re.sub(r"\{[:#.][^}]*\}", " ", text)  # { .class } / {#id} / {: ...}
    text = re.sub(r"<[^>]+>", " ", text)  # inline HTML
    return text


@pytest.fixture(scope="module")
def article_runs() -> dict[str, str]:
    """Fingerprint -> article, for every 8-word run of every article (committed file)."""
    runs = fingerprints.load()
    assert runs, "no article fingerprints found"
    return runs


def test_fingerprints_are_those_of_the_articles(seeds_dir: Path):
    assert fingerprints.load() == fingerprints.article_fingerprints(seeds_dir), (
        "tests/site/article-fingerprints.txt is stale: run scripts/article_fingerprints.py"
    )


def shared_runs(text: str, article_runs: dict[str, str]) -> set[tuple[str, str]]:
    """(run, article) for each 8-word run of ``text`` that an article also has."""
    return {
        (" ".join(run), article_runs[fingerprints.fingerprint(run)])
        for run in fingerprints.runs(fingerprints.words(text), RUN)
        if fingerprints.fingerprint(run) in article_runs
    }


def test_normalisation_catches_a_copied_sentence(article_runs):
    # A sentence lifted from article 002 with Markdown emphasis and straight quotes must
    # still be caught: the check would be worthless if markup or quote style hid a copy.
    copied = (
        "**Most candidates** will send a \"thank you email\" as soon as their interview "
        "has [finished](x.md) which usually ends up in the bin"
    )
    assert shared_runs(strip_markup(copied), article_runs)


def without_titles(text: str) -> str:
    """The articles' titles are the one thing the site may repeat word for word."""
    for title in TITLES:
        text = text.replace(title, " ")
    return text


class _Text(HTMLParser):
    """The words a reader sees (and a screen reader hears) on a built page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if name in ("title", "alt", "aria-label", "content", "placeholder") and value:
                self.parts.append(f" {value} .")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1
        self.parts.append(" ")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def built_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return "".join(parser.parts)


def test_no_built_page_shares_a_run_of_words_with_an_article(built_site: Path, article_runs):
    # What readers actually get, navigation, tables and the planner's page included.
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 10
    copied = {
        (path.relative_to(built_site).as_posix(), run, article)
        for path in pages
        for run, article in shared_runs(without_titles(built_text(path)), article_runs)
    }
    assert not copied, sorted(copied)


def test_the_sources_page_claims_own_words_only_while_the_check_runs():
    # The sources page promises no 8-word run is shared; this module is what makes it true.
    text = (DOCS / "sources.md").read_text(encoding="utf-8")
    assert RUN == 8 and "eight or more words" in text


@pytest.mark.parametrize("page", doc_pages(), ids=page_id)
def test_no_page_copies_a_run_of_words_from_an_article(page: Path, article_runs):
    text = without_titles(strip_markup(page.read_text(encoding="utf-8")))
    copied = sorted(shared_runs(text, article_runs))
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


MARK = re.compile(r"\[(\d{3})\]\(sources\.md#a(\d{3})\)")


@pytest.mark.parametrize("name", [n for n in ADVICE_PAGES if n != "where-advice-differs.md"])
def test_every_advice_section_ends_with_its_sources(name: str):
    # Attribution sits beside the advice, compact enough for a phone: each `##` section of a
    # step page or template ends with a "Sources:" line of article numbers, each linking to
    # the sources page, which alone carries the titles and file names.
    _, body = split_front_matter((DOCS / name).read_text(encoding="utf-8"))
    sections = re.split(r"^## ", body, flags=re.MULTILINE)[1:]
    assert sections, f"{name} has no sections"
    for section in sections:
        heading = section.splitlines()[0]
        line = next((ln for ln in section.splitlines() if "**Sources:**" in ln), None)
        assert line, f"{name}: section '{heading}' has no Sources line"
        marks = MARK.findall(line)
        assert marks and all(a == b for a, b in marks), f"{name}: '{heading}': {line}"
        rest = MARK.sub("", line.replace("**Sources:**", "")).replace("·", "").strip()
        assert not rest, f"{name}: '{heading}': Sources line has more than marks: {rest!r}"


TITLES = [
    "After The Job Interview",
    "Job Interview Follow Up – Five Simple Steps to Success",
    "Your Job Interview has Finished, Now What?",
    "Following Up After Your Interview",
    "How Do You Follow Up After an Interview?",
]


@pytest.mark.parametrize("page", doc_pages(), ids=page_id)
def test_full_titles_and_file_names_live_only_on_the_sources_page(page: Path):
    if page.name == "sources.md":
        return
    text = page.read_text(encoding="utf-8")
    for article in ARTICLE_IDS:
        assert article not in text, f"{page_id(page)} names the file {article}"
    for title in TITLES:
        assert f"*{title}*" not in text and f"[{title}]" not in text, (
            f"{page_id(page)} cites by full title: {title}"
        )


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


# --- The comparison page: one row per question, one column per article, and the planner's
# --- defaults stated as the planner actually applies them.

QUESTIONS = [
    "When to send thanks",
    "Email or post",
    "Handwritten or typed",
    "When to call or first follow up",
    "How often, how many times",
    "They asked you to wait",
    "Decision due within a week",
    "A two-week promise",
]


ARTICLE_COLUMNS = ["000", "001", "002", "003", "004"]


def comparison_table() -> tuple[list[str], dict[str, dict[str, str]]]:
    """The "At a glance" blocks of where-advice-differs.md, one per question, as a table:
    the column names and {question: {column: answer}}, the planner's row split into its
    default (the bold words) and why."""
    text = (DOCS / "where-advice-differs.md").read_text(encoding="utf-8")
    glance = text.split("## At a glance", 1)[1].split("\n## ", 1)[0]
    header = ["Question", *ARTICLE_COLUMNS, "Planner default", "Why"]
    table: dict[str, dict[str, str]] = {}
    for block in glance.split('<div class="glance-item" markdown>')[1:]:
        title = re.search(r"^\*\*(.+)\*\*$", block, flags=re.MULTILINE)
        assert title, f"a glance block without a question: {block[:80]!r}"
        question = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", title.group(1))
        row: dict[str, str] = {"Question": question}
        for line in block.splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
            if not line.startswith("|") or len(cells) != 2:
                continue
            mark = MARK.fullmatch(cells[0])
            if mark:
                row[mark.group(1)] = cells[1]
            elif cells[0] == "Planner":
                default, _, why = cells[1].partition(": ")
                row["Planner default"], row["Why"] = default, why
        table[question] = row
    return header, table


def test_comparison_has_a_block_per_question_with_every_article_and_the_planner():
    header, table = comparison_table()
    assert len(table) >= len(QUESTIONS)
    for question, row in table.items():
        assert set(row) == set(header), f"{question!r} lacks {set(header) - set(row)}"


@pytest.mark.parametrize("question", QUESTIONS)
def test_comparison_answers_each_question_for_every_article(question: str):
    header, table = comparison_table()
    assert question in table, f"no row for {question!r}"
    row = table[question]
    assert all(row[col] for col in header), f"{question!r} has an empty cell (use '-')"


# What the comparison page must say in the "Planner default" cell for each possible default.
DEFAULT_WORDING = {
    "thanks_timing": ("When to send thanks", {
        "same-day": "Same day", "next-day": "Next working day", "two-days": "two working days",
    }),
    "thanks": ("Email or post", {
        "email": "Email", "letter": "Typed letter", "card": "Handwritten card",
        "email+card": "Email then card",
    }),
    "after_promise": ("A two-week promise", {
        "next-day": "Next working day after", "one-week": "A week after",
    }),
    "short_promise": ("Decision due within a week", {
        "wait": "Wait until the day after", "early": "After two working days",
    }),
}


@pytest.mark.parametrize("field", DEFAULT_WORDING)
def test_comparison_states_the_planners_actual_default(field: str):
    import datetime as dt

    from planner.parse import parse_input

    inp = parse_input({"interview_date": "2026-11-17"}, dt.date(2026, 11, 18))
    default = getattr(inp, field, None)
    if default is None:
        default = getattr(inp.choices, field)
    question, wording = DEFAULT_WORDING[field]
    _, table = comparison_table()
    cell = table[question]["Planner default"]
    assert wording[default.value] in cell, (
        f"the planner's default for {field} is {default.value!r}, "
        f"but the page says {cell!r}"
    )


def test_comparison_states_the_planners_numbers():
    from planner import rules

    _, table = comparison_table()
    assert f"{rules.NO_DATE_GAP} working days" in table["When to call or first follow up"]["Planner default"]
    assert f"{rules.ASKED_TO_WAIT_GAP} working days" in table["They asked you to wait"]["Planner default"]
    words = {1: "One", 2: "Two", 3: "Three"}
    assert f"{words[rules.MAX_FOLLOW_UPS]} follow-ups" in table["How often, how many times"]["Planner default"]


# --- Templates: each under its anchor, copyable as plain text, placeholders explained.

TEMPLATES = [
    "thank-you-email",
    "thank-you-letter",
    "panel-thank-you",
    "follow-up-call-script",
    "follow-up-email",
    "last-follow-up-email",
    "check-in-email",
    "reference-briefing",
    "reply-to-a-rejection",
]


def template_sections() -> dict[str, str]:
    _, body = split_front_matter((DOCS / "templates.md").read_text(encoding="utf-8"))
    sections = {}
    for chunk in re.split(r"^## ", body, flags=re.MULTILINE)[1:]:
        match = re.search(r"\{#([a-z0-9-]+)\}", chunk.splitlines()[0])
        if match:
            sections[match.group(1)] = chunk
    return sections


@pytest.mark.parametrize("anchor", TEMPLATES)
def test_each_template_is_a_plain_text_block_with_explained_placeholders(anchor: str):
    section = template_sections().get(anchor)
    assert section, f"templates.md has no section {{#{anchor}}}"
    blocks = re.findall(r"^```text\n(.*?)^```", section, flags=re.MULTILINE | re.DOTALL)
    assert len(blocks) == 1, f"#{anchor}: expected one ```text block, found {len(blocks)}"
    # Short bracketed names are placeholders; longer bracketed sentences are instructions.
    placeholders = {
        p for p in re.findall(r"\[([^\]\n]+)\]", blocks[0])
        if not re.search(r"[:.?\"]", p) and len(p.split()) <= 6
    }
    assert placeholders, f"#{anchor}: no [placeholders] to fill in"
    page = (DOCS / "templates.md").read_text(encoding="utf-8")
    unexplained = sorted(p for p in placeholders if f"**[{p}]**" not in page)
    assert not unexplained, f"#{anchor}: placeholders not explained in a list: {unexplained}"
    assert "**Sources:**" in section, f"#{anchor}: the template does not cite its articles"


STEP_PAGES = [n for n in ADVICE_PAGES if n not in ("templates.md", "where-advice-differs.md")]


@pytest.mark.parametrize("name", STEP_PAGES)
def test_each_step_page_opens_with_a_two_line_in_short(name: str):
    # A worried reader on a phone gets the gist before scrolling: the first block after
    # the title is an "In short" box of two lines.
    _, body = split_front_matter((DOCS / name).read_text(encoding="utf-8"))
    blocks = [b for b in re.split(r"\n\s*\n", body.strip()) if b.strip()]
    assert blocks[0].startswith("# "), f"{name}: no title"
    box = blocks[1].splitlines()
    assert box[0] == '!!! abstract "In short"', f"{name}: second block is not the In short box"
    lines = [ln for ln in box[1:] if ln.strip()]
    assert len(lines) == 2, f"{name}: In short should be two lines, has {len(lines)}"
    # ...and it leads with the one thing to do now: a bold instruction, not a description.
    first = lines[0].strip()
    assert first.startswith("**") and first.split()[0].strip("*") not in {"A", "An", "The"}, (
        f"{name}: In short should open with what to do: {first!r}"
    )
