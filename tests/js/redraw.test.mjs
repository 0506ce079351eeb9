// Keyed redraw: unchanged steps keep their element; changed and new ones are built.
import assert from "node:assert/strict";
import { test } from "node:test";

import { reconcile } from "../../docs/assets/javascripts/planner-redraw.js";

const id = (s) => s.id;
const key = (s) => JSON.stringify(s);

function draw(previous, steps) {
  const built = [];
  const result = reconcile(previous, steps, id, key, (step, before) => {
    built.push({ id: step.id, before });
    return { node: step.id, version: step.date };
  });
  return { ...result, built };
}

test("a first drawing builds every step in order", () => {
  const { nodes, built } = draw(new Map(), [{ id: "a", date: 1 }, { id: "b", date: 1 }]);
  assert.deepEqual(built.map((b) => b.id), ["a", "b"]);
  assert.deepEqual(nodes.map((n) => n.node), ["a", "b"]);
});

test("an unchanged step keeps its element; a changed one is rebuilt knowing the old one", () => {
  const first = draw(new Map(), [{ id: "a", date: 1 }, { id: "b", date: 1 }]);
  const second = draw(first.drawn, [{ id: "a", date: 1 }, { id: "b", date: 2 }, { id: "c", date: 1 }]);
  assert.equal(second.nodes[0], first.nodes[0], "same element, so focus and ticks survive");
  assert.deepEqual(second.built.map((b) => b.id), ["b", "c"]);
  assert.equal(second.built[0].before, first.nodes[1], "an open draft can be kept open");
  assert.equal(second.built[1].before, null);
});

test("a removed step is forgotten and order follows the new plan", () => {
  const first = draw(new Map(), [{ id: "a", date: 1 }, { id: "b", date: 1 }]);
  const second = draw(first.drawn, [{ id: "b", date: 1 }]);
  assert.deepEqual([...second.drawn.keys()], ["b"]);
  assert.deepEqual(second.built, []);
});
