"""The planner page, driven like a reader would: fill the form, read the plan, share it,
download it, print it, on a desktop and on a phone.

Expected dates always come from ``planner.api.plan_dict`` run here on the same input and the
same "today" the browser used, never from numbers written in the test."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import icalendar
import pytest
from playwright.sync_api import BrowserContext, Locator, Page, Request, Route, expect

from planner import share
from planner.api import plan_dict

from .conftest import browser_today, open_planner, wait_ready

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


def test_filled_form_gives_the_planners_timeline(page: Page) -> None:
    open_planner(page)
    today = browser_today(page)
    # The interview date starts as today, from the browser's clock.
    expect(page.get_by_label("Interview date")).to_have_value(today.isoformat())
    fill(page, FORM)
    expected = plan_dict(FORM, today)
    assert "steps" in expected, expected
    wait_for_plan(page, expected)
    n = len(expected["steps"])
    expect(page.locator("#planner-announce")).to_have_text(f"Plan updated: {n} steps.")

    items = page.locator("#planner-timeline > li")
    for i, step in enumerate(expected["steps"]):
        item = items.nth(i)
        expect(item).to_have_attribute("data-kind", step["kind"])
        expect(item).to_have_attribute("data-status", step["status"])
        expect(item.locator("h3")).to_have_text(step["title"])
        expect(item.locator("time").first).to_have_attribute("datetime", step["date"])
        if step["time"]:
            expect(item.locator("time").nth(1)).to_have_attribute(
                "datetime", f"{step['date']}T{step['time']['start']}"
            )
            expect(item.locator("time").nth(1)).to_have_text(
                f"{step['time']['start']}–{step['time']['end']}"
            )
        expect(item).to_contain_text(step["why"])
        if step["to"]:
            expect(item).to_contain_text(step["to"])
        hrefs = item.locator(".planner-step__sources a").evaluate_all(
            "as => as.map(a => a.getAttribute('href'))"
        )
        assert hrefs == [f"../sources/#a{name[:3]}" for name in step["sources"]]
        expect(item.get_by_role("link", name="Read the guide")).to_have_attribute(
            "href", f"../{step['guide']}"
        )
        google = item.get_by_role("link", name="Add to Google Calendar").get_attribute("href") or ""
        assert google.startswith("https://calendar.google.com/calendar/render?action=TEMPLATE&")
        assert f"dates={step['date'].replace('-', '')}" in google

    # Drafts: one thank-you per interviewer, addressed to them, with role, company and date.
    for person in ("Ana Diaz", "Bo Li"):
        note = page.locator("li[data-kind=thank_you]", has_text=f"For {person}")
        note.locator("summary", has_text="Draft").click()
        body = note.locator("pre").nth(1)
        expect(body).to_contain_text(f"Dear {person},")
        expect(body).to_contain_text("Data analyst role at Acme")
        expect(body).to_contain_text("Tuesday 17 November")
        expect(body).to_contain_text("Sam Lee")

    # What is due today or next is marked.
    for status, label in (("today", "Today"), ("next", "Next")):
        for item in page.locator(f"#planner-timeline > li[data-status={status}]").all():
            expect(item.locator(".planner-badge").first).to_have_text(label)

    # The whole form is in the fragment, never in the path or query.
    assert re.search(r"/planner/#p=1\.[A-Za-z0-9_-]+$", page.url)


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


def test_the_form_is_usable_while_python_starts(page: Page) -> None:
    held = hold_planner_wheel(page)
    page.goto("planner/")
    wheel = until_held(page, held)
    expect(page.locator("#planner-loading")).to_be_visible()
    expect(page.locator("#planner-loading")).to_contain_text("Starting the planner")
    page.get_by_label("Company").fill("Acme")
    page.locator("[name='interviewers[0].name']").fill("Ana Diaz")
    assert page.locator("html").get_attribute("data-planner-ready") is None
    wheel.continue_()
    wait_ready(page)
    expect(page.locator("#planner-loading")).to_be_hidden()
    expect(page.get_by_label("Company")).to_have_value("Acme")
    expect(page.locator("li[data-kind=thank_you]")).to_contain_text("Ana Diaz")


def test_typing_before_a_shared_link_opens_is_kept(page: Page) -> None:
    form = {"interview_date": "2026-11-17", "company": "Acme", "role": "Analyst"}
    held = hold_planner_wheel(page)
    page.goto("planner/" + share.fragment(form))
    wheel = until_held(page, held)
    page.get_by_label("Role").fill("Data engineer")
    wheel.continue_()
    wait_ready(page)
    expect(page.get_by_label("Company")).to_have_value("Acme")  # from the link
    expect(page.get_by_label("Role")).to_have_value("Data engineer")  # typed: kept
    expect(page.get_by_label("Interview date")).to_have_value("2026-11-17")


def test_quick_changes_end_on_the_plan_for_the_last_one(page: Page) -> None:
    # Every change is sent at once (no timer): changes made while Python is busy are sent as
    # one request for the latest form, and an answer for an older form is never drawn last.
    open_planner(page)
    date = page.get_by_label("Interview date")
    for day in ("2026-11-10", "2026-11-11", "2026-11-12", "2026-11-13"):
        date.fill(day)  # one input event each, with no wait in between
    page.get_by_label("Company").press_sequentially("Acme Robotics")
    form = {"interview_date": "2026-11-13", "company": "Acme Robotics"}
    wait_for_plan(page, plan_dict(form, browser_today(page)))
    expect(page.locator("li[data-kind=thank_you] .planner-draft").first).to_contain_text(
        "Acme Robotics"
    )
    expect(page.locator("#planner-announce")).to_contain_text("Plan updated")


def test_typing_is_announced_once_it_pauses_not_at_every_key(page: Page) -> None:
    # Each key press redraws the plan; a screen reader must not hear "Plan updated" per key.
    open_planner(page)
    expect(page.locator("#planner-announce")).to_contain_text("Plan updated")
    page.evaluate(
        """() => {
             window.__said = [];
             new MutationObserver(() => window.__said.push(
               document.getElementById("planner-announce").textContent))
               .observe(document.getElementById("planner-announce"),
                        { childList: true, characterData: true, subtree: true });
           }"""
    )
    # A steady typist: each key is drawn before the next (80 ms apart), none is a pause.
    page.get_by_label("Company").press_sequentially("Acme Robotics", delay=80)
    expect(page.locator("li[data-kind=thank_you] .planner-draft").first).to_contain_text(
        "Acme Robotics"
    )
    page.wait_for_function("() => window.__said.length > 0")  # said once typing has paused
    today = browser_today(page)
    n = len(plan_dict({"interview_date": today.isoformat(), "company": "Acme Robotics"}, today)["steps"])
    expect(page.locator("#planner-announce")).to_have_text(f"Plan updated: {n} steps.")
    # One message for the burst of typing (two if the machine stalled mid-word).
    assert len(page.evaluate("() => window.__said")) <= 2


def test_a_redraw_keeps_the_steps_that_did_not_change(page: Page) -> None:
    # A reader reading a draft while changing another answer keeps their place: steps whose
    # answer is unchanged keep their element (open draft, focus), changed ones are redrawn.
    open_planner(page)
    fill(page, FORM)
    today = browser_today(page)
    before = plan_dict(FORM, today)
    wait_for_plan(page, before)
    later = {**FORM, "decision_by": "2026-12-04"}
    after = plan_dict(later, today)
    same = [s["id"] for s in after["steps"] if s in before["steps"]]
    moved = [s["id"] for s in after["steps"] if s not in before["steps"]]
    assert "thank_you-1" in same and moved, (same, moved)  # what the test relies on

    thanks = page.locator("li[data-step='thank_you-1']")
    thanks.locator("summary").click()
    mark = "ids => ids.forEach(id => { document.querySelector(`li[data-step='${id}']`).__old = true; })"
    page.evaluate(mark, same + moved)
    page.get_by_label("Decision date").fill(later["decision_by"])
    wait_for_plan(page, after)
    kept = page.evaluate(
        "ids => ids.filter(id => document.querySelector(`li[data-step='${id}']`).__old === true)",
        same + moved,
    )
    assert kept == same
    expect(thanks.locator("details")).to_have_attribute("open", "")


# The steps put into the timeline by each task (a mutation observer's callback runs once after
# each task that changed the page), and how many were in when the page said ready; on the first
# batch, if the page is not ready yet, optionally a click on a button.
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


# A slow phone, as the first plan's drawing sees it: it budgets its tasks by performance.now(),
# and here every reading of the clock moves it on by 2 ms more, as if each step took that long.
# (Chromium's CPU throttling through the DevTools protocol did not always take effect here: a
# test run now and then drew the whole plan in one task.)
SLOW_CLOCK = """(() => {
  const now = performance.now.bind(performance);
  let spent = 0;
  performance.now = () => now() + (spent += 2);
})()"""


def on_a_slow_phone(page: Page, click_on_first_batch: str = "") -> None:
    """The pages this page opens run on a slow phone, with the timeline's batches recorded."""
    page.add_init_script(SLOW_CLOCK)
    page.add_init_script(f"({RECORD_FIRST_DRAW})({click_on_first_batch!r})")


