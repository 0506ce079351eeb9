"""The files the planner's Python comes from, as scripts/prepare_assets.py leaves them: the
standard library's boot archive holds only precompiled start-up modules, the second archive
the rest, both stored for the server's gzip; the service worker lists each in the right group;
the worker loads the boot one; the lock names the planner's import. (That the two archives
really serve the planner, holidays and icalendar: tests/pyodide/run_core_tests.mjs.)"""

from __future__ import annotations

import json
import re
import sys
import zipfile

from conftest import DOCS, ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import stdlib_zip
import sw_manifest

PYODIDE = DOCS / "assets" / "pyodide"
BOOT = PYODIDE / stdlib_zip.BOOT_NAME
LAZY = PYODIDE / stdlib_zip.LAZY_NAME


def test_the_boot_archive_holds_only_precompiled_modules_stored() -> None:
    with zipfile.ZipFile(BOOT) as boot:
        infos = boot.infolist()
    names = [i.filename for i in infos]
    assert names and all(n.endswith(".pyc") for n in names), [n for n in names if not n.endswith(".pyc")]
    assert "_stdlib_lazy.pyc" in names
    # Stored, not deflated: the server's gzip compresses the whole file.
    assert {i.compress_type for i in infos} == {zipfile.ZIP_STORED}
    manifest = json.loads((ROOT / "build" / "stdlib" / "python_stdlib.json").read_text())
    assert len(names) == len(manifest["compiled_modules"]) + 1


def test_the_second_archive_holds_the_rest_and_nothing_twice() -> None:
    with zipfile.ZipFile(BOOT) as boot, zipfile.ZipFile(LAZY) as lazy:
        boot_modules = {n[: -len(".pyc")] for n in boot.namelist()}
        lazy_infos = lazy.infolist()
    lazy_modules = {i.filename[: -len(".py")] for i in lazy_infos if i.filename.endswith(".py")}
    assert not boot_modules & lazy_modules
    assert {"email/utils", "importlib/resources/__init__", "zoneinfo/__init__", "difflib"} <= lazy_modules
    assert not any(n.endswith(".pyc") for n in (i.filename for i in lazy_infos))
    assert {i.compress_type for i in lazy_infos} == {zipfile.ZIP_STORED}


def test_the_archives_are_served_under_a_type_github_pages_gzips() -> None:
    # GitHub Pages compresses by content type (JSON yes, application/zip no): see
    # benchmarks/EXPERIMENTS.md, section 14.
    assert BOOT.name.endswith(".json") and LAZY.name.endswith(".json")


def test_the_worker_loads_the_boot_archive_and_mounts_the_second() -> None:
    worker = (DOCS / "assets" / "javascripts" / "planner-worker.js").read_text(encoding="utf-8")
    assert re.search(r'stdLibURL: PYODIDE_URL \+ "' + re.escape(BOOT.name) + '"', worker)
    assert f'PYODIDE_URL + "{LAZY.name}"' in worker
    assert "python_stdlib.zip" not in worker


def test_the_service_worker_saves_the_boot_archive_with_the_planner_and_the_second_when_used() -> None:
    groups = {f["url"]: f["group"] for f in sw_manifest.manifest(DOCS)["files"]}  # type: ignore[index]
    assert groups[f"assets/pyodide/{BOOT.name}"] == "planner"
    assert groups[f"assets/pyodide/{LAZY.name}"] == "lazy"
    assert not [u for u in groups if u.endswith("python_stdlib.zip")]


def test_the_lock_names_each_wheels_imports() -> None:
    lock = json.loads((DOCS / "assets" / "wheels" / "pyodide-lock.json").read_text())
    imports = {name: entry["imports"] for name, entry in lock["packages"].items()}
    assert imports["planner"] == ["planner"]
    assert imports["holidays"] == ["holidays"] and imports["icalendar"] == ["icalendar"]


def test_the_planner_wheel_ships_bytecode_not_source() -> None:
    (wheel,) = (DOCS / "assets" / "wheels").glob("planner-*.whl")
    with zipfile.ZipFile(wheel) as whl:
        names = whl.namelist()
    assert "planner/engine.pyc" in names and "planner/engine.py" not in names
    assert "planner/__init__.py" in names  # how tools find the wheel's import name
