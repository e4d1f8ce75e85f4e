"""The shapes and data facts the assignments promise, read off the reference before any training."""

import numpy as np
import nbformat
import pytest

from rnnhw import reference_notebook
from rnnhw.submissions import without_otter_cells


def run_until_training(notebook) -> dict:
    """Execute the reference's code cells in this process, stopping before the first model.fit."""
    import matplotlib
    matplotlib.use("Agg")
    namespace: dict = {}
    for cell in without_otter_cells(nbformat.read(notebook, as_version=4)).cells:
        if cell.cell_type != "code":
            continue
        if ".fit(" in cell.source:
            break
        exec(compile(cell.source, str(notebook), "exec"), namespace)
    return namespace


@pytest.fixture(scope="module")
def reference(fresh_build):
    return lambda hw: run_until_training(reference_notebook(hw, fresh_build))


def test_hw1_sentiment_data(reference):
    ns = reference("hw1_sentiment")
    assert (len(ns["train_data"]), len(ns["test_data"])) == (58, 21)
    assert ns["vocabulary"] == sorted(ns["vocabulary"]) and len(ns["vocabulary"]) == 18
    assert ns["nb_words"] == 10
    assert ns["X_train"].shape == (58, 10, 18) and ns["T_train"].shape == (58,)
    assert ns["X_test"].shape == (21, 10, 18) and ns["T_test"].shape == (21,)
    good = ns["vocabulary"].index("good")
    assert ns["X_train"][0, -1, good] == 1.0 and not ns["X_train"][0, :-1].any(), "'good' sits at the end"
    assert ns["T_train"][:2].tolist() == [1, 0]


def test_hw2_timeseries_windows(reference):
    ns = reference("hw2_timeseries")
    signal, X, t = ns["signal"], ns["X"], ns["t"]
    assert signal.shape == (10000,) and ns["window"] == 50
    assert X.shape == (9950, 50) and t.shape == (9950,)
    np.testing.assert_array_equal(t, signal[50:])  # the value right after each window
    np.testing.assert_array_equal(X[-1], signal[9949:9999])
    assert ns["X_train"].shape[0] == 9000 and ns["X_test"].shape[0] == 950
    np.testing.assert_array_equal(ns["X_test"][0].ravel(), signal[9000:9050])
