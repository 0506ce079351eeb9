"""Several interviews, one agenda: the plans kept on this device, the agenda across them, what a
shared link does while plans are kept, and where the plan sits on a phone and on a laptop.

Expected dates and words come from the planner's own Python run here on the same input and the
same "today" the browser used, never from numbers written in the test."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, Route, expect

from planner import share, view
from planner.api import plan_dict

from .conftest import browser_today, open_planner, wait_ready
from .planner_page import (
    FORM,
    beside,
    fill,
    hold_planner_wheel,
    show_all_steps,
    stored,
    until_held,
    wait_for_plan,
)

SIZES = [{"width": 390, "height": 844}, {"width": 1366, "height": 900}]
SIZE_IDS = ["phone", "laptop"]
KEY = "after-the-interview:planner"


def around(today: dt.date, **changes: Any) -> dict[str, Any]:
    """FORM, interviewed yesterday with a decision promised in ten days, plus ``changes``."""
    return {**FORM, "interview_date": (today - dt.timedelta(days=1)).isoformat(),
            "decision_by": (today + dt.timedelta(days=10)).isoformat(), **changes}


def keep_said(page: Page) -> Locator:
    """What the page says beside "Keep this plan"."""
    return page.locator(".planner-keep [data-confirm]")


def list_said(page: Page) -> Locator:
    """What the page says beside the list of kept plans (where a shared link's question was)."""
    return page.locator("#planner-mine [data-confirm]")


def keep(page: Page) -> None:
    page.get_by_label("Keep this plan on this device").check()
    expect(keep_said(page)).to_have_text(view.MESSAGES["kept"])


def plan_names(page: Page) -> list[str]:
    return page.locator("#planner-plans .planner-plans__open").all_text_contents()


def kept_plans(page: Page) -> dict[str, Any]:
    return json.loads(page.evaluate(f"() => localStorage.getItem({KEY!r})"))["plans"]


def agenda(page: Page, section: str) -> list[tuple[str, str, str, str]]:
    """(plan name, kind, date, title) of each item of an agenda section, as drawn."""
    names = dict(page.eval_on_selector_all(
        "#planner-plans [data-plan-id]",
        "items => items.map(li => [li.dataset.planId, li.querySelector('button').textContent])"))
    items = page.eval_on_selector_all(
        f"[data-agenda={section}] li[data-plan-id]",
        """items => items.map(li => [li.dataset.planId, li.dataset.kind,
             li.querySelector('time').getAttribute('datetime'),
             li.querySelector('button').textContent])""")
    return sorted((names[plan], kind, date, title) for plan, kind, date, title in items)


def due_today(name: str, form: dict[str, Any], today: dt.date, ticked: set[str] = frozenset()):
    return [(name, s["kind"], s["date"], s["title"]) for s in plan_dict(form, today)["steps"]
            if s["date"] == today.isoformat() and not s["optional"] and s["id"] not in ticked]


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_two_interviews_kept_ticked_switched_reloaded_one_agenda(
    new_context: Callable[..., BrowserContext], size: dict[str, int]
) -> None:
    page = open_planner(new_context(viewport=size).new_page())
    today = browser_today(page)
    acme = around(today)
    globex = around(today, company="Globex", role="Engineer", candidate="Sam Lee",
                    interviewers=[{"name": "Lena Ruiz", "title": "", "email": ""}])

    # A fresh browser: no plan list, no agenda, nothing stored, until the reader opts in.
    fill(page, acme)
    wait_for_plan(page, plan_dict(acme, today))
    expect(page.locator("[data-plan-id]")).to_have_count(0)
    expect(page.locator("#planner-mine")).to_be_hidden()
    assert stored(page) == ""

    keep(page)
    expect(keep_said(page)).to_have_text(view.MESSAGES["kept"])
    page.get_by_role("button", name="Start another plan").click()
    fill(page, globex)
    wait_for_plan(page, plan_dict(globex, today))
    keep(page)
    expect(page.locator("#planner-plans [data-plan-id]")).to_have_count(2)
    assert sorted(plan_names(page)) == ["Data analyst at Acme", "Engineer at Globex"]

    # Same interview day, same step ids: a tick in one plan stays in that plan.
    show_all_steps(page)
    thank_lena = page.locator("#planner-timeline li[data-kind=thank_you]", has_text="Lena Ruiz")
    thank_lena.get_by_role("checkbox").check()
    page.get_by_role("button", name="Data analyst at Acme", exact=True).click()
    wait_for_plan(page, plan_dict(acme, today))
    show_all_steps(page)
    thank_ana = page.locator("#planner-timeline li[data-kind=thank_you]", has_text="Ana Diaz")
    expect(thank_ana.get_by_role("checkbox")).not_to_be_checked()

    # A reload reopens this tab's plan, with its own ticks.
    page.reload()
    wait_ready(page)
    wait_for_plan(page, plan_dict(acme, today))
    expect(page.get_by_label("Company")).to_have_value("Acme")
    expect(page.get_by_label("Keep this plan on this device")).to_be_checked()

    # One agenda across both plans: due today, each item carrying its plan, kind and date.
    lena_id = next(s["id"] for s in plan_dict(globex, today)["steps"] if s["kind"] == "thank_you")
    want = sorted(due_today("Data analyst at Acme", acme, today)
                  + due_today("Engineer at Globex", globex, today, {lena_id}))
    if want:
        expect(page.locator("[data-agenda=today] li[data-plan-id]")).to_have_count(len(want))
    assert agenda(page, "today") == want

    # An agenda item opens its plan at its step.
    item = page.locator("#planner-agenda li[data-plan-id]", has_text="Engineer at Globex").first
    step_title = item.locator("button").text_content()
    item.locator("button").click()
    wait_for_plan(page, plan_dict(globex, today))
    expect(page.get_by_label("Company")).to_have_value("Globex")
    expect(page.locator("#planner-timeline li.planner-step", has_text=step_title).first).to_be_in_viewport()

    # They replied: recorded in this plan, its chasing stops (004 ¶5, 002 ¶7), from today on.
    page.get_by_label("What they have done since").select_option("replied")
    expect(page.get_by_label("The day they got back to you")).to_have_value(today.isoformat())
    replied = {**globex, "heard": "replied", "heard_on": today.isoformat()}
    wait_for_plan(page, plan_dict(replied, today))
    chasing = {"follow_up", "stop_chasing", "check_in"}
    assert any(s["kind"] in chasing for s in plan_dict(globex, today)["steps"])
    expect(page.locator("#planner-timeline li[data-kind=follow_up]")).to_have_count(0)
    stored_globex = next(p for p in kept_plans(page).values() if p["name"] == "Engineer at Globex")
    assert not [i for i in stored_globex["agenda"] if i["kind"] in chasing]
    assert stored_globex["form"]["heard"] == "replied"

    # Deleting one plan asks once more, then removes only it.
    row = page.locator("#planner-plans li", has_text="Data analyst at Acme")
    row.get_by_role("button", name="Delete").click()
    assert len(kept_plans(page)) == 2
    row.get_by_role("button", name="Delete for good").click()
    expect(page.locator("#planner-plans [data-plan-id]")).to_have_count(1)
    assert [p["name"] for p in kept_plans(page).values()] == ["Engineer at Globex"]

    # Forget everything: no plan, no agenda, nothing stored.
    page.get_by_role("button", name="Forget everything on this device").click()
    expect(page.locator("[data-plan-id]")).to_have_count(0)
    assert stored(page) == ""


def test_a_second_tab_never_brings_an_old_state_back(
    new_context: Callable[..., BrowserContext],
) -> None:
    ctx = new_context()
    first = open_planner(ctx.new_page())
    today = browser_today(first)
    form = around(today)
    fill(first, form)
    wait_for_plan(first, plan_dict(form, today))
    keep(first)

    second = open_planner(ctx.new_page())  # opens the kept plan
    wait_for_plan(second, plan_dict(form, today))
    show_all_steps(second)
    second.locator("#planner-timeline li[data-kind=thank_you]").first.get_by_role("checkbox").check()

    show_all_steps(first)
    # The first tab follows the tick made in the second, and its own tick adds to it.
    expect(first.locator("#planner-timeline li[data-kind=thank_you]").first.get_by_role("checkbox")).to_be_checked()
    first.locator("#planner-timeline li[data-kind=notes]").first.get_by_role("checkbox").check()
    (plan,) = kept_plans(first).values()
    steps = plan_dict(form, today)["steps"]
    firsts = {next(s["id"] for s in steps if s["kind"] == kind) for kind in ("thank_you", "notes")}
    assert {key.split("@")[0] for key in plan["ticks"]} == firsts
    # Typing in one tab changes that plan's form only; the other tab's ticks stay.
    first.get_by_label("Role").fill("Senior analyst")
    expect(first.locator("#planner-plans button").first).to_have_text("Senior analyst at Acme")
    (plan,) = kept_plans(second).values()
    assert len(plan["ticks"]) == 2 and plan["form"]["role"] == "Senior analyst"


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_a_shared_link_opens_on_the_plan_and_asks_before_keeping_it(
    new_context: Callable[..., BrowserContext], size: dict[str, int]
) -> None:
    ctx = new_context(viewport=size)
    page = open_planner(ctx.new_page())
    today = browser_today(page)
    mine = around(today)
    theirs = around(today, company="Globex", role="Engineer")
    fill(page, mine)
    wait_for_plan(page, plan_dict(mine, today))
    keep(page)
    before = kept_plans(page)

    def open_link(form: dict[str, Any]) -> Page:
        other = ctx.new_page()
        other.goto("planner/#p=" + share.encode(form))
        wait_ready(other)
        wait_for_plan(other, plan_dict(form, today))
        return other

    # Only view: shown on the plan, with the note and the question, and nothing kept.
    viewing = open_link(theirs)
    expect(viewing.locator("#planner-link-choice")).to_be_visible()
    expect(viewing.locator("#planner-shared-note")).to_be_visible()
    expect(viewing.get_by_label("Keep this plan on this device")).not_to_be_checked()
    viewing.get_by_role("button", name="Only view it").click()
    expect(viewing.locator("#planner-link-choice")).to_be_hidden()
    expect(list_said(viewing)).to_have_text(view.MESSAGES["link_viewed"])
    assert kept_plans(viewing) == before

    # Add: a second plan, with the link's details.
    adding = open_link(theirs)
    adding.get_by_role("button", name="Add it to my plans").click()
    expect(adding.locator("#planner-plans [data-plan-id]")).to_have_count(2)
    expect(adding.get_by_label("Keep this plan on this device")).to_be_checked()
    assert sorted(plan_names(adding)) == ["Data analyst at Acme", "Engineer at Globex"]

    # Replace: the chosen plan takes the link's details; the other is untouched.
    third = around(today, company="Initech", role="Tester")
    replacing = open_link(third)
    replacing.get_by_label("Or replace a kept plan with it").select_option(label="Engineer at Globex")
    replacing.get_by_role("button", name="Replace", exact=True).click()
    expect(list_said(replacing)).to_have_text(
        view.MESSAGES["link_replaced"].format(name="Engineer at Globex"))
    assert sorted(plan_names(replacing)) == ["Data analyst at Acme", "Tester at Initech"]
    mine_now = [p for p in kept_plans(replacing).values() if p["name"] == "Data analyst at Acme"]
    assert mine_now == list(before.values())


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_someone_opening_a_shared_link_lands_on_the_plan_with_the_form_one_tap_away(
    new_context: Callable[..., BrowserContext], size: dict[str, int]
) -> None:
    page = new_context(viewport=size).new_page()
    page.goto("planner/")
    today = browser_today(page)
    form = around(today)
    page.goto("about:blank")
    page.goto("planner/#p=" + share.encode(form))
    wait_ready(page)
    wait_for_plan(page, plan_dict(form, today))
    expect(page.locator("#planner-link-choice")).to_be_hidden()  # nothing kept: nothing to ask
    expect(page.locator("#planner-shared-note")).to_be_visible()
    expect(page.locator("#your-plan")).to_be_in_viewport()
    page.get_by_role("button", name="Change its details in the form").click()
    expect(page.get_by_label("Interview date")).to_be_focused()
    expect(page.get_by_label("Interview date")).to_be_in_viewport()
    assert stored(page) == ""


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_the_plan_is_where_the_eye_is_earlier_steps_folded_and_printed_with_a_heading(
    new_context: Callable[..., BrowserContext], size: dict[str, int]
) -> None:
    page = open_planner(new_context(viewport=size).new_page())
    today = browser_today(page)
    form = around(today, interview_date=(today - dt.timedelta(days=8)).isoformat(),
                  decision_by=(today + dt.timedelta(days=6)).isoformat())
    fill(page, form)
    expected = plan_dict(form, today)
    wait_for_plan(page, expected)
    steps = expected["steps"]

    due = sum(1 for s in steps if s["date"] == today.isoformat())
    if size["width"] < 900:
        # A phone: a control near the top goes to the plan and says what is due today.
        jump = page.locator("#pl-jump")
        expect(jump).to_have_text(view.jump_label(due))
        assert jump.bounding_box()["y"] < size["height"]
        jump.click()
        expect(page.locator("#your-plan")).to_be_in_viewport()
    else:
        # A laptop: the plan beside the form, in view while the form is filled in.
        expect(page.locator("#pl-jump")).to_be_hidden()
        form_box = page.locator("#planner-form").bounding_box()
        plan_box = page.locator("#planner-layout-plan").bounding_box()
        assert plan_box["x"] >= form_box["x"] + form_box["width"]
        page.get_by_label("Your name").focus()
        expect(page.locator("#planner-timeline li.planner-step:not([data-status=past])").first
               ).to_be_in_viewport()

    # Steps before today are folded under a summary, never marked as failures.
    earlier = [s for s in steps if s["date"] < today.isoformat()]
    summary = page.locator("#pl-earlier")
    expect(summary).to_have_text(view.earlier_summaries(len(earlier))[0])
    expect(page.locator("#planner-timeline li.planner-step[data-status=past]").first).to_be_hidden()
    expect(page.locator("#planner-output")).not_to_contain_text("Date passed")
    summary.click()
    expect(summary).to_have_attribute("aria-expanded", "true")
    page.locator("#planner-timeline li.planner-step[data-status=past]").first.get_by_role("checkbox").check()
    expect(summary).to_have_text(view.earlier_summaries(len(earlier))[1])

    # The decision step says what they said, and the day it falls due.
    decision = next(s for s in steps if s["kind"] == "decision_due")
    expect(page.locator("#planner-timeline li[data-kind=decision_due] h3")).to_have_text(decision["title"])

    # Printed: a heading naming whose plan, the job, the interview and the day; the form and
    # the earlier steps left out; each step with a box to tick.
    page.emulate_media(media="print")
    head = page.locator("#planner-print-head")
    expect(head).to_be_visible()
    label = view.date_label
    expect(head).to_have_text(
        f"Follow-up plan for Sam LeeData analyst at AcmeInterview on "
        f"{label(dt.date.fromisoformat(form['interview_date']))}Printed on {label(today)}")
    expect(page.locator("#planner-form")).to_be_hidden()
    expect(page.locator("#planner-timeline li.planner-step[data-status=past]").first).to_be_hidden()
    expect(summary).to_be_visible()
    box = page.locator("#planner-timeline li.planner-step:not([data-status=past])").first.evaluate(
        "li => { const s = getComputedStyle(li, '::before'); return [s.borderTopStyle, s.width, s.height]; }")
    assert box[0] == "solid" and box[1] == box[2]


def test_a_damaged_store_says_so_and_loses_nothing_else(page: Page) -> None:
    open_planner(page)
    today = browser_today(page)
    good = {"id": "aaaaaaaaaaaa", "name": "Data analyst at Acme", "named": False,
            "form": {"interview_date": today.isoformat(), "company": "Acme", "role": "Data analyst",
                     "interviewers": [], "references": []},
            "ticks": {}, "agenda": [], "updated": 1}
    damaged = {**good, "id": "bbbbbbbbbbbb", "form": {"interviewers": [None]}}
    text = json.dumps({"version": 2, "plans": {"aaaaaaaaaaaa": good, "bbbbbbbbbbbb": damaged}})
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [KEY, text])
    page.goto("planner/")  # no plan in the address
    wait_ready(page)
    problem = page.locator("#planner-store-problem")
    expect(problem).to_have_text(view.MESSAGES["store_some_unreadable"].format(count=1))
    assert plan_names(page) == ["Data analyst at Acme"]
    expect(page.get_by_label("Company")).to_have_value("Acme")
    # Working with the good plan leaves the damaged one exactly as it was.
    page.get_by_label("Role").fill("Analyst")
    expect(page.locator("#planner-plans button").first).to_have_text("Analyst at Acme")
    assert kept_plans(page)["bbbbbbbbbbbb"] == damaged

    # A store that is not JSON at all: said once, never overwritten, the planner still works.
    page.evaluate("(key) => localStorage.setItem(key, '{\"version\": 2, \"plans\": {oops')", KEY)
    page.goto("planner/")  # no plan in the address
    wait_ready(page)
    expect(problem).to_have_text(view.MESSAGES["store_unreadable"])
    page.get_by_label("Company").fill("Globex")
    expect(page.locator("#planner-timeline")).to_contain_text("Globex")
    page.get_by_label("Keep this plan on this device").click()
    expect(keep_said(page)).to_have_text(view.MESSAGES["store_locked"])
    expect(page.get_by_label("Keep this plan on this device")).not_to_be_checked()
    assert page.evaluate("(key) => localStorage.getItem(key)", KEY) == '{"version": 2, "plans": {oops'
    page.get_by_role("button", name="Forget everything on this device").click()
    expect(problem).to_be_hidden()
    assert stored(page) == ""


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_copy_link_while_holidays_load_gives_the_plan_on_screen(
    new_context: Callable[..., BrowserContext], size: dict[str, int]
) -> None:
    ctx = new_context(viewport=size, permissions=["clipboard-read", "clipboard-write"])
    page = open_planner(ctx.new_page())
    held: list[Route] = []
    page.route("**/assets/wheels/holidays-*.whl", lambda route: held.append(route))
    page.get_by_label("Company").fill("Acme")
    expect(page.locator("#planner-timeline")).to_contain_text("Acme")
    page.get_by_label("Skip public holidays in").select_option("GB")
    wheel = until_held(page, held)  # the holidays are loading: the plan is being remade
    page.get_by_role("button", name="Copy link").click()
    wheel.continue_()
    expect(beside(page, "Copy link")).to_have_text(view.MESSAGES["link_copied"])
    link = page.evaluate("() => navigator.clipboard.readText()")
    assert share.decode(link.split("#", 1)[1]).raw["country"] == "GB"
    assert link == page.url


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_a_refusal_brings_its_reply_and_an_invitation_starts_the_next_plan(
    new_context: Callable[..., BrowserContext], size: dict[str, int]
) -> None:
    page = open_planner(new_context(viewport=size).new_page())
    today = browser_today(page)
    form = around(today)
    fill(page, form)
    wait_for_plan(page, plan_dict(form, today))

    # Turned down (002 ¶27): a gracious reply with its draft, and no more chasing.
    page.get_by_label("What they have done since").select_option("rejected")
    rejected = {**form, "heard": "rejected", "heard_on": today.isoformat()}
    expected = plan_dict(rejected, today)
    wait_for_plan(page, expected)
    reply = page.locator("#planner-timeline li[data-kind=gracious_reply]")
    reply.locator("summary", has_text="Draft").click()
    expect(reply.locator("pre").nth(1)).to_contain_text("Thank you for telling me about")
    expect(page.locator("#planner-timeline li[data-kind=follow_up]")).to_have_count(0)

    # Invited to another interview (002 ¶10): one tap starts its plan from the same details.
    page.get_by_label("What they have done since").select_option("next_round")
    invited = {**form, "heard": "next_round", "heard_on": today.isoformat()}
    wait_for_plan(page, plan_dict(invited, today))
    page.get_by_role("button", name="Start a plan for the next interview").click()
    expect(page.get_by_label("Interview date")).to_have_value("")
    expect(page.get_by_label("Interview date")).to_be_focused()
    expect(page.get_by_label("Company")).to_have_value("Acme")
    expect(page.get_by_label("Round", exact=True)).to_have_value("later")
    expect(page.get_by_label("What they have done since")).to_have_value("nothing")
    expect(page.locator("#planner-form")).to_contain_text("Enter the interview date")
    expect(page.get_by_label("Keep this plan on this device")).not_to_be_checked()


