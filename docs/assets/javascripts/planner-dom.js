// Building elements. Text goes in with textContent only, never as HTML.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key === "class") node.className = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child);
  }
  return node;
}

// A message the page carries (scripts/planner_page.py writes them from planner/view.py).
export function message(name, values = {}) {
  const node = document.querySelector(`#planner-messages`)?.content.querySelector(`[data-message="${name}"]`);
  const text = node ? node.textContent : name;
  return text.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
}

// Fills "{n}" in every [data-numbered] text under `root` with the row's number.
export function number(root, n) {
  for (const node of root.querySelectorAll("[data-numbered]")) {
    node.textContent = node.dataset.numbered.replace("{n}", String(n));
  }
}
