"""The command-line contract that the browser and later checks rely on."""

import json

import pytest

from planner.cli import main

REQUIRED_STEP_FIELDS = {"date", "kind", "title", "to", "channel", "why", "sources", "guide"}


def run(capsys, *argv):
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


def test_json_output_has_steps_and_warnings(capsys):
    code, out, _ = run(capsys, "--interview", "2026-11-17", "--today", "2026-11-22",
                       "--format", "json")
    result = json.loads(out)
    assert code == 0 and set(result) == {"steps", "warnings"}
    for step in result["steps"]:
        assert REQUIRED_STEP_FIELDS <= set(step)
        assert step["sources"] and all(s.endswith(".txt") for s in step["sources"])


def test_options_reach_the_plan(capsys):
    code, out, _ = run(
        capsys, "--interview", "2026-11-17", "--today", "2026-11-22", "--format", "json",
        "--interviewer", "Ana Diaz <ana@acme.example>", "--interviewer", "Bo Li",
        "--recruiter", "Jo Park", "--decision-by", "2026-11-27", "--thanks", "email+card",
        "--reference", "Pat Kim", "--reference", "Lee Moss", "--country", "GB",
    )
    steps = json.loads(out)["steps"]
    assert code == 0
    thanks = [(s["to"], s["email"]) for s in steps if s["kind"] == "thank_you"]
    assert thanks == [("Ana Diaz", "ana@acme.example"), ("Bo Li", None)]
    assert [s["to"] for s in steps if s["kind"] == "brief_references"] == ["Pat Kim", "Lee Moss"]
    assert [s["kind"] for s in steps].count("thank_you_card") == 2
    assert any(s["kind"] == "recruiter_debrief" and s["to"] == "Jo Park" for s in steps)
    assert next(s["date"] for s in steps if s["kind"] == "follow_up") == "2026-11-30"


@pytest.mark.parametrize(
    ("within", "first_follow_up"),
    [("10d", "2026-11-30"), ("2w", "2026-12-02")],  # 27 Nov (Fri) -> Mon; 1 Dec (Tue) -> Wed
)
def test_decision_within_days_or_weeks(capsys, within, first_follow_up):
    _, out, _ = run(capsys, "--interview", "2026-11-17", "--decision-within", within,
                    "--today", "2026-11-22", "--format", "json")
    assert next(s["date"] for s in json.loads(out)["steps"] if s["kind"] == "follow_up") == (
        first_follow_up
    )


@pytest.mark.parametrize(
    ("argv", "field"),
    [
        (["--interview", "2026-02-30"], "interview_date"),
        (["--interview", "2026-11-17", "--decision-within", "0w"], "decision_within"),
        (["--interview", "2026-11-17", "--interviewer", ""], "interviewers[0].name"),
        (["--interview", "2026-11-17", "--interviewer", "Ana <not-an-email>"],
         "interviewers[0].email"),
        (["--interview", "2026-11-17", "--thanks", "fax"], "thanks"),
        (["--interview", "2026-11-17", "--today", "2026-02-30"], "today"),  # a later --today wins
        (["--interview", "2026-11-17", "--no-such-option"], "arguments"),
    ],
)
def test_invalid_input_exits_2_with_json_errors_on_stderr(capsys, argv, field):
    code, out, err = run(capsys, "--today", "2026-11-22", *argv, "--format", "json")
    assert code == 2 and out == ""
    errors = json.loads(err)["errors"]
    assert field in [e["field"] for e in errors]
    assert all(e["message"] for e in errors)


def test_invalid_input_in_text_mode_is_readable(capsys):
    code, out, err = run(capsys, "--interview", "2026-11-17", "--decision-within", "500w",
                         "--today", "2026-11-22")
    assert code == 2 and out == ""
    assert "error: decision_within:" in err and "Traceback" not in err


def test_text_output_lists_each_step_with_its_sources(capsys):
    code, out, _ = run(capsys, "--interview", "2026-11-17", "--today", "2026-11-22",
                       "--interviewer", "Ana Diaz")
    assert code == 0
    assert "2026-11-18  Email a thank-you to Ana Diaz" in out
    assert "sources: 000_42ab17348a27d124.txt, 001_41c6f6be0ced790e.txt" in out
    assert "<- next" in out
