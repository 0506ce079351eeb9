// What the page's buttons and ticks do.

import { el, message } from "./planner-dom.js";
import { changed, keep, request, requestPlan, resetForm } from "./planner-page.js";
import { addInterviewer, addReference, removeRow } from "./planner-rows.js";
import { clearStore, forgetSiteStorage, writeStore } from "./planner-storage.js";

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Fallback for browsers or contexts without the async clipboard.
    const area = el("textarea", { class: "planner-offscreen", readonly: true });
    area.value = text;
    document.body.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand("copy");
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

function save(answer) {
  const url = URL.createObjectURL(new Blob([answer.ics], { type: "text/calendar;charset=utf-8" }));
  const link = el("a", { href: url, download: answer.filename, class: "planner-offscreen" });
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function downloadCalendar(page, button) {
  if (!page.ready) {
    page.say.now(message("starting"));
    return;
  }
  button.setAttribute("aria-busy", "true");
  page.worker.ask(request(page, "ics"), (answer) => {
    button.removeAttribute("aria-busy");
    if (answer.errors) {
      page.showErrors(answer.errors);
      page.say.now(message("no_calendar"));
      return;
    }
    save(answer);
    page.say.now(answer.announce);
  });
}

function forget(page) {
  forgetSiteStorage();
  page.ui.keep.checked = false;
  for (const key of Object.keys(page.ticks)) delete page.ticks[key];
  page.plan.forget();
  resetForm(page);
  page.address.clear();
  page.linkProblems = [];
  page.say.note(message("forgotten"));
  requestPlan(page);
}

async function copy(page, text, ok, failed) {
  page.say.now(message((await copyText(text)) ? ok : failed));
}

export function onClick(page, event) {
  const button = event.target.closest("button");
  if (!button || !(page.ui.form.contains(button) || page.ui.output.contains(button))) return;
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
    copy(page, button.closest(".planner-copy").querySelector("pre").textContent, "copied", "copy_failed");
  } else if (id === "pl-copy-link") {
    copy(page, page.address.link(), "link_copied", "link_copy_failed");
  } else if (id === "pl-download-ics") downloadCalendar(page, button);
  else if (id === "pl-print") window.print();
  else if (id === "pl-forget") forget(page);
}

export function onChange(page, event) {
  const t = event.target;
  if (t.dataset && t.dataset.tick) {
    if (t.checked) page.ticks[t.dataset.tick] = true;
    else delete page.ticks[t.dataset.tick];
    t.closest("li").classList.toggle("is-done", t.checked);
    keep(page);
  } else if (t === page.ui.keep) {
    if (t.checked) writeStore({ keep: true, form: request(page, "plan").form, ticks: page.ticks });
    else clearStore();
    page.say.now(message(t.checked ? "kept" : "not_kept"));
  } else if (page.ui.form.contains(t)) changed(page, event);
}
