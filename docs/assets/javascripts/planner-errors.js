// Messages next to the fields they are about. Each group of fields has a slot in the page's
// HTML (data-error-slot); a single field's slot, right after it, is made the first time it has a
// message and removed when the message goes.

import { el } from "./planner-dom.js";

function describedBy(control, id, on) {
  const ids = new Set((control.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean));
  if (on) ids.add(id);
  else ids.delete(id);
  if (ids.size) control.setAttribute("aria-describedby", [...ids].join(" "));
  else control.removeAttribute("aria-describedby");
}

// The control a single field's message is about (radios and checkboxes answer as a group).
function fieldControl(form, field) {
  return [...form.elements].find(
    (c) => c.name === field && !["radio", "checkbox", "hidden"].includes(c.type) && c.tagName !== "BUTTON",
  );
}

function errorSlot(form, field) {
  const slot = [...form.querySelectorAll(".planner-error")].find((s) => s.dataset.errorSlot === field);
  if (slot) return slot;
  const control = fieldControl(form, field);
  if (!control || !control.id) return null;
  const made = el("p", { class: "planner-error", id: `${control.id}-error`, "data-for-field": true, hidden: true });
  made.dataset.errorSlot = field;
  control.insertAdjacentElement("afterend", made);
  return made;
}

function clear(form) {
  for (const slot of form.querySelectorAll(".planner-error")) {
    if (slot.hasAttribute("data-for-field")) slot.remove();
    else {
      slot.hidden = true;
      slot.textContent = "";
    }
  }
  for (const control of form.querySelectorAll("[aria-invalid]")) {
    control.removeAttribute("aria-invalid");
    describedBy(control, `${control.id}-error`, false);
  }
  for (const group of form.querySelectorAll("fieldset[data-error-described]")) {
    describedBy(group, group.dataset.errorDescribed, false);
    delete group.dataset.errorDescribed;
  }
}

function mark(form, slot, field) {
  const control = fieldControl(form, field);
  if (control) {
    control.setAttribute("aria-invalid", "true");
    describedBy(control, slot.id, true);
    return;
  }
  const group = slot.closest("fieldset");
  if (!group) return;
  if (!slot.id) slot.id = `pl-${field.replace(/[^a-z0-9_-]/gi, "-")}-error`;
  describedBy(group, slot.id, true);
  group.dataset.errorDescribed = slot.id;
}

// Shows each {field, message}; returns the messages that belong to no field.
export function showErrors(form, errors) {
  clear(form);
  const general = [];
  for (const { field, message } of errors) {
    const slot = errorSlot(form, field);
    if (!slot) {
      general.push(message);
      continue;
    }
    slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
    slot.hidden = false;
    const section = slot.closest("details");
    if (section) section.open = true; // never hide a problem in a collapsed section
    mark(form, slot, field);
  }
  return general;
}

// After rows are renumbered, a message shown next to a field stays its own.
export function relink(form) {
  for (const slot of form.querySelectorAll(".planner-error[data-for-field]")) {
    const control = slot.previousElementSibling;
    const old = slot.id;
    slot.id = `${control.id}-error`;
    slot.dataset.errorSlot = control.name;
    if (control.hasAttribute("aria-describedby")) {
      describedBy(control, old, false);
      describedBy(control, slot.id, true);
    }
  }
}
