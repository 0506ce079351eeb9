// The plan request queue: one request with the worker at a time, and the latest one wins.
import assert from "node:assert/strict";
import { test } from "node:test";

import { createLatestQueue } from "../../docs/assets/javascripts/planner-queue.js";

function worker() {
  const sent = [];
  return { sent, send: (request, reply) => sent.push({ request, reply }) };
}

test("the first request goes at once", () => {
  const w = worker();
  const queue = createLatestQueue(w.send);
  queue.request(() => "form 1", () => {});
  assert.deepEqual(w.sent.map((s) => s.request), ["form 1"]);
  assert.equal(queue.busy, true);
});

test("requests made while one is in flight become one request for the newest form", () => {
  const w = worker();
  const queue = createLatestQueue(w.send);
  const shown = [];
  let form = "form 1";
  queue.request(() => form, (answer) => shown.push(answer));
  for (const typed of ["form 2", "form 3", "form 4"]) {
    form = typed;
    queue.request(() => form, (answer) => shown.push(answer));
  }
  assert.equal(w.sent.length, 1);
  w.sent[0].reply("plan for form 1");
  assert.deepEqual(shown, [], "an out-of-date answer is never shown");
  assert.deepEqual(w.sent.map((s) => s.request), ["form 1", "form 4"]);
  w.sent[1].reply("plan for form 4");
  assert.deepEqual(shown, ["plan for form 4"]);
  assert.equal(queue.busy, false);
});

test("the form is read when its request is sent, not when it is asked for", () => {
  const w = worker();
  const queue = createLatestQueue(w.send);
  let form = "a";
  queue.request(() => form, () => {});
  queue.request(() => form, () => {});
  form = "b";
  w.sent[0].reply("x");
  assert.equal(w.sent[1].request, "b");
});

test("after an answer the next change goes at once again", () => {
  const w = worker();
  const queue = createLatestQueue(w.send);
  queue.request(() => 1, () => {});
  w.sent[0].reply("done");
  queue.request(() => 2, () => {});
  assert.equal(w.sent.length, 2);
});

test("settled() waits for the answer to the newest form, not an out-of-date one", async () => {
  const w = worker();
  const queue = createLatestQueue(w.send);
  const shown = [];
  queue.request(() => "form 1", (answer) => shown.push(answer));
  queue.request(() => "form 2", (answer) => shown.push(answer));
  let settledWith = null;
  const settled = queue.settled().then(() => {
    settledWith = [...shown];
  });
  w.sent[0].reply("plan for form 1");
  await Promise.resolve();
  assert.equal(settledWith, null, "still waiting: form 2 is with the worker");
  w.sent[1].reply("plan for form 2");
  await settled;
  assert.deepEqual(settledWith, ["plan for form 2"], "the newest plan was handled first");
});

test("settled() resolves at once when nothing is pending", async () => {
  const w = worker();
  const queue = createLatestQueue(w.send);
  await queue.settled();
  queue.request(() => 1, () => {});
  w.sent[0].reply("done");
  await queue.settled();
  assert.equal(queue.busy, false);
});
