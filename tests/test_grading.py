"""Each reference scores 100% through its built zip; the blank notebook 0; check cells change nothing."""

import pytest

from conftest import ASSIGNMENTS

QUESTION_COLUMNS = lambda table: [c for c in table.columns if c.startswith("q")]


@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_reference_scores_full_marks(graded, hw):
    row = graded[hw].loc["reference.ipynb"]
    assert row.grading_status == "Completed"
    assert row.percent_correct == 1.0, row.to_dict()


@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_grade_does_not_depend_on_check_cells(graded, hw):
    table = graded[hw]
    columns = QUESTION_COLUMNS(table)
    assert table.loc["reference_no_checks.ipynb", columns].tolist() == table.loc["reference.ipynb", columns].tolist()


@pytest.mark.parametrize("hw", ASSIGNMENTS)
def test_blank_notebook_scores_zero_on_every_question(graded, hw):
    table = graded[hw]
    row = table.loc["blank.ipynb"]
    assert row.grading_status == "Completed", "the blank notebook must be graded, not crash the grader"
    assert (row[QUESTION_COLUMNS(table)] == 0).all(), row.to_dict()
