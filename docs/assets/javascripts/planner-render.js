// One step of the plan as an element: every word comes from Python (the step's `show`).

import { el } from "./planner-dom.js";

function head(step, show, tickKey, done) {
  const tickId = `tick-${step.id}`;
  const tick = el("input", { type: "checkbox", id: tickId, class: "planner-tick", "data-tick": tickKey });
  tick.checked = done;
  const name = el("span", { class: "planner-sr", text: show.tick_name });
  return el("div", { class: "planner-step__head" }, tick,
    el("label", { for: tickId, class: "planner-tick-label" }, show.tick, name));
}

function when(step, show) {
  return el(
    "p",
    { class: "planner-step__when" },
    el("time", { datetime: step.date, text: show.date }),
    show.time ? el("span", { class: "planner-step__window" }, ", ", el("time", { datetime: show.datetime, text: show.time })) : null,
    show.badge ? el("strong", { class: "planner-badge", text: show.badge }) : null,
    show.optional ? el("span", { class: "planner-badge planner-badge--optional", text: show.optional }) : null,
  );
}

function meta(step, show) {
  return el(
    "p",
    { class: "planner-step__meta" },
    show.to ? el("span", { text: show.to }) : null,
    step.email ? el("span", {}, " (", el("a", { href: `mailto:${step.email}`, text: step.email }), ")") : null,
    el("span", { class: "planner-channel", text: (show.to ? " · " : "") + show.channel }),
  );
}

function sources(step, show) {
  const links = step.source_links.flatMap((s, i) => [
    i ? " " : "",
    el("a", { href: `../sources/#${s.anchor}`, text: s.mark, title: s.title, "aria-label": s.label }),
  ]);
  return el("p", { class: "planner-step__sources" }, show.sources, ...links);
}

// A link that opens another site in a new tab; `name` ends its accessible name.
function away(href, cls, text, name) {
  if (!href) return null;
  return el("span", {}, " · ", el("a", { href, target: "_blank", rel: "noopener noreferrer", class: cls },
    text, el("span", { class: "planner-sr", text: name })));
}

function links(step, show) {
  return el("p", { class: "planner-step__links" },
    el("a", { href: show.guide_href, text: show.guide }),
    away(step.google, "planner-gcal", show.calendar, show.calendar_name),
    away(step.outlook, "planner-outlook", show.outlook, show.outlook_name));
}

function copyBlock(block) {
  return el(
    "div",
    { class: "planner-copy", "data-confirm-scope": true },
    el("div", { class: "planner-copy__head" },
      el("span", { class: "planner-copy__label", text: block.label }),
      el("span", { class: "planner-confirm", role: "status", "data-confirm": true }),
      el("button", { type: "button", class: "md-button planner-copy__button", "data-copy": block.name, text: block.button })),
    el("pre", { class: "planner-copy__text", "data-copy-text": block.name, tabindex: "0" }, el("code", { text: block.text })),
  );
}

// "Open in your email app": the draft as a mailto: link Python made (null if not an email).
function send(href, words) {
  if (!href || !words) return null;
  return el("p", { class: "planner-send" },
    el("a", { href, class: "md-button md-button--primary planner-send__link" },
      words.label, el("span", { class: "planner-sr", text: words.name })),
    words.hint ? el("span", { class: "planner-hint planner-send__hint", text: words.hint }) : null);
}

function draft(view, mailto) {
  return el("details", { class: "planner-draft" },
    el("summary", { text: view.summary }),
    el("p", { class: "planner-hint", text: view.hint }),
    send(mailto, view.send),
    ...view.blocks.map(copyBlock));
}

// The element for one step; `done` says whether the reader ticked it.
export function renderStep(step, done) {
  const show = step.show;
  const titleId = `step-${step.id}-title`;
  return el(
    "li",
    {
      class: `planner-step${done ? " is-done" : ""}`,
      "data-kind": step.kind,
      "data-status": step.status,
      "data-step": step.id,
      id: `step-${step.id}`,
      "aria-labelledby": titleId,
    },
    el("h3", { class: "planner-step__title", id: titleId, text: step.title }),
    head(step, show, tickKey(step), done),
    when(step, show),
    meta(step, show),
    el("p", { class: "planner-step__why", text: step.why }),
    sources(step, show),
    links(step, show),
    show.action ? el("p", { class: "planner-step__action" }, el("button", {
      type: "button", class: "md-button md-button--primary", "data-action": show.action.action, text: show.action.label,
    })) : null,
    show.draft ? draft(show.draft, step.mailto) : null,
  );
}

// What a tick is remembered by: the step and its date (a moved step is a new task).
export function tickKey(step) {
  return `${step.id}@${step.date}`;
}
