"""The second standard-library archive, loaded only when something needs it.

Shipped inside the boot archive as the module ``_stdlib_lazy`` (scripts/build_stdlib.mjs adds it,
with ``LAZY_MODULES`` filled in). The boot archive (``stdLibURL``) holds only what the planner
imports before its first plan; every other module of the standard library is in the second
archive, which this module puts on ``sys.path`` when it arrives:

- the worker fetches it (asynchronously, beside the wheels) the first time a request needs
  holidays or icalendar, writes it to ``ARCHIVE`` and calls ``mount()``;
- for any other, rarer path, ``install(read)`` registers an import hook: the first import of a
  module that only the second archive has calls ``read()`` (a synchronous read: an XHR in the
  worker, a file read under Node), mounts the archive and carries on with the import.

Runs inside Pyodide only, and imports nothing that the boot archive lacks.
"""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

# Every module (dotted name) of the second archive. The build appends the real set.
LAZY_MODULES: frozenset[str] = frozenset()

BOOT = "/lib/python{}{}.zip".format(*sys.version_info[:2])
ARCHIVE = "/lib/python{}{}-lazy.zip".format(*sys.version_info[:2])

_state: dict[str, Any] = {"mounted": False, "read": None}


def mounted() -> bool:
    return bool(_state["mounted"])


def mount(data: bytes | None = None) -> None:
    """Put the second archive on sys.path (``data``: its bytes, else already at ``ARCHIVE``).

    Packages split between the two archives (``email``, ``importlib``, ``encodings``...: their
    ``__init__`` is imported at start, some submodules are not) get the second archive's folder
    added to their ``__path__``."""
    if _state["mounted"]:
        return
    if data is not None:
        with open(ARCHIVE, "wb") as f:
            f.write(data)
    where = sys.path.index(BOOT) + 1 if BOOT in sys.path else len(sys.path)
    sys.path.insert(where, ARCHIVE)
    split = sorted({parent for name in LAZY_MODULES
                    for parent in _parents(name) if parent not in LAZY_MODULES})
    for package in split:  # parents first: sorted puts "a" before "a.b"
        module = importlib.import_module(package)
        extra = ARCHIVE + "/" + package.replace(".", "/")
        if extra not in module.__path__:
            module.__path__.append(extra)
    importlib.invalidate_caches()
    _state["mounted"] = True


def _parents(name: str) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


class LazyStdlibFinder:
    """Mounts the second archive when a module only it has is first imported."""

    @classmethod
    def find_spec(cls, name: str, path: Any = None, target: Any = None) -> Any:
        read = _state["read"]
        if _state["mounted"] or name not in LAZY_MODULES or read is None:
            return None
        data = read()
        mount(data.to_bytes() if hasattr(data, "to_bytes") else bytes(data))
        if "." in name:
            path = sys.modules[name.rpartition(".")[0]].__path__
        for finder in sys.meta_path:
            if getattr(finder, "__name__", "") == "PathFinder":
                return finder.find_spec(name, path, target)
        return None


def install(read: Callable[[], Any]) -> None:
    """Register the import hook, just after the standard path finder (before Pyodide's own
    finder that reports packages of its distribution as not installed)."""
    _state["read"] = read
    if LazyStdlibFinder in sys.meta_path:
        return
    names = [getattr(f, "__name__", "") for f in sys.meta_path]
    where = names.index("PathFinder") + 1 if "PathFinder" in names else len(sys.meta_path)
    sys.meta_path.insert(where, LazyStdlibFinder)
