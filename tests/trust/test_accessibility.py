"""Accessibility: axe-core on every page in light and dark, and the planner by keyboard alone.

axe-core comes from npm (package.json pins it). The pages' Content-Security-Policy refuses any
script the site does not ship, so ``add_script_tag`` (an inline script) would be blocked, as it
should be; axe is run with ``page.evaluate`` instead, which Playwright runs outside the page's
policy, so the policy stays on and is tested as the reader gets it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import wait_ready

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

RUN_AXE = """async (tags) => {
  const result = await axe.run(document, { runOnly: { type: "tag", values: tags } });
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map((n) => n.target.join(" ") + " :: " + n.failureSummary.replace(/\\s+/g, " ")),
  }));
}"""


def axe_violations(page: Page) -> list[dict]:
    # Colours are judged as a reader sees them at rest: a control half-way through a fade
    # (Material's back-to-top button, shown when a click scrolls the page up) has none.
    page.wait_for_function(
        "() => document.getAnimations().every((a) => !(a instanceof CSSTransition))"
    )
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate(RUN_AXE, TAGS)


def show(path: str, violations: list[dict]) -> str:
    lines = [f"{path or '(home)'}:"]
    for v in violations:
        lines.append(f"  {v['id']} ({v['impact']}): {v['help']}")
        lines.extend(f"    {t}" for t in v["targets"][:8])
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_passes_axe(new_context, guard, site_pages: list[str], scheme: str) -> None:
    context = new_context(color_scheme=scheme)
    page = context.new_page()
    report = []
    for path in [*site_pages, "no-such-page/"]:
        page.goto(path)
        page.wait_for_load_state("load")
        if path == "planner/":
            wait_ready(page)
            # Everything the planner can show: a full form, its advanced part and a draft.
            page.fill("#pl-company", "Acme")
            page.fill('#pl-interviewers input[data-part="name"]', "Ana Diaz")
            page.locator("#pl-advanced summary").click()
            expect(page.locator("#planner-timeline [data-kind='thank_you']")).to_contain_text("Ana")
            page.locator("#planner-timeline .planner-draft summary").first.click()
        expected = "slate" if scheme == "dark" else "default"
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", expected)
        found = axe_violations(page)
        if found:
            report.append(show(path, found))
    # The 404 page answers 404, which the browser reports as a console error: not a fault.
    guard.errors[:] = [e for e in guard.errors if "status of 404" not in e]
    assert report == [], "\n".join(report)


def test_light_or_dark_follows_the_device(new_context) -> None:
    # One palette, no toggle (mkdocs.yml): the device's setting decides, also when it changes
    # while a page is open (a phone switching to dark mode at dusk).
    page = new_context(color_scheme="light").new_page()
    page.goto("following-up/")
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.emulate_media(color_scheme="dark")
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    assert page.evaluate("getComputedStyle(document.body).colorScheme") == "dark"
    # The browser is told which schemes the page supports (scroll bars, form controls).
    assert page.locator('meta[name="color-scheme"]').get_attribute("content") == "light dark"
    page.emulate_media(color_scheme="light")
    expect(body).to_have_attribute("data-md-color-scheme", "default")


FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  return {
    id: el.id, tag: el.tagName,
    // Date and time fields hold focus in their parts (see planner.css).
    visible: el.matches(":focus-visible") || ["date", "time"].includes(el.type),
    ours: Boolean(el.closest(".planner-form, .planner-output")),
    outline: style.outlineStyle !== "none" ? parseFloat(style.outlineWidth) : 0,
    shadow: style.boxShadow,
  };
}"""


def focused(page: Page) -> dict:
    info = page.evaluate(FOCUS)
    assert info is not None, "focus was lost"
    # Visible focus: the browser says so, and the planner's controls really draw an outline
    # or a ring (Material's header shows focus on its own terms, e.g. on a toggle's label).
    assert info["visible"], info
    if info["ours"]:
        assert info["outline"] > 0 or info["shadow"] not in ("", "none"), info
    return info


def tab_to(page: Page, element_id: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page)["id"] == element_id:
            return
    raise AssertionError(f"#{element_id} cannot be reached with Tab")


def test_the_planner_works_by_keyboard_alone_and_says_what_changed(new_context) -> None:
    page = new_context().new_page()
    page.goto("planner/")
    wait_ready(page)
    announce = page.locator("#planner-announce")
    assert announce.get_attribute("aria-live") == "polite"
    expect(announce).to_contain_text("Plan updated")

    # From the top of the page, Tab reaches the form; every stop shows where focus is.
    tab_to(page, "pl-interview_date")
    page.keyboard.type("11172026")  # month, day, year: the date field's own segments
    expect(page.locator("#pl-interview_date")).to_have_value("2026-11-17")
    tab_to(page, "pl-format", limit=10)  # time fields: a stop per part
    page.keyboard.press("ArrowDown")
    expect(page.locator("#pl-format")).to_have_value("video")
    tab_to(page, "pl-company", limit=3)
    page.keyboard.type("Acme")
    tab_to(page, "pl-candidate", limit=3)
    page.keyboard.type("Sam Lee")
    tab_to(page, "pl-interviewer-0-name", limit=3)
    page.keyboard.type("Ana Diaz")
    thanks = page.locator("#planner-timeline [data-kind='thank_you']")
    expect(thanks).to_have_count(1)
    before = announce.inner_text()

    # Add an interviewer with the keyboard: focus moves into the new row's name field.
    tab_to(page, "pl-add-interviewer", limit=6)
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "pl-interviewer-1-name"
    page.keyboard.type("Bo Li")
    expect(thanks).to_have_count(2)
    expect(thanks.nth(1)).to_contain_text("Bo Li")
    # The change was announced to screen readers, in words that differ from before.
    expect(announce).not_to_have_text(before)
    expect(announce).to_contain_text("Plan updated")

    # Unfolding the steps before today and ticking one are key presses too.
    tab_to(page, "pl-keep", limit=200)
    tab_to(page, "pl-earlier", limit=20)
    page.keyboard.press("Enter")
    expect(page.locator("#pl-earlier")).to_have_attribute("aria-expanded", "true")
    first_tick = page.locator("#planner-timeline .planner-tick").first
    first_tick.focus()
    page.keyboard.press("Space")
    expect(first_tick).to_be_checked()
    assert page.evaluate("() => document.activeElement.matches(':focus-visible')")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_kept_plans_the_agenda_and_a_shared_links_question_pass_axe(new_context, scheme: str) -> None:
    context = new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto("planner/")
    wait_ready(page)
    for company in ("Acme", "Globex"):
        if company != "Acme":
            page.get_by_role("button", name="Start another plan").click()
        page.fill("#pl-company", company)
        page.get_by_label("Keep this plan on this device").check()
    expect(page.locator("#planner-plans [data-plan-id]")).to_have_count(2)
    shared = context.new_page()
    shared.goto("planner/#p=1.q1ZKUrJSMjIwMtM1NNQ1MlfSUUpBEjA0V6oFAA")
    wait_ready(shared)
    expect(shared.locator("#planner-link-choice")).to_be_visible()
    expect(shared.locator("#planner-agenda li[data-plan-id]").first).to_be_visible()
    found = axe_violations(shared)
    assert found == [], show("planner/ with kept plans and a shared link", found)
