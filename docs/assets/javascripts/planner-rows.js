// The form's repeatable rows (interviewers, references), cloned from the page's <template>s.

import { number } from "./planner-dom.js";
import { relink } from "./planner-errors.js";

const PARTS = ["name", "title", "email"];

// Names and ids follow a row's position, so Python's "interviewers[1].email" finds its box.
export function renumber(lists) {
  [...lists.interviewers.children].forEach((row, i) => {
    number(row, i + 1);
    for (const part of PARTS) {
      const input = row.querySelector(`input[data-part="${part}"]`);
      input.name = `interviewers[${i}].${part}`;
      input.id = `pl-interviewer-${i}-${part}`;
      row.querySelector(`label[data-part="${part}"]`).htmlFor = input.id;
    }
  });
  [...lists.references.children].forEach((row, i) => {
    number(row, i + 1);
    const input = row.querySelector("input");
    input.name = `references[${i}]`;
    input.id = `pl-reference-${i}`;
    row.querySelector("label").htmlFor = input.id;
  });
  relink(lists.interviewers.closest("form"));
}

function clone(id) {
  return document.getElementById(id).content.firstElementChild.cloneNode(true);
}

export function addInterviewer(lists, person = {}, focus = false) {
  const row = clone("pl-interviewer-row");
  lists.interviewers.append(row);
  for (const part of PARTS) row.querySelector(`input[data-part="${part}"]`).value = person[part] || "";
  renumber(lists);
  if (focus) row.querySelector('input[data-part="name"]').focus();
}

export function addReference(lists, name = "", focus = false) {
  const row = clone("pl-reference-row");
  lists.references.append(row);
  row.querySelector("input").value = name;
  renumber(lists);
  if (focus) row.querySelector("input").focus();
}

// Removes a row and keeps focus somewhere sensible for keyboard users.
export function removeRow(lists, button, addButtons) {
  const row = button.closest("li");
  const list = row.parentElement;
  const index = [...list.children].indexOf(row);
  row.remove();
  renumber(lists);
  const rows = [...list.children];
  const target = rows[Math.min(index, rows.length - 1)];
  if (target) target.querySelector("input").focus();
  else (list === lists.interviewers ? addButtons.interviewers : addButtons.references).focus();
}

// Replaces a list's rows with the given ones (from a link or this device's copy).
export function fillRows(lists, screen, skip) {
  if (Array.isArray(screen.interviewers) && !skip.has("interviewers")) {
    lists.interviewers.replaceChildren();
    for (const person of screen.interviewers) addInterviewer(lists, person);
  }
  if (Array.isArray(screen.references) && !skip.has("references")) {
    lists.references.replaceChildren();
    for (const name of screen.references) addReference(lists, name);
  }
}
