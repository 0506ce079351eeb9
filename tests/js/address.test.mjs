// The address bar keeps the newest plan's link, but never faster than browsers allow.
import assert from "node:assert/strict";
import { test } from "node:test";

import { createAddress, ADDRESS_BURST, ADDRESS_REFILL_MS } from "../../docs/assets/javascripts/planner-address.js";
import { createBucket } from "../../docs/assets/javascripts/planner-bucket.js";

function fakeWindow() {
  const timers = [];
  const win = {
    clock: 0,
    writes: 0,
    location: { hash: "", pathname: "/planner/", search: "", origin: "https://example.org", href: "https://example.org/planner/" },
    performance: { now: () => win.clock },
    history: {
      state: null,
      replaceState(state, title, path) {
        win.writes += 1;
        win.location.hash = path.slice(path.indexOf("#"));
      },
    },
    setTimeout(fn, ms) {
      timers.push({ fn, at: win.clock + ms });
      return timers.length;
    },
    clearTimeout(id) {
      if (id) timers[id - 1].fn = null;
    },
    advance(ms) {
      win.clock += ms;
      for (const timer of timers) {
        if (timer.fn && timer.at <= win.clock) {
          const fn = timer.fn;
          timer.fn = null;
          fn();
        }
      }
    },
  };
  return win;
}

test("the bucket allows a burst, then one action per refill", () => {
  let now = 0;
  const bucket = createBucket({ burst: 3, refillMs: 100, now: () => now });
  assert.deepEqual([bucket.take(), bucket.take(), bucket.take()], [0, 0, 0]);
  assert.equal(bucket.take(), 100);
  now += 50;
  assert.equal(bucket.take(), 50);
  now += 50;
  assert.equal(bucket.take(), 0);
});

test("no more than 60 address writes in any 10 seconds, however fast the typing", () => {
  const win = fakeWindow();
  const address = createAddress(win);
  for (let key = 0; key < 1000; key += 1) {
    address.sync(`1.plan${key}`);
    win.advance(10); // a key every 10 ms
  }
  assert.ok(win.writes <= ADDRESS_BURST + 10_000 / ADDRESS_REFILL_MS + 1, String(win.writes));
  win.advance(ADDRESS_REFILL_MS);
  assert.equal(win.location.hash, "#p=1.plan999", "the newest plan is written in the end");
});

test("a link the reader opened is not overwritten", () => {
  const win = fakeWindow();
  const address = createAddress(win);
  address.sync("1.mine");
  assert.equal(win.location.hash, "#p=1.mine");
  win.location.hash = "#p=1.pasted"; // pasted: the hashchange opens it
  address.sync("1.newer");
  assert.equal(win.location.hash, "#p=1.pasted");
  address.changed(); // the page has seen it
  address.sync("1.fromlink");
  assert.equal(win.location.hash, "#p=1.fromlink");
});

test("copy link gives the newest plan's full address", () => {
  const win = fakeWindow();
  const address = createAddress(win);
  address.sync("1.abc");
  assert.equal(address.link(), "https://example.org/planner/#p=1.abc");
});
