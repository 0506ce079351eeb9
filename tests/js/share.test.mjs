// How the plan's link is shared: the share sheet only where the browser has one that takes it.
import assert from "node:assert/strict";
import { test } from "node:test";

import { shareMode } from "../../docs/assets/javascripts/planner-share.js";

const data = { title: "Follow-up plan: Acme, interview Tue 17 Nov", url: "https://example.org/planner/#p=1.x" };

const cases = [
  ["a phone with the Web Share API", { share() {}, canShare: () => true }, "sheet"],
  ["Web Share without canShare (older Safari)", { share() {} }, "sheet"],
  ["a browser without the Web Share API (Firefox on a desktop)", {}, "copy"],
  ["a share sheet that cannot take this link", { share() {}, canShare: () => false }, "copy"],
  ["no navigator at all", undefined, "copy"],
];

for (const [name, nav, want] of cases) {
  test(`${name}: ${want}`, () => {
    assert.equal(shareMode(nav, data), want);
  });
}

test("canShare is asked about the link and title being shared", () => {
  let asked = null;
  shareMode({ share() {}, canShare: (d) => { asked = d; return true; } }, data);
  assert.deepEqual(asked, data);
});
