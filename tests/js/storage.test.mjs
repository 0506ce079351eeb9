// The plans kept on this device: one plan changed per write, read like a hostile link.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  KEY, deletePlan, newId, planOfLink, readPlans, savePlan, saveTick, validPlan,
} from "../../docs/assets/javascripts/planner-storage.js";

function memory(initial = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k) => (data.has(k) ? data.get(k) : null),
    setItem: (k, v) => data.set(k, String(v)),
    removeItem: (k) => data.delete(k),
    raw: () => data.get(KEY),
  };
}

const form = { interview_date: "2026-12-01", company: "Acme", interviewers: [{ name: "Ana", title: "", email: "" }], references: ["Pat"], working_days: [0, 1, 2, 3, 4] };
const agenda = [{ step: "thanks", kind: "thank_you", date: "2026-12-02", until: "2026-12-16", label: "Wed 2 Dec 2026", title: "Thank Ana" }];

test("a fresh browser keeps nothing and reads no plan", () => {
  const store = memory();
  assert.deepEqual(readPlans(store), { plans: [], bad: 0, unreadable: false, legacy: null });
  assert.equal(store.raw(), undefined);
});

test("each plan keeps its own ticks: ticking one plan's step never ticks another's", () => {
  const store = memory();
  savePlan(store, "aaaaaaaaaaaa", { form, name: "Acme", agenda });
  savePlan(store, "bbbbbbbbbbbb", { form: { ...form, company: "Globex" }, name: "Globex", agenda });
  saveTick(store, "aaaaaaaaaaaa", "thanks@2026-12-02", true);
  const plans = Object.fromEntries(readPlans(store).plans.map((p) => [p.id, p]));
  assert.deepEqual(plans.aaaaaaaaaaaa.ticks, { "thanks@2026-12-02": true });
  assert.deepEqual(plans.bbbbbbbbbbbb.ticks, {});
});

test("a write changes only its plan, as stored now: another tab's newer ticks survive", () => {
  const store = memory();
  savePlan(store, "aaaaaaaaaaaa", { form, name: "Acme", agenda });
  saveTick(store, "aaaaaaaaaaaa", "thanks@2026-12-02", true); // the other tab
  savePlan(store, "bbbbbbbbbbbb", { form, name: "Second", agenda }); // this tab, another plan
  saveTick(store, "aaaaaaaaaaaa", "notes@2026-12-01", true); // this tab, an old view of plan a
  const [a] = readPlans(store).plans.filter((p) => p.id === "aaaaaaaaaaaa");
  assert.deepEqual(a.ticks, { "thanks@2026-12-02": true, "notes@2026-12-01": true });
});

test("a tick for a plan deleted meanwhile does not bring it back", () => {
  const store = memory();
  savePlan(store, "aaaaaaaaaaaa", { form, name: "Acme", agenda });
  deletePlan(store, "aaaaaaaaaaaa");
  saveTick(store, "aaaaaaaaaaaa", "thanks@2026-12-02", true);
  assert.deepEqual(readPlans(store).plans, []);
});

const hostile = [
  ["not JSON", "{plans:", { unreadable: true, bad: 0 }],
  ["a number", "42", { unreadable: true, bad: 0 }],
  ["an unknown version", JSON.stringify({ version: 9, plans: {} }), { unreadable: true, bad: 0 }],
  ["plans as a list", JSON.stringify({ version: 2, plans: [] }), { unreadable: true, bad: 0 }],
];
for (const [name, text, want] of hostile) {
  test(`a whole store that is ${name}: reported, and never overwritten`, () => {
    const store = memory({ [KEY]: text });
    const kept = readPlans(store);
    assert.equal(kept.unreadable, want.unreadable);
    assert.deepEqual(kept.plans, []);
    assert.equal(savePlan(store, "aaaaaaaaaaaa", { form }), false);
    assert.equal(store.raw(), text);
  });
}

const good = { id: "aaaaaaaaaaaa", name: "Acme", named: false, form, ticks: {}, agenda, updated: 1 };
const damaged = [
  ["an id that is not the page's", { ...good, id: "<img src=x>" }, "<img src=x>"],
  ["a form that is a string", { ...good, form: "x" }],
  ["a form with a row that is not text", { ...good, form: { ...form, interviewers: [null] } }],
  ["a form with a list of 10,000 rows", { ...good, form: { ...form, references: Array(10_000).fill("x") } }],
  ["a tick that is not true", { ...good, ticks: { a: "yes" } }],
  ["an agenda item with a date that is not a date", { ...good, agenda: [{ ...agenda[0], date: "soon" }] }],
  ["a name of a megabyte", { ...good, name: "x".repeat(1_000_000) }],
  ["no time of change", { ...good, updated: "yesterday" }],
];
for (const [name, plan, id = "aaaaaaaaaaaa"] of damaged) {
  test(`one plan with ${name}: left out and left alone; the other plans are shown`, () => {
    const other = { ...good, id: "bbbbbbbbbbbb", name: "Globex" };
    const text = JSON.stringify({ version: 2, plans: { [id]: plan, bbbbbbbbbbbb: other } });
    const store = memory({ [KEY]: text });
    const kept = readPlans(store);
    assert.deepEqual(kept.plans.map((p) => p.name), ["Globex"]);
    assert.equal(kept.bad, 1);
    saveTick(store, "bbbbbbbbbbbb", "thanks@2026-12-02", true);
    assert.deepEqual(JSON.parse(store.raw()).plans[id], plan);
  });
}

test("a plan kept by the first version of the page is offered for adoption", () => {
  const store = memory({ [KEY]: JSON.stringify({ version: 1, keep: true, form, ticks: { "a@2026-12-01": true } }) });
  const kept = readPlans(store);
  assert.deepEqual(kept.legacy.form, form);
  assert.deepEqual(kept.plans, []);
});

test("the page's own address after a reload finds its kept plan; this tab's wins a tie", () => {
  const plans = [{ ...good, share: "1.abc" }, { ...good, id: "bbbbbbbbbbbb", share: "1.abc" }, { ...good, id: "cccccccccccc", share: "1.xyz" }];
  assert.equal(planOfLink(plans, "#p=1.xyz", null).id, "cccccccccccc");
  assert.equal(planOfLink(plans, "#p=1.abc", "bbbbbbbbbbbb").id, "bbbbbbbbbbbb");
  assert.equal(planOfLink(plans, "#p=1.new", null), null);
});

test("ids are twelve letters or digits, as validPlan expects", () => {
  const ids = new Set(Array.from({ length: 200 }, () => newId()));
  assert.equal(ids.size, 200);
  for (const id of ids) assert.ok(validPlan(id, { ...good, id }), id);
});
