// The planner page's start-up: form -> Python (in a Web Worker) -> plan on the page.
//
// Every date, word, message, draft, share link and calendar byte is made by the planner's
// Python (planner/web.py) in Pyodide inside planner-worker.js; these modules only carry the
// form there and draw the answer (textContent only). Once Python has started and the first
// plan (or the first set of form errors) is drawn, <html> gets data-planner-ready="true".
//
// Loaded only by docs/planner/index.md, with `async`, so the worker starts Python while the
// page is still being parsed. No inline scripts, handlers or eval (Content-Security-Policy).

import { message } from "./planner-dom.js";
import { onChange, onClick } from "./planner-actions.js";
import {
  askAboutLink, keptPlanOfLink, nameChanged, ownUnkeptLink, refresh, setCurrent, startingPlan, todayISO,
} from "./planner-keep.js";
import { openKeptPlan } from "./planner-actions.js";
import { changed, createPage, openLink, requestPlan, resetForm, writeScreen } from "./planner-page.js";
import { newId, savePlan } from "./planner-storage.js";
import { startWorker } from "./planner-worker-client.js";

let page = null;
const early = { ready: false, failed: null, status: null };

function failed(detail) {
  early.failed = detail;
  if (!page) return;
  page.ui.loading.hidden = false;
  page.ui.loading.classList.add("planner-problem");
  page.ui.loadingText.textContent = message("failed", { detail });
}

function ready() {
  early.ready = true;
  if (!page) return;
  page.ready = true;
  const hash = window.location.hash;
  if (hash.startsWith("#p=") && page.awaitingLink) openLink(page, hash, false);
  else if (page.keptRaw) openKept(page);
  else requestPlan(page);
  refreshAgenda(page);
}

// Once Python is ready, every kept plan is planned afresh for today (the rules or the day may
// have changed since it was stored) and the agenda redrawn from that.
function refreshAgenda(current) {
  const plans = current.kept.plans;
  if (plans.length === 0) return;
  current.worker.ask({ op: "agenda", plans: plans.map((p) => ({ id: p.id, form: p.form })), today: todayISO() }, (answer) => {
    for (const [id, fresh] of Object.entries((answer && answer.plans) || {})) {
      const plan = plans.find((p) => p.id === id);
      if (!fresh.agenda || !plan) continue;
      const name = plan.named ? plan.name : fresh.name;
      if (name === plan.name && JSON.stringify(fresh.agenda) === JSON.stringify(plan.agenda)) continue;
      savePlan(window.localStorage, id, { agenda: fresh.agenda, name });
    }
    refresh(current);
  });
}

function status(text) {
  if (!page) return;
  if (page.firstRender) page.ui.announce.textContent = text;
  else page.ui.loadingText.textContent = text;
}

// A copy kept by an earlier version of this page holds the planner's input, not the form's
// on-screen shape: Python turns it into the form.
function openKept(current) {
  current.awaitingLink = true;
  setCurrent(current, newId());
  current.worker.ask({ op: "screen", raw: current.keptRaw }, (answer) => {
    current.awaitingLink = false;
    current.keptRaw = null;
    writeScreen(current, answer.form || {}, current.touched);
    savePlan(window.localStorage, current.planId, { form: answer.form || {}, ticks: { ...current.ticks } });
    requestPlan(current);
  });
}

const worker = startWorker({ ready, failed, status });

function elements() {
  const $ = (id) => document.getElementById(id);
  return {
    form: $("planner-form"), loading: $("planner-loading"), loadingText: $("planner-loading-text"),
    announce: $("planner-announce"), problems: $("planner-problems"), warnings: $("planner-warnings"),
    timeline: $("planner-timeline"), interviewers: $("pl-interviewers"), references: $("pl-references"),
    keep: $("pl-keep"), output: $("planner-output"), advanced: $("pl-advanced"),
    addInterviewer: $("pl-add-interviewer"), addReference: $("pl-add-reference"),
    calendar: document.querySelector("[data-calendar-options]"),
    root: document.querySelector(".md-content") || document.body,
    mine: $("planner-mine"), agenda: $("planner-agenda"), plans: $("planner-plans"),
    storeProblem: $("planner-store-problem"), newPlan: $("pl-new-plan"),
    linkChoice: $("planner-link-choice"), linkReplace: $("pl-link-replace"),
    name: $("pl-plan-name"), nameField: $("pl-plan-name-field"), jump: $("pl-jump"),
    printHead: $("planner-print-head"), earlier: $("planner-earlier"), earlierButton: $("pl-earlier"),
    sharedNote: $("planner-shared-note"), planHeading: $("your-plan"), formHeading: $("about-the-interview"),
    layout: $("planner-layout"), layoutPlan: $("planner-layout-plan"),
  };
}

// A plan kept by the first version of this page (one plan, no list) joins the list.
function adoptLegacy(current, legacy) {
  if (legacy.form) {
    savePlan(window.localStorage, newId(), { form: legacy.form, ticks: legacy.ticks || {} });
  } else current.keptRaw = legacy.raw; // older still: Python reads it once ready
}

// The kept plans drawn at once (the agenda before Python has started); the plan to show.
function restore(current) {
  const kept = refresh(current);
  if (kept.legacy) {
    adoptLegacy(current, kept.legacy);
    refresh(current);
  }
  const hash = window.location.hash;
  if (current.keptRaw) return;
  const plan = hash.startsWith("#p=") ? keptPlanOfLink(current, hash) : startingPlan(current);
  if (hash.startsWith("#p=") && !plan) {
    if (!ownUnkeptLink(hash)) sharedLink(current);
    return;
  }
  if (!plan) return;
  current.awaitingLink = false; // the address holds this kept plan's own link
  setCurrent(current, plan.id);
  Object.assign(current.ticks, plan.ticks);
  try {
    writeScreen(current, plan.form);
  } catch {
    resetForm(current); // a form the checks let through but the page cannot show: start afresh
  }
}

// A shared link opens on the plan: on a phone the plan comes first, with a note that it was
// shared and the form one tap away; with plans kept, the reader says what to do with it.
function sharedLink(current) {
  current.ui.layout.prepend(current.ui.layoutPlan);
  current.ui.sharedNote.hidden = false;
  askAboutLink(current);
  (current.ui.linkChoice.hidden ? current.ui.planHeading : current.ui.linkChoice).scrollIntoView({ block: "start" });
}

function start() {
  const ui = elements();
  if (!ui.form) return;
  page = createPage(ui, worker, {});
  resetForm(page);
  restore(page);
  ui.form.addEventListener("input", (event) => changed(page, event));
  ui.name.addEventListener("input", () => nameChanged(page));
  window.addEventListener("storage", (event) => {
    if (event.key === null || event.key === "after-the-interview:planner") refresh(page);
  });
  document.addEventListener("change", (event) => onChange(page, event));
  document.addEventListener("click", (event) => onClick(page, event));
  window.addEventListener("hashchange", () => {
    page.address.changed();
    const hash = window.location.hash;
    if (!page.ready || !hash.startsWith("#p=")) return;
    const plan = keptPlanOfLink(page, hash);
    if (plan && plan.id === page.planId) return; // the plan on screen already
    if (plan) {
      openKeptPlan(page, plan);
      return;
    }
    sharedLink(page);
    openLink(page, hash, true);
  });
  if (early.failed) failed(early.failed);
  else if (early.ready) ready();
}

// Binding gets a task of its own after the document is parsed: every DOMContentLoaded
// listener runs in one task, and Material's already mounts the whole page in it.
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", () => window.setTimeout(start), { once: true });
} else {
  start();
}
