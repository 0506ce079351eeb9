// The plan's link in the address bar, written at most as often as browsers allow.

import { createBucket } from "./planner-bucket.js";

export const ADDRESS_BURST = 30;
export const ADDRESS_REFILL_MS = 333;

export function createAddress(win = window) {
  const bucket = createBucket({ burst: ADDRESS_BURST, refillMs: ADDRESS_REFILL_MS, now: () => win.performance.now() });
  let seen = win.location.hash; // the fragment as last seen or written; another one is the reader's
  let timer = null;
  let share = ""; // the newest plan's fragment (without "#p="), from Python
  let title = ""; // and the one line that names it, from Python
  const path = () => `${win.location.pathname}${win.location.search}#p=${share}`;

  function write() {
    timer = null;
    const hash = win.location.hash;
    // A link opened since the page last wrote (pasted, or Back) wins: its hashchange opens it.
    if (hash !== seen || hash === `#p=${share}`) return;
    const wait = bucket.take();
    if (wait > 0) {
      timer = win.setTimeout(write, wait);
      return;
    }
    try {
      win.history.replaceState(win.history.state, "", path());
    } catch {
      // Refused all the same (another script spent the allowance): the next redraw tries again.
    }
    seen = win.location.hash;
  }

  function cancel() {
    win.clearTimeout(timer);
    timer = null;
  }

  return {
    // The newest plan's link: written now, or by the write already waiting for the bucket.
    sync(next, nextTitle = "") {
      if (!next) return;
      share = next;
      title = nextTitle;
      if (timer === null) write();
    },
    // The address changed for another reason (a link opened): a waiting write is dropped.
    changed() {
      cancel();
      seen = win.location.hash;
    },
    clear() {
      cancel();
      share = "";
      title = "";
      win.history.replaceState(win.history.state, "", win.location.pathname + win.location.search);
      seen = win.location.hash;
    },
    link() {
      return share ? win.location.origin + path() : win.location.href;
    },
    title() {
      return title;
    },
  };
}
