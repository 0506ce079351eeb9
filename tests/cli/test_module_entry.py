"""`python -m planner` as a real process: the exact contract in the README."""

import json
import subprocess
import sys


def run(*argv):
    return subprocess.run([sys.executable, "-m", "planner", *argv], capture_output=True,
                          text=True, timeout=60, check=False)


def test_python_m_planner_prints_json_steps():
    done = run("--interview", "2026-11-17", "--format", "json", "--today", "2026-11-22")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    kinds = {s["kind"] for s in result["steps"]}
    assert {"notes", "thank_you", "brief_references", "follow_up", "keep_searching"} <= kinds


def test_python_m_planner_reports_bad_input_with_exit_2():
    done = run("--interview", "2026-02-30", "--format", "json")
    assert done.returncode == 2 and done.stdout == ""
    assert json.loads(done.stderr)["errors"][0]["field"] == "interview_date"
    assert "Traceback" not in done.stderr


def test_help_lists_the_contract_options():
    done = run("--help")
    for option in ("--interview", "--interviewer", "--recruiter", "--decision-by",
                   "--decision-within", "--thanks", "--reference", "--country", "--today",
                   "--format"):
        assert option in done.stdout
