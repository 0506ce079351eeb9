// Registers the site's service worker (../../sw.js) on every page, so that pages already
// visited, and the planner once it has been opened, work offline and start faster.
// What it caches and why: docs/sw.js. No inline script (a strict Content-Security-Policy
// allows `worker-src 'self'` and scripts from this site only).
//
// Included on every page by mkdocs.yml `extra_javascript` as a classic script, so
// document.currentScript gives its own URL, hence the site root even when the site is served
// from a sub-path (GitHub Pages project sites): the root is two folders up from this file.
//
// Signals (for people's tools and the tests), on <html>:
//   data-offline-ready="true"  the planner and the guide's pages are saved for offline use
//                              (set once the planner page has rendered a plan and the reader
//                              has paused: see QUIET_MS).
//   data-offline-page="true"   this page, first loaded before the worker existed, is saved.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !document.currentScript) return;
  var root = new URL("../../", document.currentScript.src);
  var sw = navigator.serviceWorker;

  function post(message) {
    // The active worker (a newly installed one waits until no tab uses the old one). It answers
    // on the channel's port, which keeps the answer until the page is shown again if the reader
    // has left it meanwhile (see the "message" handler in sw.js: Back stays instant).
    sw.ready.then(function (registration) {
      if (!registration.active) return;
      var channel = new MessageChannel();
      channel.port1.onmessage = onAnswer;
      registration.active.postMessage(message, [channel.port2]);
    });
  }

  // Once the planner has rendered its first plan, its runtime is in the HTTP cache: ask the
  // worker to keep it (and the guide's pages) for offline use.
  //
  // Not at once, though: saving reads, checks (sha256) and stores some 7 MB and fetches every
  // guide page, which on a phone's few cores slows the plan's redraws while the reader edits
  // it (measured: the first changes after the plan appears took 40-100 ms instead of about 20;
  // benchmarks/EXPERIMENTS.md section 10). So it waits until the reader has not changed
  // anything for QUIET_MS, or leaves or hides the page, whichever comes first.
  var QUIET_MS = 2000;
  var asked = false;
  function watchPlanner() {
    var html = document.documentElement;
    var planner = null; // the planner page's address, once it has shown a plan
    var timer = null;
    function ask() {
      if (asked || planner === null) return;
      asked = true;
      window.clearTimeout(timer);
      post({ type: "cache-planner", page: planner });
    }
    function waitForPause() {
      if (asked || planner === null) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, QUIET_MS);
    }
    function check() {
      if (planner === null && html.dataset.plannerReady === "true") {
        planner = window.location.href.split("#")[0];
        waitForPause();
      }
    }
    new MutationObserver(check).observe(html, { attributes: true, attributeFilter: ["data-planner-ready"] });
    document.addEventListener("input", waitForPause, true);
    document.addEventListener("change", waitForPause, true);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") ask();
    });
    window.addEventListener("pagehide", ask);
    check();
  }

  function onAnswer(event) {
    var data = event.data || {};
    if (data.type === "offline-ready") document.documentElement.dataset.offlineReady = "true";
    else if (data.type === "page-cached") document.documentElement.dataset.offlinePage = "true";
    else if (data.type === "offline-failed") console.warn("Offline copy not saved:", data.message);
  }

  function register() {
    // A page that was not controlled when it loaded (the first visit): once the worker is
    // active, let it keep this page and what the page loaded (all in the HTTP cache already).
    var uncontrolled = !sw.controller;
    sw.register(new URL("sw.js", root).href, { scope: root.href, updateViaCache: "none" }).then(
      function () {
        if (!uncontrolled) return;
        // Plus what Material fetches outside the page's own timeline: the search index (from
        // its search worker).
        var urls = [window.location.href.split("#")[0], new URL("search/search_index.json", root).href];
        performance.getEntriesByType("resource").forEach(function (entry) {
          urls.push(entry.name);
        });
        // Icons and scripts not in the resource timeline yet, and Material's search worker
        // (named in its configuration).
        document.querySelectorAll("link[href], script[src]").forEach(function (node) {
          urls.push(node.href || node.src);
        });
        try {
          var config = JSON.parse(document.getElementById("__config").textContent);
          if (config.search) urls.push(new URL(config.search, window.location.href).href);
        } catch (error) {
          /* not a Material page */
        }
        post({ type: "cache-page", urls: urls });
      },
      function (error) {
        console.warn("Offline support is not available:", error && error.message ? error.message : error);
      },
    );
    watchPlanner();
  }

  // After the page has loaded, so installing the worker never competes with the page itself,
  // and in a task of its own: Chrome often fires "load" in the same task as DOMContentLoaded,
  // whose handlers (Material mounting the page) already make it the load's longest task.
  if (document.readyState === "complete") register();
  else
    window.addEventListener("load", function () {
      window.setTimeout(register);
    }, { once: true });
})();
