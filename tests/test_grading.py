"""Every verdict of `rnnhw validate`: each graded with the built zip's tests (every kind also with otter run).

The reference scores 100% with and without its grader.check cells and under other seeds; the blank
notebook scores 0 on every question; wrong answers lose points on their question; right answers keep
full marks.
"""

import pytest

from helpers import ASSIGNMENTS, SEEDS


def rows(validity, hw, kind):
    return [r for r in validity[hw]["rows"] if r["kind"] == kind]


@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_reference_scores_full_marks(validity, hw):
    [reference] = rows(validity, hw, "reference")
    assert reference["status"] == "Completed" and reference["ok"], reference


@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_grade_does_not_depend_on_check_cells(validity, hw):
    [row] = rows(validity, hw, "no-checks")
    assert row["ok"], row


@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_blank_notebook_scores_zero_on_every_question(validity, hw):
    [blank] = rows(validity, hw, "blank")
    assert blank["status"] == "Completed", "the blank notebook must be graded, not crash the grader"
    assert blank["ok"], blank


@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_every_wrong_answer_loses_points_on_its_question(validity, hw):
    wrong = rows(validity, hw, "wrong")
    assert len(wrong) >= 8
    assert not [r["submission"] + ": " + r["verdict"] for r in wrong if not r["ok"]]


@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_every_right_answer_keeps_full_marks(validity, hw):
    right = rows(validity, hw, "right")
    assert len(right) >= 4
    assert not [(r["submission"], r["scores"]) for r in right if not r["ok"]]


@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_reference_keeps_full_marks_under_other_seeds(validity, hw):
    seeded = rows(validity, hw, "autograder-seed") + rows(validity, hw, "student-seed")
    assert len(seeded) == 2 * SEEDS
    assert not [(r["submission"], r["scores"]) for r in seeded if not r["ok"]]


@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_a_wrong_answer_is_graded_once_more_with_otter_run_and_every_such_grade_agrees(validity, hw):
    """The shared-kernel shortcut of validate gives the scores of `otter run`."""
    checked = [r for r in validity[hw]["rows"] if r["otter_run"] is not None]
    assert "wrong" in {r["kind"] for r in checked}
    assert not [(r["submission"], r["scores"], r["otter_run"]) for r in checked if r["otter_run"] != r["scores"]]


def test_every_kind_is_graded_once_more_with_otter_run_in_some_assignment(validity):
    """make test spreads the kinds over the assignments (make validity checks each kind in each)."""
    every = [r for hw in ASSIGNMENTS for r in validity[hw]["rows"]]
    assert {r["kind"] for r in every if r["otter_run"] is not None} == {r["kind"] for r in every}


@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_seed_runs_train_for_themselves(validity, hw):
    """A reseeded reference must really train: reused training would prove nothing about the seed."""
    seeded = rows(validity, hw, "autograder-seed") + rows(validity, hw, "student-seed")
    assert not [r["submission"] for r in seeded if r["training_reused"]]
