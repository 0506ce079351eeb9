"""The pinned versions, read once: ``constraints.txt`` (and any file layered on top of it).

Every script that needs a package's pinned version asks here, so the rules for reading a pin
(comments, environment markers, name normalisation) live in one place.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONSTRAINTS = ROOT / "constraints.txt"
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;#]+)")


def normalise(name: str) -> str:
    """A project name as PyPI compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def read_pins(*files: Path) -> dict[str, str]:
    """Normalised project name -> pinned version; a later file wins over an earlier one."""
    pins: dict[str, str] = {}
    for path in files or (CONSTRAINTS,):
        for line in path.read_text(encoding="utf-8").splitlines():
            match = PIN.match(line.split("#", 1)[0].strip())
            if match:
                pins[normalise(match.group(1))] = match.group(2)
    return pins
