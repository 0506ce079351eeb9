#!/usr/bin/env bash
# Installs everything the site build and the tests need. Safe to run again: each step
# checks what is already there. Called by scripts/serve.sh and scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# 1. Debian packages the tests use: Chromium for the browser tests and the benchmark
#    (Playwright's own browser download is not used), and calcurse, a real calendar program
#    the calendar file is imported into. Installed only when missing and when we may: as root,
#    or through sudo when it needs no password (as on CI runners).
debs=()
[ "${SKIP_CHROMIUM:-}" = 1 ] || command -v chromium >/dev/null 2>&1 || debs+=(chromium)
command -v calcurse >/dev/null 2>&1 || debs+=(calcurse)
if [ "${#debs[@]}" -gt 0 ]; then
  as_root=()
  [ "$(id -u)" = 0 ] || as_root=(sudo -n)
  if [ "$(id -u)" = 0 ] || sudo -n true 2>/dev/null; then
    say "Installing Debian ${debs[*]}"
    "${as_root[@]}" apt-get update -qq
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${debs[@]}" >/dev/null
  else
    echo "missing: run 'sudo apt-get install ${debs[*]}' (needed by the tests)." >&2
  fi
fi

# 2. A Python >= 3.12 (the pyodide tooling needs it; .python-version asks pyenv for 3.13).
pick_python() {
  for cand in python python3 python3.13 python3.12; do
    if command -v "$cand" >/dev/null 2>&1 &&
       "$cand" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; then
      echo "$cand"; return 0
    fi
  done
  echo "No Python >= 3.12 found (pyenv install 3.13, or apt-get install python3.12)." >&2
  return 1
}

# 3. The virtual environment, rebuilt only when the pins change.
stamp=.venv/.installed
want="$(cat requirements-dev.txt constraints.txt pyproject.toml | sha256sum | cut -c1-16)"
if [ ! -x .venv/bin/python ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  py="$(pick_python)"
  say "Creating .venv with $("$py" --version)"
  [ -x .venv/bin/python ] || "$py" -m venv .venv
  .venv/bin/python -m pip install -qq --disable-pip-version-check -r requirements-dev.txt -c constraints.txt
  echo "$want" > "$stamp"
fi

# 4. npm packages (Pyodide itself and the browser-side test tools), exactly as locked.
want_npm="$(sha256sum package-lock.json | cut -c1-16)"
if [ ! -d node_modules ] || [ "$(cat node_modules/.installed 2>/dev/null)" != "$want_npm" ]; then
  say "Installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want_npm" > node_modules/.installed
fi

# 5. The files the site serves that are built, not written: self-hosted Pyodide and the
#    planner's wheel.
.venv/bin/python scripts/prepare_assets.py
