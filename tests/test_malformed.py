"""Bad submissions never stop a batch: each gets a row with the points of what still passes and a
readable reason, none runs past the per-submission timeout, nothing it started or wrote outlives
it, and the honest submissions graded in the same batch get exactly what they get alone.

The batch and the case files are described in bad_submissions.py."""

import pytest

from bad_submissions import HONEST_VARIANTS, SUBCLASSED_MODEL, TIMEOUT, assert_status_says, cases_of, honest_part


def test_every_case_and_honest_notebook_has_a_row(batch):
    table = batch["table"]
    assert set(batch["cases"]) | {"honest fast.ipynb", "honest reference.ipynb"} <= set(table.index)
    assert (batch["out"] / "final_grades.csv").exists()
    assert (batch["out"] / "results" / "export with extra files.zip" / "results.json").exists()
    assert table["grading_status"].map(bool).all()


def test_honest_submissions_are_graded_as_when_alone(batch):
    table, alone, questions = batch["table"], batch["alone"], batch["questions"]
    columns = questions + ["total_points_earned"]
    for name in ["honest fast.ipynb", *HONEST_VARIANTS]:
        assert table.loc[name, columns].tolist() == alone.loc["honest fast.ipynb", columns].tolist(), table.loc[name]
    assert alone.loc["honest fast.ipynb", "total_points_earned"] > 0, "the fast notebook should earn points"
    assert table.loc["honest reference.ipynb", "percent_correct"] == 1.0, table.loc["honest reference.ipynb"]
    assert table.loc["honest reference.ipynb", "grading_status"] == "Completed"


@pytest.mark.parametrize("name", sorted(
    [c.name for c in cases_of("malformed")]
    + ["empty.ipynb", "not json.ipynb", "json not a notebook.ipynb", "deeply nested json.ipynb",
       "Übung Nº2 – élève v3.ipynb", "another assignment.ipynb", "200 MB of outputs.ipynb",
       "kernelspec rnn-course.ipynb", "cell sources not text.ipynb", "export with extra files.zip",
       "export without notebook.zip", "garbage.zip", "zip bomb.zip"]))
def test_bad_submission_gets_what_still_passes_and_a_reason(batch, name):
    kind, case = batch["cases"][name]
    row = batch["table"].loc[name]
    status = row["grading_status"]
    assert_status_says(case, status)
    for q in batch["questions"]:
        expected = honest_part(batch, case, q)
        assert row[q] == expected, f"{name} {q}: {row[q]} (expected {expected}); {status}"
    if case.loses is None:
        assert row["total_points_earned"] == 0


def test_a_model_of_the_notebooks_class_is_graded_in_the_kernel_not_flagged(batch):
    row, fast = batch["table"].loc[SUBCLASSED_MODEL], batch["alone"].loc["honest fast.ipynb"]
    assert "FLAGGED" not in row["grading_status"] and "q6 - 2" in row["grading_status"], row["grading_status"]
    assert row["q6"] == batch["table"].loc["points-per-question", "q6"] > fast["q6"], row
    assert row["total_points_earned"] == fast["total_points_earned"] + row["q6"], row


def test_the_endless_loop_is_stopped(batch):
    status = batch["table"].loc["endless_loop_ignoring_interrupts.ipynb", "grading_status"]
    assert status.startswith(f"timed out after {TIMEOUT} s"), status


def test_nothing_outlives_the_batch(batch):
    # the kernel runs in a session of its own, outlives_the_grading.py leaves a process that left
    # its session and its environment: the sandbox's end must end them all
    assert not batch["left running"], f"processes still running after the batch: {batch['left running']}"
    assert not batch["grades changed"], "final_grades.csv was changed after the batch"
    assert b"hacked" not in (batch["out"] / "final_grades.csv").read_bytes()
    assert not batch["work folders left"], f"grading folders left behind: {batch['work folders left']}"
    assert batch["outside files"] == [], f"files written outside the sandbox: {batch['outside files']}"


def test_every_malformed_case_is_graded_in_the_batch(batch):
    names = {c.name for c in cases_of("malformed")}
    assert names and names <= set(batch["table"].index)
