// What the page's buttons and ticks do.

import { downloadCalendar } from "./planner-calendar.js";
import { copyText } from "./planner-clipboard.js";
import { confirmBeside } from "./planner-confirm.js";
import { message } from "./planner-dom.js";
import { changed, keep, request, requestPlan, resetForm } from "./planner-page.js";
import { addInterviewer, addReference, removeRow } from "./planner-rows.js";
import { shareLink } from "./planner-share.js";
import { clearStore, forgetSiteStorage, writeStore } from "./planner-storage.js";

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

async function copy(button, text) {
  confirmBeside(button, message((await copyText(text)) ? "copied" : "copy_failed"));
}

async function share(page, button, sheet) {
  const said = await shareLink(page, sheet);
  if (said) confirmBeside(button, message(said));
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
    copy(button, button.closest(".planner-copy").querySelector("pre").textContent);
  } else if (button.dataset.action === "copy-link" || button.dataset.action === "share") {
    share(page, button, button.dataset.action === "share");
  } else if (button.dataset.action === "download-calendar") downloadCalendar(page, button);
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
