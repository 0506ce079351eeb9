// One agenda across the kept plans: what was missed, what is due today, what comes next, by day.
// Drawn from the stored plans as soon as the page opens (before Python has started) and again
// when Python has planned them afresh. Python made every item, date label and word; this only
// sorts ISO dates (YYYY-MM-DD strings compare like the days they name) against today's.

import { el, message } from "./planner-dom.js";
import { tickKey } from "./planner-render.js";

// How many coming days the agenda lists.
export const NEXT_DAYS = 3;

// The agenda as data: [{kind: "overdue"|"today"|"next", days: [{date, label, items}]}], each
// item {plan, name, step, kind, date, label, title}. Ticked steps are left out, and so are
// missed steps past their `until`. `untitled` names a plan that has no name yet.
export function agendaSections(plans, today, untitled = "") {
  const overdue = [];
  const due = [];
  const later = [];
  for (const plan of plans) {
    for (const item of plan.agenda) {
      if (plan.ticks[tickKey({ id: item.step, date: item.date })]) continue;
      const entry = { ...item, plan: plan.id, name: plan.name || untitled };
      if (item.date < today) {
        if (item.until >= today) overdue.push(entry);
      } else if (item.date === today) due.push(entry);
      else later.push(entry);
    }
  }
  const byDay = (items) => {
    items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const days = [];
    for (const item of items) {
      const last = days[days.length - 1];
      if (last && last.date === item.date) last.items.push(item);
      else days.push({ date: item.date, label: item.label, items: [item] });
    }
    return days;
  };
  return [
    { kind: "overdue", days: byDay(overdue) },
    { kind: "today", days: byDay(due) },
    { kind: "next", days: byDay(later).slice(0, NEXT_DAYS) },
  ].filter((section) => section.days.length);
}

function item(entry) {
  return el("li", { class: "planner-agenda__item", "data-kind": entry.kind, "data-plan-id": entry.plan },
    el("time", { datetime: entry.date, class: "planner-sr", text: `${entry.label}: ` }),
    el("button", { type: "button", class: "planner-agenda__open", "data-open-plan": entry.plan,
      "data-open-step": entry.step, text: entry.title }),
    el("span", { class: "planner-agenda__plan", text: entry.name }));
}

// One day: its date shown once (each item also carries it, for assistive technology).
function day(entry) {
  return el("li", { class: "planner-agenda__day" },
    el("p", { class: "planner-agenda__date", "aria-hidden": "true", text: entry.label }),
    el("ul", { class: "planner-agenda__list" }, ...entry.items.map(item)));
}

// Draws the sections into `container` (an element with a heading before it).
export function drawAgenda(container, sections) {
  if (sections.length === 0) {
    container.replaceChildren(el("p", { class: "planner-hint", text: message("agenda_empty") }));
    return;
  }
  container.replaceChildren(...sections.map((section) => el("section",
    { class: `planner-agenda__section planner-agenda__section--${section.kind}`, "data-agenda": section.kind },
    el("h3", { text: message(`agenda_${section.kind}`) }),
    el("ul", { class: "planner-agenda__days" }, ...section.days.map(day)))));
}
