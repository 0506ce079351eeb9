"""Debian's Chromium: the one browser the tests and the benchmark drive.

Playwright's own browser download cannot work on this project's machines, so everything
launches /usr/bin/chromium (installed by scripts/setup.sh) with these flags: no sandbox (we run
as root in CI), and none of Chromium's background calls to Google, which would fail on a
closed network and could never be part of what the site itself requests.
"""

EXECUTABLE = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
