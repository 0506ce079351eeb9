// The planner page's glue: form -> Python (in a Web Worker) -> timeline in the page.
//
// This file only marshals. Every date, label, message, draft, share link and calendar file is
// made by the planner's Python (planner/web.py) running in Pyodide inside planner-worker.js.
// JavaScript does no date arithmetic: it only reads today's date from the browser clock and
// passes it to Python as "today" (which decides each step's status, never its date).
//
// Readiness signal for tests and tools: once Python has started AND the first timeline (or the
// first set of form errors) is rendered, the page root gets
//     document.documentElement.dataset.plannerReady === "true"
// i.e. <html data-planner-ready="true">. It is removed when leaving the planner page.
//
// Loaded only by docs/planner/index.md (<script type="module">), never by guide pages. It runs
// once per page load (the site does not use Material's instant navigation; see mkdocs.yml) and
// would also re-initialise on every page swap through Material's document$ observable if that
// were switched on, keeping one worker for the whole visit. Back from another page restores the
// planner from the browser's back/forward cache, worker and all.
//
// Content-Security-Policy friendly: no inline scripts or handlers, no eval; user text is set
// with textContent only.

const STORAGE_KEY = "after-the-interview:planner";
// The plan is redrawn on every key press; screen readers hear "Plan updated" once the reader
// pauses, not once per key.
const ANNOUNCE_AFTER_MS = 600;
// The plan's link is kept in the address bar, and the plan is redrawn on every key press.
// Safari refuses more than 100 address changes in 10 seconds and Firefox more than 200, so the
// page spends from a bucket of ADDRESS_BURST writes that refills one every ADDRESS_REFILL_MS: at
// most 30 + 30 = 60 in any 10 s. Ordinary use never empties it; in a long burst of fast typing
// the address catches up a third of a second behind. "Copy link" always copies the newest plan.
const ADDRESS_BURST = 30;
const ADDRESS_REFILL_MS = 333;
// The first plan (about 18 steps, built from nothing) is built in tasks of about this long, so
// that it never holds a slow phone's main thread for long; later redraws rebuild only the steps
// that changed.
const FIRST_DRAW_SLICE_MS = 8;

// ---- one worker per visit -------------------------------------------------------------------

const worker = new Worker(new URL("./planner-worker.js", import.meta.url), { type: "module" });
const state = {
  ready: false, // Python has started
  failed: null, // start-up error message
  nextId: 1,
  callbacks: new Map(), // id -> function(answer) for non-plan requests
  page: null, // the bound page (see bind), or null when the planner is not on screen
  ticks: {},
};

worker.addEventListener("message", (event) => {
  const msg = event.data;
  if (msg.type === "ready") {
    state.ready = true;
    if (state.page) state.page.onReady();
  } else if (msg.type === "failed") {
    state.failed = msg.message;
    if (state.page) state.page.onFailed(msg.message);
  } else if (msg.type === "status") {
    if (state.page) state.page.setLoading(msg.message);
  } else if (msg.type === "result") {
    const callback = state.callbacks.get(msg.id);
    state.callbacks.delete(msg.id);
    if (callback) callback(msg.answer, msg.id);
  }
});
worker.addEventListener("error", (event) => {
  const message = event.message || "the planner's worker could not be loaded";
  state.failed = message;
  if (state.page) state.page.onFailed(message);
});

function ask(request, callback) {
  const id = state.nextId++;
  state.callbacks.set(id, callback);
  worker.postMessage({ ...request, id });
  return id;
}

// ---- small helpers ------------------------------------------------------------------------

function todayISO() {
  // The browser's local calendar date, formatted (not computed) as YYYY-MM-DD.
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function siteRoot() {
  return new URL("../", window.location.href.split("#")[0]).href;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key === "class") node.className = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child);
  }
  return node;
}

function readStore() {
  try {
    const data = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "null");
    return data && data.version === 1 ? data : null;
  } catch {
    return null; // storage blocked or damaged: behave as if nothing was kept
  }
}

function writeStore(data) {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, ...data }));
  } catch {
    /* storage full or blocked: keeping is best effort */
  }
}

function clearStore() {
  try {
    window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    /* nothing to clear */
  }
}

// "Forget everything on this device": the planner's copy, and anything the site's theme keeps
// (Material stores what some of its features remember under "<site path>.__<name>", e.g. the
// colour scheme picked with its light/dark toggle, which this site does not use).
function forgetSiteStorage() {
  clearStore();
  const scope = window.__md_scope instanceof URL ? window.__md_scope.pathname + "." : null;
  for (const area of ["localStorage", "sessionStorage"]) {
    try {
      const store = window[area];
      for (const key of Object.keys(store)) {
        if (key === STORAGE_KEY || (scope && key.startsWith(scope))) store.removeItem(key);
      }
    } catch {
      /* storage blocked: nothing was kept */
    }
  }
}

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Fallback for browsers or contexts without the async clipboard.
    const area = el("textarea", { class: "planner-offscreen", readonly: true });
    area.value = text;
    document.body.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand("copy");
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