def test_the_first_plan_is_drawn_a_few_steps_at_a_time_and_ready_when_whole(page: Page) -> None:
    # On a slow phone, building all the steps at once held the main thread for a long moment;
    # they are now added over several tasks, and the page says ready only when all are in.
    on_a_slow_phone(page)
    open_planner(page, share.fragment(FORM))
    expected = plan_dict(FORM, browser_today(page))
    wait_for_plan(page, expected)
    draw = page.evaluate("() => window.__draw")
    assert len(draw["batches"]) > 1, draw
    assert sum(draw["batches"]) == draw["atReady"] == len(expected["steps"]), draw


def test_forget_while_the_first_plan_is_drawn_leaves_only_the_new_plan(page: Page) -> None:
    # "Forget everything" pressed while a shared plan is still being drawn: the cleared form's
    # plan replaces it whole, with nothing of the half-drawn one left over.
    on_a_slow_phone(page, click_on_first_batch="pl-forget")
    page.goto("planner/" + share.fragment(FORM))
    today = browser_today(page)
    wait_for_plan(page, plan_dict({"interview_date": today.isoformat()}, today))
    assert page.evaluate("() => window.__draw.clicked")
    expect(page.get_by_label("Company")).to_have_value("")
    wait_ready(page)


def test_a_link_opened_while_a_plan_is_on_its_way_does_not_freeze_the_page(page: Page) -> None:
    # A change sends a plan request at once; a link pasted before its answer arrives must win,
    # and the form must keep answering afterwards.
    open_planner(page)
    linked = {"interview_date": "2026-11-17", "company": "Acme", "role": "Analyst"}
    page.evaluate(
        """link => {
             const company = document.querySelector("[name='company']");
             company.value = "Typed just before";
             company.dispatchEvent(new Event("input", { bubbles: true }));
             location.hash = link;
           }""",
        share.fragment(linked),
    )
    today = browser_today(page)
    wait_for_plan(page, plan_dict(linked, today))
    expect(page.get_by_label("Company")).to_have_value("Acme")
    page.get_by_label("Interview date").fill("2026-11-19")
    wait_for_plan(page, plan_dict({**linked, "interview_date": "2026-11-19"}, today))
    expect(page.locator("#planner-output")).not_to_have_attribute("aria-busy", "true")


