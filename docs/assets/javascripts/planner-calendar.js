// The calendar file: the options beside its button ([data-calendar] controls, outside the form
// so they stay out of the plan's link) go with the request; Python names the file.

import { confirmBeside } from "./planner-confirm.js";
import { el, message } from "./planner-dom.js";
import { request } from "./planner-page.js";

// The options as the `ics` request takes them, from the controls ({dataset, value, checked}).
export function calendarOptions(controls) {
  const options = {};
  for (const control of controls) {
    const name = control.dataset && control.dataset.calendar;
    if (name === "reminder") options.reminder = control.value;
    else if (name === "include_past") options.include_past = Boolean(control.checked);
  }
  return options;
}

// What to say when no file came: the messages about the calendar's own options or about no
// field; answers marked in the form are already shown there by the plan.
export function calendarProblems(errors, controls) {
  const own = new Set([...controls].map((c) => c.name).filter(Boolean));
  return errors.filter((e) => !e.field || own.has(e.field)).map((e) => e.message);
}

function save(answer) {
  const url = URL.createObjectURL(new Blob([answer.ics], { type: "text/calendar;charset=utf-8" }));
  const link = el("a", { href: url, download: answer.filename, class: "planner-offscreen" });
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// The file of the plan on screen: a change still being planned is waited for first.
export async function downloadCalendar(page, button) {
  if (!page.ready) {
    confirmBeside(button, message("starting"));
    return;
  }
  button.setAttribute("aria-busy", "true");
  await page.queue.settled();
  const controls = page.ui.calendar.querySelectorAll("[data-calendar]");
  page.worker.ask({ ...request(page, "ics"), ...calendarOptions(controls) }, (answer) => {
    button.removeAttribute("aria-busy");
    if (answer.errors) {
      const problems = calendarProblems(answer.errors, controls);
      confirmBeside(button, problems.length ? problems.join(" ") : message("no_calendar"));
      return;
    }
    save(answer);
    confirmBeside(button, answer.announce);
  });
}
