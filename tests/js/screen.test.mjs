// The form's controls, read as they stand and written from Python's on-screen shape.
import assert from "node:assert/strict";
import { test } from "node:test";

import { assignments, group, readScreen } from "../../docs/assets/javascripts/planner-screen.js";

const box = (name, value) => ({ name, type: "text", value });
const radio = (name, value, checked = false) => ({ name, type: "radio", value, checked });
const day = (value, checked) => ({ name: "working_days", type: "checkbox", value: String(value), checked });

const CONTROLS = [
  box("interview_date", "2026-11-17"),
  box("company", " Acme "),
  radio("decision_mode", "none"),
  radio("decision_mode", "within", true),
  box("decision_within", "2"),
  { name: "decision_within_unit", type: "select-one", value: "w" },
  box("interviewers[0].name", ""),
  box("interviewers[0].title", ""),
  box("interviewers[0].email", ""),
  box("interviewers[1].name", "Ana"),
  box("interviewers[1].title", ""),
  box("interviewers[1].email", "ana@example.com"),
  box("references[0]", "Cy"),
  day(0, true),
  day(5, false),
  day(6, true),
  { name: "", type: "button", value: "" },
];

test("the form is read as it stands, with no meaning given to any answer", () => {
  assert.deepEqual(readScreen(CONTROLS), {
    interview_date: "2026-11-17",
    company: " Acme ", // Python trims
    decision_mode: "within",
    decision_within: "2",
    decision_within_unit: "w",
    interviewers: [
      { name: "", title: "", email: "" }, // a blank row is sent: Python drops it, keeping rows
      { name: "Ana", title: "", email: "ana@example.com" },
    ],
    references: ["Cy"],
    working_days: [0, 6],
  });
});

test("Python's shape sets boxes, radios and days, and leaves alone what it does not give", () => {
  const set = assignments({ decision_mode: "within", decision_within: "2", working_days: [1] }, CONTROLS);
  assert.deepEqual(set, [
    { name: "decision_mode", value: "none", checked: false },
    { name: "decision_mode", value: "within", checked: true },
    { name: "decision_within", value: "2" },
    { name: "working_days", value: "0", checked: false },
    { name: "working_days", value: "5", checked: false },
    { name: "working_days", value: "6", checked: false },
  ]);
});

test("fields typed by hand while a link opened are skipped, by group", () => {
  const set = assignments({ company: "Link Co", decision_mode: "by", decision_by: "2026-11-27" }, CONTROLS, new Set(["decision"]));
  assert.deepEqual(set, [{ name: "company", value: "Link Co" }]);
  assert.equal(group("interviewers[3].email"), "interviewers");
  assert.equal(group("decision_within_unit"), "decision");
  assert.equal(group("company"), "company");
});