def test_a_link_pasted_into_an_open_planner_opens_in_place(page: Page) -> None:
    # A coach sends a second link while the first is open: pasted into the address bar, it
    # replaces the plan without the page being fetched and rebuilt (open drafts, focus and
    # scroll stay), and Back returns to the first plan.
    first = {"interview_date": "2026-11-17", "company": "Alpha"}
    second = {"interview_date": "2026-11-18", "company": "Beta", "decision_by": "2026-11-30"}
    fetched: list[Request] = []
    page.on(
        "request",
        lambda r: r.resource_type in ("document", "fetch", "xhr")
        and r.url.split("#")[0].endswith("/planner/")
        and fetched.append(r),
    )
    open_planner(page, share.fragment(first))
    today = browser_today(page)
    wait_for_plan(page, plan_dict(first, today))
    page.evaluate("() => { document.getElementById('planner-form').__old = true; }")
    assert len(fetched) == 1

    page.evaluate("link => { location.hash = link; }", share.fragment(second))
    wait_for_plan(page, plan_dict(second, today))
    expect(page.get_by_label("Company")).to_have_value("Beta")
    page.go_back()
    wait_for_plan(page, plan_dict(first, today))
    expect(page.get_by_label("Company")).to_have_value("Alpha")
    assert page.evaluate("() => document.getElementById('planner-form').__old") is True
    assert len(fetched) == 1, [f"{r.resource_type} {r.url}" for r in fetched]


