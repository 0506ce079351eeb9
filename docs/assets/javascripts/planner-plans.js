// The list of plans kept on this device: each opens with a tap and can be deleted (a second
// tap confirms). The plan on screen is marked; names are Python's or the reader's own.

import { el, message } from "./planner-dom.js";

function row(plan, current) {
  const name = plan.name || message("plan_untitled");
  const on = plan.id === current;
  return el("li", { class: `planner-plans__item${on ? " is-current" : ""}`, "data-plan-id": plan.id },
    el("button", { type: "button", class: "planner-plans__open", "data-open-plan": plan.id,
      "aria-current": on ? "true" : null, text: name }),
    on ? el("span", { class: "planner-plans__current", text: ` ${message("plan_current")}` }) : null,
    el("button", { type: "button", class: "md-button planner-plans__delete", "data-delete-plan": plan.id,
      text: message("plan_delete") }, el("span", { class: "planner-sr", text: `: ${name}` })));
}

export function drawPlans(list, plans, current) {
  list.replaceChildren(...plans.map((plan) => row(plan, current)));
}

// The first tap on Delete asks again, on the button itself; the second deletes. True: delete.
export function confirmDelete(button) {
  if (button.dataset.sure === "true") return true;
  button.dataset.sure = "true";
  button.firstChild.textContent = message("plan_delete_sure");
  return false;
}