// ---- binding one planner page -------------------------------------------------------------

function bind(root) {
  const form = root.getElementById("planner-form");
  const $ = (id) => root.getElementById(id);
  const ui = {
    loading: $("planner-loading"),
    loadingText: $("planner-loading-text"),
    announce: $("planner-announce"),
    problems: $("planner-problems"),
    warnings: $("planner-warnings"),
    timeline: $("planner-timeline"),
    interviewers: $("pl-interviewers"),
    references: $("pl-references"),
    keep: $("pl-keep"),
    output: $("planner-output"),
  };
  const page = {
    form,
    // "<step id>@<date>" -> true. Shared by every visit to the planner in this tab (in memory
    // only), so ticks survive a trip to a guide page and back; stored only if the reader opts in.
    ticks: state.ticks,
    touched: new Set(), // fields changed by hand before a shared link was decoded
    // A shared link is read once Python is ready; until then, what the reader types is noted
    // in `touched` so the link fills in only the other fields.
    awaitingLink: window.location.hash.startsWith("#p="),
    linkSeq: 0, // which opened link the page is waiting for (a newer link wins)
    // Plan requests: at most one with the worker; changes made meanwhile are sent as one
    // request for the latest form when it answers (no timer: the first change goes at once).
    inFlight: false,
    pending: false,
    firstRender: false,
    lastSteps: [],
    drawn: new Map(), // step id -> {key, node}: steps whose answer has not changed are kept
    drawTimer: null, // the next slice of the first plan (see drawInSlices)
    lastSent: null, // the form as last sent to Python (JSON)
    share: "", // the newest plan's link fragment (without "#p="), from Python
    // The address bar: the fragment as this page last saw or wrote it (another one means the
    // reader opened a link meanwhile, which wins), a write waiting for the bucket, the bucket.
    addressHash: window.location.hash,
    addressTimer: null,
    addressTokens: ADDRESS_BURST,
    addressCheckedAt: performance.now(),
    announceTimer: null,
    linkProblems: [],
    note: "", // said before the next "Plan updated" (see announce)
  };

  // -- dynamic rows ---------------------------------------------------------------------------

  function renumber() {
    [...ui.interviewers.children].forEach((row, i) => {
      const n = i + 1;
      row.querySelector("legend").textContent = `Interviewer ${n}`;
      for (const part of ["name", "title", "email"]) {
        const input = row.querySelector(`input[data-part="${part}"]`);
        input.name = `interviewers[${i}].${part}`;
        input.id = `pl-interviewer-${i}-${part}`;
        row.querySelector(`label[data-part="${part}"]`).htmlFor = input.id;
      }
      row.querySelector(".planner-remove").textContent = `Remove interviewer ${n}`;
    });
    [...ui.references.children].forEach((row, i) => {
      const n = i + 1;
      const input = row.querySelector("input");
      input.name = `references[${i}]`;
      input.id = `pl-reference-${i}`;
      row.querySelector("label").htmlFor = input.id;
      row.querySelector("label").textContent = `Reference ${n}: name`;
      row.querySelector(".planner-remove").textContent = `Remove reference ${n}`;
    });
    // A message shown next to a renumbered field stays its own.
    for (const slot of form.querySelectorAll(".planner-error[data-for-field]")) {
      const control = slot.previousElementSibling;
      const old = slot.id;
      slot.id = `${control.id}-error`;
      slot.dataset.errorSlot = control.name;
      if (control.hasAttribute("aria-describedby")) {
        describedBy(control, old, false);
        describedBy(control, slot.id, true);
      }
    }
  }

  // A new row, cloned from the form's <template> (which carries the field table's limits).
  function newRow(templateId) {
    return $(templateId).content.firstElementChild.cloneNode(true);
  }

  function addInterviewer(person = {}, focus = false) {
    const row = newRow("pl-interviewer-row");
    ui.interviewers.append(row);
    for (const part of ["name", "title", "email"]) {
      row.querySelector(`input[data-part="${part}"]`).value = person[part] || "";
    }
    renumber();
    if (focus) row.querySelector('input[data-part="name"]').focus();
  }

  function addReference(name = "", focus = false) {
    const row = newRow("pl-reference-row");
    ui.references.append(row);
    row.querySelector("input").value = name;
    renumber();
    if (focus) row.querySelector("input").focus();
  }

  function removeRow(button) {
    const row = button.closest("li");
    const list = row.parentElement;
    const index = [...list.children].indexOf(row);
    row.remove();
    renumber();
    // Keep focus somewhere sensible for keyboard users.
    const rows = [...list.children];
    const target = rows[Math.min(index, rows.length - 1)];
    if (target) target.querySelector("input").focus();
    else (list === ui.interviewers ? $("pl-add-interviewer") : $("pl-add-reference")).focus();
    changed();
  }

  // -- errors next to fields ------------------------------------------------------------------

  // Where a field's message goes. The form's HTML has a slot for each group of fields
  // (data-error-slot); a single field's slot, right after it, is made the first time it has a
  // message (not for every field up front: that was most of the page's binding time) and
  // removed when the message goes.
  function errorSlot(field) {
    const slot = [...form.querySelectorAll(".planner-error")].find((s) => s.dataset.errorSlot === field);
    if (slot) return slot;
    const control = fieldControl(field);
    if (!control || !control.id) return null;
    const made = el("p", { class: "planner-error", id: `${control.id}-error`, "data-for-field": true, hidden: true });
    made.dataset.errorSlot = field;
    control.insertAdjacentElement("afterend", made);
    return made;
  }

  // The control a single field's message is about (radios and checkboxes are answered as a
  // group, by the group's slot in the HTML).
  function fieldControl(field) {
    return [...form.elements].find(
      (c) => c.name === field && !["radio", "checkbox", "hidden"].includes(c.type) && c.tagName !== "BUTTON",
    );
  }

  function describedBy(control, id, on) {
    const ids = new Set((control.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean));
    if (on) ids.add(id);
    else ids.delete(id);
    if (ids.size) control.setAttribute("aria-describedby", [...ids].join(" "));
    else control.removeAttribute("aria-describedby");
  }

  function showErrors(errors) {
    for (const slot of form.querySelectorAll(".planner-error")) {
      if (slot.hasAttribute("data-for-field")) {
        slot.remove();
      } else {
        slot.hidden = true;
        slot.textContent = "";
      }
    }
    for (const control of form.querySelectorAll("[aria-invalid]")) {
      control.removeAttribute("aria-invalid");
      describedBy(control, `${control.id}-error`, false);
    }
    for (const group of form.querySelectorAll("fieldset[data-error-described]")) {
      describedBy(group, group.dataset.errorDescribed, false);
      delete group.dataset.errorDescribed;
    }
    const general = [];
    for (const found of errors) {
      const error = { ...found, field: onScreen(found.field) };
      const slot = errorSlot(error.field);
      if (!slot) {
        general.push(error.message);
        continue;
      }
      slot.textContent = slot.textContent ? `${slot.textContent} ${error.message}` : error.message;
      slot.hidden = false;
      const section = slot.closest("details");
      if (section) section.open = true; // never hide a problem in a collapsed section
      const control = fieldControl(error.field);
      if (control) {
        control.setAttribute("aria-invalid", "true");
        describedBy(control, slot.id, true);
      } else {
        const group = slot.closest("fieldset");
        if (group) {
          if (!slot.id) slot.id = `pl-${error.field.replace(/[^a-z0-9_-]/gi, "-")}-error`;
          describedBy(group, slot.id, true);
          group.dataset.errorDescribed = slot.id;
        }
      }
    }
    showProblems([...page.linkProblems, ...general]);
    return general;
  }

  function showProblems(messages) {
    ui.problems.replaceChildren(...messages.map((m) => el("p", { text: m })));
    ui.problems.hidden = messages.length === 0;
  }

  // -- reading and writing the form (marshalling only) ----------------------------------------

  // A row left entirely blank is "not given", like any empty field: it is not sent, and
  // page.rowMap remembers which on-screen row each sent item came from, so that Python's
  // "interviewers[1].email" lands on the right row.
  page.rowMap = { interviewers: [], references: [] };

  function rows(list, key, read) {
    const out = [];
    page.rowMap[key] = [];
    [...list.children].forEach((row, index) => {
      const value = read(row);
      const blank = typeof value === "string" ? value === "" : Object.values(value).every((v) => v === "");
      if (!blank) {
        out.push(value);
        page.rowMap[key].push(index);
      }
    });
    return out;
  }

  function onScreen(field) {
    const m = /^(interviewers|references)\[(\d+)\](.*)$/.exec(field);
    if (!m) return field;
    const index = page.rowMap[m[1]][Number(m[2])];
    return index === undefined ? field : `${m[1]}[${index}]${m[3]}`;
  }

  function readForm() {
    const value = (name) => (form.elements.namedItem(name)?.value ?? "").trim();
    const mode = form.querySelector('input[name="decision_mode"]:checked')?.value || "none";
    const within = value("decision_within");
    const radio = (name) => form.querySelector(`input[name="${name}"]:checked`)?.value || "";
    return {
      interview_date: value("interview_date"),
      interview_start: value("interview_start"),
      interview_end: value("interview_end"),
      format: value("format"),
      round: value("round"),
      company: value("company"),
      role: value("role"),
      candidate: value("candidate"),
      interviewers: rows(ui.interviewers, "interviewers", (row) => ({
        name: row.querySelector('input[data-part="name"]').value.trim(),
        title: row.querySelector('input[data-part="title"]').value.trim(),
        email: row.querySelector('input[data-part="email"]').value.trim(),
      })),
      recruiter: value("recruiter"),
      decision_by: mode === "by" ? value("decision_by") : "",
      decision_within: mode === "within" && within ? within + value("decision_within_unit") : "",
      decision_end_of_week: mode === "end_of_week",
      contact: value("contact"),
      thanks: value("thanks"),
      thanks_timing: radio("thanks_timing"),
      after_promise: radio("after_promise"),
      short_promise: radio("short_promise"),
      references: rows(ui.references, "references", (row) => row.querySelector("input").value.trim()),
      working_days: [...form.querySelectorAll('input[name="working_days"]:checked')].map((c) => Number(c.value)),
      country: value("country"),
    };
  }

  function setRadio(name, value) {
    for (const r of form.querySelectorAll(`input[name="${name}"]`)) r.checked = r.value === value;
  }

  // Fill the form from a raw input (a shared link or this device's saved copy). Fields in
  // `skip` were typed by hand meanwhile and are left alone.
  function writeForm(raw, skip = new Set()) {
    const put = (name, v) => {
      if (skip.has(name) || v === undefined) return;
      const c = form.elements.namedItem(name);
      if (c) c.value = v ?? "";
    };
    for (const name of ["interview_date", "interview_start", "interview_end", "company", "role", "candidate", "recruiter"]) {
      put(name, raw[name]);
    }
    for (const name of ["format", "round", "contact", "thanks", "country"]) {
      if (raw[name]) put(name, raw[name]);
    }
    for (const name of ["thanks_timing", "after_promise", "short_promise"]) {
      if (raw[name] && !skip.has(name)) setRadio(name, raw[name]);
    }
    if (!skip.has("decision")) {
      let mode = "none";
      if (raw.decision_by) {
        mode = "by";
        put("decision_by", raw.decision_by);
      } else if (raw.decision_within) {
        mode = "within";
        const m = /^(\d+)\s*([dw])$/i.exec(raw.decision_within);
        if (m) {
          put("decision_within", m[1]);
          put("decision_within_unit", m[2].toLowerCase());
        } else {
          put("decision_within", raw.decision_within);
        }
      } else if (raw.decision_end_of_week) {
        mode = "end_of_week";
      }
      setRadio("decision_mode", mode);
    }
    if (Array.isArray(raw.interviewers) && !skip.has("interviewers")) {
      ui.interviewers.replaceChildren();
      for (const person of raw.interviewers) addInterviewer(person);
    }
    if (Array.isArray(raw.references) && !skip.has("references")) {
      ui.references.replaceChildren();
      for (const name of raw.references) addReference(name);
    }
    if (Array.isArray(raw.working_days) && !skip.has("working_days")) {
      for (const c of form.querySelectorAll('input[name="working_days"]')) {
        c.checked = raw.working_days.includes(Number(c.value));
      }
    }
    if (raw.thanks_timing || raw.after_promise || raw.short_promise) {
      const defaults = { thanks_timing: "next-day", after_promise: "next-day", short_promise: "wait" };
      if (Object.entries(defaults).some(([k, v]) => raw[k] && raw[k] !== v)) $("pl-advanced").open = true;
    }
  }

  function touchedGroup(target) {
    const name = target.name || "";
    if (name.startsWith("interviewers[")) return "interviewers";
    if (name.startsWith("references[")) return "references";
    if (name.startsWith("decision")) return "decision";
    return name;
  }

  function resetForm() {
    form.reset();
    ui.interviewers.replaceChildren();
    ui.references.replaceChildren();
    addInterviewer();
    form.elements.namedItem("interview_date").value = todayISO();
  }

  // -- talking to Python ----------------------------------------------------------------------

  function changed(event) {
    if (event && event.target === ui.keep) return; // not part of the plan (see onChange)
    if (event && event.target && page.awaitingLink) page.touched.add(touchedGroup(event.target));
    if (event && !page.awaitingLink) page.linkProblems = []; // the reader has moved on from the link
    // Typing a decision detail picks its option, so the value typed is the value used.
    if (event && event.target) {
      const n = event.target.name;
      if (n === "decision_by") setRadio("decision_mode", "by");
      if (n === "decision_within" || n === "decision_within_unit") setRadio("decision_mode", "within");
    }
    // A control that changes fires "input" and then "change": the second asks nothing new.
    if (event && event.type === "change" && JSON.stringify(readForm()) === page.lastSent) return;
    requestPlan();
  }

  function requestPlan() {
    if (!state.ready || page.awaitingLink || state.page !== page) return; // sent on ready / link
    if (page.inFlight) {
      page.pending = true; // sent when the answer in flight comes back
      return;
    }
    page.pending = false;
    page.inFlight = true;
    const raw = readForm();
    page.lastSent = JSON.stringify(raw);
    if (ui.keep.checked) writeStore({ keep: true, raw, ticks: page.ticks });
    ask({ op: "plan", raw, today: todayISO(), site: siteRoot() }, (answer) => {
      page.inFlight = false; // on every answer, used or not, so the next change is never stuck
      if (state.page !== page || page.awaitingLink) return; // left the page, or a link is opening
      if (page.pending) {
        requestPlan(); // the form changed meanwhile: this answer is already out of date
        return;
      }
      render(answer);
    });
  }

  function syncFragment(share) {
    if (!share) return;
    page.share = share;
    if (page.addressTimer === null) writeAddress(); // else the waiting write takes the newest
  }

  function writeAddress() {
    page.addressTimer = null;
    const hash = window.location.hash;
    // A link opened since the page last wrote (pasted, or Back) is the reader's: its hashchange
    // opens it, and the next plan is written from there.
    if (hash !== page.addressHash || hash === `#p=${page.share}`) return;
    const now = performance.now();
    page.addressTokens = Math.min(
      ADDRESS_BURST,
      page.addressTokens + (now - page.addressCheckedAt) / ADDRESS_REFILL_MS,
    );
    page.addressCheckedAt = now;
    if (page.addressTokens < 1) {
      page.addressTimer = window.setTimeout(writeAddress, (1 - page.addressTokens) * ADDRESS_REFILL_MS);
      return;
    }
    page.addressTokens -= 1;
    try {
      window.history.replaceState(window.history.state, "", planPath());
    } catch {
      // Refused all the same (another script on the page spent the browser's allowance): the
      // plan is drawn regardless, and the next redraw tries again.
    }
    page.addressHash = window.location.hash;
  }

  // A write waiting for the bucket is dropped when the address changes for another reason.
  function cancelAddressWrite() {
    window.clearTimeout(page.addressTimer);
    page.addressTimer = null;
  }

  // This page's address with the newest plan's link in its fragment.
  function planPath() {
    return `${window.location.pathname}${window.location.search}#p=${page.share}`;
  }

  function shareLink() {
    return page.share ? window.location.origin + planPath() : window.location.href;
  }

  // -- rendering the plan ---------------------------------------------------------------------

  function render(answer) {
    const interrupted = stopDrawing();
    syncFragment(answer.share);
    if (answer.errors) {
      if (interrupted) drawSteps(page.lastSteps); // the plan shown as out of date is whole
      const general = showErrors(answer.errors);
      if (page.lastSteps.length) {
        showProblems([
          ...page.linkProblems,
          ...general,
          "The plan below is from before your last change: fix the answer marked in the form to update it.",
        ]);
      }
      ui.timeline.classList.add("planner-stale");
      ui.timeline.setAttribute("aria-describedby", "planner-problems");
      const n = answer.errors.length;
      announce(
        n === 1 ? "Plan not updated: one answer needs attention." : `Plan not updated: ${n} answers need attention.`,
      );
      if (page.lastSteps.length === 0) {
        ui.timeline.replaceChildren();
        page.drawn = new Map();
      }
      markReady();
      return;
    }
    showErrors([]);
    ui.timeline.classList.remove("planner-stale");
    ui.timeline.removeAttribute("aria-describedby");
    const warnings = answer.warnings || [];
    ui.warnings.replaceChildren(...warnings.map((w) => el("li", { text: w })));
    ui.warnings.hidden = warnings.length === 0;
    page.lastSteps = answer.steps;
    const n = answer.steps.length;
    const drawn = () => {
      announce(`Plan updated: ${n} ${n === 1 ? "step" : "steps"}.`);
      markReady();
    };
    if (!page.firstRender && page.drawn.size === 0) {
      drawInSlices(answer.steps, drawn);
    } else {
      drawSteps(answer.steps);
      drawn();
    }
  }

  // The first plan, built a few steps per task (each about FIRST_DRAW_SLICE_MS, at least one
  // step) and appended in order; the page is marked ready once the last step is in. A newer
  // answer meanwhile stops it (stopDrawing) and is drawn at once over what is there.
  function drawInSlices(steps, done) {
    let next = 0;
    ui.timeline.replaceChildren(); // empty unless a first plan was stopped by "Forget everything"
    const slice = () => {
      page.drawTimer = null;
      if (state.page !== page) return;
      const started = performance.now();
      const nodes = [];
      do {
        const step = steps[next++];
        const node = renderStep(step);
        page.drawn.set(step.id, { key: stepKey(step), node });
        nodes.push(node);
      } while (next < steps.length && performance.now() - started < FIRST_DRAW_SLICE_MS);
      ui.timeline.append(...nodes);
      if (next < steps.length) page.drawTimer = window.setTimeout(slice);
      else done();
    };
    if (steps.length) page.drawTimer = window.setTimeout(slice); // after this answer's own task
    else done();
  }

  // Stops a first plan being drawn in slices; true if one was.
  function stopDrawing() {
    if (page.drawTimer === null) return false;
    window.clearTimeout(page.drawTimer);
    page.drawTimer = null;
    return true;
  }

  // What the plan's live region says after a redraw, after any note left by the action that
  // caused it (so "the form was cleared" is not overwritten by "Plan updated" at once). Said
  // once the redraws settle (ANNOUNCE_AFTER_MS); a newer redraw replaces a message not yet said.
  function announce(text) {
    const message = page.note ? `${page.note} ${text}` : text;
    page.note = "";
    window.clearTimeout(page.announceTimer);
    page.announceTimer = window.setTimeout(() => {
      if (state.page === page) ui.announce.textContent = message;
    }, ANNOUNCE_AFTER_MS);
  }

  function markReady() {
    if (!page.awaitingLink) ui.output.removeAttribute("aria-busy");
    if (!page.firstRender) {
      page.firstRender = true;
      ui.loading.hidden = true;
      document.documentElement.dataset.plannerReady = "true";
    }
  }

  // What page.drawn compares to keep a step's element: its whole answer.
  function stepKey(step) {
    return JSON.stringify(step);
  }

  // Redraw only what changed: a step whose answer is the same as last time keeps its element
  // (and with it focus, selection, an open draft and its tick); a changed step is built anew,
  // with its draft left open if the reader had it open.
  function drawSteps(steps) {
    const drawn = new Map();
    const nodes = steps.map((step) => {
      const key = stepKey(step);
      const before = page.drawn.get(step.id);
      if (before && before.key === key) {
        drawn.set(step.id, before);
        return before.node;
      }
      const node = renderStep(step);
      const wasOpen = before && before.node.querySelector("details[open]");
      const details = node.querySelector("details");
      if (wasOpen && details) details.open = true;
      drawn.set(step.id, { key, node });
      return node;
    });
    page.drawn = drawn;
    // Put the elements in order, touching only those not already in place.
    let at = ui.timeline.firstChild;
    for (const node of nodes) {
      if (at === node) at = at.nextSibling;
      else ui.timeline.insertBefore(node, at);
    }
    while (at) {
      const next = at.nextSibling;
      at.remove();
      at = next;
    }
  }

  const STATUS_LABELS = { today: "Today", next: "Next", past: "Date passed" };

  function renderStep(step) {
    const tickKey = `${step.id}@${step.date}`;
    const tickId = `tick-${step.id}`;
    const done = Boolean(page.ticks[tickKey]);
    const time = step.time ? `${step.time.start}–${step.time.end}` : null;
    const datetime = step.time ? `${step.date}T${step.time.start}` : step.date;
    const titleId = `step-${step.id}-title`;

    const tick = el("input", { type: "checkbox", id: tickId, class: "planner-tick", "data-tick": tickKey });
    tick.checked = done;

    const head = el(
      "div",
      { class: "planner-step__head" },
      tick,
      el("label", { for: tickId, class: "planner-tick-label" }, "Done", el("span", { class: "planner-sr", text: `: ${step.title}` })),
    );

    const when = el(
      "p",
      { class: "planner-step__when" },
      el("time", { datetime: step.date, text: step.date_label }),
      time ? el("span", { class: "planner-step__window" }, ", ", el("time", { datetime, text: time })) : null,
      STATUS_LABELS[step.status] ? el("strong", { class: "planner-badge", text: STATUS_LABELS[step.status] }) : null,
      step.optional ? el("span", { class: "planner-badge planner-badge--optional", text: "Optional" }) : null,
    );

    const who = [];
    if (step.to) who.push(el("span", { text: `For ${step.to}` }));
    if (step.email) who.push(el("span", {}, " (", el("a", { href: `mailto:${step.email}`, text: step.email }), ")"));
    who.push(el("span", { class: "planner-channel", text: (step.to ? " · " : "") + step.channel_label }));
    const meta = el("p", { class: "planner-step__meta" }, ...who);

    const sources = el(
      "p",
      { class: "planner-step__sources" },
      step.source_links.length === 1 ? "Source: " : "Sources: ",
      ...step.source_links.flatMap((s, i) => [
        i ? "; " : "",
        el("a", { href: `../sources/#${s.anchor}`, text: s.title }),
        el("span", { class: "planner-file", text: ` (${s.file})` }),
      ]),
    );

    const links = el(
      "p",
      { class: "planner-step__links" },
      el("a", { href: `../${step.guide}`, text: "Read the guide" }),
      step.google
        ? el("span", {}, " · ", el("a", {
            href: step.google,
            target: "_blank",
            rel: "noopener noreferrer",
            class: "planner-gcal",
          }, "Add to Google Calendar", el("span", { class: "planner-sr", text: " (opens Google Calendar in a new tab)" })))
        : null,
    );

    return el(
      "li",
      {
        class: `planner-step${done ? " is-done" : ""}`,
        "data-kind": step.kind,
        "data-status": step.status,
        "data-step": step.id,
        id: `step-${step.id}`,
        "aria-labelledby": titleId,
      },
      el("h3", { class: "planner-step__title", id: titleId, text: step.title }),
      head,
      when,
      meta,
      el("p", { class: "planner-step__why", text: step.why }),
      sources,
      links,
      step.draft ? renderDraft(step) : null,
    );
  }

  const MEDIUM_LABELS = { email: "Draft email", letter: "Draft letter", card: "Draft card", call: "What to say on the call" };

  function copyBlock(label, text, name) {
    return el(
      "div",
      { class: "planner-copy" },
      el("div", { class: "planner-copy__head" },
        el("span", { class: "planner-copy__label", text: label }),
        el("button", { type: "button", class: "md-button planner-copy__button", "data-copy": name, text: `Copy ${label.toLowerCase()}` }),
      ),
      el("pre", { class: "planner-copy__text", "data-copy-text": name, tabindex: "0" }, el("code", { text })),
    );
  }

  function renderDraft(step) {
    const d = step.draft;
    const blocks = [];
    if (d.subject) blocks.push(copyBlock("Subject", d.subject, "subject"));
    blocks.push(copyBlock(d.medium === "call" ? "Talking points" : "Message", d.body, "body"));
    if (d.script) blocks.push(copyBlock("If you call instead", d.script, "script"));
    return el(
      "details",
      { class: "planner-draft" },
      el("summary", { text: MEDIUM_LABELS[d.medium] || "Draft" }),
      el("p", { class: "planner-hint", text: "Replace the parts in [square brackets] with your own details before sending." }),
      ...blocks,
    );
  }

  // -- actions --------------------------------------------------------------------------------

  function say(message) {
    // What the reader just did is said now, and not replaced by a pending "Plan updated".
    window.clearTimeout(page.announceTimer);
    // Re-announce even when the same text repeats.
    ui.announce.textContent = "";
    window.requestAnimationFrame(() => {
      ui.announce.textContent = message;
    });
  }

  async function onClick(event) {
    const button = event.target.closest("button");
    if (!button || !root.contains(button)) return;
    if (button.id === "pl-add-interviewer") {
      addInterviewer({}, true);
      changed();
    } else if (button.id === "pl-add-reference") {
      addReference("", true);
      changed();
    } else if (button.dataset.remove) {
      removeRow(button);
    } else if (button.dataset.copy) {
      const text = button.closest(".planner-copy").querySelector("pre").textContent;
      say((await copyText(text)) ? "Copied." : "Could not copy: select the text and copy it by hand.");
    } else if (button.id === "pl-copy-link") {
      say((await copyText(shareLink())) ? "Link copied. It contains the names you typed." : "Could not copy: copy the address from the address bar.");
    } else if (button.id === "pl-download-ics") {
      downloadCalendar(button);
    } else if (button.id === "pl-print") {
      window.print();
    } else if (button.id === "pl-forget") {
      forget();
    }
  }

  function downloadCalendar(button) {
    if (!state.ready) {
      say("The planner is still starting; try again in a moment.");
      return;
    }
    button.setAttribute("aria-busy", "true");
    ask({ op: "ics", raw: readForm(), today: todayISO(), site: siteRoot() }, (answer) => {
      button.removeAttribute("aria-busy");
      if (answer.errors) {
        showErrors(answer.errors);
        say("No calendar yet: fix the answers marked in the form first.");
        return;
      }
      const blob = new Blob([answer.ics], { type: "text/calendar;charset=utf-8" });
      const url = URL.createObjectURL(blob);
      const link = el("a", { href: url, download: answer.filename, class: "planner-offscreen" });
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
      say(`Calendar file ${answer.filename} downloaded.`);
    });
  }

  function forget() {
    forgetSiteStorage();
    ui.keep.checked = false;
    page.ticks = state.ticks = {};
    stopDrawing();
    page.drawn = new Map(); // every step is drawn again, unticked
    resetForm();
    cancelAddressWrite();
    window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
    page.addressHash = window.location.hash;
    page.linkProblems = [];
    page.note = "Everything this planner kept on this device has been removed, and the form was cleared.";
    requestPlan();
  }

  function onChange(event) {
    const t = event.target;
    if (t.dataset && t.dataset.tick) {
      if (t.checked) page.ticks[t.dataset.tick] = true;
      else delete page.ticks[t.dataset.tick];
      t.closest("li").classList.toggle("is-done", t.checked);
      if (ui.keep.checked) writeStore({ keep: true, raw: readForm(), ticks: page.ticks });
      return;
    }
    if (t === ui.keep) {
      if (t.checked) {
        writeStore({ keep: true, raw: readForm(), ticks: page.ticks });
        say("This plan will be kept in this browser.");
      } else {
        clearStore();
        say("This plan is no longer kept in this browser.");
      }
      return;
    }
    if (form.contains(t)) changed(event);
  }

  // -- life cycle -----------------------------------------------------------------------------

  page.setLoading = (message) => {
    if (!page.firstRender) {
      ui.loadingText.textContent = message;
      return;
    }
    ui.announce.textContent = message;
  };

  page.onFailed = (message) => {
    ui.loading.hidden = false;
    ui.loading.classList.add("planner-problem");
    ui.loadingText.textContent =
      `The planner could not start in this browser (${message}). The step-by-step guide has the same advice.`;
  };

  // Open the shared link in the address bar. `fresh`: a link pasted while the page is open
  // (same-page navigation, no reload) replaces the form, unless it could not be read at all.
  function openLink(hash, fresh) {
    page.awaitingLink = true;
    const seq = ++page.linkSeq;
    ui.output.setAttribute("aria-busy", "true");
    if (!page.firstRender) ui.loadingText.textContent = "Opening the shared plan…";
    ask({ op: "decode", fragment: hash }, (answer) => {
      if (state.page !== page || seq !== page.linkSeq) return; // a newer link is being opened
      page.awaitingLink = false;
      page.linkProblems = answer.problems || [];
      const raw = answer.raw || {};
      if (fresh && Object.keys(raw).length) {
        resetForm();
        page.touched.clear();
      }
      writeForm(raw, page.touched);
      requestPlan();
    });
  }

  page.onReady = () => {
    const hash = window.location.hash;
    if (hash.startsWith("#p=") && page.awaitingLink) openLink(hash, false);
    else requestPlan();
  };

  function onHashChange() {
    const hash = window.location.hash;
    page.addressHash = hash; // the page writes from here on (see writeAddress)
    cancelAddressWrite();
    if (!state.ready || !hash.startsWith("#p=")) return; // an anchor, or read once Python is ready
    openLink(hash, true);
  }

  page.listeners = [
    [form, "input", changed],
    [root, "change", onChange],
    [root, "click", onClick],
    [window, "hashchange", onHashChange],
  ];

  // Initial form: this device's kept copy (only if the reader opted in), else defaults.
  const stored = readStore();
  resetForm();
  if (stored && stored.keep) {
    ui.keep.checked = true;
    page.ticks = state.ticks = { ...(stored.ticks || {}), ...state.ticks };
    if (!window.location.hash.startsWith("#p=")) writeForm(stored.raw || {});
  }
  for (const [target, type, fn] of page.listeners) target.addEventListener(type, fn);
  return page;
}