def test_the_agenda_is_drawn_from_the_kept_plans_before_python_has_started(
    new_context: Callable[..., BrowserContext],
) -> None:
    ctx = new_context()
    page = open_planner(ctx.new_page())
    today = browser_today(page)
    form = around(today, interview_date=today.isoformat())
    fill(page, form)
    wait_for_plan(page, plan_dict(form, today))
    keep(page)
    due = due_today("Data analyst at Acme", form, today)
    assert due, "the interview day has steps due on it"

    # The same store in a browser whose Python has not started (a first visit: no service
    # worker has the planner's files yet, so the held wheel keeps Python from finishing).
    kept = page.evaluate(f"() => localStorage.getItem({KEY!r})")
    other = new_context()
    other.add_init_script(  # only in the site's own pages (not about:blank)
        f"if (location.protocol.startsWith('http') && !localStorage.getItem({KEY!r})) "
        f"localStorage.setItem({KEY!r}, {json.dumps(kept)});")
    later = other.new_page()
    held = hold_planner_wheel(later)
    later.goto("planner/")
    wheel = until_held(later, held)
    expect(later.locator("[data-agenda=today] li[data-plan-id]")).to_have_count(len(due))
    assert later.locator("html").get_attribute("data-planner-ready") is None  # Python not yet
    assert agenda(later, "today") == sorted(due)
    wheel.continue_()
    wait_ready(later)


def test_reloading_a_plan_started_here_but_not_kept_is_not_taken_for_a_shared_link(
    new_context: Callable[..., BrowserContext],
) -> None:
    page = open_planner(new_context().new_page())
    today = browser_today(page)
    form = around(today)
    fill(page, form)
    wait_for_plan(page, plan_dict(form, today))
    keep(page)
    page.get_by_role("button", name="Start another plan").click()
    other = around(today, company="Globex", role="Engineer")
    fill(page, other)
    wait_for_plan(page, plan_dict(other, today))
    page.reload()
    wait_ready(page)
    wait_for_plan(page, plan_dict(other, today))
    expect(page.get_by_label("Company")).to_have_value("Globex")
    expect(page.locator("#planner-link-choice")).to_be_hidden()
    expect(page.locator("#planner-shared-note")).to_be_hidden()
    expect(page.get_by_label("Keep this plan on this device")).not_to_be_checked()
    assert plan_names(page) == ["Data analyst at Acme"]
