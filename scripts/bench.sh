#!/usr/bin/env bash
# The README's benchmark command: set-up, strict site build, then benchmarks/bench.py, which
# serves a copy of site/ on a free local port and measures it in Debian Chromium (start-up to
# the first timeline against the bare-Pyodide floor, input latency, long tasks, bytes,
# Lighthouse). Prints a table with each target's PASS/FAIL and writes build/bench.json.
# Options go to bench.py: --runs N (default 5), --changes N, --no-lighthouse,
# --lighthouse-runs N (default 5, median reported), --no-gzip,
# --site DIR.
# A report, not a test: it exits 0 when a target is missed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
echo "==> Strict site build"
.venv/bin/python scripts/build_site.py  # strict build, then each page's CSP
echo "==> Benchmark"
exec .venv/bin/python benchmarks/bench.py "$@"
