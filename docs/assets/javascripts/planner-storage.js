// The plans kept on this device, only once the reader asks ("Keep this plan").
//
// One localStorage entry holds every kept plan: {version: 2, plans: {id: plan}}, a plan being
// {id, name, named, form (the on-screen shape), ticks: {tickKey: true}, agenda: [items from
// Python], updated}. Every write reads the entry afresh and changes one plan only, so a second
// tab (which writes its own plan, or only the ticks it changed) never brings an old state back.
// What is read is checked like a hostile link: a damaged plan is left out and left as it is,
// and the others are still shown.

export const KEY = "after-the-interview:planner";
// The plan this tab shows, so a reload reopens it (per tab: two tabs can show two plans).
export const CURRENT = "after-the-interview:current";
// The link of the plan this tab shows when it is not kept, written only while other plans are
// kept (the reader has opted in), so a reload of it is not taken for someone else's link.
export const UNKEPT = "after-the-interview:unkept";
export const MAX_PLANS = 50;

const ID = /^[a-z0-9]{6,32}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TEXT_MAX = 300;

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const isText = (value, max = TEXT_MAX) => typeof value === "string" && value.length <= max;

function validItem(item) {
  return isObject(item) && isText(item.step, 80) && isText(item.kind, 80) && DAY.test(item.date)
    && DAY.test(item.until) && isText(item.label, 40) && isText(item.title);
}

// The on-screen shape as the page or Python writes it: text, a flag (the advanced choices
// open), lists of text, day numbers or rows of text.
function validForm(form) {
  const part = (x) => (typeof x === "string" && x.length <= 1000) || Number.isInteger(x)
    || (isObject(x) && Object.values(x).every((y) => isText(y, 1000)));
  return Object.entries(form).every(([key, value]) => isText(key, 60)
    && (isText(value, 1000) || typeof value === "boolean"
      || (Array.isArray(value) && value.length <= 20 && value.every(part))));
}

// The kept plan whose link is `hash` ("#p=..."): this page's own address after a reload or Back.
// `prefer` (this tab's plan) wins when two plans have the same link.
export function planOfLink(plans, hash, prefer) {
  const same = plans.filter((p) => p.share && `#p=${p.share}` === hash);
  return same.find((p) => p.id === prefer) || same[0] || null;
}

// A stored plan as the page may use it, or null if anything in it is not what the page wrote.
export function validPlan(id, plan) {
  if (!ID.test(id) || !isObject(plan) || plan.id !== id) return null;
  if (!isText(plan.name) || !isObject(plan.form) || !validForm(plan.form) || !isObject(plan.ticks)) return null;
  if (!Object.entries(plan.ticks).every(([key, on]) => isText(key, 120) && on === true)) return null;
  if (!Array.isArray(plan.agenda) || plan.agenda.length > 200 || !plan.agenda.every(validItem)) return null;
  if (typeof plan.updated !== "number" || !Number.isFinite(plan.updated)) return null;
  if (plan.share !== undefined && !isText(plan.share, 20_000)) return null;
  return { id, name: plan.name, named: plan.named === true, form: plan.form, ticks: { ...plan.ticks },
    agenda: plan.agenda, share: plan.share || "", updated: plan.updated };
}

function readRaw(storage) {
  try {
    return storage.getItem(KEY);
  } catch {
    return null; // storage blocked: nothing was kept
  }
}

// What this device keeps: {plans (valid, newest first), bad (how many could not be read),
// unreadable (the whole entry could not be read), legacy (a plan kept by the first version)}.
export function readPlans(storage) {
  const text = readRaw(storage);
  const none = { plans: [], bad: 0, unreadable: false, legacy: null };
  if (text === null) return none;
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { ...none, unreadable: true };
  }
  if (isObject(data) && data.version === 1) {
    // The first version kept one plan: {keep, form} or, older still, {keep, raw}.
    return { ...none, legacy: data.keep === true && (isObject(data.form) || isObject(data.raw)) ? data : null };
  }
  if (!isObject(data) || data.version !== 2 || !isObject(data.plans)) return { ...none, unreadable: true };
  const plans = [];
  let bad = 0;
  for (const [id, plan] of Object.entries(data.plans)) {
    const valid = validPlan(id, plan);
    if (valid) plans.push(valid);
    else bad += 1;
  }
  plans.sort((a, b) => b.updated - a.updated || a.id.localeCompare(b.id));
  return { plans: plans.slice(0, MAX_PLANS), bad, unreadable: false, legacy: null };
}

// Changes one plan in the stored entry, read afresh: change(plan or undefined) returns the plan
// to store, or null to remove it. Damaged plans stay as they are. False if nothing was written.
export function updatePlan(storage, id, change) {
  const text = readRaw(storage);
  let data = { version: 2, plans: {} };
  if (text !== null) {
    try {
      data = JSON.parse(text);
    } catch {
      return false; // never overwrite what could not be read
    }
    if (isObject(data) && data.version === 1) data = { version: 2, plans: {} }; // moved on by the page
    if (!isObject(data) || data.version !== 2 || !isObject(data.plans)) return false;
  }
  const before = validPlan(id, data.plans[id]) || undefined;
  if (data.plans[id] !== undefined && !before) return false; // a damaged plan is left alone
  const after = change(before);
  if (after) data.plans[id] = { ...after, id, updated: Date.now() };
  else delete data.plans[id];
  try {
    storage.setItem(KEY, JSON.stringify(data));
    return true;
  } catch {
    return false; // full or blocked
  }
}

export function savePlan(storage, id, fields) {
  return updatePlan(storage, id, (plan) => ({ name: "", named: false, form: {}, ticks: {}, agenda: [],
    ...(plan || {}), ...fields }));
}

// One tick, on or off, in one plan: the rest of the plan as stored, not as this tab last saw it.
export function saveTick(storage, id, key, on) {
  return updatePlan(storage, id, (plan) => {
    if (!plan) return null;
    const ticks = { ...plan.ticks };
    if (on) ticks[key] = true;
    else delete ticks[key];
    return { ...plan, ticks };
  });
}

export function deletePlan(storage, id) {
  return updatePlan(storage, id, () => null);
}

export function newId(random = Math.random) {
  let id = "";
  while (id.length < 12) id += Math.floor(random() * 36).toString(36);
  return id;
}

export function readCurrent(session, key = CURRENT) {
  try {
    return session.getItem(key);
  } catch {
    return null;
  }
}

export function writeCurrent(session, id, key = CURRENT) {
  try {
    if (id) session.setItem(key, id);
    else session.removeItem(key);
  } catch {
    /* per-tab memory only: the newest plan opens instead */
  }
}

// "Forget everything on this device": every plan, and whatever the site's theme keeps
// (Material stores what some features remember under "<site path>.__<name>").
export function forgetSiteStorage(win = window) {
  const scope = win.__md_scope instanceof URL ? win.__md_scope.pathname + "." : null;
  for (const area of ["localStorage", "sessionStorage"]) {
    try {
      const store = win[area];
      for (const key of Object.keys(store)) {
        if ([KEY, CURRENT, UNKEPT].includes(key) || (scope && key.startsWith(scope))) store.removeItem(key);
      }
    } catch {
      /* storage blocked: nothing was kept */
    }
  }
}
