// The plan on the page: its steps, warnings and problems, drawn from Python's answer.

import { el } from "./planner-dom.js";
import { placeInOrder, reconcile } from "./planner-redraw.js";
import { renderStep, tickKey } from "./planner-render.js";

// The first plan is built in tasks of about this long, so a slow phone's main thread is never
// held for long; later redraws rebuild only the steps that changed.
const FIRST_DRAW_SLICE_MS = 8;

// What a drawn step is compared by to be kept: its whole answer.
const stepKey = (step) => JSON.stringify(step);

// The first plan, a few steps per task, appended in order; done() once the last is in.
function drawInSlices(view, timeline, steps, done) {
  let next = 0;
  timeline.replaceChildren();
  const slice = () => {
    view.timer = null;
    const started = performance.now();
    const nodes = [];
    do {
      const step = steps[next++];
      const node = view.build(step, null);
      view.drawn.set(step.id, { key: stepKey(step), node });
      nodes.push(node);
    } while (next < steps.length && performance.now() - started < FIRST_DRAW_SLICE_MS);
    timeline.append(...nodes);
    if (next < steps.length) view.timer = window.setTimeout(slice);
    else done();
  };
  if (steps.length) view.timer = window.setTimeout(slice); // after this answer's own task
  else done();
}

export function createPlanView(ui, ticks) {
  const view = { drawn: new Map(), lastSteps: [], timer: null, ticks, answer: null, unfolded: false };
  view.build = (step, before) => {
    const node = renderStep(step, Boolean(view.ticks[tickKey(step)]));
    const details = node.querySelector("details");
    if (details && before && before.querySelector("details[open]")) details.open = true;
    return node;
  };

  view.draw = (steps) => {
    const { drawn, nodes } = reconcile(view.drawn, steps, (s) => s.id, stepKey, view.build);
    view.drawn = drawn;
    placeInOrder(ui.timeline, nodes);
  };

  view.drawInSlices = (steps, done) => drawInSlices(view, ui.timeline, steps, done);

  // Stops a first plan being drawn in slices; true if one was.
  view.stop = () => {
    if (view.timer === null) return false;
    window.clearTimeout(view.timer);
    view.timer = null;
    return true;
  };

  view.problems = (messages) => {
    ui.problems.replaceChildren(...messages.map((m) => el("p", { text: m })));
    ui.problems.hidden = messages.length === 0;
  };

  view.warnings = (warnings) => {
    ui.warnings.replaceChildren(...warnings.map((w) => el("li", { text: w })));
    ui.warnings.hidden = warnings.length === 0;
  };

  view.stale = (on) => {
    ui.timeline.classList.toggle("planner-stale", on);
    if (on) ui.timeline.setAttribute("aria-describedby", "planner-problems");
    else ui.timeline.removeAttribute("aria-describedby");
  };

  // The rest of an answer: the printed heading, the summary over the folded earlier steps and
  // the phone's jump control, all in Python's words.
  view.extras = (answer) => {
    view.answer = answer;
    const head = answer.print;
    ui.printHead.replaceChildren(...(head ? [el("p", { class: "planner-print-head__title", text: head.title }),
      ...head.lines.map((line) => el("p", { text: line }))] : []));
    if (answer.jump) ui.jump.textContent = answer.jump;
    view.earlier();
  };

  // "4 earlier steps, 2 done": which words depends on how many of them are ticked.
  view.earlier = () => {
    const words = view.answer && view.answer.earlier;
    ui.earlier.hidden = !words;
    ui.timeline.classList.toggle("planner-timeline--folded", Boolean(words) && !view.unfolded);
    if (!words) return;
    const past = view.lastSteps.filter((s) => s.status === "past");
    const done = past.filter((s) => view.ticks[tickKey(s)]).length;
    ui.earlierButton.textContent = words[Math.min(done, words.length - 1)];
    ui.earlierButton.setAttribute("aria-expanded", String(Boolean(view.unfolded)));
  };

  view.toggleEarlier = () => {
    view.unfolded = !view.unfolded;
    view.earlier();
  };

  view.forget = () => {
    view.stop();
    view.drawn = new Map(); // every step is drawn again, unticked
  };
  return view;
}
