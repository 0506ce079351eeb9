// What the page's buttons, ticks and boxes do.

import { downloadCalendar } from "./planner-calendar.js";
import { copyText } from "./planner-clipboard.js";
import { confirmBeside } from "./planner-confirm.js";
import { message } from "./planner-dom.js";
import {
  deleteFromList, keepChanged, linkChoice, nameChanged, refresh, setCurrent, tickChanged,
} from "./planner-keep.js";
import { changed, requestPlan, resetForm, screen, writeScreen } from "./planner-page.js";
import { addInterviewer, addReference, removeRow } from "./planner-rows.js";
import { shareLink } from "./planner-share.js";
import { forgetSiteStorage } from "./planner-storage.js";

function clearTicks(page, ticks = {}) {
  for (const key of Object.keys(page.ticks)) delete page.ticks[key];
  Object.assign(page.ticks, ticks);
}

// A different plan in the form and on screen: the answers to the last one are not reused.
function showPlan(page, form, ticks) {
  clearTicks(page, ticks);
  page.plan.forget();
  page.plan.unfolded = false;
  page.lastAnswer = null;
  page.linkProblems = [];
  page.ui.sharedNote.hidden = true;
  page.ui.linkChoice.hidden = true;
  resetForm(page);
  if (form) writeScreen(page, form);
  requestPlan(page);
}

function forget(page, button) {
  forgetSiteStorage();
  setCurrent(page, null);
  showPlan(page, null, {});
  page.address.clear();
  refresh(page);
  confirmBeside(button, message("forgotten"));
}

// Shows step `stepId` of the plan on screen once it is drawn, unfolding earlier steps if need be.
async function goToStep(page, stepId) {
  await page.queue.settled();
  const node = document.getElementById(`step-${stepId}`);
  if (!node) return;
  if (node.dataset.status === "past" && !page.plan.unfolded) page.plan.toggleEarlier();
  node.scrollIntoView({ block: "start" });
  node.querySelector(".planner-tick")?.focus({ preventScroll: true });
}

export function openKeptPlan(page, plan) {
  setCurrent(page, plan.id);
  showPlan(page, plan.form, plan.ticks);
  refresh(page);
  page.say.note(message("plan_opened", { name: plan.name || message("plan_untitled") }));
}

function openPlan(page, button) {
  const id = button.dataset.openPlan;
  const plan = page.kept.plans.find((p) => p.id === id);
  if (!plan) return;
  if (id !== page.planId) openKeptPlan(page, plan);
  if (button.dataset.openStep) goToStep(page, button.dataset.openStep);
  else page.ui.planHeading.scrollIntoView({ block: "start" });
}

function newPlan(page, button) {
  setCurrent(page, null);
  showPlan(page, null, {});
  page.address.clear();
  refresh(page);
  confirmBeside(button, message("new_plan"));
  page.ui.form.elements.namedItem("interview_date").focus();
}

async function copy(button, text) {
  confirmBeside(button, message((await copyText(text)) ? "copied" : "copy_failed"));
}

async function share(page, button, sheet) {
  const said = await shareLink(page, sheet);
  if (said) confirmBeside(button, message(said));
}

async function chooseForLink(page, choice) {
  await page.queue.settled(); // the shared plan as planned, not a half-read form
  linkChoice(page, choice, screen(page), page.lastAnswer);
}

function jump(page) {
  page.ui.planHeading.scrollIntoView({ block: "start" });
  page.ui.planHeading.focus({ preventScroll: true });
}

function editDetails(page) {
  page.ui.formHeading.scrollIntoView({ block: "start" });
  page.ui.form.elements.namedItem("interview_date").focus({ preventScroll: true });
}

// "Start a plan for the next interview": Python makes its form from this one; it is a new
// plan, kept only if the reader says so.
function nextRound(page) {
  page.worker.ask({ op: "next_round", form: screen(page) }, (answer) => {
    setCurrent(page, null);
    showPlan(page, answer.form || {}, {});
    refresh(page);
    page.say.now(message("next_round_started"));
    editDetails(page);
  });
}

const ACTIONS = {
  "copy-link": (page, button) => share(page, button, false),
  share: (page, button) => share(page, button, true),
  "download-calendar": (page, button) => downloadCalendar(page, button),
  jump,
  earlier: (page) => page.plan.toggleEarlier(),
  "edit-details": editDetails,
  "new-plan": newPlan,
  "next-round": nextRound,
};

export function onClick(page, event) {
  const button = event.target.closest("button");
  if (!button || !page.ui.root.contains(button)) return;
  const lists = page.lists;
  const id = button.id;
  if (id === "pl-add-interviewer" || id === "pl-add-reference") {
    if (id === "pl-add-interviewer") addInterviewer(lists, {}, true);
    else addReference(lists, "", true);
    changed(page);
  } else if (button.dataset.remove) {
    removeRow(lists, button, { interviewers: page.ui.addInterviewer, references: page.ui.addReference });
    changed(page);
  } else if (button.dataset.copy) {
    copy(button, button.closest(".planner-copy").querySelector("pre").textContent);
  } else if (button.dataset.action in ACTIONS) ACTIONS[button.dataset.action](page, button);
  else if (button.dataset.openPlan) openPlan(page, button);
  else if (button.dataset.deletePlan) deleteFromList(page, button);
  else if (button.dataset.linkChoice) chooseForLink(page, button.dataset.linkChoice);
  else if (id === "pl-print") window.print();
  else if (id === "pl-forget") forget(page, button);
}

export function onChange(page, event) {
  const t = event.target;
  if (t.dataset && t.dataset.tick) {
    if (t.checked) page.ticks[t.dataset.tick] = true;
    else delete page.ticks[t.dataset.tick];
    t.closest("li").classList.toggle("is-done", t.checked);
    page.plan.earlier();
    tickChanged(page, t.dataset.tick, t.checked);
  } else if (t === page.ui.keep) {
    page.ui.linkChoice.hidden = true;
    keepChanged(page, screen(page), page.lastAnswer);
  } else if (t === page.ui.name) nameChanged(page);
  else if (page.ui.form.contains(t)) changed(page, event);
}

