"""The Python half of scripts/build_stdlib.mjs: run inside Pyodide (under Node), never by CPython.

build_stdlib.mjs boots Pyodide, runs this file's source there and calls these functions, so
the code is checked by ruff and mypy like any other. Nothing runs on import, and the modules
the tools need are imported inside the functions that use them: the trace of what the planner
imports (``zip_modules`` after ``representative_run``) must not include this file's own needs.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

STDLIB = "/lib/python{}{}.zip".format(*sys.version_info[:2])


def representative_run() -> None:
    """What the planner page does on its first render: every module of the planner package the
    page may import at start (not the command line, not the calendar file, which loads
    icalendar lazily), a plan, a form with errors, a share link there and back, and the same
    through the worker's entry point. Any failure is fatal: the trace must be the real one."""
    import datetime
    import json

    import planner

    here = os.path.dirname(planner.__file__ or "")
    if ".whl/" in here:  # imported from the wheel itself, as the browser worker does
        import zipfile  # (imported by Pyodide's own start-up anyway)

        wheel = here[: here.index(".whl/") + len(".whl")]
        entries = [n.split("/", 1)[1] for n in zipfile.ZipFile(wheel).namelist()
                   if n.startswith("planner/") and n.count("/") == 1]
    else:
        entries = os.listdir(here)
    for entry in sorted(set(entries)):
        name, ext = os.path.splitext(entry)
        if ext in (".py", ".pyc") and name not in ("__init__", "__main__", "cli", "ics"):
            importlib.import_module("planner." + name)
    from planner import api, share, web

    raw = {
        "interview_date": "2026-11-17", "interview_start": "10:00", "interview_end": "11:00",
        "format": "video", "round": "first", "company": "Acme", "role": "Data analyst",
        "interviewers": [{"name": "Ana Diaz", "title": "Head of Data",
                          "email": "ana@acme.example"}],
        "recruiter": "Jo at TalentCo", "decision_by": "2026-11-27", "references": ["Pat Kim"],
    }
    today = datetime.date(2026, 11, 16)
    plan = api.plan_dict(raw, today)
    assert "steps" in plan, plan
    bad = api.plan_dict({"interview_date": "17/11"}, today)
    assert "errors" in bad, bad
    link = share.encode(raw)
    assert share.decode(link).raw["company"] == "Acme"
    answer = json.loads(web.handle(json.dumps({"op": "decode", "fragment": "#p=" + link})))
    answer = json.loads(web.handle(json.dumps(
        {"op": "plan", "form": answer["form"], "today": "2026-11-16", "site": "https://x.example/"}
    )))
    assert "steps" in answer, answer


def zip_modules() -> dict[str, str]:
    """Modules imported so far that came from the standard library zip: name -> member."""
    prefix = STDLIB + "/"
    out = {}
    for name, mod in list(sys.modules.items()):
        origin = getattr(getattr(mod, "__spec__", None), "origin", None)
        if isinstance(origin, str) and origin.startswith(prefix):
            out[name] = origin[len(prefix):]
    return dict(sorted(out.items()))


def member_module(name: str) -> str:
    parts = name[:-3].split("/")
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def stdlib_members() -> list[str]:
    import zipfile

    return [n for n in zipfile.ZipFile(STDLIB).namelist()
            if n.endswith(".py") and not n.startswith("site-packages/")]


def probe(no_probe: list[str]) -> dict[str, Any]:
    """Imports every module of the zip: which import, which need a C extension Pyodide lacks."""
    mods = sorted({member_module(n) for n in stdlib_members()})
    known = set(mods)
    ok: list[str] = []
    missing_c: dict[str, str] = {}
    other: dict[str, str] = {}
    for m in mods:
        if m.split(".")[-1] == "__main__" or m.split(".")[0] in no_probe:
            continue
        try:
            importlib.import_module(m)
            ok.append(m)
        except ModuleNotFoundError as e:
            # A missing C extension (not a module of the zip) can never work here.
            if e.name and e.name not in known and e.name.split(".")[0] not in known:
                missing_c[m] = e.name
            else:
                other[m] = repr(e)
        except BaseException as e:  # noqa: BLE001 - reported, not judged
            other[m] = repr(e)
    return {"ok": ok, "missing_c": missing_c, "other": other}


def _dropped(mod: str, drop: list[str]) -> bool:
    return any(mod == d or mod.startswith(d + ".") for d in drop)


