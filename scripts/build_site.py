"""Build the site strictly, then give every page its Content-Security-Policy.

The one way the site is built: by scripts/serve.sh, scripts/test.sh, scripts/bench.sh, the Pages
workflow and the tests' fixtures. Two steps:

1. the generator writes the pages: Material for MkDocs (``mkdocs``, what is published) or
   Zensical (``zensical``, its successor, built by the test command to keep the site ready
   for it; README, "Dependencies");
2. ``scripts/csp.py`` reads each built page and writes its policy with the sha256 of the
   inline scripts actually in it, so the policy holds whatever generator wrote the pages and
   no hash is kept by hand.

    .venv/bin/python scripts/build_site.py                       # mkdocs -> site/
    .venv/bin/python scripts/build_site.py --generator zensical --site-dir build/zsite
    .venv/bin/python scripts/build_site.py --site-url http://127.0.0.1:8123/ --site-dir DIR

Exits non-zero, with the generator's output, when the strict build fails.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import csp

GENERATORS = ("mkdocs", "zensical")


def _config(site_url: str | None, site_dir: str | None) -> Path | None:
    """A config beside mkdocs.yml that inherits it (so its relative paths still resolve)."""
    lines = [f"site_url: {site_url}"] if site_url else []
    if site_dir:
        lines.append(f"site_dir: {site_dir}")
    if not lines:
        return None
    fd, name = tempfile.mkstemp(prefix=".build-site-", suffix=".yml", dir=ROOT)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write("INHERIT: mkdocs.yml\n" + "\n".join(lines) + "\n")
    return Path(name)


def _run(cmd: list[str]) -> None:
    result = subprocess.run(
        cmd,
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(
            f"strict build failed ({' '.join(cmd[1:4])}):\n{result.stdout}\n{result.stderr}"
        )


def build_mkdocs(out: Path, site_url: str | None) -> None:
    config = _config(site_url, None)
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)]
    try:
        _run(cmd + (["--config-file", str(config)] if config else []))
    finally:
        if config:
            config.unlink()


def build_zensical(out: Path, site_url: str | None) -> None:
    # Zensical writes only inside the project folder (and has no --site-dir): it builds into a
    # private folder under build/, which is then moved where it was asked for.
    (ROOT / "build").mkdir(exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="zensical-", dir=ROOT / "build"))
    config = _config(site_url, scratch.relative_to(ROOT).as_posix())
    assert config is not None
    try:
        _run([sys.executable, "-m", "zensical", "build", "--strict", "--config-file", str(config)])
        if out.exists():
            shutil.rmtree(out)
        shutil.move(scratch, out)
    finally:
        config.unlink()
        shutil.rmtree(scratch, ignore_errors=True)


def build(out: Path, generator: str = "mkdocs", site_url: str | None = None) -> Path:
    """Build the site into ``out`` with ``generator`` and write every page's policy."""
    if generator not in GENERATORS:
        raise ValueError(f"unknown generator {generator!r}: one of {', '.join(GENERATORS)}")
    out = out.resolve()
    (build_mkdocs if generator == "mkdocs" else build_zensical)(out, site_url)
    csp.write_policies(out)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generator", choices=GENERATORS, default="mkdocs")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--site-url", help="the address the site is served from (canonical links)")
    args = parser.parse_args()
    out = build(args.site_dir, args.generator, args.site_url)
    pages = len(list(out.rglob("*.html")))
    print(f"built {pages} pages with {args.generator} into {out}, each with its policy")
    return 0


if __name__ == "__main__":
    sys.exit(main())
