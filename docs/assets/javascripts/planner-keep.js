// The page's side of the kept plans: the plan list and the agenda at the top, "Keep this plan"
// and its name, opening, deleting and starting plans, and what a shared link does while plans
// are kept (add, replace one, or only view: nothing is stored until the reader chooses).
// Nothing is written to storage before the reader ticks "Keep this plan".

import { agendaSections, drawAgenda } from "./planner-agenda.js";
import { confirmBeside } from "./planner-confirm.js";
import { el, message } from "./planner-dom.js";
import { confirmDelete, drawPlans } from "./planner-plans.js";
import {
  UNKEPT, deletePlan, newId, planOfLink, readCurrent, readPlans, savePlan, saveTick, writeCurrent,
} from "./planner-storage.js";

const local = () => window.localStorage;
const session = () => window.sessionStorage;

// The browser's local calendar date, formatted (not computed) as YYYY-MM-DD: Python's "today".
export function todayISO() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function storeProblem(ui, kept) {
  const text = kept.unreadable ? message("store_unreadable")
    : kept.bad ? message("store_some_unreadable", { count: kept.bad }) : "";
  ui.storeProblem.textContent = text;
  ui.storeProblem.hidden = !text;
}

// Reads the store and draws the plan list and the agenda; returns what was read.
export function refresh(page) {
  const kept = readPlans(local());
  page.kept = kept;
  const { ui } = page;
  storeProblem(ui, kept);
  ui.mine.hidden = kept.plans.length === 0 && !kept.unreadable && !kept.bad;
  drawPlans(ui.plans, kept.plans, page.planId);
  drawAgenda(ui.agenda, agendaSections(kept.plans, todayISO(), message("plan_untitled")));
  if (page.planId && !kept.plans.some((p) => p.id === page.planId)) setCurrent(page, null); // deleted elsewhere
  const mine = kept.plans.find((p) => p.id === page.planId);
  if (mine) adoptTicks(page, mine.ticks);
  return kept;
}

// The ticks of the plan on screen as stored (another tab may have ticked): the drawn boxes follow.
function adoptTicks(page, ticks) {
  for (const key of Object.keys(page.ticks)) if (!ticks[key]) delete page.ticks[key];
  Object.assign(page.ticks, ticks);
  for (const box of page.ui.timeline.querySelectorAll("[data-tick]")) {
    const on = Boolean(page.ticks[box.dataset.tick]);
    if (box.checked !== on) {
      box.checked = on;
      box.closest("li").classList.toggle("is-done", on);
    }
  }
  page.plan.earlier();
}

export function setCurrent(page, id) {
  page.planId = id;
  page.ui.keep.checked = Boolean(id);
  page.ui.nameField.hidden = !id;
  writeCurrent(session(), id);
  const plan = id && page.kept.plans.find((p) => p.id === id);
  page.ui.name.value = plan && plan.named ? plan.name : "";
}

function saved(page, ok, control) {
  if (!ok) confirmBeside(control || page.ui.keep, message(page.kept.unreadable ? "store_locked" : "store_full"));
  refresh(page);
}

// The plan on screen as stored: its form always (typing is never lost), and with a plan (not
// errors) its agenda and, unless the reader named it, Python's name for it. Ticks are written
// one by one (saveTick), except when the plan is first kept (`fresh`), so a tick made in
// another tab is never written over.
export function storeAnswer(page, form, answer, fresh = false) {
  if (!page.planId) {
    const mine = page.kept.plans.length > 0 && answer && answer.share;
    writeCurrent(session(), mine ? answer.share : null, UNKEPT);
    return;
  }
  writeCurrent(session(), null, UNKEPT);
  const fields = fresh ? { form, ticks: { ...page.ticks } } : { form };
  if (answer && answer.share) fields.share = answer.share;
  if (answer && !answer.errors && answer.agenda) {
    page.ui.name.placeholder = answer.name || "";
    const named = page.ui.name.value.trim();
    Object.assign(fields, { agenda: answer.agenda, name: named || answer.name || "", named: Boolean(named) });
  }
  saved(page, savePlan(local(), page.planId, fields));
}

// "Keep this plan" ticked or unticked.
export function keepChanged(page, form, answer) {
  if (page.ui.keep.checked) {
    setCurrent(page, newId());
    storeAnswer(page, form, answer, true);
    if (page.planId) confirmBeside(page.ui.keep, message("kept"));
  } else {
    const id = page.planId;
    setCurrent(page, null);
    saved(page, deletePlan(local(), id));
    confirmBeside(page.ui.keep, message("not_kept"));
  }
}

export function nameChanged(page) {
  if (!page.planId) return;
  const named = page.ui.name.value.trim();
  saved(page, savePlan(local(), page.planId, { name: named || page.ui.name.placeholder, named: Boolean(named) }), page.ui.name);
}

export function tickChanged(page, key, on) {
  if (page.planId) saved(page, saveTick(local(), page.planId, key, on));
  else refresh(page);
}

// The plan to open when the page starts: this tab's, else the newest. Null when none is kept.
export function startingPlan(page) {
  const kept = page.kept;
  if (kept.plans.length === 0) return null;
  const mine = readCurrent(session());
  return kept.plans.find((p) => p.id === mine) || kept.plans[0];
}

// Whether `hash` is this tab's own plan, not kept (a reload of a plan started here).
export function ownUnkeptLink(hash) {
  const share = readCurrent(session(), UNKEPT);
  return Boolean(share) && `#p=${share}` === hash;
}

// The kept plan an address's link is the link of (a reload, Back, or a kept plan's link pasted).
export function keptPlanOfLink(page, hash) {
  return planOfLink(page.kept.plans, hash, readCurrent(session()));
}

export function deleteFromList(page, button) {
  if (!confirmDelete(button)) return;
  const id = button.dataset.deletePlan;
  const plan = page.kept.plans.find((p) => p.id === id);
  const name = plan ? plan.name || message("plan_untitled") : "";
  if (id === page.planId) setCurrent(page, null);
  saved(page, deletePlan(local(), id), page.ui.newPlan);
  confirmBeside(page.ui.newPlan, message("plan_deleted", { name }));
}

// A shared link opened while plans are kept: asked what to do with it; until then it is only shown.
// What the choice did is said in the plan list, just above where the question was.
export function askAboutLink(page) {
  setCurrent(page, null);
  const { ui } = page;
  if (page.kept.plans.length === 0) {
    ui.linkChoice.hidden = true;
    return;
  }
  ui.linkReplace.replaceChildren(...page.kept.plans.map((p) => el("option", { value: p.id, text: p.name || message("plan_untitled") })));
  ui.linkChoice.hidden = false;
}

export function linkChoice(page, choice, form, answer) {
  const { ui } = page;
  if (choice === "add") {
    setCurrent(page, newId());
    storeAnswer(page, form, answer, true);
    confirmBeside(ui.newPlan, message("link_added"));
  } else if (choice === "replace") {
    const id = ui.linkReplace.value;
    const old = page.kept.plans.find((p) => p.id === id);
    if (!old) return;
    setCurrent(page, id);
    ui.name.value = "";
    page.ui.keep.checked = true;
    storeAnswer(page, form, answer, true);
    confirmBeside(ui.newPlan, message("link_replaced", { name: old.name || message("plan_untitled") }));
  } else confirmBeside(ui.newPlan, message("link_viewed"));
  ui.linkChoice.hidden = true;
}
