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