def test_steps_are_ticked_off(page: Page) -> None:
    open_planner(page)
    first = page.locator("#planner-timeline > li").first
    page.get_by_label("Company").fill("Acme")
    expect(page.locator("#planner-announce")).to_contain_text("Plan updated")
    first.get_by_label("Done").check()
    expect(first).to_have_class(re.compile(r"\bis-done\b"))
    # Nothing is stored unless the reader opts in.
    assert "after-the-interview" not in stored(page)
    assert "Acme" not in stored(page)


CASES = [
    ("interview_date", {"interview_date": ""}, "#pl-interview_date"),
    ("interview_end", {"interview_start": "11:00", "interview_end": "10:00"}, "#pl-interview_end"),
    (
        "interviewers[0].email",
        {"interviewers": [{"name": "Ana", "title": "", "email": "ana@"}]},
        "[name='interviewers[0].email']",
    ),
    ("decision_by", {"decision_by": "2026-11-01"}, "#pl-decision_by"),
]


@pytest.mark.parametrize(("field", "change", "selector"), CASES, ids=[c[0] for c in CASES])
def test_each_error_shows_next_to_its_field(
    page: Page, field: str, change: dict[str, Any], selector: str
) -> None:
    open_planner(page)
    form = {"interview_date": "2026-11-17", **change}
    expected = plan_dict(form, browser_today(page))
    messages = [e["message"] for e in expected.get("errors", []) if e["field"] == field]
    assert messages, expected
    fill(page, {**form, "interview_date": form["interview_date"]})
    control = page.locator(selector)
    expect(control).to_have_attribute("aria-invalid", "true")
    error = page.locator(f"#{control.get_attribute('id')}-error")
    expect(error).to_be_visible()
    expect(error).to_have_text(" ".join(messages))
    # The message sits right after its field and is announced with it.
    assert (
        control.evaluate("c => c.nextElementSibling && c.nextElementSibling.id")
        == f"{control.get_attribute('id')}-error"
    )
    assert error.get_attribute("id") in (control.get_attribute("aria-describedby") or "").split()
    # Nothing typed is lost.
    if change.get(field) not in (None, ""):
        expect(control).to_have_value(str(change[field]))
    expect(page.locator("#planner-announce")).to_contain_text("Plan not updated")
    # The last good plan stays on screen, marked as out of date.
    expect(page.locator("#planner-problems")).to_contain_text("from before your last change")
    expect(page.locator("#planner-timeline")).to_have_class(re.compile(r"\bplanner-stale\b"))


def test_group_errors_show_in_their_fieldset(page: Page) -> None:
    open_planner(page)
    for day in range(5):
        page.locator(f"#pl-wd-{day}").uncheck()
    expected = plan_dict(
        {"interview_date": browser_today(page).isoformat(), "working_days": []}, browser_today(page)
    )
    (message,) = [e["message"] for e in expected["errors"] if e["field"] == "working_days"]
    slot = page.locator("#pl-working-days [data-error-slot=working_days]")
    expect(slot).to_have_text(message)
    slot_id = slot.get_attribute("id")
    described = page.locator("#pl-working-days").get_attribute("aria-describedby") or ""
    assert slot_id and slot_id in described
    page.locator("#pl-wd-0").check()
    expect(page.locator("#planner-announce")).to_contain_text("Plan updated")
    expect(slot).to_be_hidden()


