// The form as it stands on screen, read from and written to its controls. No meaning is given
// to any answer here: Python (planner/form.py) converts this shape to the planner's input.
// A group of checkboxes (the days) is read as the list of its ticked values.

const ROW = /^(interviewers|references)\[(\d+)\](?:\.(\w+))?$/;

// controls: the form's elements ({name, type, value, checked}). Returns the on-screen shape.
export function readScreen(controls) {
  const screen = { interviewers: [], references: [] };
  for (const c of controls) {
    if (!c.name || c.type === "button" || c.type === "submit") continue;
    const row = ROW.exec(c.name);
    if (row) {
      const [, list, index, part] = row;
      if (part) (screen[list][index] ??= { name: "", title: "", email: "" })[part] = c.value;
      else screen[list][index] = c.value;
    } else if (c.type === "checkbox") {
      screen[c.name] ??= [];
      if (c.checked) screen[c.name].push(Number(c.value));
    } else if (c.type === "radio") {
      if (c.checked) screen[c.name] = c.value;
    } else {
      screen[c.name] = c.value;
    }
  }
  screen.interviewers = [...screen.interviewers].map((p) => p ?? { name: "", title: "", email: "" });
  screen.references = [...screen.references].map((r) => r ?? "");
  return screen;
}

// What to set on the single controls for an on-screen shape from Python: a list of
// {name, value} (a box or select) and {name, value, checked} (a radio or checkbox).
// Fields in `skip` were typed by hand meanwhile and are left alone.
export function assignments(screen, controls, skip = new Set()) {
  const out = [];
  for (const c of controls) {
    if (!c.name || ROW.test(c.name) || skip.has(group(c.name))) continue;
    if (c.type === "radio") {
      if (c.name in screen) out.push({ name: c.name, value: c.value, checked: screen[c.name] === c.value });
    } else if (c.type === "checkbox") {
      if (Array.isArray(screen[c.name])) {
        out.push({ name: c.name, value: c.value, checked: screen[c.name].includes(Number(c.value)) });
      }
    } else if (typeof screen[c.name] === "string") {
      out.push({ name: c.name, value: screen[c.name] });
    }
  }
  return out;
}

// The group a control's change belongs to (a row list, the decision, or the field itself).
export function group(name) {
  const row = ROW.exec(name || "");
  if (row) return row[1];
  if ((name || "").startsWith("decision")) return "decision";
  return name || "";
}
