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


def test_bytes_that_are_not_utf8_get_a_message_on_their_field_not_a_traceback():
    # A name typed in a Latin-1 terminal: the shell hands Python bytes that are not UTF-8.
    done = subprocess.run(
        [sys.executable, "-m", "planner", "--interview", "2026-11-17", "--today", "2026-11-22",
         "--company", b"Caf\xe9".decode("utf-8", "surrogateescape"), "--format", "json"],
        capture_output=True, timeout=60, check=False,
    )
    assert done.returncode == 2, done.stderr
    errors = json.loads(done.stderr.decode("utf-8"))["errors"]
    assert [e["field"] for e in errors] == ["company"]
    assert "retype it" in errors[0]["message"]


def test_a_title_with_no_interviewer_is_reported_on_its_row():
    done = run("--interview", "2026-11-17", "--today", "2026-11-22", "--interviewer", "Ana",
               "--interviewer-title", "CTO", "--interviewer-title", "Head of Data",
               "--format", "json")
    assert done.returncode == 2
    errors = json.loads(done.stderr)["errors"]
    assert [e["field"] for e in errors] == ["interviewers[1].title"]


def test_the_same_interviewer_twice_is_reported_on_the_second_row():
    done = run("--interview", "2026-11-17", "--today", "2026-11-22", "--interviewer", "Ana Diaz",
               "--interviewer", "ana  diaz <ana@acme.example>", "--format", "json")
    assert done.returncode == 2
    errors = json.loads(done.stderr)["errors"]
    assert [e["field"] for e in errors] == ["interviewers[1].name"]


def test_what_the_employer_did_is_taken_on_the_command_line():
    common = ("--interview", "2026-11-17", "--decision-by", "2026-11-27", "--format", "json",
              "--today", "2026-12-03")
    done = run(*common, "--heard", "rejected", "--heard-on", "2026-11-25")
    assert done.returncode == 0, done.stderr
    kinds = [(s["date"], s["kind"]) for s in json.loads(done.stdout)["steps"]]
    assert ("2026-11-26", "gracious_reply") in kinds
    assert not [k for d, k in kinds if d >= "2026-11-25" and k in ("follow_up", "decision_due")]
    moved = run(*common, "--heard", "new_date", "--heard-on", "2026-11-27",
                "--new-decision-by", "2026-12-04")
    steps = json.loads(moved.stdout)["steps"]
    assert [s["date"] for s in steps if s["kind"] == "decision_due"] == ["2026-12-04"]
    missing = run(*common, "--heard", "replied")
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    assert json.loads(missing.stderr)["errors"][0]["field"] == "heard_on"