def _compile(data: bytes, dfile: str, optimize: int, columns: bool = True) -> bytes:
    """Unchecked hash-based .pyc by the CPython that will import it; ``dfile`` is the path
    tracebacks show. ``columns=False``: line tables without column positions (see
    ``without_columns``)."""
    import marshal
    import py_compile

    with open("/tmp/m.py", "wb") as f:
        f.write(data)
    py_compile.compile("/tmp/m.py", cfile="/tmp/m.pyc", dfile=dfile, doraise=True,
                       invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
                       optimize=optimize)
    with open("/tmp/m.pyc", "rb") as f:
        pyc = f.read()
    if columns:
        return pyc
    return pyc[:16] + marshal.dumps(without_columns(marshal.loads(pyc[16:])))


def _varint(value: int) -> bytes:
    out = bytearray()
    while value >= 64:
        out.append(64 | (value & 63))
        value >>= 6
    out.append(value)
    return bytes(out)


def _svarint(value: int) -> bytes:
    return _varint((-value << 1) | 1 if value < 0 else value << 1)


def without_columns(code: Any) -> Any:
    """The same code object (and nested ones) with a line table that keeps every instruction's
    line number but no column positions (the "no column info" entries of CPython's location
    table, InternalDocs/code_objects.md): tracebacks still name the line, without the ``^^^``
    marks under the failing expression. Checked: the line of every instruction is unchanged."""
    positions = list(code.co_positions())
    if len(positions) != len(code.co_code) // 2:
        raise ValueError(f"{code.co_name}: {len(positions)} positions for {len(code.co_code) // 2} units")
    table = bytearray()
    line = code.co_firstlineno
    i = 0
    while i < len(positions):
        here = positions[i][0]
        n = 1
        while n < 8 and i + n < len(positions) and positions[i + n][0] == here:
            n += 1
        if here is None:
            table.append(0x80 | (15 << 3) | (n - 1))
        else:
            table.append(0x80 | (13 << 3) | (n - 1))
            table += _svarint(here - line)
            line = here
        i += n
    consts = tuple(without_columns(c) if hasattr(c, "co_positions") else c for c in code.co_consts)
    new = code.replace(co_linetable=bytes(table), co_consts=consts)
    if [p[0] for p in new.co_positions()] != [p[0] for p in positions]:
        raise ValueError(f"{code.co_name}: line numbers changed")
    return new


def _skip(name: str, drop: list[str]) -> bool:
    if name.endswith(".py") and not name.startswith("site-packages/"):
        return _dropped(member_module(name), drop)
    if name.endswith("/"):
        return _dropped(name[:-1].replace("/", "."), drop)
    return any(name.startswith(d.replace(".", "/") + "/") for d in drop)


def build(out: str, compile_members: list[str], keep_source: bool, drop: list[str], level: int,
          optimize: int, lazy_out: str | None = None, store: bool = False, columns: bool = True,
          lazy_source: str | None = None) -> dict[str, Any]:
    """The new zip: ``compile_members`` as .pyc (and .py if ``keep_source``), ``drop`` left out.

    With ``lazy_out``, two archives: ``out`` (the boot archive) holds only the compiled
    members, plus ``_stdlib_lazy`` compiled from ``lazy_source`` with the set of modules of
    ``lazy_out``, which holds everything else. ``store``: entries without deflate (ZIP_STORED),
    for a server that gzips the whole file. ``columns=False``: line tables without columns."""
    import zipfile

    members = set(compile_members)
    src = zipfile.ZipFile(STDLIB)
    stats: dict[str, Any] = {"compiled": 0, "dropped_files": 0, "lazy_files": 0}
    kind = zipfile.ZIP_STORED if store else zipfile.ZIP_DEFLATED

    def put(dst: zipfile.ZipFile, name: str, data: bytes, like: zipfile.ZipInfo) -> None:
        info = zipfile.ZipInfo(name, date_time=like.date_time)
        info.compress_type = zipfile.ZIP_STORED if name.endswith("/") else kind
        info.external_attr = like.external_attr
        dst.writestr(info, data, compresslevel=None if store else level)

    lazy_modules: list[str] = []
    with (zipfile.ZipFile(out, "w") as dst,
          zipfile.ZipFile(lazy_out or "/tmp/unused.zip", "w") as lazy):
        for info in src.infolist():
            name = info.filename
            if _skip(name, drop):
                stats["dropped_files"] += not name.endswith("/")
                continue
            data = src.read(name)
            if name in members:
                put(dst, name[:-3] + ".pyc", _compile(data, STDLIB + "/" + name, optimize, columns), info)
                stats["compiled"] += 1
                if not keep_source:
                    continue
            if lazy_out is None:
                put(dst, name, data, info)
            elif not name.endswith("/"):  # folder entries: zipimport does not need them
                put(lazy, name, data, info)
                stats["lazy_files"] += 1
                if name.endswith(".py") and not name.startswith("site-packages/"):
                    lazy_modules.append(member_module(name))
        if lazy_out is not None:
            source = (lazy_source or "") + f"\nLAZY_MODULES = frozenset({sorted(lazy_modules)!r})\n"
            put(dst, "_stdlib_lazy.pyc",
                _compile(source.encode(), STDLIB + "/_stdlib_lazy.py", optimize, columns), src.infolist()[0])
            stats["lazy_modules"] = len(lazy_modules)
    return stats


