#!/usr/bin/env bash
# Runs every test: set-up, strict site builds (Material, Zensical), JavaScript unit tests,
# pytest (core, command line, site, browser), and the planner's core tests again inside real
# Pyodide under Node.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
echo "==> Static checks (ruff, mypy --strict)"
.venv/bin/ruff check planner tests scripts benchmarks
.venv/bin/mypy planner scripts/pyodide_stdlib.py scripts/stdlib_lazy.py
echo "==> Strict site builds (Material for MkDocs; Zensical, its successor), each page's CSP"
.venv/bin/python scripts/build_site.py
.venv/bin/python scripts/build_site.py --generator zensical --site-dir build/site-zensical
echo "==> JavaScript unit tests (node --test)"
node --experimental-detect-module --test tests/js/
echo "==> pytest"
.venv/bin/python -m pytest "$@"
echo "==> Core tests inside Pyodide (Node)"
.venv/bin/python scripts/fetch_pyodide_test_wheels.py >/dev/null
node tests/pyodide/run_core_tests.mjs
