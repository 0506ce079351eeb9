"""Helpers the planner page's browser tests share: filling the form, reading the plan."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Locator, Page, Route

FORM: dict[str, Any] = {
    "interview_date": "2026-11-17",
    "interview_start": "10:00",
    "interview_end": "11:00",
    "company": "Acme",
    "role": "Data analyst",
    "candidate": "Sam Lee",
    "interviewers": [
        {"name": "Ana Diaz", "title": "Head of Data", "email": "ana@acme.example"},
        {"name": "Bo Li", "title": "", "email": ""},
    ],
    "recruiter": "Jo at TalentCo",
    "decision_by": "2026-11-27",
    "references": ["Pat Kim"],
}


def fill(page: Page, form: dict[str, Any]) -> None:
    """Type the form like a reader: the labelled controls, one by one."""
    page.get_by_label("Interview date").fill(form["interview_date"])
    for name in ("interview_start", "interview_end", "company", "role", "candidate", "recruiter"):
        if name in form:
            page.locator(f"[name='{name}']").fill(form[name])
    for i, person in enumerate(form.get("interviewers", [])):
        if i:
            page.get_by_role("button", name="Add an interviewer").click()
        for part in ("name", "title", "email"):
            page.locator(f"[name='interviewers[{i}].{part}']").fill(person[part])
    for i, name in enumerate(form.get("references", [])):
        page.get_by_role("button", name="Add a reference").click()
        page.locator(f"[name='references[{i}]']").fill(name)
    if form.get("decision_by"):
        page.get_by_label("They would decide by a date").check()
        page.get_by_label("Decision date").fill(form["decision_by"])
    if "country" in form:
        page.get_by_label("Skip public holidays in").select_option(form["country"])


def stored(page: Page) -> str:
    """Everything this origin keeps in the browser's storage, as one string."""
    return page.evaluate(
        """() => [localStorage, sessionStorage].flatMap(store =>
             Object.keys(store).map(key => key + "=" + store.getItem(key))).join("\\n")"""
    )


def rendered(page: Page) -> list[tuple[str, str]]:
    return page.eval_on_selector_all(
        "#planner-timeline > li",
        "items => items.map(li => [li.dataset.step, li.querySelector('time').getAttribute('datetime')])",
    )


def wait_for_plan(page: Page, expected: dict[str, Any]) -> None:
    """Until the page shows exactly the expected steps (ids and dates), in order."""
    want = [[s["id"], s["date"]] for s in expected["steps"]]
    page.wait_for_function(
        """want => JSON.stringify([...document.querySelectorAll('#planner-timeline > li')]
             .map(li => [li.dataset.step, li.querySelector('time').getAttribute('datetime')]))
             === JSON.stringify(want)""",
        arg=want,
    )


def show_all_steps(page: Page) -> None:
    """Unfold the steps dated before today, which the page folds under a summary."""
    fold = page.locator("#pl-earlier")
    if fold.is_visible() and fold.get_attribute("aria-expanded") == "false":
        fold.click()


def hold_planner_wheel(page: Page) -> list[Route]:
    """Keep Python from finishing its start until the test releases the planner wheel."""
    held: list[Route] = []
    page.route("**/assets/wheels/planner-*.whl", lambda route: held.append(route))
    return held


def until_held(page: Page, held: list[Route]) -> Route:
    for _ in range(600):  # poll the condition (the request reaching the route), max ~30 s
        if held:
            return held[0]
        page.wait_for_timeout(50)
    raise AssertionError("the planner wheel was never requested")


RECORD_FIRST_DRAW = """(clickOnFirstBatch) => {
  const draw = (window.__draw = { batches: [], atReady: null, clicked: false });
  const total = () => draw.batches.reduce((a, b) => a + b, 0);
  new MutationObserver((records) => {
    let added = 0;
    for (const r of records) {
      if (r.type === "childList" && r.target.id === "planner-timeline") added += r.addedNodes.length;
      else if (r.type === "attributes" && draw.atReady === null) draw.atReady = total() + added;
    }
    if (!added) return;
    draw.batches.push(added);
    if (clickOnFirstBatch && draw.batches.length === 1 && !document.documentElement.dataset.plannerReady) {
      document.getElementById(clickOnFirstBatch).click();
      draw.clicked = true;
    }
  }).observe(document, { subtree: true, childList: true, attributes: true,
                         attributeFilter: ["data-planner-ready"] });
}"""


SLOW_CLOCK = """(() => {
  const now = performance.now.bind(performance);
  let spent = 0;
  performance.now = () => now() + (spent += 2);
})()"""


def on_a_slow_phone(page: Page, click_on_first_batch: str = "") -> None:
    """The pages this page opens run on a slow phone, with the timeline's batches recorded."""
    page.add_init_script(SLOW_CLOCK)
    page.add_init_script(f"({RECORD_FIRST_DRAW})({click_on_first_batch!r})")


COUNT_ADDRESS_WRITES = """
(() => {
  const replace = history.replaceState.bind(history);
  window.__addressWrites = [];
  history.replaceState = (state, title, url) => {
    if (url !== undefined && url !== null) window.__addressWrites.push(performance.now());
    return replace(state, title, url);
  };
})();
"""


def beside(scope: Page | Locator, button: str) -> Locator:
    """The status line beside a button: where the page says what the button did."""
    page = scope if isinstance(scope, Page) else scope.page
    control = page.get_by_role("button", name=button, exact=True)  # relative to each group
    return scope.locator("[data-confirm-scope]", has=control).locator("[data-confirm]")