def import_all(must: list[str]) -> dict[str, str]:
    """Modules of ``must`` that no longer import, with why."""
    failed = {}
    for m in must:
        try:
            importlib.import_module(m)
        except BaseException as e:  # noqa: BLE001 - reported
            failed[m] = repr(e)
    return failed


def from_source(traced: list[str]) -> list[str]:
    """Traced modules that were not loaded from a .pyc."""
    return [n for n in traced if not getattr(sys.modules[n], "__file__", "").endswith(".pyc")]


def use_optional(name: str) -> None:
    """A real use of an optional package, not just its import."""
    import datetime

    if name == "holidays":
        import holidays

        assert datetime.date(2026, 12, 25) in holidays.country_holidays("GB", years=2026)
    elif name == "icalendar":
        import zoneinfo

        import icalendar

        cal = icalendar.Calendar()
        cal.add("prodid", "-//test//")
        cal.add("version", "2.0")
        event = icalendar.Event()
        event.add("summary", "x")
        event.add("dtstart", datetime.datetime(2026, 11, 18, 9,
                                               tzinfo=zoneinfo.ZoneInfo("Europe/London")))
        cal.add_component(event)
        assert b"BEGIN:VEVENT" in cal.to_ical()
    else:
        importlib.import_module(name)


def compile_wheel(src: str, out: str, columns: bool = True, keep_source: bool = True) -> int:
    """A pure-Python wheel with an unchecked hash-based .pyc in __pycache__ beside each module
    (the .py kept, so tracebacks show the source), RECORD updated. Returns the count.
    ``keep_source=False``: each module as a sourceless .pyc in place of its .py (tracebacks then
    name the file and line, without the line's text), except packages' ``__init__.py``, kept
    with their .pyc in __pycache__: tools that read a wheel's import names from its files
    (``pyodide lockfile add-wheels``) look for a package's ``.py``."""
    import base64
    import hashlib
    import zipfile

    tag = sys.implementation.cache_tag
    zin = zipfile.ZipFile(src)
    record_name = next(n for n in zin.namelist() if n.endswith(".dist-info/RECORD"))
    site = "/lib/python{}.{}/site-packages/".format(*sys.version_info[:2])
    added = []
    removed = set()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
        for info in zin.infolist():
            if info.filename == record_name:
                continue
            data = zin.read(info)
            name = info.filename
            module = name.endswith(".py") and ".dist-info/" not in name and ".data/" not in name
            keep = keep_source or name.endswith("/__init__.py")
            if keep or not module:
                zout.writestr(info, data, compresslevel=9)
            if not module:
                continue
            pyc = _compile(data, site + name, -1, columns)
            head, base = os.path.split(name)
            if keep:
                pyc_name = (head + "/" if head else "") + f"__pycache__/{base[:-3]}.{tag}.pyc"
            else:
                pyc_name = name[:-3] + ".pyc"
                removed.add(name)
            zi = zipfile.ZipInfo(pyc_name, date_time=info.date_time)
            zi.external_attr = info.external_attr
            zout.writestr(zi, pyc, zipfile.ZIP_DEFLATED, 9)
            digest = base64.urlsafe_b64encode(hashlib.sha256(pyc).digest()).rstrip(b"=").decode()
            added.append(f"{pyc_name},sha256={digest},{len(pyc)}")
        record = zin.read(record_name).decode().rstrip("\n").split("\n")
        lines = [line for line in record
                 if not line.startswith(record_name + ",") and line.split(",")[0] not in removed]
        lines += [*added, record_name + ",,"]
        zi = zipfile.ZipInfo(record_name, date_time=zin.getinfo(record_name).date_time)
        zout.writestr(zi, "\n".join(lines) + "\n", zipfile.ZIP_DEFLATED, 9)
    return len(added)
