"""Share links come from strangers: no link, however made, may run script or break the page.

Over 200 hostile links, generated deterministically: links made with the planner's own encoder
that carry markup, script, right-to-left text, control characters and wrong types in every field
(so they pass decoding and reach the form and the timeline), and raw garbage that fails
decoding (truncated, huge, wrong version, not base64, markup in the fragment itself). Each one
must give a page that shows a clear message, restores what can be read, and never runs script.

One page is reused: a link pasted into the address bar of an open planner is a same-page
navigation (``hashchange``), which the planner handles like a fresh load; a few links are also
opened by a full page load.
"""

from __future__ import annotations

import random
import time
from typing import Any

from playwright.sync_api import Dialog, Page, expect

from planner import share

from .conftest import CSP_WATCH as CSP_WATCH_SCRIPT
from .conftest import open_planner, wait_ready

SEED = 20261122
MARKER = "window.__pwned = (window.__pwned || 0) + 1"

# Markup and script in every shape a browser might be tricked into running.
PAYLOADS = [
    f'<img src=x onerror="{MARKER}">',
    f'"><img src=x onerror={MARKER}>',
    f"<script>{MARKER}</script>",
    f"</script><script>{MARKER}</script>",
    f"<svg onload={MARKER}></svg>",
    f'<iframe src="javascript:{MARKER}"></iframe>',
    f"javascript:{MARKER}",
    f'<a id=pwned href="javascript:{MARKER}">click</a>',
    f"<details open ontoggle={MARKER}>",
    f"{{{{constructor.constructor('{MARKER}')()}}}}",
    f"${{{MARKER}}}",
    "<style>*{display:none}</style>",
    "&lt;b&gt;not bold&lt;/b&gt; &amp; &#x3C;",
]
# Text people really type, and text that confuses renderers.
TEXTS = [
    "Ana Díaz",
    "Zoë O'Brien-Łukasiewicz",
    "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd",  # Hebrew
    "\u0645\u0631\u062d\u0628\u0627 Acme",  # Arabic mixed with Latin
    "\u202eexe.doc\u202c",  # right-to-left override
    "\u200f\u200e\u2066isolate\u2069",
    "a\u0000b\u0007c\u001bd\u007f",  # control characters
    "tab\there\nnew line\r\n",
    "😀👩🏽‍💻🇬🇧",
    "Z\u0351\u0352\u0353a\u0361l\u0362g\u0363o",
    "   ",
    "x" * 2_000,
    "'; DROP TABLE plans; --",
    "%3Cimg%20src%3Dx%3E",
]
NOT_TEXT = [123, 1.5, True, None, [], {}, ["a"], {"a": "b"}, [[1, 2]], -1]
TEXT_FIELDS = ["company", "role", "candidate", "recruiter", "country"]
TYPED_FIELDS = [
    "interview_date",
    "interview_start",
    "interview_end",
    "decision_by",
    "decision_within",
]
DANGEROUS = "img[src='x'], iframe, #pwned, [onerror], [onload], [ontoggle], svg[onload], body style"


def _value(rng: random.Random) -> Any:
    roll = rng.random()
    if roll < 0.45:
        return rng.choice(PAYLOADS)
    if roll < 0.85:
        return rng.choice(TEXTS)
    return rng.choice(NOT_TEXT)


def encoded_links(rng: random.Random, count: int) -> list[str]:
    """Links made by the planner's own encoder, so they decode and reach the page."""
    links = []
    for _ in range(count):
        raw: dict[str, Any] = {
            "interview_date": rng.choice(["2026-11-17", "2026-11-20", _value(rng)])
        }
        for name in TEXT_FIELDS + TYPED_FIELDS[1:]:
            if rng.random() < 0.6:
                raw[name] = _value(rng)
        for name, choices in share.CHOICES.items():
            if rng.random() < 0.3:
                raw[name] = rng.choice([*sorted(choices), _value(rng)])
        raw["interviewers"] = [
            {part: _value(rng) for part in ("name", "title", "email")}
            for _ in range(rng.randint(0, 3))
        ]
        if rng.random() < 0.2:
            raw["interviewers"].append(_value(rng))  # not a person at all
        raw["references"] = [_value(rng) for _ in range(rng.randint(0, 2))]
        raw["working_days"] = rng.choice(
            [[0, 1, 2, 3, 4], [], [5, 6], [9, -1], ["Mon"], "weekdays"]
        )
        raw["decision_end_of_week"] = rng.choice([True, False])
        links.append(share.fragment(raw))
    return links


def garbage_links(rng: random.Random, good: list[str]) -> list[str]:
    """Fragments that fail decoding, each in its own way."""
    links = [
        "#p=",
        "#p=1.",
        "#p=1",
        "#p=.",
        "#p=2.AAAA",
        "#p=0.AAAA",
        "#p=99999999999999999999999999.AAAA",
        "#p=-1.AAAA",
        "#p=1.AAAA",
        "#p=1.====",
        "#p=1.@@@!!",
        "#p=1." + "A" * 20_000,
        "#p=1." + "B" * 200_000,
        f"#p=<img src=x onerror={MARKER}>",
        f"#p=1.<script>{MARKER}</script>",
        f'#p=1."><svg onload={MARKER}>',
        "#p=1.%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
        "#p=1.ü€😀",
        "#p=1.\u202eAAAA",
        "#p=1.%00%01%1b",
        "#p=javascript:alert(1)",
        "#p=1.eJwLyc_PT8_OT8ovSS0qTc0rSU0pTU0B",  # zlib with a header: not raw deflate
        share.fragment({"company": "x" * 70_000}),  # unpacks to far more than any plan
        "#p=1." + share.encode({"company": "Acme"})[2:] + "~",
    ]
    alphabet = (
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=<>\"'&%#/\\ ü😀\u202e"
    )
    while len(links) < 60:
        kind = rng.randrange(3)
        if kind == 0:  # cut short, as when a link is copied in part
            link = rng.choice(good)
            links.append(link[: rng.randrange(4, max(5, len(link) - 1))])
        elif kind == 1:  # one character changed
            link = list(rng.choice(good))
            link[rng.randrange(5, len(link))] = rng.choice("ABCxyz019-_")
            links.append("".join(link))
        else:
            links.append(
                "#p=1." + "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 200)))
            )
    return links


