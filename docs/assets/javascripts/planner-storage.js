// This device's copy of the plan, kept only when the reader asks ("Keep this plan").

const KEY = "after-the-interview:planner";

export function readStore() {
  try {
    const data = JSON.parse(window.localStorage.getItem(KEY) || "null");
    return data && data.version === 1 ? data : null;
  } catch {
    return null; // storage blocked or damaged: behave as if nothing was kept
  }
}

// data: {keep, form (the on-screen shape), ticks}.
export function writeStore(data) {
  try {
    window.localStorage.setItem(KEY, JSON.stringify({ version: 1, ...data }));
  } catch {
    /* storage full or blocked: keeping is best effort */
  }
}

export function clearStore() {
  try {
    window.localStorage.removeItem(KEY);
  } catch {
    /* nothing to clear */
  }
}

// "Forget everything on this device": the planner's copy, and whatever the site's theme keeps
// (Material stores what some features remember under "<site path>.__<name>").
export function forgetSiteStorage() {
  clearStore();
  const scope = window.__md_scope instanceof URL ? window.__md_scope.pathname + "." : null;
  for (const area of ["localStorage", "sessionStorage"]) {
    try {
      const store = window[area];
      for (const key of Object.keys(store)) {
        if (key === KEY || (scope && key.startsWith(scope))) store.removeItem(key);
      }
    } catch {
      /* storage blocked: nothing was kept */
    }
  }
}
