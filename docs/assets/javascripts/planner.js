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
import { changed, createPage, openLink, requestPlan, resetForm, writeScreen } from "./planner-page.js";
import { readStore } from "./planner-storage.js";
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
  current.worker.ask({ op: "screen", raw: current.keptRaw }, (answer) => {
    current.awaitingLink = false;
    current.keptRaw = null;
    writeScreen(current, answer.form || {}, current.touched);
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
  };
}

function restore(current) {
  const stored = readStore();
  if (!stored || !stored.keep) return;
  current.ui.keep.checked = true;
  Object.assign(current.ticks, stored.ticks || {});
  if (window.location.hash.startsWith("#p=")) return; // the link wins over the kept copy
  if (stored.form) writeScreen(current, stored.form);
  else if (stored.raw) current.keptRaw = stored.raw;
}

function start() {
  const ui = elements();
  if (!ui.form) return;
  page = createPage(ui, worker, {});
  resetForm(page);
  restore(page);
  ui.form.addEventListener("input", (event) => changed(page, event));
  document.addEventListener("change", (event) => onChange(page, event));
  document.addEventListener("click", (event) => onClick(page, event));
  window.addEventListener("hashchange", () => {
    page.address.changed();
    if (page.ready && window.location.hash.startsWith("#p=")) openLink(page, window.location.hash, true);
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