def hostile_links() -> list[str]:
    rng = random.Random(SEED)
    good = encoded_links(rng, 150)
    return good + garbage_links(rng, good)


OPEN_LINK = """
async (hash) => {
  const output = document.getElementById("planner-output");
  if (location.hash === new URL(hash, location.href).hash) location.hash = "#about-the-interview";
  const changed = new Promise((resolve) => window.addEventListener("hashchange", resolve, { once: true }));
  location.hash = hash;
  await changed;
  // The planner's own hashchange listener ran first: it marks the plan busy until it is redrawn.
  if (output.hasAttribute("aria-busy")) {
    await new Promise((resolve, reject) => {
      // A page that never finishes opening a link fails the test instead of hanging it.
      const stuck = setTimeout(() => reject(new Error("the plan stayed busy: the link never opened")), 30000);
      const watch = new MutationObserver(() => {
        if (!output.hasAttribute("aria-busy")) { watch.disconnect(); clearTimeout(stuck); resolve(); }
      });
      watch.observe(output, { attributes: true, attributeFilter: ["aria-busy"] });
    });
  }
}
"""


class Watch:
    """Dialogs, uncaught exceptions and console errors of one page."""

    def __init__(self, page: Page) -> None:
        self.trouble: list[str] = []
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda e: self.trouble.append(f"uncaught: {e}"))
        page.on(
            "console", lambda m: m.type == "error" and self.trouble.append(f"console: {m.text}")
        )
        page.on(
            "worker",
            lambda w: w.on(
                "console", lambda m: m.type == "error" and self.trouble.append(f"worker: {m.text}")
            ),
        )

    def _dialog(self, dialog: Dialog) -> None:
        self.trouble.append(f"dialog: {dialog.message}")
        dialog.dismiss()


def assert_safe(page: Page, link: str) -> None:
    found = page.evaluate(
        "(sel) => ({pwned: window.__pwned || 0, csp: window.__csp || [], "
        "elements: [...document.querySelectorAll(sel)].map((e) => e.outerHTML.slice(0, 80))})",
        DANGEROUS,
    )
    assert found == {"pwned": 0, "csp": [], "elements": []}, link[:200]


def assert_restored(page: Page, link: str) -> None:
    """A clear message for what could not be read; everything else back in the form."""
    expected = share.decode(link)
    problems = page.locator("#planner-problems")
    for problem in expected.problems:
        expect(problems, link[:200]).to_contain_text(problem)
    # Waited for, not read once: the form is filled in when Python has decoded the link.
    for name in ("company", "role", "candidate", "recruiter"):
        if name in expected.raw:
            typed = expected.raw[name].replace("\r", "").replace("\n", "")  # as an input keeps it
            expect(page.locator(f'#planner-form [name="{name}"]'), f"{name} {link[:200]}").to_have_value(typed)
    people = expected.raw.get("interviewers")
    if people is not None:
        wanted = [p["name"].replace("\r", "").replace("\n", "") for p in people] or [""]
        page.wait_for_function(
            """want => JSON.stringify([...document.querySelectorAll(
                 '#pl-interviewers input[data-part="name"]')].map((i) => i.value))
               === JSON.stringify(want)""",
            arg=wanted,
        )
    # Either a plan or a message saying what to fix, never a blank page.
    steps = page.locator("#planner-timeline > li").count()
    errors = page.locator("#planner-form .planner-error:not([hidden])").count()
    assert steps > 0 or errors > 0 or problems.is_visible(), link[:200]


def test_hundreds_of_hostile_links_never_run_script(new_context, guard) -> None:
    links = hostile_links()
    assert len(links) >= 200 and len(set(links)) >= 200
    context = new_context()
    context.add_init_script(CSP_WATCH_SCRIPT)
    page = context.new_page()
    watch = Watch(page)
    open_planner(page)
    started = time.monotonic()
    for link in links:
        page.evaluate(OPEN_LINK, link)
        assert_safe(page, link)
        assert_restored(page, link)
        assert watch.trouble == [], (link[:200], watch.trouble)
    elapsed = time.monotonic() - started
    print(f"{len(links)} hostile links in {elapsed:.1f} s")
    guard.errors.clear()  # Watch above reported each one next to its link
    assert guard.foreign == []


def test_hostile_links_opened_by_a_full_page_load_are_just_as_safe(new_context) -> None:
    links = hostile_links()
    context = new_context()  # one context: Pyodide comes from the HTTP cache after the first
    context.add_init_script(CSP_WATCH_SCRIPT)
    page = context.new_page()
    watch = Watch(page)
    for link in (links[0], links[163]):  # payloads in every field; garbage
        page.goto("about:blank")
        page.goto("planner/" + link)
        wait_ready(page)
        expect(page.locator("#planner-output")).not_to_have_attribute("aria-busy", "true")
        assert_safe(page, link)
        assert_restored(page, link)
        assert watch.trouble == [], (link[:200], watch.trouble)