// ---- (re)initialise on every page Material shows ------------------------------------------

function init() {
  const form = document.getElementById("planner-form");
  if (state.page && (!form || state.page.form !== form)) {
    // Left the planner page (or it was replaced): let the old page go.
    const old = state.page;
    for (const [target, type, fn] of old.listeners) target.removeEventListener(type, fn);
    window.clearTimeout(old.announceTimer);
    window.clearTimeout(old.addressTimer);
    window.clearTimeout(old.drawTimer);
    state.page = null;
    delete document.documentElement.dataset.plannerReady;
  }
  if (!form || state.page) return;
  state.page = bind(document);
  if (state.failed) state.page.onFailed(state.failed);
  else if (state.ready) state.page.onReady();
}

// The page loads this module with `async`, so the worker above starts Python while the page is
// still being parsed. The form is bound once the document is parsed; by then Material's bundle
// (a classic script in <body>) has run, and its document$ emits for the page (and, were instant
// navigation on, after every page swap). Without Material, the parsed document is enough.
// Binding gets a task of its own: every DOMContentLoaded listener runs in one task, and
// Material's already mounts the whole page in it (the longest task of the planner's load; ours
// added ~40 ms to it).
function start() {
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(() => init());
  }
  init();
}
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", () => window.setTimeout(start), { once: true });
} else {
  start();
}
