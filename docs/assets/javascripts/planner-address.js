// The plan's link in the address bar, written at most as often as browsers allow.

import { createBucket } from "./planner-bucket.js";

export const ADDRESS_BURST = 30;
export const ADDRESS_REFILL_MS = 333;

// A write to the address bar, if the bucket allows one now; else one is planned for later.
function write(win, bucket, st) {
  st.timer = null;
  const hash = win.location.hash;
  // A link opened since the page last wrote (pasted, or Back) wins: its hashchange opens it.
  if (hash !== st.seen || hash === `#p=${st.share}`) return;
  const wait = bucket.take();
  if (wait > 0) {
    st.timer = win.setTimeout(() => write(win, bucket, st), wait);
    return;
  }
  try {
    win.history.replaceState(win.history.state, "", st.path());
  } catch {
    // Refused all the same (another script spent the allowance): the next redraw tries again.
  }
  st.seen = win.location.hash;
}

export function createAddress(win = window) {
  const bucket = createBucket({ burst: ADDRESS_BURST, refillMs: ADDRESS_REFILL_MS, now: () => win.performance.now() });
  const st = {
    seen: win.location.hash, // the fragment as last seen or written; another one is the reader's
    timer: null,
    share: "", // the newest plan's fragment (without "#p="), from Python
    title: "", // and the one line that names it, from Python
    path: () => `${win.location.pathname}${win.location.search}#p=${st.share}`,
  };
  const cancel = () => {
    win.clearTimeout(st.timer);
    st.timer = null;
  };
  return {
    // The newest plan's link: written now, or by the write already waiting for the bucket.
    sync(next, nextTitle = "") {
      if (!next) return;
      st.share = next;
      st.title = nextTitle;
      if (st.timer === null) write(win, bucket, st);
    },
    // The address changed for another reason (a link opened): a waiting write is dropped.
    changed() {
      cancel();
      st.seen = win.location.hash;
    },
    clear() {
      cancel();
      st.share = "";
      st.title = "";
      win.history.replaceState(win.history.state, "", win.location.pathname + win.location.search);
      st.seen = win.location.hash;
    },
    link() {
      return st.share ? win.location.origin + st.path() : win.location.href;
    },
    title() {
      return st.title;
    },
  };
}