def test_a_shared_link_with_an_unknown_choice_keeps_the_rest(page: Page) -> None:
    form = {"interview_date": "2026-11-17", "company": "Acme", "thanks_timing": "whenever"}
    open_planner(page, share.fragment(form))
    expect(page.get_by_label("Company")).to_have_value("Acme")
    expect(page.locator("#planner-problems")).to_contain_text("when to thank")
    # The default the form falls back to is visible, and the plan is computed with it.
    expect(page.get_by_label("The next working day (default)").first).to_be_checked()
    expect(page.locator("#planner-announce")).to_contain_text("Plan updated")


def test_errors_land_on_the_right_row_when_blank_rows_are_skipped(page: Page) -> None:
    open_planner(page)
    page.get_by_role("button", name="Add an interviewer").click()  # row 1 stays blank
    page.get_by_role("button", name="Add an interviewer").click()
    page.locator("[name='interviewers[2].name']").fill("Bo Li")
    page.locator("[name='interviewers[2].email']").fill("bo@")
    expect(page.locator("[name='interviewers[2].email']")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#pl-interviewer-2-email-error")).to_be_visible()
    expect(page.locator("[name='interviewers[0].email']")).not_to_have_attribute(
        "aria-invalid", "true"
    )


def test_an_error_follows_its_field_when_a_row_above_is_removed(page: Page) -> None:
    open_planner(page)
    page.get_by_role("button", name="Add an interviewer").click()
    page.locator("[name='interviewers[1].name']").fill("Bo Li")
    page.locator("[name='interviewers[1].email']").fill("bo@")
    expect(page.locator("#pl-interviewer-1-email-error")).to_be_visible()
    page.get_by_role("button", name="Remove interviewer 1").click()
    # Bo is now the first interviewer: the message is still beside the email typed, and the
    # field is described by that message only (no reference to the old row's message).
    email = page.locator("[name='interviewers[0].email']")
    expect(email).to_have_value("bo@")
    expect(page.locator("#planner-announce")).to_contain_text("Plan not updated")
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(email).to_have_attribute("aria-describedby", "pl-interviewer-0-email-error")
    expect(page.locator("#pl-interviewer-0-email-error")).to_be_visible()
    expect(page.locator(".planner-error:not([hidden])")).to_have_count(1)
    email.fill("bo@example.com")
    expect(page.locator("#planner-announce")).to_contain_text("Plan updated")
    expect(email).not_to_have_attribute("aria-describedby", re.compile("."))
    expect(page.locator(".planner-error:not([hidden])")).to_have_count(0)


def test_share_link_opens_the_same_plan_for_someone_else(
    page: Page, new_context: Callable[..., BrowserContext]
) -> None:
    open_planner(page)
    fill(page, {**FORM, "country": "GB"})
    expected = plan_dict({**FORM, "country": "GB"}, browser_today(page))
    wait_for_plan(page, expected)
    link = page.url
    assert "Acme" not in link and "Ana" not in link  # packed, not spelled out

    other = new_context().new_page()
    open_planner(other, link.split("/planner/", 1)[1])
    wait_for_plan(other, expected)
    assert rendered(other) == rendered(page)
    for name in (
        "company",
        "role",
        "candidate",
        "recruiter",
        "interviewers[1].name",
        "references[0]",
        "country",
    ):
        expect(other.locator(f"[name='{name}']")).to_have_value(
            page.locator(f"[name='{name}']").input_value()
        )
    expect(other.get_by_label("Decision date")).to_have_value(FORM["decision_by"])
    expect(other.locator("#planner-problems")).to_be_hidden()


def beside(scope: Page | Locator, button: str) -> Locator:
    """The status line beside a button: where the page says what the button did."""
    page = scope if isinstance(scope, Page) else scope.page
    control = page.get_by_role("button", name=button, exact=True)  # relative to each group
    return scope.locator("[data-confirm-scope]", has=control).locator("[data-confirm]")


def test_copy_buttons_copy_the_share_link_and_the_drafts(
    new_context: Callable[..., BrowserContext],
) -> None:
    ctx = new_context(permissions=["clipboard-read", "clipboard-write"])
    page = open_planner(ctx.new_page())
    page.locator("[name='interviewers[0].name']").fill("Ana Diaz")
    note = page.locator("li[data-kind=thank_you]", has_text="For Ana Diaz")
    expect(note).to_be_visible()  # the plan for what was typed is on screen
    page.get_by_role("button", name="Copy link").click()
    expect(beside(page, "Copy link")).to_have_text("Link copied. It contains the names you typed.")
    link = page.evaluate("() => navigator.clipboard.readText()")
    assert link == page.url and re.search(r"#p=1\.[A-Za-z0-9_-]+$", link)
    expect(page.locator(".planner-share-note")).to_contain_text("names you typed")
    # Each draft's parts copy exactly as shown.
    note.locator("summary", has_text="Draft").click()
    note.get_by_role("button", name="Copy message").click()
    expect(beside(note, "Copy message")).to_have_text("Copied.")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == note.locator("pre").nth(1).text_content()
    assert copied.startswith("Dear Ana Diaz,")


# Records when the page writes a new address (Material's own replaceState calls pass no URL).
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


def test_fast_typing_keeps_to_the_browsers_address_bar_allowance(
    new_context: Callable[..., BrowserContext],
) -> None:
    # Typing redraws the plan, and its link, at every key. Safari refuses more than 100 address
    # changes in 10 seconds (Firefox 200): the page writes at most 60, and the address and
    # "Copy link" still end on the plan for everything typed.
    ctx = new_context(permissions=["clipboard-read", "clipboard-write"])
    ctx.add_init_script(COUNT_ADDRESS_WRITES)
    page = open_planner(ctx.new_page())
    company = page.get_by_label("Company")
    company.click()
    first = "Acme Robotics, the firm whose robots make robots, and the people who mend them"
    # A very fast typist (25 keys a second); the field takes 120 characters: type, take back,
    # type again.
    page.keyboard.type(first, delay=40)
    for _ in range(40):
        page.keyboard.press("Backspace", delay=40)
    page.keyboard.type("the firm of the mending people, and robots", delay=40)
    typed = first[:-40] + "the firm of the mending people, and robots"
    expect(company).to_have_value(typed)
    page.wait_for_function(
        "want => [...document.querySelectorAll('#planner-timeline pre')]"
        ".some((pre) => pre.textContent.includes(want))",
        arg=typed.strip(),
    )
    page.get_by_role("button", name="Copy link").click()
    expect(beside(page, "Copy link")).to_contain_text("Link copied")
    link = page.evaluate("() => navigator.clipboard.readText()")
    assert share.decode(link.split("#", 1)[1]).raw["company"] == typed.strip()
    page.wait_for_function("want => location.href === want", arg=link)
    writes: list[float] = page.evaluate("() => window.__addressWrites")
    busiest = max(sum(1 for t in writes if start <= t < start + 10_000) for start in writes)
    assert len(writes) > 10 and busiest <= 60, (len(writes), busiest)


def test_a_damaged_or_newer_link_says_so_and_keeps_the_page_working(page: Page) -> None:
    open_planner(page, "#p=9.AAAA")
    expect(page.locator("#planner-problems")).to_contain_text("format 9")
    expect(page.locator("#planner-timeline > li").first).to_be_visible()
    page.goto("about:blank")
    open_planner(page, "#p=1.!!notalink")
    expect(page.locator("#planner-problems")).to_contain_text("could not be read")


def test_calendar_file_has_every_step_from_today_on(page: Page) -> None:
    open_planner(page)
    today = browser_today(page)
    # Dated around today, so that the file holds steps whatever day the test runs.
    form = {**FORM, "interview_date": (today - dt.timedelta(days=1)).isoformat(),
            "decision_by": (today + dt.timedelta(days=10)).isoformat()}
    fill(page, form)
    expected = plan_dict(form, today)
    wait_for_plan(page, expected)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download calendar (.ics)").click()
    download = info.value
    assert download.suggested_filename == f"after-the-interview-acme-data-analyst-{form['interview_date']}.ics"
    cal = icalendar.Calendar.from_ical(Path(download.path()).read_bytes())
    events = list(cal.walk("VEVENT"))
    kept = [step for step in expected["steps"] if step["date"] >= today.isoformat()]
    assert 0 < len(kept) < len(expected["steps"])  # the interview day's steps are past
    assert len(events) == len(kept)
    uids = set()
    for event, step in zip(events, kept, strict=True):
        start = event.decoded("DTSTART")
        assert start.isoformat()[:10] == step["date"]
        if step["time"]:
            assert isinstance(start, dt.datetime)
            assert f"{start:%H:%M}" == step["time"]["start"]
        else:
            assert not isinstance(start, dt.datetime)
        assert str(event["SUMMARY"]).startswith(step["title"])
        assert event.get("DTSTAMP") is not None
        (alarm,) = event.walk("VALARM")  # the default reminder: the evening before
        assert alarm.decoded("TRIGGER") < dt.timedelta(0)
        uids.add(str(event["UID"]))
    assert len(uids) == len(events)
    guide = page.locator("#planner-output").get_by_role("link", name="add your plan to a calendar")
    assert guide.evaluate("a => a.href") == page.url.split("planner/")[0] + "add-to-calendar/"


def test_printed_plan_is_a_checklist_without_the_form(page: Page) -> None:
    open_planner(page)
    fill(page, FORM)
    wait_for_plan(page, plan_dict(FORM, browser_today(page)))
    page.emulate_media(media="print")
    expect(page.locator("#planner-form")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator("#planner-actions")).to_be_hidden()
    expect(page.locator("#planner-timeline")).to_be_visible()
    expect(page.locator("#planner-timeline > li h3").first).to_be_visible()
    # A typical plan fits on one sheet.
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    page.emulate_media(media="screen")
    expect(page.locator("#planner-form")).to_be_visible()


def test_works_on_a_phone(new_context: Callable[..., BrowserContext]) -> None:
    ctx = new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = open_planner(ctx.new_page())
    fill(page, FORM)
    expected = plan_dict(FORM, browser_today(page))
    wait_for_plan(page, expected)
    # Nothing wider than the screen: no sideways scrolling.
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    for selector in (
        "#pl-interview_date",
        "#pl-add-interviewer",
        "#pl-copy-link",
        "#pl-share",
        "#pl-reminder",
        "#pl-download-ics",
        "#planner-timeline > li",
    ):
        box = page.locator(selector).first.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, selector


def test_keep_on_this_device_is_opt_in_and_forget_clears_it(page: Page) -> None:
    open_planner(page)
    page.get_by_label("Company").fill("Acme")
    expect(page.locator("#planner-announce")).to_contain_text("Plan updated")
    assert "Acme" not in stored(page)
    page.get_by_label("Keep this plan on this device").check()
    page.locator("#planner-timeline > li").first.get_by_label("Done").check()
    assert "Acme" in stored(page)
    # Back later, without the link: the form and the tick are still there.
    page.goto("planner/")
    wait_ready(page)
    expect(page.get_by_label("Company")).to_have_value("Acme")
    expect(page.locator("#planner-timeline > li").first.get_by_label("Done")).to_be_checked()
    page.get_by_role("button", name="Forget everything on this device").click()
    assert "after-the-interview" not in stored(page) and "Acme" not in stored(page)
    expect(page.get_by_label("Company")).to_have_value("")
    expect(page.get_by_label("Keep this plan on this device")).not_to_be_checked()


def test_public_holidays_load_only_when_a_country_is_chosen(page: Page) -> None:
    wheels: list[str] = []
    page.on(
        "request",
        lambda r: wheels.append(r.url.rsplit("/", 1)[1]) if r.url.endswith(".whl") else None,
    )
    open_planner(page)
    assert [w for w in wheels if not w.startswith("planner-")] == []
    form = {
        "interview_date": "2026-12-24",
        "interviewers": [{"name": "Ana", "title": "", "email": ""}],
        "country": "GB",
    }
    fill(page, form)
    expected = plan_dict(form, browser_today(page))
    wait_for_plan(page, expected)
    assert any(w.startswith("holidays-") for w in wheels)
    assert not any(w.startswith("icalendar-") for w in wheels)


def test_keyboard_only(page: Page) -> None:
    open_planner(page)
    page.get_by_role("button", name="Add a reference").click()
    # Every control has a visible label, and every group a legend.
    unlabelled = page.evaluate(
        """() => [...document.querySelectorAll(
                 '#planner-form input, #planner-form select, #planner-output input')]
             .filter(c => !c.labels || c.labels.length === 0 ||
                          [...c.labels].every(l => !l.textContent.trim()))
             .map(c => c.name || c.id)"""
    )
    assert unlabelled == []
    assert page.locator("#planner-form fieldset:not(:has(> legend))").count() == 0
    page.get_by_role("button", name="Add an interviewer").focus()
    page.keyboard.press("Enter")
    expect(page.locator("[name='interviewers[1].name']")).to_be_focused()
    page.keyboard.type("Bo Li")
    page.keyboard.press("Tab")
    expect(page.locator("[name='interviewers[1].title']")).to_be_focused()
    page.get_by_role("button", name="Remove interviewer 2").focus()
    page.keyboard.press("Enter")
    expect(page.locator("[name='interviewers[1].name']")).to_have_count(0)
    page.locator("#pl-advanced summary").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_label("The same day")).to_be_visible()
    differs = page.locator("#pl-advanced").get_by_role("link", name="where the advice differs")
    assert (
        differs.evaluate("a => a.href") == page.url.split("planner/")[0] + "where-advice-differs/"
    )


