"""The calendar file, imported into a real calendar program: Debian's ``calcurse``.

``python -m planner --format ics`` writes the file the planner page downloads; calcurse imports
it into a fresh data folder, and every step must be there on its date with its title, with the
reminder flag on every timed step when a reminder was asked for (calcurse keeps alarms on
appointments only; the all-day steps' alarms are checked in tests/core/test_ics.py).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

FORM = [
    "--interview", "2026-11-17", "--start", "10:00", "--end", "11:00",
    "--company", "Acme", "--role", "Data analyst",
    "--interviewer", "Ana Diaz <ana@acme.example>", "--interviewer", "Bo Li",
    "--decision-by", "2026-11-27", "--reference", "Pat Kim",
]
# calcurse's data file: "MM/DD/YYYY @ HH:MM -> MM/DD/YYYY @ HH:MM>NOTE !title" for an
# appointment ("!" when it will notify, "|" when not), "MM/DD/YYYY [1] >NOTE title" for an event.
APPOINTMENT = re.compile(
    r"^(\d\d/\d\d/\d{4}) @ (\d\d:\d\d) -> (\d\d/\d\d/\d{4}) @ (\d\d:\d\d)(?:>\w+ )?([!|])(.*)$"
)
EVENT = re.compile(r"^(\d\d/\d\d/\d{4}) \[1\] (?:>\w+ )?(.*)$")


def planner(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "planner", *argv], capture_output=True,
                          text=True, timeout=120, check=False)


def steps(today: str) -> list[dict[str, Any]]:
    done = planner(*FORM, "--today", today, "--format", "json")
    assert done.returncode == 0, done.stderr
    result: list[dict[str, Any]] = json.loads(done.stdout)["steps"]
    return result


def imported(tmp_path: Path, *options: str) -> list[tuple[str, str | None, str | None, str]]:
    """Import ``python -m planner --format ics`` output into a fresh calcurse; return
    (date, start, end or None, title + notify flag) per item, from calcurse's own data file."""
    calcurse = shutil.which("calcurse")
    assert calcurse, "calcurse is missing: scripts/setup.sh installs it (apt-get install calcurse)"
    done = planner(*FORM, "--format", "ics", *options)
    assert done.returncode == 0, done.stderr
    ics = tmp_path / "plan.ics"
    ics.write_text(done.stdout, encoding="utf-8")
    data, conf = tmp_path / "data", tmp_path / "conf"
    data.mkdir()
    conf.mkdir()
    report = subprocess.run([calcurse, "-D", str(data), "-C", str(conf), "-i", str(ics)],
                            capture_output=True, text=True, timeout=60, check=True,
                            stdin=subprocess.DEVNULL)
    assert " 0 skipped" in report.stdout, report.stdout  # calcurse understood every item
    items = []
    for line in (data / "apts").read_text(encoding="utf-8").splitlines():
        if match := APPOINTMENT.match(line):
            day, start, end_day, end, flag, title = match.groups()
            assert end_day == day
            items.append((_iso(day), start, end, flag + title))
        elif match := EVENT.match(line):
            items.append((_iso(match[1]), None, None, match[2]))
        else:
            pytest.fail(f"calcurse wrote a line this test cannot read: {line!r}")
    return sorted(items, key=lambda i: (i[0], i[1] or "", i[3]))


def _iso(us_date: str) -> str:
    return dt.datetime.strptime(us_date, "%m/%d/%Y").date().isoformat()


def expected(plan: list[dict[str, Any]], notify: bool) -> list[tuple[str, str | None, str | None, str]]:
    rows = []
    for step in plan:
        title = step["title"] + (" (optional)" if step["optional"] else "")
        if step["time"]:
            flag = "!" if notify else "|"
            rows.append((step["date"], step["time"]["start"], step["time"]["end"], flag + title))
        else:
            rows.append((step["date"], None, None, title))
    return sorted(rows, key=lambda i: (i[0], i[1] or "", i[3]))


def test_every_step_arrives_in_calcurse_with_its_date_title_and_reminder(tmp_path: Path) -> None:
    plan = steps("2026-11-17")
    assert any(s["time"] for s in plan) and any(not s["time"] for s in plan)
    got = imported(tmp_path, "--today", "2026-11-17", "--reminder", "morning")
    assert got == expected(plan, notify=True)


def test_without_a_reminder_calcurse_has_nothing_to_notify(tmp_path: Path) -> None:
    got = imported(tmp_path, "--today", "2026-11-17", "--reminder", "none")
    assert got == expected(steps("2026-11-17"), notify=False)


def test_by_default_only_steps_from_today_on_are_imported(tmp_path: Path) -> None:
    plan = steps("2026-11-20")
    later = [s for s in plan if s["date"] >= "2026-11-20"]
    assert 0 < len(later) < len(plan)
    assert imported(tmp_path, "--today", "2026-11-20") == expected(later, notify=True)
    again = tmp_path / "all"
    again.mkdir()
    assert imported(again, "--today", "2026-11-20", "--include-past") == expected(plan, notify=True)


def test_a_bad_reminder_exits_2_with_a_message() -> None:
    done = planner(*FORM, "--format", "ics", "--reminder", "noon")
    assert done.returncode == 2 and done.stdout == ""
    assert "--reminder" in done.stderr and "Traceback" not in done.stderr
    done = planner(*FORM, "--format", "ics", "--today", "2027-06-01")
    assert done.returncode == 2 and done.stdout == ""
    assert "error: include_past: Every step of this plan is before today" in done.stderr
