// The agenda across kept plans: missed, due today and coming up, by day, from stored items.
import assert from "node:assert/strict";
import { test } from "node:test";

import { NEXT_DAYS, agendaSections } from "../../docs/assets/javascripts/planner-agenda.js";

const item = (step, date, until = "2099-01-01", kind = "follow_up") => ({
  step, kind, date, until, label: `label ${date}`, title: `title ${step}`,
});
const plan = (id, agenda, ticks = {}, name = `plan ${id}`) => ({ id, name, agenda, ticks });

const shape = (sections) => sections.map((s) => [s.kind, s.days.map((d) => [d.date, d.items.map((i) => `${i.plan}:${i.step}`)])]);

test("each item lands in missed, today or coming up by its date against today's", () => {
  const plans = [
    plan("a", [item("thanks", "2026-12-01"), item("decision", "2026-12-03"), item("follow", "2026-12-04")]),
    plan("b", [item("notes", "2026-12-03"), item("network", "2026-12-02")]),
  ];
  assert.deepEqual(shape(agendaSections(plans, "2026-12-03")), [
    ["overdue", [["2026-12-01", ["a:thanks"]], ["2026-12-02", ["b:network"]]]],
    ["today", [["2026-12-03", ["a:decision", "b:notes"]]]],
    ["next", [["2026-12-04", ["a:follow"]]]],
  ]);
});

test("a ticked step is not listed: the tick is the plan's own, by step and date", () => {
  const plans = [
    plan("a", [item("thanks", "2026-12-03")], { "thanks@2026-12-03": true }),
    plan("b", [item("thanks", "2026-12-03")]),
  ];
  assert.deepEqual(shape(agendaSections(plans, "2026-12-03")), [["today", [["2026-12-03", ["b:thanks"]]]]]);
});

test("a missed step drops off after its last day (Python's `until`), not before", () => {
  const plans = [plan("a", [item("ask", "2026-11-30", "2026-11-30"), item("thanks", "2026-11-30", "2026-12-03")])];
  assert.deepEqual(shape(agendaSections(plans, "2026-12-03")), [["overdue", [["2026-11-30", ["a:thanks"]]]]]);
  assert.deepEqual(agendaSections(plans, "2026-12-04"), []);
});

test(`coming up lists the next ${NEXT_DAYS} days that have steps, in date order`, () => {
  const days = ["2026-12-20", "2026-12-05", "2026-12-09", "2026-12-07", "2026-12-30"];
  const plans = [plan("a", days.map((d, i) => item(`s${i}`, d)))];
  const [next] = agendaSections(plans, "2026-12-04");
  assert.deepEqual(next.days.map((d) => d.date), ["2026-12-05", "2026-12-07", "2026-12-09", "2026-12-20"].slice(0, NEXT_DAYS));
});

test("items carry their plan's name, or the page's word for a plan without one", () => {
  const plans = [plan("a", [item("thanks", "2026-12-03")], {}, "")];
  const [today] = agendaSections(plans, "2026-12-03", "Plan without a name");
  assert.equal(today.days[0].items[0].name, "Plan without a name");
  assert.equal(today.days[0].label, "label 2026-12-03");
});

test("no kept plans, or nothing left to do: no sections", () => {
  assert.deepEqual(agendaSections([], "2026-12-03"), []);
  assert.deepEqual(agendaSections([plan("a", [])], "2026-12-03"), []);
});
