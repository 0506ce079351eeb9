"""Browser tests: Debian Chromium driven by Playwright against the strictly built site.

The site is built once per session (``mkdocs build --strict`` into a temporary folder) and
served on 127.0.0.1 by scripts/serve_site.py. Every page a test opens goes through
``planner_page``-style helpers that record requests and console errors, so each test can assert
that nothing left the machine and nothing broke.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from serve_site import serve_in_thread

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wheels = ROOT / "docs" / "assets" / "wheels" / "pyodide-lock.json"
    pyodide = ROOT / "docs" / "assets" / "pyodide" / "pyodide.mjs"
    if not wheels.exists() or not pyodide.exists():
        subprocess.run([sys.executable, str(ROOT / "scripts" / "prepare_assets.py")], check=True, cwd=ROOT)
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
        check=True,
        cwd=ROOT,
        env=env,
    )
    return out


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    # Overrides pytest-playwright's base_url option: pages are opened relative to it.
    server, url = serve_in_thread(site_dir)
    yield url
    server.shutdown()
    server.server_close()
