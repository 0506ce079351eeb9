// One planner page: the form goes to Python, the answer comes back to the page.

import { createAddress } from "./planner-address.js";
import { createAnnouncer } from "./planner-announce.js";
import { message } from "./planner-dom.js";
import { showErrors } from "./planner-errors.js";
import { createPlanView } from "./planner-plan.js";
import { createLatestQueue } from "./planner-queue.js";
import { addInterviewer, fillRows } from "./planner-rows.js";
import { assignments, group, readScreen } from "./planner-screen.js";
import { storeAnswer, todayISO } from "./planner-keep.js";

export function createPage(ui, worker, ticks) {
  return {
    ui, worker, ticks, ready: false, awaitingLink: window.location.hash.startsWith("#p="),
    linkSeq: 0, touched: new Set(), linkProblems: [], lastSent: null, firstRender: false,
    planId: null, kept: { plans: [], bad: 0, unreadable: false, legacy: null }, lastAnswer: null,
    lists: { interviewers: ui.interviewers, references: ui.references },
    address: createAddress(), say: createAnnouncer(ui.announce), plan: createPlanView(ui, ticks),
    queue: createLatestQueue((request, reply) => worker.ask(request, reply)),
  };
}

export const screen = (page) => readScreen(page.ui.form.elements);

export function request(page, op) {
  const site = new URL("../", window.location.href.split("#")[0]).href;
  return { op, form: screen(page), today: todayISO(), site };
}

// Fills the form from an on-screen shape made by Python; groups in `skip` are left alone.
export function writeScreen(page, shape, skip = new Set()) {
  const controls = [...page.ui.form.elements];
  fillRows(page.lists, shape, skip);
  for (const { name, value, checked } of assignments(shape, controls, skip)) {
    const control = controls.find((c) => c.name === name && (checked === undefined || c.value === value));
    if (checked === undefined) control.value = value;
    else control.checked = checked;
  }
  if (shape.advanced) page.ui.advanced.open = true;
}

export function resetForm(page) {
  page.ui.form.reset();
  page.ui.interviewers.replaceChildren();
  page.ui.references.replaceChildren();
  addInterviewer(page.lists);
  page.ui.form.elements.namedItem("interview_date").value = todayISO();
}

export function requestPlan(page) {
  if (!page.ready || page.awaitingLink) return; // sent once ready, or once the link is read
  const make = () => {
    const made = request(page, "plan");
    page.lastSent = JSON.stringify(made.form);
    return made;
  };
  page.queue.request(make, (answer) => {
    if (page.awaitingLink) return; // a link is opening: its plan follows
    render(page, answer);
    if (!answer.errors) page.lastAnswer = answer;
    storeAnswer(page, JSON.parse(page.lastSent), answer);
  });
}

const MODES = { decision_by: "by", decision_within: "within", decision_within_unit: "within" };

export function changed(page, event) {
  const target = event && event.target;
  if (target && page.awaitingLink) page.touched.add(group(target.name));
  if (target && !page.awaitingLink) page.linkProblems = []; // the reader moved on from the link
  // Typing a decision detail picks its option, so the value typed is the value used.
  if (target && MODES[target.name]) writeScreen(page, { decision_mode: MODES[target.name] });
  // What they did since happened on a day: today unless the reader says otherwise.
  const on = page.ui.form.elements.namedItem("heard_on");
  if (target && target.name === "heard" && target.value !== "nothing" && on && !on.value) on.value = todayISO();
  // A control that changes fires "input" and then "change": the second asks nothing new.
  if (event && event.type === "change" && JSON.stringify(screen(page)) === page.lastSent) return;
  requestPlan(page);
}

// Opens the link in the address bar. `fresh`: pasted while the page is open, so it replaces
// the form, unless it could not be read at all.
export function openLink(page, hash, fresh) {
  page.awaitingLink = true;
  const seq = ++page.linkSeq;
  page.ui.output.setAttribute("aria-busy", "true");
  if (!page.firstRender) page.ui.loadingText.textContent = message("opening_link");
  page.worker.ask({ op: "decode", fragment: hash }, (answer) => {
    if (seq !== page.linkSeq) return; // a newer link is being opened
    page.awaitingLink = false;
    page.linkProblems = answer.problems || [];
    if (fresh && Object.keys(answer.raw || {}).length) {
      resetForm(page);
      page.touched.clear();
    }
    writeScreen(page, answer.form || {}, page.touched);
    requestPlan(page);
  });
}

function render(page, answer) {
  const interrupted = page.plan.stop();
  page.address.sync(answer.share, answer.share_title);
  if (answer.errors) {
    renderErrors(page, answer, interrupted);
    return;
  }
  showErrors(page.ui.form, []);
  page.plan.problems(page.linkProblems);
  page.plan.stale(false);
  page.plan.warnings(answer.warnings || []);
  page.plan.lastSteps = answer.steps;
  page.plan.extras(answer);
  const done = () => {
    page.say.later(answer.announce);
    markReady(page);
  };
  if (!page.firstRender && page.plan.drawn.size === 0) page.plan.drawInSlices(answer.steps, done);
  else {
    page.plan.draw(answer.steps);
    done();
  }
}

function renderErrors(page, answer, interrupted) {
  const plan = page.plan;
  if (interrupted) plan.draw(plan.lastSteps); // the plan shown as out of date is whole
  const general = showErrors(page.ui.form, answer.errors);
  plan.problems([...page.linkProblems, ...general, ...(plan.lastSteps.length ? [answer.stale] : [])]);
  plan.stale(true);
  if (plan.lastSteps.length === 0) {
    page.ui.timeline.replaceChildren();
    plan.drawn = new Map();
  }
  page.say.later(answer.announce);
  markReady(page);
}

function markReady(page) {
  if (!page.awaitingLink) page.ui.output.removeAttribute("aria-busy");
  if (page.firstRender) return;
  page.firstRender = true;
  page.ui.loading.hidden = true;
  document.documentElement.dataset.plannerReady = "true";
}
