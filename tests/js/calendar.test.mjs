// The calendar file's options, read from their controls for the `ics` request.
import assert from "node:assert/strict";
import { test } from "node:test";

import { calendarOptions, calendarProblems } from "../../docs/assets/javascripts/planner-calendar.js";

const controls = (reminder, past) => [
  { name: "reminder", dataset: { calendar: "reminder" }, value: reminder },
  { name: "include_past", dataset: { calendar: "include_past" }, value: "on", checked: past },
];

test("the chosen reminder and the earlier-steps box go with the request", () => {
  assert.deepEqual(calendarOptions(controls("morning", true)), { reminder: "morning", include_past: true });
  assert.deepEqual(calendarOptions(controls("none", false)), { reminder: "none", include_past: false });
});

test("controls that are not the calendar's are not sent", () => {
  const other = { name: "company", dataset: {}, value: "Acme" };
  assert.deepEqual(calendarOptions([other]), {});
});

test("only problems with the calendar's own options, or with no field, are said beside the button", () => {
  const errors = [
    { field: "include_past", message: "Every step of this plan is before today." },
    { field: "interview_date", message: "Enter the interview date." },
    { field: "", message: "Something went wrong inside the planner." },
  ];
  assert.deepEqual(calendarProblems(errors, controls("evening", false)), [
    "Every step of this plan is before today.",
    "Something went wrong inside the planner.",
  ]);
});
