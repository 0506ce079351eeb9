#!/usr/bin/env bash
# Builds the site and serves it at http://127.0.0.1:8000 (Ctrl+C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
.venv/bin/python scripts/build_site.py  # strict build, then each page's CSP
echo "Serving the built site at http://127.0.0.1:8000/  (Ctrl+C to stop)"
exec .venv/bin/python scripts/serve_site.py --port "${PORT:-8000}" site