def test_source_and_guide_links_lead_to_their_sections(page: Page) -> None:
    open_planner(page)
    step = page.locator("#planner-timeline > li").first
    source = step.locator(".planner-step__sources a").first
    anchor = (source.get_attribute("href") or "").split("#", 1)[1]
    source.click()
    expect(page).to_have_url(re.compile(rf"/sources/#{anchor}$"))
    expect(page.locator(f"[id='{anchor}']")).to_be_visible()
    page.go_back()
    wait_ready(page)
    guide = page.locator("#planner-timeline > li").first.get_by_role("link", name="Read the guide")
    target = (guide.get_attribute("href") or "").removeprefix("../")
    guide.click()
    page_path, section = target.split("#", 1)
    expect(page).to_have_url(re.compile(rf"/{re.escape(page_path)}#{section}$"))
    expect(page.locator(f"[id='{section}']")).to_be_visible()


def test_ready_for_a_strict_content_security_policy(page: Page) -> None:
    open_planner(page)
    fill(page, FORM)
    wait_for_plan(page, plan_dict(FORM, browser_today(page)))
    page.locator("#planner-timeline details").first.evaluate("d => { d.open = true; }")
    # No inline styles or event-handler attributes in anything the planner writes or ships.
    found = page.evaluate(
        """() => [...document.querySelectorAll(
                 '#planner-form, #planner-form *, #planner-output, #planner-output *')]
             .flatMap(el => el.getAttributeNames()
               .filter(a => a === 'style' || a.startsWith('on'))
               .map(a => el.tagName + '[' + a + ']'))"""
    )
    assert found == []
    # The planner's code is an external module: the page's content has no inline script (the
    # theme's own are allowed by their hashes, tests/trust/test_csp.py).
    inline = page.evaluate(
        """() => [...document.querySelectorAll('article script')]
             .filter(s => !s.src).map(s => s.textContent)"""
    )
    assert inline == []
