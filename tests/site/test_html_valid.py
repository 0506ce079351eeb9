"""Every page of the built site is valid HTML, and our own stylesheets valid CSS, as judged by
the Nu Html Checker (vnu.jar).

Invalid markup is what assistive technology and odd browsers trip on first. The checker is the
engine behind the W3C's own validator, pinned through npm (vnu-jar in package.json), and runs
on Java 17+. All built pages go through it in one call; every error is listed with its page,
line and message.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Errors we accept, each matched on message AND the exact markup, and each explained.
# An entry that stops matching anything fails the test, so none outlives its reason.
ACCEPTED = [
    (
        # Material's base.html puts autocomplete="off" on the two hidden checkboxes that hold the
        # drawer and search state. HTML allows autocomplete only on text-like inputs, but this is
        # how Firefox is told not to restore a checkbox's state on reload or back navigation
        # (Mozilla bug 654072), which would reopen the drawer or search by itself. Upstream keeps
        # it deliberately (squidfunk/mkdocs-material#1513). Dropping the attribute would need a
        # copy of all of base.html (the inputs sit in no block) and would bring the Firefox bug
        # back; wrapping them in <form autocomplete="off"> breaks Material's sibling (~) CSS.
        re.compile(r"^Attribute “autocomplete” is only allowed when the input type is "),
        re.compile(
            r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" '
            r'id="__(drawer|search)" autocomplete="off">'
        ),
    ),
]


def build_site(out: Path) -> Path:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)],
        check=False,
        cwd=ROOT,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return out


@pytest.fixture(scope="module")
def site(request, tmp_path_factory) -> Path:
    """The strictly built site: the session's shared build when tests/site/conftest.py offers
    one (fixture `built_site`), else a build of our own."""
    try:
        return request.getfixturevalue("built_site")
    except pytest.FixtureLookupError:
        return build_site(tmp_path_factory.mktemp("site"))


def run_vnu(pages: list[Path], *options: str) -> list[dict]:
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is missing: the Nu Html Checker needs Java 17+ (apt-get install default-jre-headless)")
    if not VNU_JAR.exists():
        pytest.fail(f"{VNU_JAR} is missing: run 'npm ci' (scripts/setup.sh does)")
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout",
         *options, *map(str, pages)],
        check=False,  # exit 1 just means "errors found": the JSON report says which
        capture_output=True,
        text=True,
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"vnu.jar gave no JSON report (exit {result.returncode}):\n"
                    f"{result.stdout}\n{result.stderr}")
    return report["messages"]


def describe(site: Path, message: dict) -> str:
    url = message.get("url", "")
    page = url.removeprefix("file:")
    try:
        page = Path(page).relative_to(site).as_posix()
    except ValueError:
        pass
    extract = " ".join((message.get("extract") or "").split())
    return f"{page}:{message.get('lastLine', '?')}: {message['message']}\n    {extract}"


def accepted_by(message: dict) -> int | None:
    extract = message.get("extract") or ""
    for index, (text, markup) in enumerate(ACCEPTED):
        if text.search(message["message"]) and markup.search(extract):
            return index
    return None


def test_every_built_page_is_valid_html(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    # The check means something only if it saw the real site: home, planner and guide pages.
    for must in ("index.html", "planner/index.html", "following-up/index.html"):
        assert site / must in pages, f"{must} was not built"

    messages = run_vnu(pages)
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    used = {accepted_by(m) for m in errors} - {None}
    problems = [describe(site, m) for m in errors if accepted_by(m) is None]

    if problems:
        pytest.fail(
            f"{len(problems)} HTML error(s) in {len(pages)} pages:\n" + "\n".join(problems),
            pytrace=False,
        )
    stale = [ACCEPTED[i][0].pattern for i in range(len(ACCEPTED)) if i not in used]
    if stale:
        pytest.fail(f"accepted errors that no longer occur, remove them from ACCEPTED: {stale}",
                    pytrace=False)


def test_our_stylesheets_are_valid_css(site: Path) -> None:
    # The CSS we write (docs/**/*.css, as the site serves it); Material's own bundle is theirs.
    ours = sorted(p.relative_to(DOCS) for p in DOCS.rglob("*.css"))
    sheets = [site / rel for rel in ours]
    missing = [str(rel) for rel, sheet in zip(ours, sheets, strict=True) if not sheet.exists()]
    assert not missing, f"stylesheets not in the built site: {missing}"
    if not sheets:
        return  # no stylesheet of our own: nothing of ours to check
    errors = [m for m in run_vnu(sheets, "--also-check-css")
              if m.get("type") in ("error", "non-document-error")]
    if errors:
        pytest.fail(f"{len(errors)} CSS error(s):\n" + "\n".join(describe(site, m) for m in errors),
                    pytrace=False)
